#!/usr/bin/env python3
"""PHI on the labeled posts: presidio used the plain way vs policylint (the CLI, exactly as score.py runs it).

    .venv/bin/python benchmarks/phi_posts.py            # this table only
    .venv/bin/python benchmarks/identifiers.py          # identifiers + deidgate + this table, one run

policylint: ``score.py`` (shared/eval) writes each post to its own file, runs ONE
``policylint check --format json`` process over the folder (default packs), and a post is flagged for
``phi`` when a phi finding has severity error or warning; a labeled PHI span is found when a phi
finding overlaps it.

presidio-plain: ``AnalyzerEngine.analyze(text, language="en")`` with the predefined recognizers on the
same spaCy pipeline (no context, no allow-lists). A post is flagged when presidio returns ANY entity
with score >= 0.5 (row ">=0.5"), or any entity at all (row "any", presidio's default threshold 0);
a labeled PHI span is found when a returned entity over that threshold overlaps it.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/eval")
POSTS = EVAL / "posts-dev.jsonl"
SCORE_PY = EVAL / "score.py"


def load_posts(path: Path = POSTS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("policylint_eval_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def policylint_command() -> str:
    exe = Path(sys.executable).parent / "policylint"
    return f"{exe} check" if exe.exists() else f"{sys.executable} -m policylint check"


def policylint_row(posts_path: Path = POSTS) -> dict:
    """score.py's own figures for category phi (one CLI process over a temp folder of the posts)."""
    result = _score_module().score(posts_path, policylint_command())
    row = result["categories"]["phi"]
    return {"tp": row["tp"], "fp": row["fp"], "fn": row["fn"], "precision": row["precision"],
            "recall": row["recall"], "span_recall": result["phi_span_recall"], "spans": result["phi_spans"],
            "seconds": result["seconds"]}


def presidio_results(analyzer: Any, posts: list[dict]) -> list[list[Any]]:
    return [analyzer.analyze(text=post["text"], language="en") for post in posts]


def presidio_row(posts: list[dict], results: list[list[Any]], threshold: float) -> dict:
    tp = fp = fn = 0
    spans_total = spans_found = 0
    for post, found in zip(posts, results):
        kept = [r for r in found if r.score >= threshold]
        gold, predicted = bool(post["labels"]["phi"]), bool(kept)
        tp += gold and predicted
        fp += (not gold) and predicted
        fn += gold and not predicted
        for span in post.get("phi_spans", []):
            begin = post["text"].find(span["text"])
            if begin < 0:
                continue
            spans_total += 1
            end = begin + len(span["text"])
            spans_found += any(r.start < end and begin < r.end for r in kept)
    ratio = lambda a, b: a / b if b else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
            "span_recall": ratio(spans_found, spans_total), "spans": spans_total}


def print_table(rows: list[tuple[str, dict]], n_posts: int) -> None:
    fmt = lambda v: "   n/a" if v is None else f"{v:6.3f}"
    print(f"\n== 3. PHI on labeled posts ({POSTS.name}, {n_posts} posts): post-level category phi ==")
    print(f"{'system':<30}{'prec':>7}{'recall':>8}{'span-R':>8}   tp  fp  fn")
    for name, r in rows:
        print(f"{name:<30}{fmt(r['precision']):>7}{fmt(r['recall']):>8}{fmt(r['span_recall']):>8}"
              f"  {r['tp']:3d} {r['fp']:3d} {r['fn']:3d}")
    print("  presidio flags a post when it returns any entity with score >= threshold; span-R = labeled PHI spans"
          " overlapped by a kept entity / phi finding")


def run(analyzer: Any | None = None) -> None:
    posts = load_posts()
    if analyzer is None:
        import spacy
        from policylint.nlp import build_presidio, choose_model

        analyzer = build_presidio(spacy.load(choose_model()))
    started = time.perf_counter()
    results = presidio_results(analyzer, posts)
    presidio_seconds = time.perf_counter() - started
    pl = policylint_row()
    rows = [("presidio-plain (score >= 0.5)", presidio_row(posts, results, 0.5)),
            ("presidio-plain (any entity)", presidio_row(posts, results, 0.0)),
            ("policylint check (score.py)", pl)]
    print_table(rows, len(posts))
    print(f"  times: presidio {presidio_seconds:.1f} s in-process; policylint {pl['seconds']:.1f} s (one CLI process)")


if __name__ == "__main__":
    run()

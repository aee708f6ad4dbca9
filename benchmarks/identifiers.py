#!/usr/bin/env python3
"""Identifier detection: policylint's strict profile vs presidio used the plain way, on the same spaCy pipeline.

    .venv/bin/python benchmarks/identifiers.py            # all three tables, one run (~1-2 min on 2 cores)
    .venv/bin/python benchmarks/identifiers.py --errors   # also list policylint's misses / false positives

1. presidio-research synth_dataset_v2 (MIT; FakeNameGenerator identities, CC BY-SA 3.0 US), span level.
2. deidgate safeharbor_seed (MIT), value recall (values located with ``text.find``).
3. labeled posts (shared/eval/posts-dev.jsonl), post-level PHI: see benchmarks/phi_posts.py.

Systems
  policylint-strict: ``Engine(load_packs(["pii-strict"]), Config(packs=()))``, documents analysed with
    ``policylint.analysis.analyze`` on ``policylint.nlp.load_pipeline()``; candidates are ``analysis.phi``,
    ALL of them (linked or not: the strict profile reports every identifier whatever the context).
  presidio-plain: ``AnalyzerEngine`` with the predefined recognizers on an explicit ``SpacyNlpEngine`` whose
    ``.nlp = {"en": spacy.load(name)}`` (``policylint.nlp.build_presidio``: no download, no suffix-list fetch),
    ``analyze(text, language="en")`` with presidio's default threshold (every result).

Span matching (synth)
  A predicted span of system type X stands for the dataset types in MAP[X] (below). For dataset type T:
  - recall: a gold T span is found when a prediction standing for T overlaps it (>= 1 shared character);
    each gold span counts at most once however many predictions overlap it.
  - false positive: a prediction standing for T that overlaps no gold span of any type it stands for.
    precision = found gold spans / (found gold spans + false positives)  (fragments of one gold span
    are neither extra hits nor false positives).
  - exact: prediction and gold have the same boundaries after trimming whitespace and ``.,;:`` at the ends;
    exact-R = gold spans with an exact prediction / gold spans.
  - anyR: gold T spans overlapped by ANY prediction of the system, whatever its type (what a redactor masks).
  Location types: presidio has one LOCATION type for streets, cities and countries, so it stands for
  STREET_ADDRESS and GPE; likewise policylint's LOCATION stands for GPE and STREET_ADDRESS and its ZIP for
  ZIP_CODE and STREET_ADDRESS (a ZIP inside a gold address is a correct identifier). Overlap recall is
  therefore lenient for addresses (a city or ZIP inside an address counts); see exact-R and cov (share of
  the gold address characters covered by predictions standing for the type).
  AGE: the dataset labels every age. HIPAA Safe Harbor only restricts ages over 89 (the hipaa pack reports
  those, AGE_OVER_89); the strict profile also reports any stated age (type AGE). Rows: "AGE (all ages)"
  and "AGE >89" (the gold ages over 89 only).
  DATE_TIME: the dataset includes bare years, which Safe Harbor allows; row "DATE_TIME w/o bare years".
  PERSON: the dataset leaves a courtesy title out of the name ("Mr. [Leiva]"); policylint's name findings
    keep a form of address in the highlighted span on purpose ("Mr. Delacroix": how the post refers to the
    person; tests/test_person_spans.py). Row "PERSON, exR without titles": exact boundaries when a leading
    Mr./Mrs./Ms./Miss/Mx/Dr./Prof is set aside on both sides (the other columns are those of PERSON).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

EXTERNAL = Path("/work/shared/eval/external")
SYNTH = EXTERNAL / "presidio-research-synth_dataset_v2.json"
DEIDGATE = EXTERNAL / "deidgate-safeharbor_seed.jsonl"

TYPES = ["PERSON", "STREET_ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN", "DATE_TIME", "ZIP_CODE",
         "IP_ADDRESS", "AGE", "GPE"]
PL_MAP: dict[str, set[str]] = {
    "NAME": {"PERSON"}, "ADDRESS": {"STREET_ADDRESS"}, "PHONE": {"PHONE_NUMBER"}, "EMAIL": {"EMAIL_ADDRESS"},
    "SSN": {"US_SSN"}, "DATE": {"DATE_TIME"}, "ZIP": {"ZIP_CODE", "STREET_ADDRESS"}, "IP": {"IP_ADDRESS"},
    "AGE_OVER_89": {"AGE"}, "LOCATION": {"GPE", "STREET_ADDRESS"}, "AGE": {"AGE"},
}
PR_MAP: dict[str, set[str]] = {
    "PERSON": {"PERSON"}, "LOCATION": {"STREET_ADDRESS", "GPE"}, "PHONE_NUMBER": {"PHONE_NUMBER"},
    "EMAIL_ADDRESS": {"EMAIL_ADDRESS"}, "US_SSN": {"US_SSN"}, "DATE_TIME": {"DATE_TIME"},
    "IP_ADDRESS": {"IP_ADDRESS"},
}

Span = tuple[int, int]
Pred = tuple[str, int, int]          # (system type, start, end)


# ---------------------------------------------------------------------------------------------------------
# systems
# ---------------------------------------------------------------------------------------------------------

class PolicylintStrict:
    def __init__(self) -> None:
        from policylint.config import Config
        from policylint.engine import Engine
        from policylint.nlp import load_pipeline
        from policylint.packs import load_packs

        self.nlp = load_pipeline()
        self.engine = Engine(load_packs(["pii-strict"]), Config(packs=()))

    def candidates(self, texts: Sequence[str]) -> list[list[Pred]]:
        from policylint.analysis import analyze
        from policylint.document import Document

        docs = [Document(path=f"x{i}.txt", text=t, prose=t) for i, t in enumerate(texts)]
        return [[(c.type, c.start, c.end) for c in a.phi] for a in analyze(docs, self.nlp, self.engine.context)]


class PresidioPlain:
    def __init__(self) -> None:
        import spacy
        from policylint.nlp import build_presidio, choose_model

        self.model = choose_model()
        self.analyzer = build_presidio(spacy.load(self.model))      # the plain load: full pipeline

    def results(self, texts: Sequence[str]) -> list[list[Any]]:
        return [self.analyzer.analyze(text=t, language="en") for t in texts]

    @staticmethod
    def candidates(results: list[list[Any]], threshold: float = 0.0) -> list[list[Pred]]:
        return [[(r.entity_type, r.start, r.end) for r in rs if r.score >= threshold] for rs in results]


# ---------------------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------------------

TRIM = " \t\r\n.,;:"


def trimmed(text: str, s: int, e: int) -> Span:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


COURTESY_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+", re.I)


def untitled(text: str, s: int, e: int) -> Span:
    """``trimmed`` without a leading courtesy title ("Mr. Leiva" -> "Leiva")."""
    s, e = trimmed(text, s, e)
    m = COURTESY_TITLE.match(text, s, e)
    return (m.end(), e) if m and m.end() < e else (s, e)


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_synth(records: list[dict], preds: list[list[Pred]], mapping: dict[str, set[str]],
                gold_filter: Any = None) -> dict[str, dict]:
    """Per dataset type: found/gold, false positives, exact, any-type recall, char coverage."""
    stats: dict[str, Counter] = defaultdict(Counter)
    for rec, pred in zip(records, preds):
        text = rec["full_text"]
        golds = [(s["entity_type"], s["start_position"], s["end_position"]) for s in rec["spans"]]
        if gold_filter is not None:
            golds_scored = [g for g in golds if gold_filter(g, text)]
        else:
            golds_scored = golds
        for t in TYPES:
            standing = [(p, mapping[p[0]]) for p in pred if t in mapping.get(p[0], ())]
            for gtype, gs, ge in golds_scored:
                if gtype != t:
                    continue
                st = stats[t]
                st["gold"] += 1
                gspan = (gs, ge)
                if any(overlaps((p[1], p[2]), gspan) for p, _ in standing):
                    st["found"] += 1
                exact = trimmed(text, gs, ge)
                if any(trimmed(text, p[1], p[2]) == exact for p, _ in standing):
                    st["exact"] += 1
                if any(untitled(text, p[1], p[2]) == untitled(text, gs, ge) for p, _ in standing):
                    st["exact_untitled"] += 1
                if any(overlaps((p[1], p[2]), gspan) for p in pred):
                    st["any"] += 1
                chars = [i for i in range(gs, ge) if not text[i].isspace()]
                st["chars"] += len(chars)
                st["covered"] += sum(1 for i in chars if any(p[1] <= i < p[2] for p, _ in standing))
            for p, stands in standing:
                # all gold spans (unfiltered) decide whether a prediction is false
                if not any(g[0] in stands and overlaps((p[1], p[2]), (g[1], g[2])) for g in golds):
                    stats[t]["fp"] += 1
    return stats


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def fmt(v: float | None) -> str:
    return "  n/a" if v is None else f"{v:5.2f}"


def synth_cells(st: Counter) -> str:
    p, r = ratio(st["found"], st["found"] + st["fp"]), ratio(st["found"], st["gold"])
    return (f"{fmt(p)} {fmt(r)} {fmt(ratio(st['exact'], st['gold']))} {fmt(ratio(st['covered'], st['chars']))}"
            f" {fmt(ratio(st['any'], st['gold']))} {st['fp']:4d}")


def print_synth(rows: list[tuple[str, Counter, Counter]], n: int, model: str) -> None:
    print(f"\n== 1. Identifier detection: {SYNTH.name} ({n} sentences), span level, spaCy pipeline {model} ==")
    head = f"{'P':>5} {'R':>5} {'exR':>5} {'cov':>5} {'anyR':>5} {'FP':>4}"
    print(f"{'':28}{'gold':>5} | {'policylint-strict':^36} | {'presidio-plain':^36}")
    print(f"{'type':28}{'':>5} | {head} | {head}")
    for name, pl, pr in rows:
        print(f"{name:28}{pl['gold']:5d} | {synth_cells(pl)} | {synth_cells(pr)}")
    print("  P = found/(found+FP), R = overlap recall (each gold span once), exR = exact-boundary recall,\n"
          "  cov = share of gold characters covered, anyR = overlapped by a prediction of any type, FP = predictions\n"
          "  of the type overlapping no gold span they stand for. presidio has no ZIP/AGE type; its LOCATION and\n"
          "  policylint's LOCATION/ZIP also stand for STREET_ADDRESS (see module docstring).")


# ---------------------------------------------------------------------------------------------------------
# deidgate
# ---------------------------------------------------------------------------------------------------------

def deidgate_values(notes: list[dict]) -> list[tuple[str, str, int, int, str]]:
    """(note id, category, start, end, value) for every value found in its note with text.find."""
    out = []
    for note in notes:
        cursor: dict[str, int] = {}
        for item in note["phi"]:
            value = item["value"]
            begin = note["text"].find(value, cursor.get(value, 0))
            if begin < 0:
                begin = note["text"].find(value)
            if begin < 0:
                print(f"  warning: {note['id']}: value not in text: {value!r}")
                continue
            cursor[value] = begin + len(value)
            out.append((note["id"], item["category"], begin, begin + len(value), value))
    return out


def score_deidgate(values: list[tuple[str, str, int, int, str]], preds: dict[str, list[Pred]]) -> tuple[Counter, Counter, list]:
    found, total, missed = Counter(), Counter(), []
    for note_id, category, s, e, value in values:
        total[category] += 1
        if any(overlaps((p[1], p[2]), (s, e)) for p in preds[note_id]):
            found[category] += 1
        else:
            missed.append((note_id, category, value))
    return found, total, missed


def fmt3(v: float | None) -> str:
    return "   n/a" if v is None else f"{v:6.3f}"


def print_deidgate(total: Counter, pl: Counter, pr: Counter) -> None:
    print(f"\n== 2. Value recall: {DEIDGATE.name} ({sum(total.values())} values; found = any candidate overlaps) ==")
    print(f"{'category':<13}{'n':>3} | {'policylint-strict':>17} | {'presidio-plain':>15}")
    for cat in sorted(total, key=lambda c: (-total[c], c)):
        print(f"{cat:<13}{total[cat]:3d} | {pl[cat]:>10d} {fmt3(ratio(pl[cat], total[cat]))} |"
              f" {pr[cat]:>8d} {fmt3(ratio(pr[cat], total[cat]))}")
    n = sum(total.values())
    print(f"{'ALL':<13}{n:3d} | {sum(pl.values()):>10d} {fmt3(ratio(sum(pl.values()), n))} |"
          f" {sum(pr.values()):>8d} {fmt3(ratio(sum(pr.values()), n))}")


# ---------------------------------------------------------------------------------------------------------
# error listing (for error analysis)
# ---------------------------------------------------------------------------------------------------------

def list_errors(records: list[dict], preds: list[list[Pred]], mapping: dict[str, set[str]], limit: int) -> None:
    misses: dict[str, list[str]] = defaultdict(list)
    fps: dict[str, list[str]] = defaultdict(list)
    for rec, pred in zip(records, preds):
        text = rec["full_text"]
        golds = [(s["entity_type"], s["start_position"], s["end_position"]) for s in rec["spans"]]
        for gtype, gs, ge in golds:
            if gtype not in TYPES:
                continue
            if not any(gtype in mapping.get(p[0], ()) and overlaps((p[1], p[2]), (gs, ge)) for p in pred):
                misses[gtype].append(f"{text[gs:ge]!r}  <- {text[max(0, gs - 40):ge + 20]!r}")
        for p in pred:
            stands = mapping.get(p[0], set())
            if stands and not any(g[0] in stands and overlaps((p[1], p[2]), (g[1], g[2])) for g in golds):
                gl = [g[0] for g in golds if overlaps((p[1], p[2]), (g[1], g[2]))]
                fps[p[0]].append(f"{text[p[1]:p[2]]!r} (gold {gl or '-'})  <- {text[max(0, p[1] - 40):p[2] + 20]!r}")
    for title, table in (("MISSED", misses), ("FALSE POSITIVE", fps)):
        for t, items in sorted(table.items()):
            print(f"\n--- policylint {title} {t}: {len(items)}")
            for line in items[:limit]:
                print("   ", line.replace("\n", "\\n"))


# ---------------------------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list policylint misses and false positives")
    parser.add_argument("--limit", type=int, default=25, help="examples per error class with --errors")
    parser.add_argument("--no-posts", action="store_true", help="skip table 3 (labeled posts)")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    records = json.loads(SYNTH.read_text(encoding="utf-8"))
    notes = [json.loads(l) for l in DEIDGATE.read_text(encoding="utf-8").splitlines() if l.strip()]
    synth_texts = [r["full_text"] for r in records]
    note_texts = [n["text"] for n in notes]

    pl = PolicylintStrict()
    t0 = time.perf_counter()
    pl_all = pl.candidates(synth_texts + note_texts)
    pl_seconds = time.perf_counter() - t0
    pl_synth, pl_notes = pl_all[: len(records)], pl_all[len(records):]

    pr = PresidioPlain()
    t0 = time.perf_counter()
    pr_results = pr.results(synth_texts + note_texts)
    pr_seconds = time.perf_counter() - t0
    pr_all = pr.candidates(pr_results)
    pr_synth, pr_notes = pr_all[: len(records)], pr_all[len(records):]

    # 1. synth
    s_pl, s_pr = score_synth(records, pl_synth, PL_MAP), score_synth(records, pr_synth, PR_MAP)

    def over_89(g: tuple[str, int, int], text: str) -> bool:
        digits = re.findall(r"\d+", text[g[1]:g[2]])
        return g[0] != "AGE" or bool(digits) and int(digits[0]) > 89

    s_pl_89, s_pr_89 = (score_synth(records, pl_synth, PL_MAP, over_89), score_synth(records, pr_synth, PR_MAP, over_89))

    def not_bare_year(g: tuple[str, int, int], text: str) -> bool:
        return g[0] != "DATE_TIME" or not re.fullmatch(r"\s*\d{4}\s*", text[g[1]:g[2]])

    s_pl_ny, s_pr_ny = (score_synth(records, pl_synth, PL_MAP, not_bare_year),
                        score_synth(records, pr_synth, PR_MAP, not_bare_year))
    rows = []
    for t in TYPES:
        rows.append((t if t != "AGE" else "AGE (all ages)", s_pl[t], s_pr[t]))
        if t == "PERSON":
            rows.append(("PERSON, exR without titles",
                         *(Counter({**s[t], "exact": s[t]["exact_untitled"]}) for s in (s_pl, s_pr))))
        if t == "DATE_TIME":
            rows.append(("DATE_TIME w/o bare years", s_pl_ny[t], s_pr_ny[t]))
        if t == "AGE":
            rows.append(("AGE >89 (Safe Harbor)", s_pl_89[t], s_pr_89[t]))
    print_synth(rows, len(records), pr.model)
    print("  AGE: the strict profile reports any stated age (type AGE); the hipaa pack only ages over 89, and the\n"
          "  dataset has no age over 89")
    micro = lambda s: Counter({k: sum(s[t][k] for t in TYPES if t not in ("GPE",)) for k in ("gold", "found", "fp")})
    for name, s in (("policylint-strict", s_pl), ("presidio-plain", s_pr)):
        m = micro(s)
        print(f"  micro over the 9 types ({name}): P {fmt(ratio(m['found'], m['found'] + m['fp']))}"
              f"  R {fmt(ratio(m['found'], m['gold']))}")

    # 2. deidgate
    values = deidgate_values(notes)
    ids = [n["id"] for n in notes]
    found_pl, total, missed_pl = score_deidgate(values, dict(zip(ids, pl_notes)))
    found_pr, _, missed_pr = score_deidgate(values, dict(zip(ids, pr_notes)))
    print_deidgate(total, found_pl, found_pr)
    print("  policylint misses: " + ("; ".join(f"{c}:{v!r}" for _, c, v in missed_pl) or "none"))
    print("  presidio misses:   " + "; ".join(f"{c}:{v!r}" for _, c, v in missed_pr))
    print(f"  times: policylint {pl_seconds:.1f} s (batched analyze), presidio {pr_seconds:.1f} s"
          f" ({len(records) + len(notes)} texts)")

    # 3. labeled posts
    if not args.no_posts:
        import phi_posts

        phi_posts.run(pr.analyzer)

    if args.errors:
        list_errors(records, pl_synth, PL_MAP, args.limit)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Speed benchmark (GitHub issue 6): policylint against the bare spaCy floor and presidio, in ONE run.

    make bench                                   # = .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --quick   # 3 repetitions, no 10k/100k runs (about 4 minutes)

Everything runs here, side by side, in fresh processes, with medians over repetitions (fewer for the
long runs; the table says how many). Wall times include process start-up; throughputs of batch runs
exclude model loading (policylint: wall minus the median cold one-file check; spaCy/presidio: the
timed loop inside the process). Peak RSS is the largest single process (wait4 ru_maxrss); for
``--jobs`` runs the table also gives the summed PSS of the process tree (shared model pages counted once).

Rows:
  (a) cold ``policylint check`` of one small file (no findings cache, no server; the pattern facts that the
      first run learns and keeps like bytecode, policylint/facts.py, are reused), and the same with them off
  (b) floor: ``python -c "import spacy; spacy.load(MODEL)('one post')"``
  (c) presidio the plain way on one post (AnalyzerEngine + SpacyNlpEngine on the same installed model)
  (d) policylint over the 5,000 posts (JSONL), one process and ``--jobs 2``; and the 5,000 ``.txt`` files
  (e) presidio ``analyze`` per post (first 1,000 of the same posts) and spaCy's full ``nlp.pipe``
  (f) warm re-runs with nothing changed (findings cache): one file, and the 5,000 files; one file
      through ``policylint server`` (``check --server``)
  (g) peak RSS of each
then throughput at 1k / 10k / 100k posts (``--jobs 2``) and streaming peak RSS (100k vs 5k JSONL).
Nothing here downloads anything: presidio's model must be installed, tldextract runs offline.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
PY = sys.executable
POLICYLINT = [PY, "-m", "policylint"] if not (Path(PY).parent / "policylint").exists() else [str(Path(PY).parent / "policylint")]
ONE_POST = ("Huge congratulations to Eleanor Vasquez, who rang our bell on Tuesday, May 6 after her last round "
            "of chemo! Call her daughter at (555) 201-7788. #BrooksideStrong\n")


# ------------------------------------------------------------------------------------------------------
# measuring a process: wall time, ru_maxrss of the tree (largest process), sampled PSS sum of the tree
# ------------------------------------------------------------------------------------------------------

@dataclass
class Run:
    wall: float
    maxrss_mb: float
    pss_mb: float
    code: int
    out: str = ""


def _children(pid: int) -> list[int]:
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
            capture: bool = False, sample: bool = False) -> Run:
    out_file = tempfile.TemporaryFile() if capture else None
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=out_file or subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=cwd)
    peak = [0]
    stop = threading.Event()

    def sampler() -> None:
        while not stop.wait(0.1):
            tree, todo = [], [proc.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(_children(pid))
            peak[0] = max(peak[0], sum(_pss_kb(p) for p in tree))

    thread = threading.Thread(target=sampler, daemon=True) if sample else None
    if thread:
        thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    if thread:
        thread.join()
    text = ""
    if out_file is not None:
        out_file.seek(0)
        text = out_file.read().decode("utf-8", "replace")
        out_file.close()
    return Run(wall, usage.ru_maxrss / 1024, peak[0] / 1024, proc.returncode, text)


@dataclass
class Row:
    key: str
    label: str
    runs: list[Run] = field(default_factory=list)
    docs: int = 0
    startup: float = 0.0            # subtracted from wall for throughput (policylint batch runs)
    inner: list[float] = field(default_factory=list)    # timed loop inside the process (spaCy, presidio)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.maxrss_mb for r in self.runs)

    @property
    def pss(self) -> float:
        return max(r.pss_mb for r in self.runs)

    @property
    def rate(self) -> float | None:
        if not self.docs:
            return None
        if self.inner:
            return self.docs / statistics.median(self.inner)
        return self.docs / max(self.wall - self.startup, 1e-9)


def repeat(row: Row, reps: int, cmd: Sequence[str], **kwargs: Any) -> Row:
    for _ in range(reps):
        run = measure(cmd, **kwargs)
        row.runs.append(run)
        if row.inner is not None and run.out.strip().startswith("{"):
            row.inner.append(float(json.loads(run.out.strip().splitlines()[-1])["seconds"]))
    sys.stderr.write(f"  {row.label}: median {row.wall:.3f} s over {reps}\n")
    return row


# ------------------------------------------------------------------------------------------------------
# workers (run in fresh processes by the benchmark)
# ------------------------------------------------------------------------------------------------------

def _texts(path: str, limit: int) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line, _ in zip(handle, range(limit))]


def _presidio(model: str) -> Any:
    """presidio the plain way: SpacyNlpEngine on the installed model (its full pipeline), the predefined
    recognizers; only the e-mail recognizer's suffix list is made offline (no network fetch)."""
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    if not spacy.util.is_package(model):
        raise SystemExit(f"{model} is not installed; presidio would download a model")
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
    engine.load()
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):  # type: ignore[misc]
        def validate_result(self, pattern_text: str) -> bool:
            return offline(pattern_text.rsplit("@", 1)[-1]).fqdn != ""

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])


def worker(argv: list[str]) -> int:
    mode, model = argv[0], argv[1]
    if mode == "presidio-one":
        analyzer = _presidio(model)
        analyzer.analyze(text=ONE_POST, language="en")
        return 0
    if mode == "presidio-batch":
        texts = _texts(argv[2], int(argv[3]))
        analyzer = _presidio(model)
        analyzer.analyze(text="warm up", language="en")
        start = time.perf_counter()
        for text in texts:
            analyzer.analyze(text=text, language="en")
        print(json.dumps({"seconds": time.perf_counter() - start, "docs": len(texts)}))
        return 0
    if mode == "spacy-pipe":
        import spacy

        texts = _texts(argv[2], int(argv[3]))
        nlp = spacy.load(model)
        list(nlp.pipe(texts[:16]))
        start = time.perf_counter()
        for _ in (nlp.pipe(texts, batch_size=int(argv[4])) if len(argv) > 4 else nlp.pipe(texts)):
            pass                                    # the plain way: spaCy's own default batch size
        print(json.dumps({"seconds": time.perf_counter() - start, "docs": len(texts), "pipes": nlp.pipe_names}))
        return 0
    raise SystemExit(f"unknown worker {mode}")


# ------------------------------------------------------------------------------------------------------
# the benchmark
# ------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="policylint speed benchmark (issue 6)")
    parser.add_argument("--quick", action="store_true", help="3 repetitions, no 10k and 100k runs (~4 minutes)")
    parser.add_argument("--no-100k", action="store_true", help="skip the 100,000-post run")
    parser.add_argument("--reps", type=int, default=5, help="repetitions of the short runs (default 5)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.worker)

    import corpus

    sys.path.insert(0, str(ROOT))
    from policylint.nlp import choose_model

    model = choose_model(None)
    data = corpus.ensure(quiet=False)
    reps = 3 if args.quick else args.reps
    big_reps = 1
    work = Path(tempfile.mkdtemp(prefix="policylint-bench-"))
    env = {k: v for k, v in os.environ.items() if k not in ("POLICYLINT_SERVER", "CI", "POLICYLINT_NO_CACHE")}
    env["POLICYLINT_SERVER_DIR"] = str(work / "run")
    env["XDG_CACHE_HOME"] = str(work / "xdg")           # nothing touches the user's own cache or server
    one = work / "draft.txt"
    one.write_text(ONE_POST, encoding="utf-8")
    (work / ".git").mkdir()                               # config discovery stops here
    jsonl5k, folder5k = str(data["jsonl-5k"]), str(data["folder-5k"])
    check = POLICYLINT + ["check", "--format", "json", "--fail-on", "none"]
    rows: dict[str, Row] = {}
    began = time.perf_counter()
    try:
        sys.stderr.write(f"benchmark: model {model}, {os.cpu_count()} CPUs, corpus in {data['jsonl-5k'].parent}\n")
        # (a) (b) (c): interleaved, so that machine load hits all three alike
        rows["a"] = Row("a", "(a) cold policylint check, 1 file")
        rows["b"] = Row("b", "(b) floor: import spacy + load + 1 post")
        rows["c"] = Row("c", "(c) presidio plain, 1 post, fresh process")
        rows["a0"] = Row("a0", "(a) the same, no remembered pattern facts")
        unremembered = dict(env, POLICYLINT_NO_PATTERN_CACHE="1")  # as the very first run (policylint.facts)
        for _ in range(reps):
            rows["a"].runs.append(measure(check + ["--no-cache", str(one)], env=env, cwd=work))
            rows["a0"].runs.append(measure(check + ["--no-cache", str(one)], env=unremembered, cwd=work))
            rows["b"].runs.append(measure([PY, "-c", f"import spacy; spacy.load({model!r})({ONE_POST!r})"], env=env,
                                          cwd=work))
            rows["c"].runs.append(measure([PY, __file__, "--worker", "presidio-one", model], env=env, cwd=work))
        for key in ("a", "a0", "b", "c"):
            sys.stderr.write(f"  {rows[key].label}: median {rows[key].wall:.3f} s over {reps}\n")
        startup = rows["a"].wall
        # (d) batch, 5,000 posts
        rows["d1"] = repeat(Row("d1", "(d) policylint 5k posts (JSONL), 1 process", docs=5000, startup=startup),
                            big_reps, check + ["--no-cache", jsonl5k], env=env, cwd=work)
        rows["d2"] = repeat(Row("d2", "(d) policylint 5k posts (JSONL), --jobs 2", docs=5000, startup=startup),
                            big_reps, check + ["--no-cache", "--jobs", "2", jsonl5k], env=env, cwd=work, sample=True)
        cache_dir = work / "cache"
        cached = check + ["--cache-dir", str(cache_dir)]
        rows["d3"] = repeat(Row("d3", "(d) policylint 5k .txt files, 1 process (+cache)", docs=5000, startup=startup),
                            1, cached + [folder5k], env=env, cwd=work)
        # (e) the same posts through spaCy's full pipeline and presidio
        rows["e1"] = repeat(Row("e1", "(e) spaCy full nlp.pipe, 5k posts", docs=5000), 1,
                            [PY, __file__, "--worker", "spacy-pipe", model, jsonl5k, "5000"], env=env, cwd=work,
                            capture=True)
        rows["e2"] = repeat(Row("e2", "(e) presidio analyze per post, 1k posts", docs=1000), 1,
                            [PY, __file__, "--worker", "presidio-batch", model, jsonl5k, "1000"], env=env, cwd=work,
                            capture=True)
        # (f) warm: nothing changed since a run that filled the cache
        measure(cached + [str(one)], env=env, cwd=work)
        rows["f1"] = repeat(Row("f1", "(f) warm re-run, 1 file (cache)"), reps, cached + [str(one)], env=env, cwd=work)
        rows["f2"] = repeat(Row("f2", "(f) warm re-run, 5k .txt files (cache)"), min(reps, 3),
                            cached + [folder5k], env=env, cwd=work)
        served = check + ["--no-cache", "--server", str(one)]
        measure(served, env=env, cwd=work)                         # starts the server (model load)
        rows["f3"] = repeat(Row("f3", "(f) check --server, 1 file (warm server)"), reps, served, env=env, cwd=work)
        served5k = cached + ["--server", folder5k]
        measure(served5k, env=env, cwd=work)                       # the server reads the 5k files once
        rows["f4"] = repeat(Row("f4", "(f) check --server, 5k unchanged files (+cache)"), min(reps, 3), served5k,
                            env=env, cwd=work)
        # scaling and streaming
        scale = [("1k", 1000), ("5k", 5000)] + ([] if args.quick else [("10k", 10_000)]) + \
            ([] if (args.quick or args.no_100k) else [("100k", 100_000)])
        for name, count in scale:
            if name == "5k":
                rows["s5k"] = rows["d2"]
                continue
            rows["s" + name] = repeat(Row("s" + name, f"policylint {name} posts, --jobs 2", docs=count, startup=startup),
                                      1, check + ["--no-cache", "--jobs", "2", str(data[f"jsonl-{name}"])], env=env,
                                      cwd=work, sample=True)
    finally:
        subprocess.run(POLICYLINT + ["server", "--stop"], env=env, cwd=work, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    report(rows, model=model, reps=reps, big_reps=big_reps, elapsed=time.perf_counter() - began)
    return 0


def report(rows: dict[str, Row], *, model: str, reps: int, big_reps: int, elapsed: float) -> None:
    out = sys.stdout
    out.write(f"\npolicylint speed benchmark  (model {model}; {os.cpu_count()} CPUs; load average "
              f"{os.getloadavg()[0]:.2f}; {elapsed / 60:.1f} min)\n")
    out.write(f"rows (a) (b) (c) (f): median of {reps} runs; 5k, spaCy, presidio and scaling rows: {big_reps} run each "
              f"(they take minutes); the .txt folder run also fills the cache that (f) re-reads\n\n")
    head = f"{'':48} {'wall s':>8} {'docs/s':>8} {'peak RSS MB':>12} {'tree PSS MB':>12}\n"
    out.write(head + "-" * (len(head) - 1) + "\n")
    for name, row in rows.items():
        if name.startswith("s"):
            continue
        rate = f"{row.rate:8.1f}" if row.rate else f"{'':8}"
        pss = f"{row.pss:12.0f}" if row.pss else f"{'':12}"
        out.write(f"{row.label:48} {row.wall:8.3f} {rate} {row.rss:12.0f} {pss}\n")
    out.write("\nthroughput by input size (--jobs 2, JSONL, streamed JSON report):\n")
    for name, row in rows.items():
        if name.startswith("s") and row.runs:
            label = f"policylint {name[1:]} posts, --jobs 2"
            out.write(f"  {label:46} {row.wall:8.1f} s {row.rate or 0:8.1f} docs/s   peak RSS {row.rss:5.0f} MB"
                      f"   tree PSS {row.pss:5.0f} MB\n")
    a, b = rows["a"], rows["b"]
    targets: list[tuple[str, float, str, bool]] = []

    def target(name: str, value: float, goal: str, ok: bool) -> None:
        targets.append((name, value, goal, ok))

    target("cold one-file check / spaCy floor (a/b)", a.wall / b.wall, "<= 1.10", a.wall / b.wall <= 1.10)
    d1, d2, e1, e2 = rows["d1"], rows["d2"], rows["e1"], rows["e2"]
    if d1.rate and e1.rate:
        target("batch 1 process / spaCy full nlp.pipe (d/e)", d1.rate / e1.rate, ">= 1.0", d1.rate / e1.rate >= 1.0)
    if d1.rate and e2.rate:
        target("batch 1 process / presidio per post (d/e)", d1.rate / e2.rate, ">= 3", d1.rate / e2.rate >= 3)
    if d1.rate and d2.rate:
        target("--jobs 2 / 1 process (d)", d2.rate / d1.rate, ">= 1.6", d2.rate / d1.rate >= 1.6)
    target("warm re-run, 1 file, seconds (f)", rows["f1"].wall, "<= 0.3", rows["f1"].wall <= 0.3)
    target("warm re-run, 5k files, fresh process, seconds (f)", rows["f2"].wall, "(<= 0.3 asked for unchanged files)",
           rows["f2"].wall <= 0.3)
    target("warm re-run, 5k files, through the server, seconds (f)", rows["f4"].wall, "<= 0.3", rows["f4"].wall <= 0.3)
    target("check --server, 1 file, seconds (f)", rows["f3"].wall, "<= 0.15", rows["f3"].wall <= 0.15)
    big, small = rows.get("s100k"), rows.get("s5k")
    if big and small and big.runs:
        target("streaming peak RSS 100k / 5k (largest process)", big.rss / small.rss, "<= 1.2", big.rss / small.rss <= 1.2)
        target("streaming tree PSS 100k / 5k", big.pss / max(small.pss, 1e-9), "<= 1.2", big.pss / small.pss <= 1.2)
    rates = [(r.docs, r.rate) for name, r in rows.items() if name.startswith("s") and r.runs and r.rate]
    if len(rates) >= 2:
        lo, hi = min(rates), max(rates)
        target(f"linear cost: docs/s at {hi[0]:,} / at {lo[0]:,}", hi[1] / lo[1], "~1 (no slow-down)", hi[1] / lo[1] >= 0.8)
    target("cold, first run ever (no pattern facts) / floor, for reference", rows["a0"].wall / b.wall, "", True)
    target("presidio one post / spaCy floor (c/b), for reference", rows["c"].wall / b.wall, "", True)
    out.write("\ntargets (issue 6):\n")
    for name, value, goal, ok in targets:
        mark = "" if not goal else ("ok  " if ok else "MISS")
        out.write(f"  {mark:4} {name:52} {value:8.3f}  {goal}\n")


if __name__ == "__main__":
    sys.exit(main())

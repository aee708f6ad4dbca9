"""Run a check: config + packs -> engine; inputs -> documents -> analyses (batched) -> findings.

Speed (docs/speed.md):

- documents stream from the sources in windows; each window is looked up in the findings cache
  (:mod:`policylint.cache`) and only the misses are analysed, so a fully cached run neither loads spaCy
  nor builds the engine (``LazyEngine``);
- ``jobs > 1`` forks worker processes after the pipeline and the engine are built once in the parent
  (the model's memory is shared copy-on-write); windows of documents go to the workers and results come
  back in input order;
- ``on_document`` receives each document's findings as soon as they are known; with
  ``keep_findings=False`` and ``keep_texts=False`` nothing grows with the input (``JsonStream`` writes
  the JSON report that way), so a 100,000-post export runs in the memory of a small one.
"""
from __future__ import annotations

import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence, TextIO

from policylint import facts
from policylint.document import Document
from policylint.findings import Finding
from policylint.sources import Notice, SourceOptions, iter_inputs

if TYPE_CHECKING:                      # the engine (checks, detectors, packs) is imported only when built
    from policylint.config import Config
    from policylint.engine import Engine, Selection

BATCH = 128            # documents per window in one process (analysed together)
CHUNK = 64             # documents per task sent to a worker process
NLP_BATCH = 64         # nlp.pipe batch size: bigger batches are not faster end to end and cost memory
                       # (256: +170 MB peak RSS)
OnDocument = Callable[[Document, list[Finding], list[Finding]], None]
Outcome = tuple[list[Finding], list[Finding]]           # (kept, suppressed) for one document


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files: int = 0
    documents: int = 0
    texts: dict[tuple[str, str | None], str] = field(default_factory=dict)
    engine: Any = None
    worst: int = 0                 # highest severity (as int) among kept findings; 0 when none
    counts: dict[str, int] = field(default_factory=dict)   # kept findings by severity label
    suppressed_count: int = 0
    cached: int = 0                # documents answered from the cache
    analysed: int = 0              # documents analysed in this run


def build_engine(config: Config, selection: Selection, extra_packs: Sequence[str] = ()) -> Engine:
    from policylint.engine import Engine
    from policylint.packs import load_packs

    names = list(config.packs) + [p for p in extra_packs if p not in config.packs]
    return Engine(load_packs(names, base=config.root), config, selection)


class LazyEngine:
    """An engine built on first use: a run whose documents are all cached never parses the packs.

    Attribute access builds it (errors surface then, e.g. a PackError); ``all_rules()`` before that
    returns a sequence that builds it only when read (text and JSON reports never read it)."""

    def __init__(self, build: Callable[[], Engine]) -> None:
        self._build = build
        self._engine: Engine | None = None

    @property
    def built(self) -> bool:
        return self._engine is not None

    def get(self) -> Engine:
        if self._engine is None:
            self._engine = self._build()
        return self._engine

    def all_rules(self) -> Sequence[Any]:
        if self._engine is not None:
            return self._engine.all_rules()
        return _LazyRules(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.get(), name)


class _LazyRules(Sequence[Any]):
    def __init__(self, owner: LazyEngine) -> None:
        self._owner = owner

    def _rules(self) -> list[Any]:
        return self._owner.get().all_rules()

    def __getitem__(self, index: Any) -> Any:
        return self._rules()[index]

    def __len__(self) -> int:
        return len(self._rules())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rules())


def real_engine(engine: Any) -> Engine:
    return engine.get() if isinstance(engine, LazyEngine) else engine


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def check_batch(documents: Sequence[Document], nlp: Any, engine: Engine) -> list[Outcome]:
    """(kept, suppressed) for each document, in order: one batched NLP pass, checks, inline directives."""
    from policylint.analysis import analyze
    from policylint.suppress import apply_directives

    outcomes: list[Outcome] = []
    for analysis in analyze(documents, nlp, engine.context, batch_size=NLP_BATCH):
        found = engine.check(analysis)
        kept, suppressed, extra = apply_directives(analysis.document, found, engine)
        kept = sorted(kept + extra, key=lambda f: (f.start, f.code))
        outcomes.append((kept, suppressed))
    return outcomes


# -- worker processes ---------------------------------------------------------------------------------
# The parent builds the engine and loads the pipeline, puts them here and forks: workers inherit them
# (no pickling, no second model load). Only this module-level slot makes that possible.
_WORKER: dict[str, Any] = {}


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)       # the parent handles Ctrl-C and terminates the pool


def _worker_check(documents: list[Document]) -> list[Outcome]:
    return check_batch(documents, _WORKER["nlp"], _WORKER["engine"])


def fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class _Executor:
    """Analyses windows of documents in this process or in a pool of forked workers."""

    def __init__(self, engine: Any, nlp_loader: Callable[[], Any], jobs: int, cache: Any) -> None:
        self.engine = engine
        self.nlp_loader = nlp_loader
        self.jobs = jobs if jobs > 1 and fork_available() else 1
        self.cache = cache
        self._nlp: Any = None
        self._pool: Any = None

    @property
    def window(self) -> int:
        return BATCH if self.jobs == 1 else CHUNK

    @property
    def inflight(self) -> int:
        return 0 if self.jobs == 1 else 3 * self.jobs

    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = self.nlp_loader()
        return self._nlp

    def submit(self, documents: list[Document]) -> Any:
        engine = real_engine(self.engine)
        if self.jobs == 1:
            return check_batch(documents, self.nlp(), engine)
        if self._pool is None:
            import multiprocessing
            import sys

            if "numpy" not in sys.modules:
                # one BLAS thread per worker: N workers x N BLAS threads only fight over the same cores
                for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                    os.environ.setdefault(name, "1")
            nlp = self.nlp()
            precompile = getattr(engine, "precompile", None)
            if callable(precompile):
                precompile()                     # compile the patterns once, before the workers fork
            if self.cache is not None:
                self.cache.close()               # no open SQLite handle across fork; reopened on use
            _WORKER.update(nlp=nlp, engine=engine)
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs, initializer=_worker_init)
        return self._pool.apply_async(_worker_check, (documents,))

    @staticmethod
    def ready(job: Any) -> bool:
        return job is None or isinstance(job, list) or job.ready()

    @staticmethod
    def result(job: Any) -> list[Outcome]:
        if job is None:
            return []
        return job if isinstance(job, list) else job.get()

    def close(self, *, failed: bool) -> None:
        if self._pool is not None:
            if failed:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None
        _WORKER.clear()


def run(paths: Sequence[str], *, engine: Any, options: SourceOptions, nlp_loader: Callable[[], Any],
        stdin_text: str | None = None, keep_texts: bool = True, on_document: OnDocument | None = None,
        keep_findings: bool = True, cache: Any = None, jobs: int = 1, progress: Any = None,
        memo: Any = None) -> RunResult:
    """Check every document, in input order.

    ``engine`` is an Engine or a LazyEngine; ``nlp_loader`` is called once, only if a document has to
    be analysed; ``cache`` is a :class:`policylint.cache.FindingsCache` or None; ``jobs`` > 1 analyses in
    forked worker processes; ``progress`` has ``update(documents)`` and ``close()``; ``memo`` is the server's
    :class:`policylint.memo.Memo` (used with a cache only)."""
    result = RunResult(engine=engine)
    files: set[str] = set()
    executor = _Executor(engine, nlp_loader, jobs, cache)

    def documents() -> Iterator[Document]:
        for item in iter_inputs(paths, options, stdin_text, memo=memo if cache is not None else None):
            if isinstance(item, Notice):
                result.notices.append(item)
                continue
            files.add(item.path)
            yield item

    def lookup(window: list[Document]) -> tuple[list[str] | None, list[Outcome | None]]:
        if cache is None or cache.disabled:
            return None, [None] * len(window)
        if cache.known_engine() is None and cache.learn_engine(real_engine(engine)) is None:
            return None, [None] * len(window)
        remembered = memo.outcomes(window, cache.engine_key) if memo is not None else [None] * len(window)
        rest = [doc for doc, outcome in zip(window, remembered) if outcome is None]
        rest_keys = iter(cache.keys(rest))
        keys = [next(rest_keys) if outcome is None else "" for outcome in remembered]
        fetched = iter(cache.get_many(rest, [k for k in keys if k]))
        return keys, [next(fetched) if outcome is None else outcome for outcome in remembered]

    def emit(doc: Document, kept: list[Finding], suppressed: list[Finding]) -> None:
        result.documents += 1
        for f in kept:
            label = f.severity.label
            result.counts[label] = result.counts.get(label, 0) + 1
            result.worst = max(result.worst, int(f.severity))
        result.suppressed_count += len(suppressed)
        if keep_findings:
            result.findings.extend(kept)
            result.suppressed.extend(suppressed)
        if keep_texts:
            result.texts[(doc.path, doc.record)] = doc.text
        if on_document:
            on_document(doc, kept, suppressed)

    def finish(window: list[Document], keys: list[str] | None, cached: list[Outcome | None], job: Any) -> None:
        computed = iter(executor.result(job))
        for i, doc in enumerate(window):
            outcome = cached[i]
            if outcome is None:
                outcome = next(computed)
                result.analysed += 1
                if keys is not None and cache is not None:
                    cache.put(keys[i], doc, *outcome)
            else:
                result.cached += 1
            if memo is not None and keys is not None and cache is not None and cache.engine_key:
                memo.remember(doc, cache.engine_key, outcome)
            emit(doc, *outcome)
        if progress is not None:
            progress.update(result.documents)

    failed = True
    try:
        pending: deque[tuple[list[Document], list[str] | None, list[Outcome | None], Any]] = deque()
        for window in batched(documents(), executor.window):
            keys, cached = lookup(window)
            misses = [doc for doc, outcome in zip(window, cached) if outcome is None]
            job = executor.submit(misses) if misses else None
            pending.append((window, keys, cached, job))
            while pending and (len(pending) > executor.inflight or executor.ready(pending[0][3])):
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
        failed = False
    finally:
        executor.close(failed=failed)
        if cache is not None:
            cache.close()
        if progress is not None:
            progress.close()
        facts.save()                             # pattern facts learnt by this run (a long-lived server too)
    result.files = len(files)
    return result


# -- streaming output ---------------------------------------------------------------------------------

class _Severities(list):  # type: ignore[type-arg]
    """Stand-ins with only ``.severity``, so json_report.summary() counts streamed findings."""


class JsonStream:
    """Writes the JSON report (same bytes as ``report.json_report.render``) while documents are checked.

    Use as ``run(on_document=stream, keep_findings=False, keep_texts=False)``, then ``finish(result)``.
    Nothing is written before the first document is done, so a run that fails early (no model) prints
    only its error."""

    def __init__(self, out: TextIO | Callable[[], TextIO], *, mask: bool) -> None:
        self._opener = out if callable(out) and not hasattr(out, "write") else None
        self.out: Any = None if self._opener else out
        self.mask = mask
        self.started = False
        self.any = False

    def _start(self) -> None:
        from policylint import __version__

        if not self.started:
            import json

            if self._opener is not None:
                self.out = self._opener()          # a --output file is created only once there is a report
            self.out.write('{\n  "tool": "policylint",\n  "version": ' + json.dumps(__version__) + ',\n  "findings": [')
            self.started = True

    def __call__(self, doc: Document, kept: list[Finding], suppressed: list[Finding]) -> None:
        from policylint.report.json_report import dumps

        self._start()
        if kept:
            text = ",\n    ".join(dumps(finding.as_record(mask=self.mask), 2) for finding in kept)
            self.out.write((",\n    " if self.any else "\n    ") + text)
            self.any = True

    def finish(self, result: RunResult) -> None:
        import json
        from types import SimpleNamespace

        from policylint.findings import Severity
        from policylint.report.json_report import dumps, summary

        self._start()
        stand_ins = _Severities()
        for label, count in result.counts.items():
            stand_ins.extend([SimpleNamespace(severity=Severity.parse(label))] * count)
        report = SimpleNamespace(files=result.files, documents=result.documents, findings=stand_ins,
                                 suppressed=range(result.suppressed_count), baselined=None)
        text = dumps(summary(report), 1)
        self.out.write(("\n  ]" if self.any else "]") + ',\n  "summary": ' + text + "\n}\n")
        if self._opener is not None:
            self.out.close()
        else:
            self.out.flush()


def streamable(fmt: str, *, fix: bool, show_suppressed: bool, baseline: bool) -> bool:
    """Whether the report can be written while checking (JSON without --fix/--show-suppressed/--baseline)."""
    return fmt == "json" and not (fix or show_suppressed or baseline)


class Progress:
    """``policylint: 12,345 documents (410/s)`` on stderr, after the first two seconds, redrawn at most
    five times a second, erased at the end. The CLI enables it only on a terminal outside CI."""

    def __init__(self, stream: TextIO, *, delay: float = 2.0) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.delay = delay
        self.last = 0.0
        self.shown = False

    def update(self, documents: int) -> None:
        now = time.monotonic()
        if now - self.start < self.delay or now - self.last < 0.2:
            return
        self.last = now
        rate = documents / max(now - self.start, 1e-9)
        self.stream.write(f"\rpolicylint: {documents:,} documents ({rate:,.0f}/s)\033[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def default_jobs(requested: int) -> int:
    """``--jobs 0`` means one per available CPU."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def example_documents(text: str, metadata: Any = None, fmt: str = "text") -> Document:
    """A Document for a pack example (Markdown examples get front matter and skip regions)."""
    if fmt == "markdown":
        from policylint.sources.markup import markdown_prose

        prose, meta, _ = markdown_prose(text)
        return Document(path="<example>", text=text, prose=prose, metadata={**meta, **dict(metadata or {})},
                        format="markdown", directives=text)
    return Document(path="<example>", text=text, prose=text, metadata=dict(metadata or {}), directives=text)


def path_label(path: str) -> str:
    return str(Path(path))


__all__ = ["RunResult", "LazyEngine", "JsonStream", "Progress", "build_engine", "check_batch", "run",
           "streamable", "default_jobs", "example_documents", "path_label"]

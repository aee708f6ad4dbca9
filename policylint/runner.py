"""Run a check: config + packs -> engine; inputs -> documents -> analyses (batched) -> findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from policylint.config import Config
from policylint.document import Document
from policylint.engine import Engine, Selection
from policylint.findings import Finding
from policylint.packs import Pack, load_packs
from policylint.sources import Notice, SourceOptions, iter_inputs

BATCH = 128


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files: int = 0
    documents: int = 0
    texts: dict[tuple[str, str | None], str] = field(default_factory=dict)
    engine: Engine | None = None


def build_engine(config: Config, selection: Selection, extra_packs: Sequence[str] = ()) -> Engine:
    names = list(config.packs) + [p for p in extra_packs if p not in config.packs]
    packs: list[Pack] = load_packs(names, base=config.root)
    return Engine(packs, config, selection)


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(paths: Sequence[str], *, engine: Engine, options: SourceOptions, nlp_loader: Callable[[], Any],
        stdin_text: str | None = None, keep_texts: bool = True,
        on_document: Callable[[Document, list[Finding], list[Finding]], None] | None = None) -> RunResult:
    """Check every document; ``nlp_loader`` is called once, only if there is a document to analyse."""
    from policylint.analysis import analyze
    from policylint.suppress import apply_directives

    result = RunResult(engine=engine)
    files: set[str] = set()
    nlp: Any = None

    def documents() -> Iterator[Document]:
        for item in iter_inputs(paths, options, stdin_text):
            if isinstance(item, Notice):
                result.notices.append(item)
                continue
            files.add(item.path)
            yield item

    for batch in batched(documents(), BATCH):
        if nlp is None:
            nlp = nlp_loader()
        for analysis in analyze(batch, nlp, engine.context):
            doc = analysis.document
            found = engine.check(analysis)
            kept, suppressed, extra = apply_directives(doc, found, engine)
            kept = sorted(kept + extra, key=lambda f: (f.start, f.code))
            result.documents += 1
            result.findings.extend(kept)
            result.suppressed.extend(suppressed)
            if keep_texts:
                result.texts[(doc.path, doc.record)] = doc.text
            if on_document:
                on_document(doc, kept, suppressed)
    result.files = len(files)
    return result


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

"""Document: one draft with its text, prose view, metadata and offset -> (line, column) mapping."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

NEWLINE = re.compile(r"\r\n|\r|\n")
SURROGATE = re.compile("[\ud800-\udfff]")

# (offset into ``text``, 1-based line in the file, 1-based column in the file) breakpoints; between two
# anchors every character advances the column by one (see Document.anchors).
Anchor = tuple[int, int, int]


@dataclass(frozen=True)
class Document:
    """One draft.

    ``text`` is the document's own text (the whole decoded file, or one record of a batch file).
    ``prose`` has the same length as ``text``; regions that are not prose (front matter, fenced code,
    HTML comments and tags, link URLs) are blanked with spaces (newlines kept), so every offset
    found in ``prose`` is an offset into ``text``.
    ``first_line`` is the 1-based line in the file where ``text`` starts (1 for whole files).
    ``anchors`` (batch records only) map offsets in ``text`` to the physical line and column in the file
    where escapes (JSON ``\\n``, CSV ``""``) or the record's position in the file make them differ.
    """

    path: str
    text: str
    prose: str
    record: str | None = None
    first_line: int = 1
    metadata: Mapping[str, Any] = field(default_factory=dict)
    format: str = "text"
    directives: str = ""       # text where inline suppression directives may appear (comments kept)
    anchors: tuple[Anchor, ...] = ()

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.text):
            raise ValueError("prose view must keep the text's length")
        # Lone surrogates (JSON "\ud800", surrogateescape'd bytes) crash spaCy and UTF-8 output: replace them
        # with U+FFFD, one for one, so every offset stays valid.
        for name in ("text", "prose", "directives"):
            value = getattr(self, name)
            if SURROGATE.search(value) is not None:
                object.__setattr__(self, name, clean_surrogates(value))

    @property
    def platform(self) -> str | None:
        value = self.metadata.get("platform")
        return str(value).lower() if value else None

    def line_starts(self) -> list[int]:
        """Offsets where each line of ``text`` starts (LF, CRLF and lone CR end a line)."""
        return line_starts(self.text)

    def position(self, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
        """1-based (line, column) in the file for a 0-based offset into ``text``."""
        offset = max(0, min(offset, len(self.text)))
        if self.anchors:
            index = bisect.bisect_right(self.anchors, (offset, float("inf"), 0)) - 1
            at, line, column = self.anchors[max(index, 0)]
            return line, column + (offset - at)
        if self.format == "jsonl":          # a JSONL record is one physical line
            return self.first_line, offset + 1
        starts = starts if starts is not None else self.line_starts()
        index = bisect.bisect_right(starts, offset) - 1
        return self.first_line + index, offset - starts[index] + 1


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in NEWLINE.finditer(text))
    return starts


def blank(text: str, start: int, end: int) -> str:
    """Return ``text`` with [start, end) replaced by spaces, newlines kept."""
    return blank_spans(text, [(start, end)])


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return ``text`` with every [start, end) span replaced by spaces (CR and LF kept); linear time."""
    ordered = sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s)
    if not ordered:
        return text
    out: list[str] = []
    pos = 0
    for start, end in ordered:
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        segment = text[start:end]
        if "\n" in segment or "\r" in segment:
            out.append(re.sub(r"[^\r\n]", " ", segment))
        else:
            out.append(" " * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def clean_surrogates(text: str) -> str:
    """Lone surrogates (from JSON ``\\ud800`` escapes or surrogateescape) -> U+FFFD, same length."""
    if SURROGATE.search(text) is None:
        return text
    return SURROGATE.sub("\ufffd", text)

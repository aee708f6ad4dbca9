"""Document: one draft with its text, prose view, metadata and offset -> (line, column) mapping."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Document:
    """One draft.

    ``text`` is the document's own text (the whole decoded file, or one record of a batch file).
    ``prose`` has the same length as ``text``; regions that are not prose (front matter, fenced code,
    HTML comments and tags, link URLs) are blanked with spaces (newlines kept), so every offset
    found in ``prose`` is an offset into ``text``.
    ``first_line`` is the 1-based line in the file where ``text`` starts (1 for whole files).
    """

    path: str
    text: str
    prose: str
    record: str | None = None
    first_line: int = 1
    metadata: Mapping[str, Any] = field(default_factory=dict)
    format: str = "text"
    directives: str = ""       # text where inline suppression directives may appear (comments kept)

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.text):
            raise ValueError("prose view must keep the text's length")

    @property
    def platform(self) -> str | None:
        value = self.metadata.get("platform")
        return str(value).lower() if value else None

    def line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == "\n":
                starts.append(i + 1)
            elif ch == "\r":
                if i + 1 < n and text[i + 1] == "\n":
                    i += 1
                starts.append(i + 1)
            i += 1
        return starts

    def position(self, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
        """1-based (line, column) in the file for a 0-based offset into ``text``."""
        offset = max(0, min(offset, len(self.text)))
        if self.format == "jsonl":          # a JSONL record is one physical line
            return self.first_line, offset + 1
        starts = starts if starts is not None else self.line_starts()
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(starts, offset) - 1
        return self.first_line + index, offset - starts[index] + 1


def blank(text: str, start: int, end: int) -> str:
    """Return ``text`` with [start, end) replaced by spaces, newlines kept."""
    segment = text[start:end]
    return text[:start] + "".join(c if c in "\r\n" else " " for c in segment) + text[end:]

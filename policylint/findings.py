"""Finding, severity and category: the records every stage passes along."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Mapping

CATEGORIES: tuple[str, ...] = (
    "phi", "disclaimer", "endorsement", "claims", "language", "professionalism", "accessibility", "platform",
)


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Hit:
    """What a check yields: a span of the document's text and an optional message/fix."""

    start: int
    end: int
    message: str | None = None
    fix: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One problem at one place from one rule, stamped by the engine."""

    path: str
    record: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    code: str
    rule: str
    pack: str
    category: str
    severity: Severity
    message: str
    match: str
    fix: str | None = None
    context: str = ""          # normalised surrounding words, used for fingerprints (never printed)

    def as_record(self, *, mask: bool) -> dict[str, Any]:
        return {
            "path": self.path,
            "record": self.record,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "rule": self.rule,
            "pack": self.pack,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "match": None if mask else self.match,
            "fix": None if (mask and self.category == "phi") else self.fix,
        }


def mask_text(text: str) -> str:
    """Replace every letter and digit with a placeholder, keeping length and punctuation shape."""
    return "".join("█" if ch.isalnum() else ch for ch in text)

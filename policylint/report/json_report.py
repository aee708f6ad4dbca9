"""JSON report: the contract in DESIGN.md."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from policylint import __version__

_SCALAR = json.JSONEncoder(ensure_ascii=False, allow_nan=True).encode
_STRING = json.encoder.encode_basestring      # the C encoder used by json.dumps(ensure_ascii=False)


def dumps(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, for dicts (with string keys), lists and
    scalars, nested at ``level`` (each inner line is indented by 2 * level more spaces). json.dumps falls
    back to its pure-Python encoder whenever ``indent`` is given, which made the report the slowest part
    of a fully cached run over thousands of files."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(key, str) for key in value):
            return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
        inner = "\n" + "  " * (level + 1)
        parts = []
        for key, item in value.items():           # the scalars of a finding record inline (most of a report)
            kind = type(item)
            parts.append(_STRING(key) + ": " + (
                _STRING(item) if kind is str else "null" if item is None else int.__repr__(item) if kind is int
                else dumps(item, level + 1)))
        return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * level + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        return "[" + inner + ("," + inner).join(dumps(item, level + 1) for item in value) + "\n" + "  " * level + "]"
    return _SCALAR(value)


def summary(report: Any) -> dict[str, Any]:
    by_severity = Counter(f.severity.label for f in report.findings)
    data = {"files": report.files, "documents": report.documents, "findings": len(report.findings),
            "by_severity": dict(sorted(by_severity.items())), "suppressed": len(report.suppressed)}
    if getattr(report, "baselined", None) is not None:       # only when --baseline was given
        data["baselined"] = len(report.baselined)
    return data


def render(report: Any, out: TextIO) -> None:
    data: dict[str, Any] = {
        "tool": "policylint",
        "version": __version__,
        "findings": [f.as_record(mask=report.mask) for f in report.findings],
        "summary": summary(report),
    }
    if report.show_suppressed:
        data["suppressed"] = [f.as_record(mask=report.mask) for f in report.suppressed]
    out.write(dumps(data) + "\n")

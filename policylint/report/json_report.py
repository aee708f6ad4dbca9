"""JSON report: the contract in DESIGN.md."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from policylint import __version__


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
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")

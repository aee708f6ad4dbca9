"""GitLab Code Quality report (a Code Climate subset): a JSON array of issues.

Severity: ``error`` -> ``critical`` for PHI (a disclosure) and ``major`` otherwise, ``warning`` ->
``minor``, ``info`` -> ``info``. Fingerprints are sha256 of the path and the content fingerprint (no line
numbers, no plaintext), unique within the report, so GitLab's merge-request widget can tell new findings
from fixed ones even when lines move.
"""
from __future__ import annotations

from typing import Any, TextIO

from policylint.baseline import unique_fingerprints
from policylint.findings import Finding, Severity
from policylint.report.common import clean_path, message, sentence
from policylint.report.json_report import dumps

CATEGORIES = {"phi": "Security", "claims": "Bug Risk", "endorsement": "Bug Risk", "disclaimer": "Bug Risk",
              "professionalism": "Bug Risk", "language": "Style", "accessibility": "Style",
              "platform": "Compatibility"}


def severity(f: Finding) -> str:
    if f.severity == Severity.ERROR:
        return "critical" if f.category == "phi" else "major"
    return "minor" if f.severity == Severity.WARNING else "info"


def build(report: Any) -> list[dict[str, Any]]:
    issues = []
    findings = list(report.findings)
    for f, fp in zip(findings, unique_fingerprints(findings, report.texts, with_path=True), strict=True):
        text = message(f, mask=report.mask)
        if f.record is not None:
            text = f"[record {f.record}] {text}"
        issues.append({
            "type": "issue",
            "engine_name": "policylint",
            "check_name": f.code,
            "description": sentence(f"{f.code} {text}"),
            "categories": [CATEGORIES.get(f.category, "Style")],
            "severity": severity(f),
            "fingerprint": fp,
            "location": {"path": clean_path(f.path),
                         "lines": {"begin": f.line, "end": max(f.end_line, f.line)}},
        })
    return issues


def render(report: Any, out: TextIO) -> None:
    out.write(dumps(build(report)))
    out.write("\n")

"""Reporters: one module per output format, registered in a plain dict. Each renders finding records."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence, TextIO

from policylint.findings import Finding


@dataclass(frozen=True)
class Report:
    findings: Sequence[Finding]
    files: int
    documents: int
    suppressed: Sequence[Finding] = ()
    notices: Sequence[str] = ()
    mask: bool = False
    fail_on: str = "error"
    rules: Sequence[object] = ()          # Rule objects used (for SARIF rule metadata)
    texts: dict[tuple[str, str | None], str] = field(default_factory=dict)   # (path, record) -> text
    show_suppressed: bool = False
    baselined: Sequence[Finding] | None = None   # findings accepted by --baseline (None: no baseline used)


Renderer = Callable[[Report, TextIO], None]


def _text(report: Report, out: TextIO) -> None:
    from policylint.report import text

    text.render(report, out)


def _json(report: Report, out: TextIO) -> None:
    from policylint.report import json_report

    json_report.render(report, out)


def _sarif(report: Report, out: TextIO) -> None:
    from policylint.report import sarif

    sarif.render(report, out)


def _junit(report: Report, out: TextIO) -> None:
    from policylint.report import junit

    junit.render(report, out)


def _github(report: Report, out: TextIO) -> None:
    from policylint.report import github

    github.render(report, out)


def _gitlab(report: Report, out: TextIO) -> None:
    from policylint.report import gitlab

    gitlab.render(report, out)


REPORTERS: dict[str, Renderer] = {"text": _text, "json": _json, "sarif": _sarif, "junit": _junit,
                                  "github": _github, "gitlab": _gitlab}

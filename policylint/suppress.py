"""Inline suppression directives (in comments or plain text), each with a required reason.

    <!-- policylint-disable-next-line PHI002 -- reason: written authorization #A-113 -->
    policylint-disable PHI -- reason: ...      ...      policylint-enable PHI
    policylint-disable-file LANG -- reason: ...
Codes match by prefix; a directive without codes applies to every rule. A directive without a reason is
reported (SUP001), and so is one that suppresses nothing (SUP002).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policylint.findings import Finding, Severity

DIRECTIVE = re.compile(r"policylint-(disable-next-line|disable-line|disable-file|disable|enable)\b"
                       r"([^\n]*?)(?=-->|\*/|$)", re.M)


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...]
    reason: str
    start: int
    end: int
    line: int
    used: bool = False


def parse(text: str, line_of: Any) -> list[Directive]:
    result = []
    for m in DIRECTIVE.finditer(text):
        body = m.group(2).strip()
        reason = ""
        if "--" in body:
            body, reason = body.split("--", 1)
            reason = reason.strip()
            reason = re.sub(r"^reason\s*:\s*", "", reason, flags=re.I).strip()
        codes = tuple(c for c in re.split(r"[\s,]+", body.strip()) if c)
        result.append(Directive(m.group(1), codes, reason, m.start(), m.end(), line_of(m.start())))
    return result


def _covers(d: Directive, code: str) -> bool:
    return not d.codes or any(code.startswith(c) for c in d.codes)


def apply_directives(doc: Any, findings: list[Finding], engine: Any) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(kept, suppressed, directive problems) for one document."""
    text = doc.directives or ""
    if "policylint-" not in text:
        return findings, [], []
    starts = doc.line_starts()
    directives = parse(text, lambda off: doc.position(off, starts)[0])
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        hit = None
        for d in directives:
            if not _covers(d, f.code):
                continue
            if d.kind == "disable-file":
                hit = d
            elif d.kind == "disable-next-line" and f.line == d.line + 1:
                hit = d
            elif d.kind == "disable-line" and f.line == d.line:
                hit = d
            elif d.kind == "disable" and d.start <= f.start:
                closing = next((e for e in directives if e.kind == "enable" and e.start > d.start and
                                (not e.codes or any(c in e.codes for c in d.codes) or not d.codes)), None)
                if closing is None or f.start < closing.start:
                    hit = d
            if hit:
                break
        if hit is not None and hit.reason:
            hit.used = True
            suppressed.append(f)
        else:
            kept.append(f)
    problems: list[Finding] = []
    for d in directives:
        if d.kind == "enable":
            continue
        line, col = doc.position(d.start, starts)
        end_line, end_col = doc.position(d.end, starts)
        if not d.reason:
            message, code = "suppression directive needs a reason: add `-- reason: ...` (audit trail)", "SUP001"
        elif not d.used:
            message, code = "suppression directive suppresses nothing; remove it", "SUP002"
        else:
            continue
        problems.append(Finding(path=doc.path, record=doc.record, line=line, column=col, end_line=end_line,
                                end_column=end_col, start=d.start, end=d.end, code=code,
                                rule="suppress.reason-required" if code == "SUP001" else "suppress.unused",
                                pack="policylint", category="platform", severity=Severity.WARNING,
                                message=message, match=text[d.start:d.end]))
    return kept, suppressed, problems

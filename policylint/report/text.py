"""Human-readable report: path:line:col: CODE severity message, snippet with a caret, summary."""
from __future__ import annotations

import os
from collections import Counter
from typing import Any, TextIO

from policylint.findings import mask_text

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET, BOLD, DIM = "\033[0m", "\033[1m", "\033[2m"


def _use_colour(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(out, "isatty", lambda: False)())


def render(report: Any, out: TextIO) -> None:
    colour = _use_colour(out)
    spans: dict[tuple[str, Any], list[tuple[int, int]]] = {}
    for item in list(report.findings) + list(report.suppressed):
        spans.setdefault((item.path, item.record), []).append((item.start, item.end))
    for finding in report.findings:
        sev = finding.severity.label
        where = f"{finding.path}:{finding.line}:{finding.column}"
        if finding.record is not None:
            where += f" [record {finding.record}]"
        code = f"{finding.code} {sev}"
        if colour:
            code = f"{BOLD}{COLOURS.get(sev, '')}{finding.code}{RESET} {COLOURS.get(sev, '')}{sev}{RESET}"
        out.write(f"{where}: {code} {finding.message}\n")
        text = report.texts.get((finding.path, finding.record))
        if text is not None:
            line_start = text.rfind("\n", 0, finding.start) + 1
            line_end = text.find("\n", finding.start)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end].rstrip("\r")
            s, e = finding.start - line_start, min(finding.end, line_end) - line_start
            if report.mask:       # mask every finding of this document on the line, not only this one
                for other in spans.get((finding.path, finding.record), ()):
                    a, b = max(other[0], line_start) - line_start, min(other[1], line_end) - line_start
                    if a < b:
                        line = line[:a] + mask_text(line[a:b]) + line[b:]
            if len(line) > 160:                       # keep long lines readable: window around the match
                left = max(0, s - 60)
                lead = "…" if left else ""
                tail = "…" if left + 150 < len(line) else ""
                line, s, e = (lead + line[left:left + 150] + tail), s - left + len(lead), min(e - left + len(lead), 150 + len(lead))
            out.write(f"    {line}\n")
            out.write("    " + " " * max(0, s) + "^" * max(1, e - s) + "\n")
        if finding.fix:
            out.write(f"    {'fix: ' if colour is False else DIM + 'fix: '}{finding.fix}{RESET if colour else ''}\n")
    if report.show_suppressed:
        for finding in report.suppressed:
            out.write(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} suppressed {finding.message}\n")
    counts = Counter(f.severity.label for f in report.findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    total = len(report.findings)
    docs = f"{report.documents} document{'s' if report.documents != 1 else ''}"
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if total:
        line = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {docs} from {files}."
    else:
        line = f"No problems found in {docs} from {files}."
    if report.suppressed:
        line += f" {len(report.suppressed)} suppressed."
    if getattr(report, "baselined", None):
        line += f" {len(report.baselined)} in the baseline."
    out.write(line + "\n")

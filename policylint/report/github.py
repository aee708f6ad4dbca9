"""GitHub Actions workflow commands, one ``::group::`` per file, plus a Markdown job summary.

    ::error file=posts/a.md,line=3,col=13,endLine=3,endColumn=27,title=PHI001::A patient is named ...

Messages escape ``%``, CR and LF; properties also ``:`` and ``,`` (as @actions/core does). Nothing
printed comes from the draft's text except file paths. ``summary_markdown`` is what the CLI appends to
``$GITHUB_STEP_SUMMARY`` when that is set.
"""
from __future__ import annotations

from typing import Any, TextIO

from policylint.findings import Finding, Severity
from policylint.report.common import message, severity_counts, summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_ROWS = 200


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, *, mask: bool) -> str:
    props = [("file", f.path), ("line", str(f.line))]
    if f.end_line == f.line:                    # GitHub accepts columns only within one line
        props += [("col", str(f.column)), ("endLine", str(f.end_line)),
                  ("endColumn", str(max(f.end_column, f.column)))]
    else:
        props.append(("endLine", str(f.end_line)))
    props.append(("title", f.code))
    text = message(f, mask=mask)
    if f.record is not None:
        text = f"[record {f.record}] {text}"
    text = f"{text} ({f.rule})"
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {rendered}::{escape_data(text)}"


def render(report: Any, out: TextIO) -> None:
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.path, []).append(f)
    for path, findings in groups.items():
        out.write(f"::group::{escape_data(path)}\n")
        for f in findings:
            out.write(command(f, mask=report.mask) + "\n")
        out.write("::endgroup::\n")
    if report.show_suppressed:
        for f in list(report.suppressed) + list(report.baselined or []):
            out.write(f"{escape_data(f.path)}:{f.line}:{f.column}: {f.code} suppressed "
                      f"{escape_data(message(f, mask=report.mask))}\n")
    out.write(escape_data(f"policylint: {summary_line(report)}") + "\n")


def _cell(text: str) -> str:
    return escape_md(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def escape_md(text: str) -> str:
    for ch in "\\`*_[]<>#":
        text = text.replace(ch, "\\" + ch)
    return text


def summary_markdown(report: Any) -> str:
    """The job summary: totals by severity and a table of findings (masked text only)."""
    counts = severity_counts(report.findings)
    icon = ":x:" if counts["error"] else (":warning:" if report.findings else ":white_check_mark:")
    lines = [f"## {icon} policylint", "", escape_md(summary_line(report)), ""]
    if report.findings:
        lines += ["| Severity | Count |", "| --- | ---: |"]
        lines += [f"| {s} | {counts[s]} |" for s in ("error", "warning", "info") if counts[s]]
        lines += ["", "| File | Line | Code | Severity | Message |", "| --- | ---: | --- | --- | --- |"]
        for f in report.findings[:SUMMARY_ROWS]:
            where = f.path if f.record is None else f"{f.path} [record {f.record}]"
            lines.append(f"| {_cell(where)} | {f.line} | {f.code} | {f.severity.label} | "
                         f"{_cell(message(f, mask=report.mask))} |")
        if len(report.findings) > SUMMARY_ROWS:
            lines += ["", f"… and {len(report.findings) - SUMMARY_ROWS} more (see the step log)."]
    return "\n".join(lines) + "\n"

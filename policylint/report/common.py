"""Helpers shared by the CI-facing reporters (SARIF, JUnit, GitHub, GitLab). Pure functions."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Iterable, Sequence
from urllib.parse import quote

from policylint.findings import Finding, mask_text

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def message(finding: Finding, *, mask: bool) -> str:
    """The finding's message; when masking, any copy of the matched text in it is masked too."""
    text = finding.message
    if mask and finding.match and finding.match.strip() and finding.match in text:
        text = text.replace(finding.match, mask_text(finding.match))
    return text


def sentence(text: str) -> str:
    """One line, capitalised, ending with a full stop (SARIF and job summaries read better so)."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def rule_summary(template: str) -> str:
    """A rule's message template without its placeholders ("{what} that identifies ... ({reason})")."""
    text = re.sub(r"\s*\(\{\w+\}\)", "", template)
    text = text.replace("{what}", "an identifier")
    text = PLACEHOLDER.sub(lambda m: m.group(1).replace("_", " "), text)
    return sentence(text)


def documents(report: Any) -> list[tuple[str, str | None]]:
    """Every checked document (path, record), in check order (from the report's texts and findings)."""
    keys: dict[tuple[str, str | None], None] = {}
    for key in getattr(report, "texts", {}) or {}:
        if isinstance(key, tuple):
            keys.setdefault((key[0], key[1]), None)
    for f in list(report.findings) + list(report.suppressed) + list(getattr(report, "baselined", None) or []):
        keys.setdefault((f.path, f.record), None)
    return list(keys)


def severity_counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity.label for f in findings)


def summary_line(report: Any) -> str:
    counts = severity_counts(report.findings)
    total = len(report.findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
             for s in ("error", "warning", "info") if counts[s]]
    docs = f"{report.documents} document{'s' if report.documents != 1 else ''}"
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if total:
        problems = f"{total} problem{'s' if total != 1 else ''}"
        line = f"Found {problems} ({', '.join(parts)}) in {docs} from {files}."
    else:
        line = f"No problems found in {docs} from {files}."
    if report.suppressed:
        line += f" {len(report.suppressed)} suppressed."
    if getattr(report, "baselined", None):
        line += f" {len(report.baselined)} in the baseline."
    return line


def artifact_uri(path: str) -> tuple[str, bool]:
    """(URI, is_relative) for a finding's path: relative paths stay relative (POSIX, percent-encoded)."""
    if PureWindowsPath(path).drive or path.startswith("\\\\"):
        return "file:///" + quote(PureWindowsPath(path).as_posix().lstrip("/"), safe="/:"), False
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return "file://" + quote(str(posix), safe="/"), False
    parts = [p for p in posix.parts if p not in (".", "")]
    return quote("/".join(parts), safe="/,;=!$&'()*+@"), True


def clean_path(path: str) -> str:
    """A relative path in POSIX form without ``./`` (absolute paths are returned as they are)."""
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute() or PureWindowsPath(path).drive:
        return path
    return "/".join(p for p in posix.parts if p not in (".", "")) or path


def at_or_above(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    threshold = {"error": 3, "warning": 2, "info": 1}.get(fail_on, 99)
    return [f for f in findings if int(f.severity) >= threshold]

"""SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer).

No snippets and no matched text: results carry the rule's message, a region and ``partialFingerprints``
(sha256 of the rule code, the normalised match and its surrounding words, unique per file), which stay
the same when lines move. Suppressed (and baselined) results appear only with ``--show-suppressed``,
marked with SARIF ``suppressions``.
"""
from __future__ import annotations

import re
from typing import Any, TextIO

from policylint import __version__
from policylint.baseline import unique_fingerprints
from policylint.findings import Finding, Severity
from policylint.report.common import artifact_uri, message, rule_summary, sentence
from policylint.report.json_report import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "policylint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def pascal(name: str) -> str:
    """``phi.patient-name`` -> ``PhiPatientName`` (SARIF's conventional friendly rule name)."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def _rule_entry(rule: Any) -> dict[str, Any]:
    short = rule_summary(rule.message)
    why = " ".join((rule.why or "").split()) or short
    link = getattr(rule, "link", None)
    help_text = sentence(why) + (f" Source: {link}" if link else "")
    help_md = sentence(why) + (f"\n\nSource: [{link}]({link})" if link else "")
    entry: dict[str, Any] = {
        "id": rule.code,
        "name": pascal(rule.name),
        "shortDescription": {"text": short},
        "fullDescription": {"text": sentence(why)},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": list(dict.fromkeys((rule.category, rule.pack))), "category": rule.category,
                       "pack": rule.pack, "rule": rule.name},
    }
    if link:
        entry["helpUri"] = link
    if getattr(rule, "aliases", ()):
        entry["deprecatedIds"] = list(rule.aliases)
    if not getattr(rule, "enabled", True):
        entry["defaultConfiguration"]["enabled"] = False
    return entry


class _Stub:
    """Rule metadata for a finding whose rule the report does not carry."""

    def __init__(self, f: Finding) -> None:
        self.code, self.name, self.category, self.pack = f.code, f.rule, f.category, f.pack
        self.message, self.why, self.severity, self.link, self.aliases = f.message, "", f.severity, None, ()


def _rules(report: Any, findings: list[Finding]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    from policylint.suppress import DIRECTIVE_RULES

    entries: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in list(report.rules) + list(DIRECTIVE_RULES) + [_Stub(f) for f in findings]:
        if rule.code in index:
            continue
        index[rule.code] = len(entries)
        entries.append(_rule_entry(rule))
    return entries, index


def _region(f: Finding) -> dict[str, Any]:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": max(f.end_line, f.line)}
    end_column = f.end_column if f.end_line > f.line else max(f.end_column, f.column)
    region["endColumn"] = end_column
    return region


def _result(f: Finding, fp: str, index: dict[str, int], *, mask: bool) -> dict[str, Any]:
    uri, relative = artifact_uri(f.path)
    location: dict[str, Any] = {"uri": uri}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity],
        "message": {"text": sentence(message(f, mask=mask))},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(f)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"category": f.category, "severity": f.severity.label},
    }
    if f.record is not None:
        result["properties"]["record"] = f.record
    return result


def information_uri() -> str | None:
    """The project's home page from the installed package metadata, if it declares one."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        md = metadata("policylint")
    except (ImportError, PackageNotFoundError):
        return None
    for value in md.get_all("Project-URL") or []:
        label, _, url = value.partition(",")
        if url.strip() and label.strip().lower() in ("homepage", "home", "repository", "source", "documentation"):
            return url.strip()
    home = (md.get_all("Home-page") or [None])[0]
    return home if home and home.upper() != "UNKNOWN" else None


def build(report: Any) -> dict[str, Any]:
    shown: list[tuple[Finding, str | None]] = [(f, None) for f in report.findings]
    if report.show_suppressed:
        shown += [(f, "inSource") for f in report.suppressed]
        shown += [(f, "external") for f in (report.baselined or [])]
    findings = [f for f, _ in shown]
    rules, index = _rules(report, findings)
    fps = unique_fingerprints(findings, report.texts)
    results = []
    for (f, suppression), fp in zip(shown, fps, strict=True):
        result = _result(f, fp, index, mask=report.mask)
        if suppression:
            result["suppressions"] = [{"kind": suppression}]
        if report.baselined is not None:
            result["baselineState"] = "unchanged" if suppression == "external" else "new"
        results.append(result)
    driver: dict[str, Any] = {"name": "policylint", "version": __version__, "semanticVersion": __version__}
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = rules
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"files": report.files, "documents": report.documents,
                       "suppressed": len(report.suppressed)},
    }
    if report.baselined is not None:
        run["properties"]["baselined"] = len(report.baselined)
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Any, out: TextIO) -> None:
    out.write(dumps(build(report)))
    out.write("\n")

"""JUnit XML: one testcase per document, one ``<failure>`` per finding at or above the report's fail level.

Findings below the fail level are listed in the testcase's ``<system-out>``. Matched text appears only
when masking is off; messages never contain it. Output is deterministic (no timestamps, no host names).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, TextIO

from policylint import __version__
from policylint.findings import Finding
from policylint.report.common import at_or_above, documents, message, summary_line

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return INVALID_XML.sub("\ufffd", text)


def _where(f: Finding) -> str:
    record = f" [record {f.record}]" if f.record is not None else ""
    return f"{f.path}:{f.line}:{f.column}{record}"


def _detail(f: Finding, *, mask: bool) -> str:
    lines = [f"{_where(f)}: {f.code} {f.severity.label} {message(f, mask=mask)}",
             f"rule: {f.rule} ({f.pack}, {f.category})"]
    if not mask and f.match:
        lines.append(f"match: {f.match}")
    return "\n".join(lines)


def case_name(path: str, record: str | None) -> str:
    return path if record is None else f"{path} [record {record}]"


def build(report: Any) -> ET.Element:
    by_doc: dict[tuple[str, str | None], list[Finding]] = {}
    for f in report.findings:
        by_doc.setdefault((f.path, f.record), []).append(f)
    failing = {id(f) for f in at_or_above(report.findings, report.fail_on)}
    cases = []
    failures = 0
    for key in documents(report):
        found = by_doc.get(key, [])
        case = ET.Element("testcase", {"classname": "policylint", "name": _clean(case_name(*key)),
                                       "file": _clean(key[0]), "time": "0"})
        below = []
        for f in found:
            if id(f) in failing:
                failures += 1
                summary = _clean(f"{f.code} {message(f, mask=report.mask)}")
                failure = ET.SubElement(case, "failure", {"type": f.code, "message": summary})
                failure.text = _clean(_detail(f, mask=report.mask))
            else:
                below.append(_clean(_detail(f, mask=report.mask)))
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(below)
        cases.append(case)
    attrs = {"name": "policylint", "tests": str(len(cases)), "failures": str(failures), "errors": "0",
             "skipped": "0", "time": "0"}
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", attrs)
    props = ET.SubElement(suite, "properties")
    for name, value in (("policylint.version", __version__), ("fail_on", report.fail_on),
                        ("files", str(report.files)), ("documents", str(report.documents)),
                        ("findings", str(len(report.findings))), ("suppressed", str(len(report.suppressed)))):
        ET.SubElement(props, "property", {"name": name, "value": value})
    if report.baselined is not None:
        ET.SubElement(props, "property", {"name": "baselined", "value": str(len(report.baselined))})
    suite.extend(cases)
    out_lines = [summary_line(report)]
    if report.show_suppressed:
        out_lines += [f"suppressed: {_detail(f, mask=report.mask)}" for f in report.suppressed]
        out_lines += [f"baselined: {_detail(f, mask=report.mask)}" for f in (report.baselined or [])]
    ET.SubElement(suite, "system-out").text = _clean("\n".join(out_lines))
    return root


def render(report: Any, out: TextIO) -> None:
    root = build(report)
    ET.indent(root, space="  ")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")

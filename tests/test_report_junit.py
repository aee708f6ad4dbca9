"""JUnit reporter, read back by a real JUnit consumer (junitparser)."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from junitparser import Failure, JUnitXml

from policylint.findings import Finding, Severity
from policylint.report import REPORTERS, Report

DRAFTS = {
    "posts/patient.md": "# Ward news\n\nCongrats to Maria Gonzalez on finishing chemo at our hospital!\n",
    "posts/language.txt": "Our clinic now offers walk-in hours for addicts ready to start treatment.\n",
    "posts/clean.md": "# Open house\n\nJoin our team at the open house on Saturday. Everyone is welcome.\n",
}


@pytest.fixture
def drafts(isolated: Path, nlp: Any) -> Path:
    # `nlp`: load the session pipeline once, up front.
    for name, text in DRAFTS.items():
        path = isolated / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return isolated


def parse(xml: str, tmp_path: Path) -> JUnitXml:
    path = tmp_path / "report.xml"
    path.write_text(xml, encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def cases(xml: JUnitXml) -> dict[str, Any]:
    return {case.name: case for suite in xml for case in suite}


def test_one_testcase_per_document_and_failures_at_or_above_fail_on(drafts: Path, cli: Any) -> None:
    result = cli("check", "posts", "--format", "junit", "--select", "PHI,LNG")
    assert result.code == 1
    xml = parse(result.out, drafts)
    by_name = cases(xml)
    assert set(by_name) == {"posts/patient.md", "posts/language.txt", "posts/clean.md"}
    failures = {name: [(r.type, r.message.split()[0]) for r in case.result if isinstance(r, Failure)]
                for name, case in by_name.items()}
    assert failures["posts/patient.md"] == [("PHI001", "PHI001")]
    assert failures["posts/language.txt"] == []            # a warning, below the default fail level
    assert failures["posts/clean.md"] == []
    assert "LNG001" in (by_name["posts/language.txt"].system_out or "")
    assert by_name["posts/clean.md"].is_passed
    suite = next(iter(xml))
    reported = (suite.tests, suite.failures, suite.errors)
    suite.update_statistics()                            # the consumer's own count agrees with ours
    assert reported == (suite.tests, suite.failures, suite.errors) == (3, 1, 0)


def test_fail_on_warning_turns_warnings_into_failures(drafts: Path, cli: Any) -> None:
    result = cli("check", "posts", "--format", "junit", "--select", "PHI,LNG", "--fail-on", "warning")
    by_name = cases(parse(result.out, drafts))
    assert [r.type for r in by_name["posts/language.txt"].result] == ["LNG001"]
    none = cli("check", "posts", "--format", "junit", "--select", "PHI,LNG", "--fail-on", "none")
    assert none.code == 0
    assert all(case.is_passed for case in cases(parse(none.out, drafts)).values())


def test_masked_by_default_and_plaintext_only_with_no_mask(drafts: Path, cli: Any) -> None:
    masked = cli("check", "posts", "--format", "junit", "--select", "PHI")
    assert "Maria Gonzalez" not in masked.out
    plain = cli("check", "posts", "--format", "junit", "--select", "PHI", "--no-mask")
    failure = next(r for r in cases(parse(plain.out, drafts))["posts/patient.md"].result)
    assert "Maria Gonzalez" in (failure.text or "")
    assert "posts/patient.md:3:13" in (failure.text or "")


def _finding(path: str, record: str | None, code: str, severity: Severity, message: str) -> Finding:
    return Finding(path=path, record=record, line=1, column=1, end_line=1, end_column=5, start=0, end=4,
                   code=code, rule="x.y", pack="p", category="phi", severity=severity, message=message,
                   match="Jane", context="")


def test_records_control_characters_and_suppressed(tmp_path: Path) -> None:
    findings = [_finding("export.jsonl", "p1", "PHI001", Severity.ERROR, "bad \x01 char & <tag>"),
                _finding("export.jsonl", "p1", "PHI005", Severity.ERROR, "second"),
                _finding("export.jsonl", "p2", "A11Y003", Severity.INFO, "info")]
    report = Report(findings=findings, files=1, documents=3, suppressed=[findings[1]], mask=True,
                    texts={("export.jsonl", "p1"): "", ("export.jsonl", "p2"): "", ("export.jsonl", "p3"): ""},
                    show_suppressed=True)
    out = io.StringIO()
    REPORTERS["junit"](report, out)
    by_name = cases(parse(out.getvalue(), tmp_path))
    assert list(by_name) == ["export.jsonl [record p1]", "export.jsonl [record p2]", "export.jsonl [record p3]"]
    assert [r.type for r in by_name["export.jsonl [record p1]"].result] == ["PHI001", "PHI005"]
    assert "<tag>" in by_name["export.jsonl [record p1]"].result[0].message
    assert "Jane" not in out.getvalue()
    suite = next(iter(parse(out.getvalue(), tmp_path)))
    assert "1 suppressed" in (suite._elem.findtext("system-out") or "")
    assert dict((p.name, p.value) for p in suite.properties())["suppressed"] == "1"

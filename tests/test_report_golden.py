"""Golden files for the CI-facing reporters (sarif, junit, github, gitlab), from a fixed synthetic report.

The report is built from hand-made findings and rules (no NLP), so the golden files change only when a
reporter changes. The version string (and SARIF's informationUri, which comes from package metadata) is
normalised. Regenerate after an intended change with:

    POLICYLINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_golden.py
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from policylint import __version__
from policylint.findings import Finding, Severity
from policylint.packs import Rule
from policylint.report import REPORTERS, Report

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("POLICYLINT_UPDATE_GOLDEN") == "1"

RULES = (
    Rule(code="PHI001", name="phi.patient-name", kind="phi", category="phi", severity=Severity.ERROR,
         message="A patient is named together with health information", why="Names plus care are PHI.",
         pack="hipaa", source="hipaa.yaml", line=10, link="https://www.hhs.gov/hipaa/"),
    Rule(code="PHI005", name="phi.direct-identifier", kind="phi", category="phi", severity=Severity.ERROR,
         message="{what} that identifies a patient ({reason})", why="Phone numbers are identifiers.",
         pack="hipaa", source="hipaa.yaml", line=40),
    Rule(code="DIS001", name="disclaimer.missing", kind="require", category="disclaimer",
         severity=Severity.WARNING, message="Health advice without a disclaimer",
         why="Advice needs a 'talk to your doctor' line.", pack="medical-advice", source="m.yaml", line=3),
    Rule(code="A11Y003", name="accessibility.hashtag-camelcase", kind="forbid", category="accessibility",
         severity=Severity.INFO, message="Write multi-word hashtags in CamelCase", why="Screen readers.",
         pack="accessibility", source="a.yaml", line=7),
)


def _finding(path: str, line: int, col: int, end_line: int, end_col: int, start: int, end: int, code: str,
             rule: str, category: str, severity: Severity, message: str, match: str, *, record: str | None = None,
             pack: str = "hipaa") -> Finding:
    return Finding(path=path, record=record, line=line, column=col, end_line=end_line, end_column=end_col,
                   start=start, end=end, code=code, rule=rule, pack=pack, category=category, severity=severity,
                   message=message, match=match, context="")


TEXT_A = "# Ward news\n\nCongrats to Maria Gonzalez on finishing chemo!\n\nCall her at (555) 123-4567.\n"
TEXT_B = "Sunscreen tips: reapply every 2 hours,\nespecially after swimming. #skincancerawareness\n"
RECORD = "Thanks Jo Park for 50% of the effort, really: 100%!"


def synthetic_report(*, show_suppressed: bool = False, baselined: bool = False) -> Report:
    a, b, c = "posts/a,b:c.md", "posts/tips.txt", "exports/posts.jsonl"
    findings = [
        _finding(a, 3, 13, 3, 27, 25, 39, "PHI001", "phi.patient-name", "phi", Severity.ERROR,
                 "A patient is named together with health information (named with their care)", "Maria Gonzalez"),
        _finding(a, 5, 12, 5, 26, 70, 84, "PHI005", "phi.direct-identifier", "phi", Severity.ERROR,
                 "phone that identifies a patient (100% sure: a personal phone,\nnot ours)", "(555) 123-4567"),
        _finding(b, 1, 1, 2, 26, 0, 64, "DIS001", "disclaimer.missing", "disclaimer", Severity.WARNING,
                 "Health advice without a disclaimer", "Sunscreen tips: reapply every 2 hours,\nespecially after "
                 "swimming.", pack="medical-advice"),
        _finding(b, 2, 27, 2, 47, 65, 85, "A11Y003", "accessibility.hashtag-camelcase", "accessibility",
                 Severity.INFO, "Write multi-word hashtags in CamelCase", "#skincancerawareness",
                 pack="accessibility"),
        _finding(c, 2, 8, 2, 15, 7, 14, "PHI001", "phi.patient-name", "phi", Severity.ERROR,
                 "A patient is named together with health information", "Jo Park", record="p-2"),
    ]
    suppressed = [_finding(a, 7, 1, 7, 10, 90, 99, "PHI001", "phi.patient-name", "phi", Severity.ERROR,
                           "A patient is named together with health information", "Ann Smith")]
    accepted = [_finding(b, 4, 1, 4, 9, 100, 108, "DIS001", "disclaimer.missing", "disclaimer", Severity.WARNING,
                         "Health advice without a disclaimer", "Eat well", pack="medical-advice")]
    texts = {(a, None): TEXT_A, (b, None): TEXT_B, ("exports/posts.jsonl", "p-1"): "A clean record.",
             (c, "p-2"): RECORD, ("posts/clean.md", None): "All good here."}
    return Report(findings=findings, files=4, documents=5, suppressed=suppressed, mask=True, fail_on="warning",
                  rules=RULES, texts=texts, show_suppressed=show_suppressed,
                  baselined=accepted if baselined else None)


def render(fmt: str, report: Report) -> str:
    out = io.StringIO()
    REPORTERS[fmt](report, out)
    text = out.getvalue()
    if fmt == "sarif":
        data = json.loads(text)
        data["runs"][0]["tool"]["driver"].pop("informationUri", None)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return text.replace(__version__, "<VERSION>")


def github_summary(report: Report) -> str:
    from policylint.report.github import summary_markdown

    return summary_markdown(report).replace(__version__, "<VERSION>")


CASES = {
    "report.sarif": lambda: render("sarif", synthetic_report()),
    "report-show-suppressed.sarif": lambda: render("sarif", synthetic_report(show_suppressed=True, baselined=True)),
    "report.junit.xml": lambda: render("junit", synthetic_report()),
    "report.github.txt": lambda: render("github", synthetic_report()),
    "report.github-summary.md": lambda: github_summary(synthetic_report()),
    "report.gitlab.json": lambda: render("gitlab", synthetic_report()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    produced = CASES[name]()
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"{path} is missing; run with POLICYLINT_UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(produced, encoding="utf-8")
    assert produced == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "gitlab"])
def test_no_plaintext_when_masked(fmt: str) -> None:
    report = synthetic_report(show_suppressed=True, baselined=True)
    out = render(fmt, report)
    for f in list(report.findings) + list(report.suppressed) + list(report.baselined or []):
        assert f.match not in out, (fmt, f.code)
    if fmt == "github":
        from policylint.report.github import summary_markdown

        summary = summary_markdown(report)
        for f in report.findings:
            assert f.match not in summary


def test_text_and_json_unchanged_without_baseline() -> None:
    """The baseline fields are additive: without --baseline, text and JSON look as before."""
    report = synthetic_report()
    data = json.loads(render("json", report))
    assert "baselined" not in data["summary"]
    assert data["summary"]["suppressed"] == 1
    assert "baseline" not in render("text", report)
    with_baseline = json.loads(render("json", synthetic_report(baselined=True)))
    assert with_baseline["summary"]["baselined"] == 1
    assert "1 in the baseline." in render("text", synthetic_report(baselined=True))


@pytest.mark.parametrize("value", [
    {}, [], "x", 3, -1, 2.5, None, True, False,
    {"a": [1, 2.5, None, True, "é\n\"x\u2028\t"], "b": {}, "c": {"d": [[]], "e": [{"f": float("nan")}]}},
    [{"a": 1}, {"b": [3, {"c": []}]}], {1: "int key", "x": [False]}, ("tuple", 1),
])
def test_fast_json_dumps_matches_json_module(value: object) -> None:
    """The report's indented encoder writes exactly what json.dumps(indent=2) writes, at any nesting level."""
    from policylint.report.json_report import dumps

    expected = json.dumps(value, ensure_ascii=False, indent=2)
    assert dumps(value) == expected
    assert dumps(value, 2) == expected.replace("\n", "\n    ")
    assert dumps({"k": value}) == json.dumps({"k": value}, ensure_ascii=False, indent=2)

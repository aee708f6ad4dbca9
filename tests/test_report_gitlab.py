"""GitLab Code Quality reporter: the fields GitLab reads, severities, unique and stable fingerprints."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from policylint.findings import Finding, Severity
from policylint.report import REPORTERS, Report

LINE = "Congrats to Maria Gonzalez on finishing chemo at our hospital!"


def _finding(**kw: Any) -> Finding:
    base = dict(path="posts/a.md", record=None, line=3, column=13, end_line=3, end_column=27, start=25, end=39,
                code="PHI001", rule="phi.patient-name", pack="hipaa", category="phi", severity=Severity.ERROR,
                message="A patient is named", match="Maria Gonzalez", context="")
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


def render(findings: list[Finding], texts: dict[Any, str] | None = None) -> list[dict[str, Any]]:
    out = io.StringIO()
    REPORTERS["gitlab"](Report(findings=findings, files=1, documents=1, mask=True, texts=texts or {}), out)
    return json.loads(out.getvalue())


def test_required_fields_and_severity_mapping() -> None:
    issues = render([_finding(), _finding(code="PRO002", category="professionalism", start=50, end=55),
                     _finding(code="LNG001", category="language", severity=Severity.WARNING, start=60, end=65),
                     _finding(code="A11Y003", category="accessibility", severity=Severity.INFO, start=70, end=75,
                              path="./posts/b.md", line=2, end_line=4)])
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["type"] == "issue" and issue["description"]
    assert [i["severity"] for i in issues] == ["critical", "major", "minor", "info"]
    assert [i["check_name"] for i in issues] == ["PHI001", "PRO002", "LNG001", "A11Y003"]
    assert issues[3]["location"] == {"path": "posts/b.md", "lines": {"begin": 2, "end": 4}}
    assert len({i["fingerprint"] for i in issues}) == 4
    assert "Maria" not in json.dumps(issues)


def test_fingerprints_survive_moved_lines_and_differ_across_files() -> None:
    def at(text: str, path: str = "posts/a.md") -> tuple[Finding, dict[Any, str]]:
        start = text.index("Maria Gonzalez")
        line = text.count("\n", 0, start) + 1
        return _finding(path=path, start=start, end=start + 14, line=line, end_line=line), {(path, None): text}

    def issue(text: str, path: str = "posts/a.md") -> dict[str, Any]:
        finding, texts = at(text, path)
        return render([finding], texts)[0]

    first, moved = issue(f"{LINE}\n"), issue(f"Intro.\n\nMore intro.\n\n{LINE}\n")
    other = issue(f"{LINE}\n", "posts/b.md")
    assert first["location"]["lines"]["begin"] == 1 and moved["location"]["lines"]["begin"] == 5
    assert first["fingerprint"] == moved["fingerprint"]
    assert first["fingerprint"] != other["fingerprint"]


def test_cli_gitlab_format(isolated: Path, nlp: Any, cli: Any) -> None:
    (isolated / "post.md").write_text(f"# News\n\n{LINE}\n", encoding="utf-8")
    result = cli("check", "post.md", "--format", "gitlab", "--select", "PHI")
    assert result.code == 1
    issues = json.loads(result.out)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"]) for i in issues] == \
        [("post.md", 3, "PHI001")]
    assert "Maria Gonzalez" not in result.out

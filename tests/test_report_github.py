"""GitHub Actions reporter: workflow commands (escaping, groups, columns), job summary, --format auto."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from policylint.findings import Finding, Severity
from policylint.report import REPORTERS, Report
from policylint.report.github import command, escape_data, escape_property, summary_markdown

PATIENT = "# Ward news\n\nCongrats to Maria Gonzalez on finishing chemo at our hospital!\n"
ADDICTS = "Our clinic now offers walk-in hours for addicts ready to start treatment.\n"
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def _finding(**kw: Any) -> Finding:
    base = dict(path="posts/a.md", record=None, line=3, column=13, end_line=3, end_column=27, start=25, end=39,
                code="PHI001", rule="phi.patient-name", pack="hipaa", category="phi", severity=Severity.ERROR,
                message="A patient is named", match="Maria Gonzalez", context="")
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Parse a workflow command the way the Actions runner does (properties split on `,` and `=`)."""
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    unescape = lambda s: s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")  # noqa: E731
    return m.group(1), {k: unescape(v) for k, v in props.items()}, unescape(m.group(3))


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("%0A") == "%250A"            # an escape sequence in a message is not decoded


def test_command_round_trip_with_hostile_path_and_message() -> None:
    f = _finding(path="posts/we,ird:name%.md", message="50% off: see\nnext line, ok")
    kind, props, message = parse_command(command(f, mask=True))
    assert kind == "error"
    assert props == {"file": "posts/we,ird:name%.md", "line": "3", "col": "13", "endLine": "3",
                     "endColumn": "27", "title": "PHI001"}
    assert message.startswith("50% off: see\nnext line, ok")


def test_levels_multiline_and_records() -> None:
    warning = _finding(code="DIS001", severity=Severity.WARNING, line=1, end_line=2, column=1, end_column=5)
    info = _finding(code="A11Y003", severity=Severity.INFO, record="p7")
    kind, props, _ = parse_command(command(warning, mask=True))
    assert kind == "warning" and "col" not in props and props["endLine"] == "2"    # columns only on one line
    kind, _, message = parse_command(command(info, mask=True))
    assert kind == "notice" and message.startswith("[record p7] ")


def test_groups_per_file_and_no_plaintext() -> None:
    findings = [_finding(), _finding(line=5, start=60, end=70, match="555-1234"),
                _finding(path="posts/b.md", code="LNG001", severity=Severity.WARNING, match="addicts")]
    out = io.StringIO()
    REPORTERS["github"](Report(findings=findings, files=2, documents=2, mask=True), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "::group::posts/a.md" and lines[3] == "::endgroup::"
    assert lines[4] == "::group::posts/b.md" and lines[6] == "::endgroup::"
    assert [parse_command(x)[1]["line"] for x in lines if x.startswith("::error")] == ["3", "5"]
    for f in findings:
        assert f.match not in out.getvalue()


def test_summary_markdown_escapes_table_cells() -> None:
    f = _finding(path="posts/a|b.md", message="pipe | and `code`")
    md = summary_markdown(Report(findings=[f], files=1, documents=1, suppressed=[f], mask=True))
    row = next(line for line in md.splitlines() if "PHI001" in line)
    assert row.count(" | ") == 4 and "a\\|b.md" in row
    assert "1 suppressed" in md and "Maria" not in md


@pytest.fixture
def drafts(isolated: Path, nlp: Any) -> Path:
    # `nlp`: load the session pipeline once, up front.
    (isolated / "posts").mkdir()
    (isolated / "posts" / "patient.md").write_text(PATIENT, encoding="utf-8")
    (isolated / "posts" / "language.txt").write_text(ADDICTS, encoding="utf-8")
    return isolated


def test_auto_format_in_actions_writes_commands_and_job_summary(drafts: Path, cli: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    summary = drafts / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = cli("check", "posts", "--select", "PHI,LNG")       # --format auto (the default)
    assert result.code == 1
    commands = [parse_command(line) for line in result.out.splitlines() if line.startswith("::") and "group" not in line]
    got = sorted((props["file"], int(props["line"]), int(props["col"]), props["title"]) for _, props, _ in commands)
    assert got == [("posts/language.txt", 1, 41, "LNG001"), ("posts/patient.md", 3, 13, "PHI001")]
    assert "::group::posts/patient.md" in result.out
    assert "Maria Gonzalez" not in result.out                      # masked by default in CI formats
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## ")                    # appended, not overwritten
    assert "| posts/patient.md | 3 | PHI001 | error |" in text
    assert "Maria Gonzalez" not in text


def test_no_summary_without_the_variable_and_text_outside_actions(drafts: Path, cli: Any) -> None:
    result = cli("check", "posts", "--select", "PHI")
    assert not result.out.startswith("::")                          # auto -> text outside Actions
    assert "posts/patient.md:3:13: PHI001" in result.out
    github = cli("check", "posts", "--select", "PHI", "--format", "github")
    assert github.out.startswith("::group::posts/patient.md")



def parses(line: str) -> bool:
    """True if `policylint ...` parses with this CLI (unknown options or formats raise)."""
    import shlex

    from typer.main import get_command

    from policylint.cli import app

    args = shlex.split(line)[1:]
    group = get_command(app)
    sub = group.get_command(group.make_context("policylint", list(args), resilient_parsing=True), args[0])
    assert sub is not None, line
    ctx = sub.make_context(args[0], args[1:])
    fmt = ctx.params.get("fmt")
    assert fmt in (None, "auto") or fmt in REPORTERS, line
    return True


def test_example_workflow_uploads_the_sarif_it_writes() -> None:
    import yaml

    root = Path(__file__).resolve().parent.parent
    workflow = yaml.safe_load((root / "examples" / "ci" / "github-actions-policylint.yml").read_text())
    job = workflow["jobs"]["policylint"]
    upload = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    runs = [s["run"] for s in job["steps"] if str(s.get("run", "")).startswith("policylint ")]
    assert any("--format sarif" in r and f"--output {upload['with']['sarif_file']}" in r for r in runs)
    assert job["permissions"]["security-events"] == "write"
    assert all(parses(r) for r in runs)


def test_example_gitlab_job_reports_what_it_writes() -> None:
    import yaml

    root = Path(__file__).resolve().parent.parent
    job = yaml.safe_load((root / "examples" / "ci" / ".gitlab-ci.yml").read_text())["policylint"]
    script = [line for line in job["script"] if line.startswith("policylint ")]
    reports = job["artifacts"]["reports"]
    assert any("--format gitlab" in r and f"--output {reports['codequality']}" in r for r in script)
    assert any("--format junit" in r and f"--output {reports['junit']}" in r for r in script)
    assert all(parses(r.split("#")[0]) for r in script)


def test_ci_true_masks_the_text_format_too(drafts: Path, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    masked = cli("check", "posts", "--select", "PHI")
    assert "posts/patient.md:3:13: PHI001" in masked.out and "Maria Gonzalez" not in masked.out
    assert "Maria Gonzalez" in cli("check", "posts", "--select", "PHI", "--no-mask").out

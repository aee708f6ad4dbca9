"""CLI: exit codes, one-line usage errors, rules/explain/packs test, selection, masking, stdin, the JSON
contract, lazy imports and a whole check with the network disabled (fresh processes where that is the
point; everything else in-process with the session's spaCy pipeline)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from policylint.packs import builtin_names, load_packs

PACK = """\
pack: testpack
rules:
  - code: TST001
    name: test.error-phrase
    kind: forbid
    category: claims
    severity: error
    patterns: ["miracle cure"]
    message: planted error
    why: used by the tests
    examples:
      fail: ["a miracle cure"]
      pass: ["a cure"]
  - code: TST002
    name: test.warning-phrase
    kind: forbid
    category: language
    severity: warning
    patterns: ["wonder drug"]
    message: planted warning
    why: used by the tests
    examples:
      fail: ["a wonder drug"]
      pass: ["a drug"]
  - code: TST003
    name: test.info-phrase
    kind: forbid
    category: platform
    severity: info
    patterns: ["snake oil"]
    message: planted info
    why: used by the tests
    examples:
      fail: ["snake oil"]
      pass: ["olive oil"]
"""

FINDING_KEYS = {"path", "record", "line", "column", "end_line", "end_column", "start", "end", "code", "rule",
                "pack", "category", "severity", "message", "match", "fix"}
SUMMARY_KEYS = {"files", "documents", "findings", "by_severity", "suppressed"}


@pytest.fixture
def project(isolated: Path) -> Path:
    """cwd with .git, testpack.yaml and a config using only it, plus drafts of each severity."""
    (isolated / "testpack.yaml").write_text(PACK)
    (isolated / ".policylint.yaml").write_text("packs: [testpack.yaml]\n")
    (isolated / "error.txt").write_text("Intro line.\nTry this miracle cure today.\n")
    (isolated / "warning.txt").write_text("A wonder drug.\n")
    (isolated / "info.txt").write_text("Pure snake oil.\n")
    (isolated / "clean.txt").write_text("Our new parking garage opens Monday.\n")
    return isolated


def one_line(err: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------------------
# exit codes
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("files", "fail_on", "code"), [
    (["clean.txt"], None, 0),
    (["error.txt"], None, 1),
    (["warning.txt"], None, 0),
    (["warning.txt"], "warning", 1),
    (["info.txt"], "warning", 0),
    (["info.txt"], "info", 1),
    (["error.txt"], "none", 0),
    (["clean.txt", "warning.txt", "info.txt"], "error", 0),
])
def test_exit_codes(cli: Any, project: Path, files: list[str], fail_on: str | None, code: int) -> None:
    args = ["check", *files] + (["--fail-on", fail_on] if fail_on else [])
    assert cli(*args).code == code


def test_fail_on_from_config(cli: Any, project: Path) -> None:
    (project / ".policylint.yaml").write_text("packs: [testpack.yaml]\nfail_on: warning\n")
    assert cli("check", "warning.txt").code == 1


def test_input_error_exit_2_even_with_findings(cli: Any, project: Path) -> None:
    result = cli("check", "error.txt", "missing.txt")
    assert result.code == 2
    assert "missing.txt" in result.err


def test_empty_file_is_not_an_error(cli: Any, project: Path) -> None:
    (project / "empty.txt").write_text("")
    result = cli("check", "empty.txt")
    assert result.code == 0 and "empty.txt" in result.err


@pytest.mark.parametrize("args", [
    ["check", "clean.txt", "--fail-on", "sometimes"],
    ["check", "clean.txt", "--format", "yaml"],
    ["check"],
    ["check", "clean.txt", "--config", "nope.yaml"],
    ["check", "clean.txt", "--pack", "no-such-pack"],
    ["check", "clean.txt", "--stdin-format", "docx"],
    ["check", "clean.txt", "--bogus-option"],
    ["check", "clean.txt", "--fail-on"],
    ["no-such-command"],
    ["explain", "ZZZ999"],
    ["rules", "--format", "xml"],
])
def test_usage_errors_are_one_line(cli: Any, project: Path, args: list[str]) -> None:
    result = cli(*args)
    assert result.code == 2
    one_line(result.err)
    assert "internal error" not in result.err          # a usage error, not a crash


def test_bad_config_names_file_and_line(cli: Any, project: Path) -> None:
    (project / ".policylint.yaml").write_text("packs: [testpack.yaml]\nseverty: {}\n")
    result = cli("check", "clean.txt")
    assert result.code == 2
    one_line(result.err)
    assert ".policylint.yaml:2:" in result.err


def test_bad_pack_names_file_line_rule(cli: Any, project: Path) -> None:
    (project / "testpack.yaml").write_text(PACK.replace("    severity: warning\n", "    severty: warning\n"))
    result = cli("check", "clean.txt")
    assert result.code == 2
    one_line(result.err)
    assert "testpack.yaml:18: rule TST002:" in result.err


def test_no_model_installed(cli: Any, project: Path) -> None:
    result = cli("check", "clean.txt", "--model", "not_a_model")
    assert result.code == 2
    one_line(result.err)


def test_no_pipeline_found(cli: Any, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policylint.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "installed_pipelines", lambda: [])
    with pytest.raises(nlp_module.ModelError):
        nlp_module.choose_model(None)


def test_internal_error_is_one_line_without_draft_text(cli: Any, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policylint.engine as engine_module

    def boom(self: Any, analysis: Any) -> Any:
        raise RuntimeError("secret draft text: Maria Gonzalez")

    monkeypatch.setattr(engine_module.Engine, "check", boom)
    result = cli("check", "error.txt", "--no-cache")
    assert result.code == 2
    one_line(result.err)
    assert "Maria" not in result.err and "miracle" not in result.out + result.err


# ---------------------------------------------------------------------------------------------------------
# rules, explain, packs test
# ---------------------------------------------------------------------------------------------------------

def test_rules_json_lists_every_rule(cli: Any, isolated: Path) -> None:
    result = cli("rules", "--format", "json")
    assert result.code == 0
    rows = result.json()["rules"]
    from policylint.config import DEFAULT_PACKS

    expected = {r.code for p in load_packs(DEFAULT_PACKS) for r in p.rules}
    assert {r["code"] for r in rows} == expected
    for row in rows:
        assert {"code", "name", "pack", "category", "severity"} <= set(row)
        assert row["severity"] in ("error", "warning", "info")


def test_rules_all_includes_every_builtin_pack(cli: Any, isolated: Path) -> None:
    rows = cli("rules", "--format", "json", "--all").json()["rules"]
    assert {r["pack"] for r in rows} == {p.name for p in load_packs(builtin_names())}


def test_rules_text_table(cli: Any, project: Path) -> None:
    result = cli("rules")
    assert result.code == 0
    assert [line.split()[0] for line in result.out.splitlines()] == ["TST001", "TST002", "TST003"]


def test_rules_reflect_config(cli: Any, project: Path) -> None:
    (project / ".policylint.yaml").write_text("packs: [testpack.yaml]\ndisable: [TST003]\nseverity: {TST001: info}\n")
    rows = {r["code"]: r for r in cli("rules", "--format", "json").json()["rules"]}
    assert rows["TST003"]["enabled"] is False and rows["TST001"]["severity"] == "info"


def test_explain(cli: Any, isolated: Path) -> None:
    packs = load_packs(builtin_names())
    rule = packs[0].rules[0]
    result = cli("explain", rule.code)
    assert result.code == 0
    assert result.out.startswith(rule.code)
    assert rule.fail_examples[0].text in result.out and rule.pass_examples[0].text in result.out
    assert cli("explain", rule.name).code == 0


def test_packs_test_exit_codes(cli: Any, project: Path) -> None:
    assert cli("packs", "test", "testpack.yaml").code == 0
    broken = PACK.replace('fail: ["a wonder drug"]', 'fail: ["no such phrase"]')
    (project / "broken.yaml").write_text(broken.replace("pack: testpack", "pack: broken"))
    result = cli("packs", "test", "broken.yaml")
    assert result.code == 1 and "TST002" in result.out
    (project / "invalid.yaml").write_text(PACK.replace("kind: forbid", "kind: nope", 1))
    result = cli("packs", "test", "invalid.yaml")
    assert result.code == 2
    one_line(result.err)


# ---------------------------------------------------------------------------------------------------------
# check options and the JSON contract
# ---------------------------------------------------------------------------------------------------------

def test_json_report_contract(cli: Any, project: Path) -> None:
    result = cli("check", "--format", "json", "--no-mask", "error.txt", "warning.txt", "clean.txt")
    assert result.code == 1
    data = result.json()
    assert set(data) == {"tool", "version", "findings", "summary"}
    assert data["tool"] == "policylint"
    from policylint import __version__

    assert data["version"] == __version__
    assert set(data["summary"]) == SUMMARY_KEYS
    assert data["summary"] == {"files": 3, "documents": 3, "findings": 2,
                               "by_severity": {"error": 1, "warning": 1}, "suppressed": 0}
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
    first = data["findings"][0]
    assert first == {"path": "error.txt", "record": None, "line": 2, "column": 10, "end_line": 2,
                     "end_column": 22, "start": 21, "end": 33, "code": "TST001", "rule": "test.error-phrase",
                     "pack": "testpack", "category": "claims", "severity": "error", "message": "planted error",
                     "match": "miracle cure", "fix": None}
    text = (project / "error.txt").read_text()
    assert text[first["start"]:first["end"]] == first["match"]


def test_mask_hides_match(cli: Any, project: Path) -> None:
    masked = cli("check", "--format", "json", "--mask", "error.txt").json()["findings"]
    assert masked and all(f["match"] is None for f in masked)
    plain = cli("check", "--format", "json", "--no-mask", "error.txt").json()["findings"]
    assert plain[0]["match"] == "miracle cure"
    text = cli("check", "--mask", "error.txt").out
    assert "miracle cure" not in text


def test_ci_masks_by_default(cli: Any, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert all(f["match"] is None for f in cli("check", "--format", "json", "error.txt").json()["findings"])


@pytest.mark.parametrize(("options", "codes"), [
    ([], {"TST001", "TST002", "TST003"}),
    (["--select", "TST001"], {"TST001"}),
    (["--select", "TST001,TST003"], {"TST001", "TST003"}),
    (["--select", "TST001", "--select", "TST002"], {"TST001", "TST002"}),
    (["--ignore", "TST00"], set()),
    (["--ignore", "TST002"], {"TST001", "TST003"}),
    (["--select", "TST", "--ignore", "TST003"], {"TST001", "TST002"}),
])
def test_select_and_ignore(cli: Any, project: Path, options: list[str], codes: set[str]) -> None:
    (project / "all.txt").write_text("miracle cure, wonder drug, snake oil\n")
    data = cli("check", "--format", "json", "--fail-on", "none", *options, "all.txt").json()
    assert {f["code"] for f in data["findings"]} == codes


def test_stdin(cli: Any, project: Path) -> None:
    result = cli("check", "--format", "json", "--no-mask", "-", stdin=b"One\r\nA miracle cure\r\n")
    assert result.code == 1
    (finding,) = result.json()["findings"]
    assert (finding["path"], finding["line"], finding["column"]) == ("<stdin>", 2, 3)


def test_stdin_undecodable(cli: Any, project: Path) -> None:
    result = cli("check", "-", stdin=b"caf\xe9\n")
    assert result.code == 2
    one_line(result.err)


def test_stdin_markdown(cli: Any, project: Path) -> None:
    data = cli("check", "--format", "json", "--stdin-format", "markdown", "-",
               stdin=b"---\nx: miracle cure\n---\n`miracle cure`\nok miracle cure\n").json()
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(5, 4)]


def test_output_file(cli: Any, project: Path) -> None:
    result = cli("check", "--format", "json", "-o", "report.json", "error.txt")
    assert result.code == 1 and result.out == ""
    assert json.loads((project / "report.json").read_text())["summary"]["findings"] == 1


def test_text_format_location(cli: Any, project: Path) -> None:
    result = cli("check", "--format", "text", "error.txt")
    assert result.out.startswith("error.txt:2:10: TST001 error ")


# ---------------------------------------------------------------------------------------------------------
# fresh processes: lazy imports and no network
# ---------------------------------------------------------------------------------------------------------

def run_python(code: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "POLICYLINT_SERVER")}
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_import_cli_is_light(tmp_path: Path) -> None:
    proc = run_python("import sys, policylint.cli\n"
                      "print(sorted(m for m in ('spacy', 'presidio_analyzer', 'thinc', 'torch') if m in sys.modules))",
                      tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_help_rules_explain_do_not_import_spacy(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    code = (
        "import sys, io, contextlib\n"
        "from policylint.cli import main\n"
        "codes = []\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for argv in (['--help'], ['check', '--help'], ['rules'], ['rules', '--format', 'json'],\n"
        "                 ['rules', '--all'], ['explain', 'PHI002'], ['version']):\n"
        "        codes.append(main(argv))\n"
        "print(codes, sorted(m for m in ('spacy', 'presidio_analyzer') if m in sys.modules))\n")
    proc = run_python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[0, 0, 0, 0, 0, 0, 0] []"


NO_NETWORK = """\
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args)[:80])
    raise OSError("network disabled for this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse
from policylint.cli import main
code = main(sys.argv[1:])
sys.stderr.write("NETWORK-ATTEMPTS=%d\\n" % len(attempts))
sys.exit(code)
"""

DRAFTS = {
    "advice.txt": ("Feeling run down this flu season? Rest, drink plenty of fluids and take acetaminophen every "
                   "6 hours for fever. Watch for trouble breathing. #FluSeason\n"),
    "shoutout.md": ("---\nplatform: instagram\n---\nHuge congrats to Jordan Ellery in room 412 for walking "
                    "the hallway today after his hip surgery! Call his wife at (555) 301-7788.\n"),
    "language.txt": "Our clinic welcomes every diabetic and addict who walks in.\n",
}


def test_full_check_with_network_disabled(tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    for name, text in DRAFTS.items():
        (tmp_path / name).write_text(text)
    args = ["check", "--format", "json", "--no-mask", "--fail-on", "none", "--no-cache", "."]
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "POLICYLINT_SERVER")}
    proc = subprocess.run([sys.executable, "-c", NO_NETWORK, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "NETWORK-ATTEMPTS=0" in proc.stderr
    offline = json.loads(proc.stdout)
    monkeypatch.chdir(tmp_path)
    normal = cli(*args)
    assert normal.code == 0
    assert offline["findings"] == normal.json()["findings"]
    assert offline["summary"]["documents"] == 3


def test_the_suite_runs_with_the_network_blocked(_block_network: list[Any]) -> None:
    import socket

    from conftest import NetworkBlocked

    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)         # TEST-NET-1: never routable anyway
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("203.0.113.5", 443))
    assert len(_block_network) == 2
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)            # loopback stays usable
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=5)
    client.close()
    server.close()


def test_a_check_in_process_makes_no_connection(cli: Any, project: Path, _block_network: list[Any]) -> None:
    (project / ".policylint.yaml").write_text("packs: [hipaa, medical-advice, ethics, language]\n")
    (project / "mail.txt").write_text("Email jordan.ellery@mail.example about his chemo results.\n")
    assert cli("check", "--no-cache", "mail.txt").code in (0, 1)
    assert _block_network == []

"""SARIF reporter: validated by Microsoft's SARIF Multitool (GitHub + SARIF rules) on a real report with
findings of every category, plus structure, fingerprints and masking checks."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from policylint import __version__
from policylint.findings import CATEGORIES, Finding, Severity
from policylint.report import REPORTERS, Report

ROOT = Path(__file__).resolve().parent.parent
NPM_PREFIX = ROOT / ".cache" / "npm"
MULTITOOL = "@microsoft/sarif-multitool@^5"

SUPPRESSIONS = """\
<!-- policylint-disable-next-line PHI001 -->
Congrats to Maria Gonzalez on finishing chemo at our hospital!

<!-- policylint-disable-next-line LNG -- reason: quoting a headline -->
See you at the health fair.
"""


def write_corpus(root: Path) -> None:
    """One draft per built-in rule (its first `fail` example), plus directive problems and a JSONL export."""
    from policylint.config import DEFAULT_PACKS
    from policylint.packs import load_packs

    folder = root / "corpus"
    folder.mkdir()
    for pack in load_packs(list(DEFAULT_PACKS)):
        for rule in pack.rules:
            if not rule.fail_examples or not rule.enabled:
                continue
            example = rule.fail_examples[0]
            if example.format == "markdown" or example.metadata:
                front = yaml.safe_dump(dict(example.metadata), sort_keys=True) if example.metadata else ""
                body = (f"---\n{front}---\n" if front else "") + example.text + "\n"
                (folder / f"{rule.code.lower()}.md").write_text(body, encoding="utf-8")
            else:
                (folder / f"{rule.code.lower()}.txt").write_text(example.text + "\n", encoding="utf-8")
    (folder / "suppress.md").write_text(SUPPRESSIONS, encoding="utf-8")
    records = [{"id": "r1", "text": "So happy for Valentina Moreau, who went home after her hip surgery!"},
               {"id": "r2", "text": "Join us for the health fair on Saturday."}]
    (folder / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> dict[str, Any]:
    """`policylint check corpus --format sarif` (and json, unmasked, for the plaintext matches)."""
    import policylint.nlp as nlp_module
    from policylint.cli import main

    root = tmp_path_factory.mktemp("sarif")
    write_corpus(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nlp_module, "load_pipeline", lambda requested=None: nlp)
        mp.chdir(root)
        for name in ("CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
            mp.delenv(name, raising=False)
        (root / ".git").mkdir()
        assert main(["check", "corpus", "--format", "sarif", "-o", "out.sarif"]) == 1
        assert main(["check", "corpus", "--format", "json", "--no-mask", "-o", "out.json"]) == 1
    return {"root": root, "path": root / "out.sarif", "sarif": json.loads((root / "out.sarif").read_text()),
            "json": json.loads((root / "out.json").read_text())}


# ------------------------------------------------------------------------------------------------------
# the real consumer: Microsoft's SARIF Multitool
# ------------------------------------------------------------------------------------------------------


def _multitool_binary() -> Path | None:
    probe = subprocess.run(["node", "-p", "require('@microsoft/sarif-multitool')"], cwd=NPM_PREFIX,
                           capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        return None
    path = Path(probe.stdout.strip())
    return path if path.is_file() else None


@pytest.fixture(scope="module")
def multitool() -> Path:
    """The Multitool's native binary, installed on demand into .cache/npm (gitignored)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js/npm is not installed: cannot run Microsoft's SARIF Multitool validator")
    NPM_PREFIX.mkdir(parents=True, exist_ok=True)
    ignore = NPM_PREFIX.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# npm tools installed by the test suite\n*\n", encoding="utf-8")
    binary = _multitool_binary() if (NPM_PREFIX / "node_modules").exists() else None
    if binary is None:
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix",
                               str(NPM_PREFIX), MULTITOOL], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"npm install {MULTITOOL} failed:\n{done.stdout}\n{done.stderr}"
        binary = _multitool_binary()
    assert binary is not None, "the SARIF Multitool package installed but its native binary was not found"
    if not os.access(binary, os.X_OK):             # npm may skip the package's `chmod` postinstall script
        binary.chmod(binary.stat().st_mode | 0o111)
    return binary


def validate(binary: Path, sarif: Path) -> list[tuple[str, str, str]]:
    """(level, rule id, message) for every problem the Multitool reports with the GitHub + SARIF rules."""
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
    done = subprocess.run([str(binary), "validate", "--rule-kind", "Gh;Sarif", str(sarif)], capture_output=True,
                          text=True, timeout=300, env=env)
    output = done.stdout + done.stderr
    assert "Analysis completed successfully" in output, output
    return re.findall(r"\): (error|warning|note) (\w+): (.*)", output)


def test_multitool_finds_no_errors_on_a_report_with_every_category(real: dict[str, Any], multitool: Path) -> None:
    categories = {r["properties"]["category"] for r in real["sarif"]["runs"][0]["results"]}
    assert set(CATEGORIES) <= categories, f"corpus lacks findings for {set(CATEGORIES) - categories}"
    problems = validate(multitool, real["path"])
    errors = [p for p in problems if p[0] == "error"]
    assert errors == []
    # The only tolerated warning: no informationUri while the package declares no home page.
    from policylint.report.sarif import information_uri

    allowed = set() if information_uri() else {"SARIF2005"}
    assert [p for p in problems if p[0] == "warning" and p[1] not in allowed] == []


def test_multitool_catches_a_broken_report(tmp_path: Path, multitool: Path) -> None:
    """The check above is meaningful: a report with a bad region is an error for the Multitool."""
    broken = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
              "runs": [{"tool": {"driver": {"name": "policylint", "rules": [{"id": "PHI001"}]}},
                        "results": [{"ruleId": "PHI001", "message": {"text": "x."},
                                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.md"},
                                                                         "region": {"startLine": 0}}}]}]}]}
    path = tmp_path / "broken.sarif"
    path.write_text(json.dumps(broken), encoding="utf-8")
    assert any(level == "error" for level, _, _ in validate(multitool, path))


# ------------------------------------------------------------------------------------------------------
# structure of the real report
# ------------------------------------------------------------------------------------------------------


def test_results_match_the_json_report(real: dict[str, Any]) -> None:
    run = real["sarif"]["runs"][0]
    got = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                  r["locations"][0]["physicalLocation"]["region"]["startLine"],
                  r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["ruleId"])
                 for r in run["results"])
    want = sorted((f["path"], f["line"], f["column"], f["code"]) for f in real["json"]["findings"])
    assert got == want
    assert ("corpus/suppress.md", 1, 6, "SUP001") in got
    assert ("corpus/suppress.md", 4, 6, "SUP002") in got


def test_driver_and_rule_metadata(real: dict[str, Any]) -> None:
    from policylint.config import DEFAULT_PACKS
    from policylint.packs import load_packs

    driver = real["sarif"]["runs"][0]["tool"]["driver"]
    assert real["sarif"]["version"] == "2.1.0"
    assert driver["name"] == "policylint" and driver["version"] == __version__
    rules = {r["id"]: r for r in driver["rules"]}
    for pack in load_packs(list(DEFAULT_PACKS)):
        for rule in pack.rules:
            entry = rules[rule.code]
            assert entry["properties"]["tags"][0] == rule.category
            assert entry["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                              "info": "note"}[rule.severity.label]
            assert " ".join(rule.why.split())[:40] in entry["help"]["text"]
            assert entry["fullDescription"]["text"] and entry["shortDescription"]["text"]
            assert "{" not in entry["shortDescription"]["text"]
    assert {"SUP001", "SUP002"} <= set(rules)
    for result in real["sarif"]["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_no_plaintext_anywhere_in_the_sarif(real: dict[str, Any]) -> None:
    text = real["path"].read_text(encoding="utf-8")
    findings = real["json"]["findings"]
    phi = {f["match"] for f in findings if f["category"] == "phi" and f["match"] and f["code"] != "PHI011"}
    assert phi and "Maria Gonzalez" not in text and "Valentina Moreau" not in text
    assert sorted(m for m in phi if m in text) == []
    # Other matches ("#spon", "frequent flyer") may occur in rule help, but never in results beyond messages.
    results = [{k: v for k, v in r.items() if k != "message"} for r in real["sarif"]["runs"][0]["results"]]
    dumped = json.dumps(results, ensure_ascii=False)
    assert sorted(f["match"] for f in findings if len(f["match"] or "") >= 4 and f["match"] in dumped) == []


def test_fingerprints_are_hashes_and_unique(real: dict[str, Any]) -> None:
    seen = set()
    for result in real["sarif"]["runs"][0]["results"]:
        fp = result["partialFingerprints"]["policylint/v1"]
        assert re.fullmatch(r"[0-9a-f]{64}", fp)
        key = (result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], fp)
        assert key not in seen
        seen.add(key)


# ------------------------------------------------------------------------------------------------------
# fingerprints and rendering details (no NLP)
# ------------------------------------------------------------------------------------------------------


def _phi(text: str, name: str, path: str = "posts/a.md") -> tuple[Finding, dict[tuple[str, None], str]]:
    start = text.index(name)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    f = Finding(path=path, record=None, line=line, column=col, end_line=line, end_column=col + len(name),
                start=start, end=start + len(name), code="PHI001", rule="phi.patient-name", pack="hipaa",
                category="phi", severity=Severity.ERROR, message="A patient is named", match=name, context="")
    return f, {(path, None): text}


def _sarif(findings: list[Finding], texts: dict[Any, str], **kw: Any) -> dict[str, Any]:
    out = io.StringIO()
    REPORTERS["sarif"](Report(findings=findings, files=1, documents=1, texts=texts, mask=True, **kw), out)
    return json.loads(out.getvalue())


def _fp(findings: list[Finding], texts: dict[Any, str]) -> list[str]:
    return [r["partialFingerprints"]["policylint/v1"] for r in _sarif(findings, texts)["runs"][0]["results"]]


def test_fingerprint_stable_when_lines_move_and_other_lines_change() -> None:
    line = "Congrats to Maria Gonzalez on finishing chemo today!"
    first, first_texts = _phi(f"# News\n\n{line}\n", "Maria Gonzalez")
    base = _fp([first], first_texts)
    moved_f, moved_t = _phi(f"# News, updated\n\nA new first paragraph.\n\nAnd another.\n\n{line}\n", "Maria Gonzalez")
    assert moved_f.line != 3
    assert _fp([moved_f], moved_t) == base
    reworded_f, reworded_t = _phi("# News\n\nCongrats to Maria Gonzalez on finishing radiation today!\n",
                                  "Maria Gonzalez")
    assert _fp([reworded_f], reworded_t) != base


def test_identical_findings_in_one_file_get_distinct_fingerprints() -> None:
    line = "Congrats to Maria Gonzalez on finishing chemo today!"
    text = f"{line}\n\n{line}\n"
    first, texts = _phi(text, "Maria Gonzalez")
    second_start = text.index("Maria Gonzalez", first.end)
    second = Finding(**{**first.__dict__, "line": 3, "end_line": 3, "start": second_start,
                        "end": second_start + len("Maria Gonzalez")})
    fps = _fp([first, second], texts)
    assert len(set(fps)) == 2
    assert fps[0] == _fp([first], texts)[0]


def test_levels_regions_and_suppressions() -> None:
    f, texts = _phi("Hi\nCongrats to Maria Gonzalez on finishing chemo today!\n", "Maria Gonzalez")
    info = Finding(**{**f.__dict__, "code": "A11Y003", "severity": Severity.INFO, "category": "accessibility",
                      "line": 2, "end_line": 3, "column": 1, "end_column": 4})
    data = _sarif([f, info], texts, suppressed=[f], show_suppressed=True)
    results = data["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "note", "error"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 13,
                                                                       "endLine": 2, "endColumn": 27}
    assert results[1]["locations"][0]["physicalLocation"]["region"]["endLine"] == 3
    assert results[2]["suppressions"] == [{"kind": "inSource"}]
    assert "suppressions" not in results[0]
    assert data["runs"][0]["properties"]["suppressed"] == 1
    hidden = _sarif([f], texts, suppressed=[f])["runs"][0]["results"]
    assert len(hidden) == 1


def test_absolute_and_odd_paths_become_valid_uris() -> None:
    from policylint.report.common import artifact_uri

    assert artifact_uri("posts/a b.md") == ("posts/a%20b.md", True)
    assert artifact_uri("./posts/x.md") == ("posts/x.md", True)
    assert artifact_uri("/tmp/drafts/x.md") == ("file:///tmp/drafts/x.md", False)
    assert artifact_uri("C:\\drafts\\x.md") == ("file:///C:/drafts/x.md", False)

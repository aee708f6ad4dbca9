"""Findings cache: same findings as a cold run, no spaCy and no engine on a warm run, invalidation when
packs, config, model, code or the document change, no document text stored, concurrent writers."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from policylint import cache as cache_module

PACK = """\
pack: cachepack
lexicons:
  cure: ["miracle cure"]
rules:
  - code: CCH001
    name: cache.claim
    kind: forbid
    category: claims
    severity: error
    patterns: ["@cure"]
    message: planted claim
    why: used by the cache tests
"""

DRAFTS = {
    "claim.txt": "Intro line.\nTry this miracle cure today.\n",
    "phi.txt": "Huge congratulations to Eleanor Vasquez, who rang our bell on Tuesday, May 6 after her last round "
               "of chemo! Call her at (555) 201-7788.\n",
    "clean.txt": "Our new parking garage opens Monday.\n",
    "suppressed.md": "<!-- policylint-disable-next-line CCH001 -- reason: quoting a complaint -->\n"
                     "They sold a miracle cure.\n<!-- policylint-disable-next-line PHI -->\nJust text.\n",
}


@pytest.fixture
def project(isolated: Path) -> Path:
    (isolated / "cachepack.yaml").write_text(PACK)
    (isolated / ".policylint.yaml").write_text("packs: [hipaa, language, cachepack.yaml]\n")
    for name, text in DRAFTS.items():
        (isolated / name).write_text(text)
    (isolated / "posts.jsonl").write_text(
        json.dumps({"id": "a", "platform": "x", "text": "A miracle cure for Maria Gonzalez after her chemo."}) + "\n"
        + json.dumps({"id": "b", "text": "Nothing to see."}) + "\n")
    return isolated


class Spy:
    """Counts pipeline loads and engine builds; can forbid them (a warm run must need neither)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import policylint.nlp as nlp_module
        import policylint.runner as runner_module

        self.loads = 0
        self.builds = 0
        self.forbid = False
        real_load = nlp_module.load_pipeline        # the cli fixture's session-cached loader
        real_build = runner_module.build_engine

        def load(requested: str | None = None) -> Any:
            assert not self.forbid, "spaCy was loaded on a warm run"
            self.loads += 1
            return real_load(requested)

        def build(*args: Any, **kwargs: Any) -> Any:
            assert not self.forbid, "the engine was built on a warm run"
            self.builds += 1
            return real_build(*args, **kwargs)

        monkeypatch.setattr(nlp_module, "load_pipeline", load)
        monkeypatch.setattr(runner_module, "build_engine", build)


@pytest.fixture
def spy(cli: Any, monkeypatch: pytest.MonkeyPatch) -> Spy:
    return Spy(monkeypatch)


def check(cli: Any, cache_dir: Path | None, *args: str) -> Any:
    options = ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]
    return cli("check", "--format", "json", "--no-mask", *options, *args)


PATHS = ["claim.txt", "phi.txt", "clean.txt", "suppressed.md", "posts.jsonl"]


def test_warm_run_same_report_without_spacy_or_engine(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    cold = check(cli, None, *PATHS)
    first = check(cli, tmp_path / "c", *PATHS)
    spy.forbid = True
    warm = check(cli, tmp_path / "c", *PATHS)
    assert cold.out == first.out == warm.out
    assert cold.code == first.code == warm.code == 1
    assert json.loads(warm.out)["summary"]["findings"] > 3


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_warm_run_same_output_all_formats_and_suppressed(cli: Any, project: Path, tmp_path: Path, fmt: str) -> None:
    args = ["--format", fmt, "--show-suppressed", *PATHS]
    cold = cli("check", "--no-cache", *args)
    cli("check", "--cache-dir", str(tmp_path / "c"), *args)
    warm = cli("check", "--cache-dir", str(tmp_path / "c"), *args)
    assert (cold.out, cold.err, cold.code) == (warm.out, warm.err, warm.code)


def test_findings_equal_field_by_field(project: Path, tmp_path: Path, nlp: Any) -> None:
    """Rebuilt matches and context words are exactly the engine's (baselines fingerprint them)."""
    from policylint.config import load_config
    from policylint.engine import Selection
    from policylint.runner import LazyEngine, build_engine, run
    from policylint.sources import SourceOptions

    config = load_config()
    results = []
    for _ in range(2):
        cache = cache_module.open_cache(tmp_path / "c", config=config, environ={})
        engine = LazyEngine(lambda: build_engine(config, Selection()))
        results.append(run(PATHS, engine=engine, options=SourceOptions(), nlp_loader=lambda: nlp, cache=cache))
    cold, warm = results
    assert warm.cached == warm.documents and warm.analysed == 0
    assert cold.findings == warm.findings and cold.suppressed == warm.suppressed
    assert [f.context for f in cold.findings] == [f.context for f in warm.findings]
    assert any(f.code.startswith("SUP") for f in warm.findings)     # directive findings come back too


def test_changed_document_is_analysed_again(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    check(cli, tmp_path / "c", "claim.txt", "clean.txt")
    loads = spy.loads
    (project / "clean.txt").write_text("Our new miracle cure opens Monday.\n")
    result = check(cli, tmp_path / "c", "claim.txt", "clean.txt")
    assert spy.loads == loads + 1
    found = {(f["path"], f["code"]) for f in json.loads(result.out)["findings"]}
    assert ("clean.txt", "CCH001") in found


def test_pack_change_invalidates(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    first = check(cli, tmp_path / "c", "claim.txt", "clean.txt")
    assert {f["code"] for f in json.loads(first.out)["findings"]} == {"CCH001"}
    (project / "cachepack.yaml").write_text(PACK.replace('["miracle cure"]', '["parking garage"]')
                                            .replace("severity: error", "severity: warning"))
    builds = spy.builds
    second = check(cli, tmp_path / "c", "claim.txt", "clean.txt")
    assert spy.builds == builds + 1
    found = [(f["path"], f["code"], f["severity"]) for f in json.loads(second.out)["findings"]]
    assert found == [("clean.txt", "CCH001", "warning")]


def test_extended_pack_change_invalidates(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    (project / "base.yaml").write_text(PACK)
    (project / "cachepack.yaml").write_text("pack: child\nextends: [base.yaml]\nrules: []\n")
    check(cli, tmp_path / "c", "claim.txt")
    (project / "base.yaml").write_text(PACK.replace("planted claim", "changed message"))
    result = check(cli, tmp_path / "c", "claim.txt")
    assert [f["message"] for f in json.loads(result.out)["findings"]] == ["changed message"]


def test_config_change_invalidates(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    check(cli, tmp_path / "c", "claim.txt")
    (project / ".policylint.yaml").write_text("packs: [hipaa, language, cachepack.yaml]\nseverity: {CCH001: info}\n")
    result = check(cli, tmp_path / "c", "claim.txt")
    assert [f["severity"] for f in json.loads(result.out)["findings"]] == ["info"]
    assert result.code == 0


def test_cli_options_are_part_of_the_key(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    everything = check(cli, tmp_path / "c", "phi.txt", "claim.txt")
    only_phi = check(cli, tmp_path / "c", "--select", "PHI", "phi.txt", "claim.txt")
    again = check(cli, tmp_path / "c", "phi.txt", "claim.txt")
    codes = {f["code"] for f in json.loads(only_phi.out)["findings"]}
    assert codes and all(c.startswith("PHI") for c in codes)
    assert everything.out == again.out != only_phi.out
    x = check(cli, tmp_path / "c", "--platform", "x", "claim.txt")
    assert x.code == 1


def test_model_and_environment_are_part_of_the_key(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policylint.config import load_config

    config = load_config()
    base = cache_module.run_key(config=config)
    assert cache_module.run_key(config=config) == base
    assert cache_module.run_key(config=config, model="en_core_web_md") != base
    monkeypatch.setattr(cache_module, "environment_fingerprint", lambda: "spaCy or a model was (re)installed")
    assert cache_module.run_key(config=config) != base
    monkeypatch.undo()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "policylint was edited")
    assert cache_module.run_key(config=config) != base


def test_model_folder_change_invalidates(project: Path, tmp_path: Path) -> None:
    from policylint.config import load_config

    model = tmp_path / "my_model"
    model.mkdir()
    (model / "meta.json").write_text('{"name": "m", "version": "1"}')
    config = load_config()
    before = cache_module.run_key(config=config, model=str(model))
    os.utime(model / "meta.json", ns=(1, 1))
    (model / "meta.json").write_text('{"name": "m", "version": "2"}')
    assert cache_module.run_key(config=config, model=str(model)) != before


def test_installed_model_change_invalidates(cli: Any, project: Path, spy: Spy, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    check(cli, tmp_path / "c", "claim.txt")
    monkeypatch.setattr(cache_module, "environment_fingerprint", lambda: "model upgraded")
    loads = spy.loads
    check(cli, tmp_path / "c", "claim.txt")
    assert spy.loads == loads + 1


def test_code_change_invalidates(cli: Any, project: Path, spy: Spy, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    check(cli, tmp_path / "c", "claim.txt")
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "edited checkout")
    loads = spy.loads
    check(cli, tmp_path / "c", "claim.txt")
    assert spy.loads == loads + 1


def test_no_document_text_in_the_cache(cli: Any, project: Path, tmp_path: Path) -> None:
    check(cli, tmp_path / "c", *PATHS)
    raw = b"".join(p.read_bytes() for p in (tmp_path / "c").iterdir() if p.is_file())
    for secret in (b"Eleanor", b"Vasquez", b"201-7788", b"Maria", b"Gonzalez", b"miracle"):
        assert secret not in raw
    rows = sqlite3.connect(tmp_path / "c" / cache_module.DB_NAME).execute("SELECT value FROM findings").fetchall()
    assert rows and all("Eleanor" not in value for (value,) in rows)


def test_masked_and_unmasked_runs_share_the_cache(cli: Any, project: Path, spy: Spy, tmp_path: Path) -> None:
    cli("check", "--format", "json", "--mask", "--cache-dir", str(tmp_path / "c"), "phi.txt")
    spy.forbid = True
    unmasked = cli("check", "--format", "json", "--no-mask", "--cache-dir", str(tmp_path / "c"), "phi.txt")
    assert "Eleanor Vasquez" in [f["match"] for f in json.loads(unmasked.out)["findings"]]


def test_folder_is_private_and_marked(cli: Any, project: Path, tmp_path: Path) -> None:
    check(cli, tmp_path / "c", "claim.txt")
    folder = tmp_path / "c"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / cache_module.DB_NAME).stat().st_mode & 0o077 == 0
    assert (folder / ".gitignore").read_text().strip().endswith("*")
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_default_location(project: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    assert cache_module.default_cache_dir(project, env) == tmp_path / "xdg" / "policylint"
    (project / ".policylint_cache").mkdir()
    assert cache_module.default_cache_dir(project, env) == project / ".policylint_cache"
    assert cache_module.default_cache_dir(project, {**env, "POLICYLINT_CACHE_DIR": "/x"}) == Path("/x")


def test_no_cache_env_and_unusable_folder(cli: Any, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLINT_NO_CACHE", "1")
    check(cli, tmp_path / "c", "claim.txt")
    assert not (tmp_path / "c").exists()
    monkeypatch.delenv("POLICYLINT_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cold = check(cli, None, "claim.txt")
    assert check(cli, blocker / "c", "claim.txt").out == cold.out        # cannot create it: runs uncached


def test_corrupt_database_is_ignored(cli: Any, project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / cache_module.DB_NAME).write_bytes(b"this is not a database" * 100)
    cold = check(cli, None, "claim.txt")
    assert check(cli, folder, "claim.txt").out == cold.out


def test_concurrent_runs_share_one_cache(project: Path, tmp_path: Path) -> None:
    """Several processes filling and reading one cache at once: no errors, the same reports."""
    exe = Path(sys.executable).parent / "policylint"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("POLICYLINT_SERVER", None)
    env.pop("CI", None)
    argv = [str(exe), "check", "--format", "json", "--no-mask", "--cache-dir", str(tmp_path / "c"), *PATHS]
    procs = [subprocess.Popen(argv, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(3)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1], [o[1] for o in outs]
    assert all(o[1] == b"" for o in outs)
    assert len({o[0] for o in outs}) == 1
    warm = subprocess.run(argv, cwd=project, env=env, capture_output=True, timeout=600)
    assert warm.stdout == outs[0][0]
    rows = sqlite3.connect(tmp_path / "c" / cache_module.DB_NAME).execute("SELECT COUNT(*) FROM findings").fetchone()
    assert rows[0] == 6                                # 4 files + 2 records, each stored once


def test_message_quoting_phi_is_not_cached(project: Path) -> None:
    from policylint.document import Document
    from policylint.findings import Finding, Severity

    doc = Document(path="a.txt", text="Call Maria now", prose="Call Maria now")
    finding = Finding(path="a.txt", record=None, line=1, column=6, end_line=1, end_column=11, start=5, end=10,
                      code="PHI001", rule="phi.x", pack="hipaa", category="phi", severity=Severity.ERROR,
                      message="Maria is a name", match="Maria")
    assert cache_module.encode_findings(doc, [finding], []) is None
    plain = Finding(**{**finding.__dict__, "message": "a name"})
    assert cache_module.decode_findings(doc, cache_module.encode_findings(doc, [plain], []) or "") == ([plain], [])

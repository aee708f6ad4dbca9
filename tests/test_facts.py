"""Pattern facts remembered between runs (policylint.facts): what is stored, that it is read back, and
that a code change, a broken file or the off switch never changes a result."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policylint import facts, packs, prefilter
from policylint.patterns import PatternError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty facts folder for this test; the facts loaded before it are put back afterwards."""
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("POLICYLINT_NO_PATTERN_CACHE", raising=False)
    saved = dict(facts._state)
    facts.reset()
    yield tmp_path
    facts._state.clear()
    facts._state.update(saved)


def _file(folder: Path) -> Path:
    found = list(folder.glob("patterns-*.json"))
    assert len(found) == 1, found
    return found[0]


def test_facts_are_written(store: Path) -> None:
    assert prefilter.required(r"\bheart\s+attack") == ("attack",)
    assert prefilter.start_words(r"\b(?:pain|ache)s?") == ("ache", "pain")
    facts.save()
    stored = json.loads(_file(store).read_text(encoding="utf-8"))
    assert stored["required"] == {r"\bheart\s+attack": ["attack"]}
    assert stored["start_words"] == {r"\b(?:pain|ache)s?": ["ache", "pain"]}


def test_stored_facts_are_read_back(store: Path) -> None:
    path = facts._path()
    assert path is not None
    # a fact that the function itself would never give proves that the file, not a recomputation, answered
    path.write_text(json.dumps({"required": {r"\bquux\w*": ["planted"]}}), encoding="utf-8")
    facts.reset()
    assert prefilter.required(r"\bquux\w*") == ("planted",)
    assert prefilter.required(r"\bzebra") == ("zebra",)        # not in the file: computed


def test_a_code_change_uses_another_file(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = facts._path()
    copy = tmp_path / "pkg"
    copy.mkdir()
    for name in facts._CODE:
        shutil.copy(facts._PACKAGE / name, copy / name)
    with open(copy / "prefilter.py", "a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    monkeypatch.setattr(facts, "_PACKAGE", copy)
    assert facts._path() != before


def test_save_removes_the_facts_of_other_code_versions(store: Path) -> None:
    old = store / "patterns-0123456789abcdef01234567.json"
    old.write_text("{}", encoding="utf-8")
    prefilter.required(r"\bstroke")
    facts.save()
    assert not old.exists()
    assert _file(store).name != old.name


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"required": 7}', "\udcff".encode("utf-8", "surrogatepass")])
def test_a_broken_file_counts_as_empty(store: Path, content: str | bytes) -> None:
    path = facts._path()
    assert path is not None
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    facts.reset()
    assert prefilter.required(r"\bsepsis") == ("sepsis",)
    facts.save()
    assert json.loads(path.read_text(encoding="utf-8"))["required"] == {r"\bsepsis": ["sepsis"]}


def test_failures_are_not_remembered(store: Path) -> None:
    for _ in range(2):
        with pytest.raises(PatternError, match="nests"):
            packs.vet_regex(r"(?:\w+\s?)*x")
    packs.vet_regex(r"\bfever\s+\d+")
    facts.save()
    assert json.loads(_file(store).read_text(encoding="utf-8"))["vet"] == {r"\bfever\s+\d+": None}


def test_the_off_switch_writes_nothing(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLINT_NO_PATTERN_CACHE", "1")
    facts.reset()
    assert prefilter.required(r"\bnausea") == ("nausea",)
    facts.save()
    assert list(store.glob("patterns-*.json")) == []


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(blocker / "sub"))     # a folder under a file
    saved = dict(facts._state)
    facts.reset()
    try:
        assert prefilter.required(r"\bmigraine") == ("migraine",)
        facts.save()
    finally:
        facts._state.clear()
        facts._state.update(saved)


def test_cold_runs_with_and_without_stored_facts_agree(tmp_path: Path) -> None:
    """Two fresh processes: the first learns the facts and writes them at exit, the second reads them."""
    draft = tmp_path / "draft.md"
    draft.write_text("Our patient Maria Lopez, 52, went home from the ICU on March 3 after her stroke.\n"
                     "Drink ginger tea daily to cure your migraines!\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "POLICYLINT_NO_PATTERN_CACHE")}
    env["POLICYLINT_CACHE_DIR"] = str(tmp_path / "cache")
    argv = [sys.executable, "-m", "policylint", "check", "--no-cache", "--format", "json", "--fail-on", "none",
            str(draft)]
    first = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert first.returncode == 0, first.stderr
    stored = _file(tmp_path / "cache")
    assert "Lopez" not in stored.read_text(encoding="utf-8")
    second = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, timeout=300)
    assert second.returncode == 0, second.stderr
    codes = [f["code"] for f in json.loads(first.stdout)["findings"]]
    assert codes and json.loads(second.stdout) == json.loads(first.stdout)


def test_a_new_folder_is_owner_only(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = store / "fresh"
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(folder))
    facts.reset()
    prefilter.required(r"\basthma")
    facts.save()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert _file(folder).exists()

"""pre-commit round trip: a throw-away content repo, the real `pre-commit` framework, real `git commit`s.

The hook is this repo's `.pre-commit-hooks.yaml` entry as a `repo: local` hook with `language: system`
pointing at this venv's `policylint` (pre-commit would otherwise build its own venv and need the spaCy
model from the network; docs/integrations.md shows that `language: python` variant).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
POLICYLINT = BIN / "policylint"
PHI = "Congrats to Maria Gonzalez on finishing chemo at our hospital!\n"
CLEAN = "Join our team at the open house on Saturday. Everyone is welcome!\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not PRE_COMMIT.exists() or not POLICYLINT.exists(),
                                reason="needs git, and pre-commit + policylint installed in this venv")


def manifest() -> list[dict[str, Any]]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=180)
    if check:
        assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture
def content_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "content"
    repo.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "GIT_DIR", "GIT_INDEX_FILE")}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1", GIT_CONFIG_NOSYSTEM="1",
               HOME=str(tmp_path), GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.com")
    run(["git", "init", "-q", "-b", "main"], repo, env)
    run(["git", "config", "commit.gpgsign", "false"], repo, env)
    hook = dict(next(h for h in manifest() if h["id"] == "policylint"))
    hook.update(language="system", entry=f"{POLICYLINT} check")
    hook.pop("minimum_pre_commit_version", None)
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run([str(PRE_COMMIT), "install"], repo, env)
    run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    run(["git", "commit", "-q", "-m", "config"], repo, env)
    return repo, env


def test_manifest_and_example_config_are_valid_for_pre_commit() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    run([str(PRE_COMMIT), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], ROOT, env)
    run([str(PRE_COMMIT), "validate-config", str(ROOT / "examples" / ".pre-commit-config.yaml")], ROOT, env)
    hooks = {h["id"]: h for h in manifest()}
    assert set(hooks) == {"policylint", "policylint-fix"}
    assert hooks["policylint"]["entry"] == "policylint check" and hooks["policylint-fix"]["entry"] == "policylint fix"
    assert all(h["language"] == "python" and h["require_serial"] is True for h in hooks.values())


def test_commit_with_phi_is_blocked_and_clean_commit_passes(content_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = content_repo
    (repo / "posts").mkdir()
    (repo / "posts" / "news.md").write_text("# Ward news\n\n" + PHI, encoding="utf-8")
    (repo / "exports").mkdir()
    (repo / "exports" / "queue.jsonl").write_text('{"id": "q1", "text": "' + PHI.strip() + '"}\n', encoding="utf-8")
    (repo / "notes.py").write_text(f"# {PHI}", encoding="utf-8")      # not a draft: the hook skips it
    run(["git", "add", "-A"], repo, env)
    blocked = run(["git", "commit", "-m", "drafts"], repo, env, check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "posts/news.md:3:13: PHI001" in output
    assert "exports/queue.jsonl:1:" in output and "[record q1]" in output
    assert "notes.py" not in output
    assert run(["git", "rev-list", "--count", "HEAD"], repo, env).stdout.strip() == "1"      # nothing committed

    (repo / "posts" / "news.md").write_text("# Open house\n\n" + CLEAN, encoding="utf-8")
    (repo / "exports" / "queue.jsonl").write_text('{"id": "q1", "text": "' + CLEAN.strip() + '"}\n', encoding="utf-8")
    run(["git", "add", "-A"], repo, env)
    passed = run(["git", "commit", "-m", "drafts"], repo, env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
    assert run(["git", "rev-list", "--count", "HEAD"], repo, env).stdout.strip() == "2"

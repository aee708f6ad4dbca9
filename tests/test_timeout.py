"""--timeout: a document whose checks run too long is reported as not checked, and the run goes on."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest


def test_slow_document_is_reported_not_checked(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policylint.checks as checks

    real = checks.CHECKS["prefer"]

    def slow(rule: Any, analysis: Any) -> Any:
        if "SLOW" in analysis.text:
            time.sleep(5)
        return real(rule, analysis)

    monkeypatch.setitem(checks.CHECKS, "prefer", slow)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("SLOW draft for addicts.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Free support group for addicts every Monday.\n", encoding="utf-8")
    started = time.monotonic()
    result = cli("check", "--format", "json", "--no-cache", "--timeout", "0.3", "a.txt", "b.txt")
    elapsed = time.monotonic() - started
    codes = sorted((f["path"], f["code"]) for f in result.json()["findings"])
    assert ("a.txt", "TMO001") in codes and ("b.txt", "LNG001") in codes
    assert result.code == 1 and elapsed < 4


def test_timeout_must_be_positive(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello\n", encoding="utf-8")
    result = cli("check", "--timeout", "0", str(tmp_path / "a.txt"))
    assert result.code == 2 and result.err.count("\n") == 1

"""--fix: inserts the approved disclaimer where DIS001 finds health advice without one; idempotent, keeps
newlines and BOM, atomic (permissions kept), --diff does not write, a file changed during the run is left
alone, and a platform length limit is reported instead of broken. Property: fix(fix(x)) == fix(x) and the
original text is a subsequence of the fixed text (a fix never deletes)."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policylint.checks import DEFAULT_DISCLAIMER
from policylint.fix import ChangedError, apply_fixes, insert_disclaimer, write_atomic

ADVICE = ("Seasonal allergies acting up? Take a non-drowsy antihistamine once a day and rinse with a saline "
          "nasal spray. Watch for wheezing or shortness of breath.")
ADVICE_TAGS = ("Sore throat? Gargle with warm salt water, take ibuprofen every 6 hours, and rest your voice. "
               "#ColdSeason #SelfCare")
TWEET = ("Sore throat? Gargle with warm salt water, take ibuprofen every 6 hours, rest your voice and drink "
         "plenty of warm fluids all day. #ColdSeason #SelfCare")          # < 280, but not with a disclaimer
CUSTOM = "General information only, not medical advice. Ask your own doctor."


@pytest.fixture
def repo(isolated: Path) -> Path:
    (isolated / ".policylint.yaml").write_text("packs: [medical-advice]\n")
    return isolated


def check_fix(cli: Any, *paths: str, extra: tuple[str, ...] = ()) -> Any:
    return cli("check", "--fix", "--fail-on", "none", "--no-cache", *extra, *paths)


def codes(cli: Any, path: str) -> list[str]:
    return [f["code"] for f in cli("check", "--format", "json", "--no-cache", path).json()["findings"]]


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


# ---------------------------------------------------------------------------------------------------------
# the CLI
# ---------------------------------------------------------------------------------------------------------

def test_fix_inserts_disclaimer_and_is_idempotent(cli: Any, repo: Path) -> None:
    draft = repo / "advice.txt"
    draft.write_text(ADVICE + "\n")
    assert "DIS001" in codes(cli, "advice.txt")
    result = check_fix(cli, "advice.txt")
    assert result.code == 0
    fixed = draft.read_text()
    assert DEFAULT_DISCLAIMER in fixed and fixed.startswith(ADVICE)
    assert "DIS001" not in codes(cli, "advice.txt")
    check_fix(cli, "advice.txt")
    assert draft.read_text() == fixed


def test_fix_uses_configured_disclaimer_before_trailing_hashtags(cli: Any, repo: Path) -> None:
    (repo / ".policylint.yaml").write_text(f"packs: [medical-advice]\ndisclaimer: \"{CUSTOM}\"\n")
    draft = repo / "tags.md"
    draft.write_text(f"---\nplatform: facebook\n---\n{ADVICE}\n\n#AllergySeason #Health\n")
    check_fix(cli, "tags.md")
    text = draft.read_text()
    assert text.index(CUSTOM) < text.index("#AllergySeason")
    assert text.startswith("---\nplatform: facebook\n---\n")
    assert "DIS001" not in codes(cli, "tags.md")


def test_fix_keeps_crlf_and_bom(cli: Any, repo: Path) -> None:
    draft = repo / "windows.txt"
    original = ("\ufeff" + ADVICE.replace(". ", ".\r\n") + "\r\n").encode("utf-8")
    draft.write_bytes(original)
    check_fix(cli, "windows.txt")
    data = draft.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert DEFAULT_DISCLAIMER in text
    assert text.count("\n") == text.count("\r\n") and "\r\n\r\n" in text
    assert is_subsequence(original.decode("utf-8-sig"), text)


def test_fix_is_atomic_and_keeps_permissions(cli: Any, repo: Path) -> None:
    draft = repo / "advice.txt"
    draft.write_text(ADVICE)
    draft.chmod(0o640)
    before = draft.stat()
    check_fix(cli, "advice.txt")
    after = draft.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert after.st_ino != before.st_ino                     # replaced by rename, not rewritten in place
    assert not [p for p in repo.iterdir() if p.name.endswith(".policylint-tmp")]


def test_fix_through_symlink_keeps_the_link(cli: Any, repo: Path) -> None:
    real = repo / "real.txt"
    real.write_text(ADVICE)
    link = repo / "link.txt"
    link.symlink_to(real)
    check_fix(cli, "link.txt")
    assert link.is_symlink()
    assert DEFAULT_DISCLAIMER in real.read_text()


def test_diff_does_not_write(cli: Any, repo: Path) -> None:
    draft = repo / "advice.txt"
    draft.write_text(ADVICE + "\n")
    result = cli("check", "--fix", "--diff", "--fail-on", "none", "--no-cache", "advice.txt")
    assert draft.read_text() == ADVICE + "\n"
    assert f"+{DEFAULT_DISCLAIMER}" in result.out


def test_fix_command_same_as_check_fix(cli: Any, repo: Path) -> None:
    draft = repo / "advice.txt"
    draft.write_text(ADVICE)
    assert cli("fix", "advice.txt").code == 0
    assert DEFAULT_DISCLAIMER in draft.read_text()


def test_length_limit_reports_instead_of_fixing(cli: Any, repo: Path) -> None:
    assert len(TWEET) < 280 < len(insert_disclaimer(TWEET, DEFAULT_DISCLAIMER))
    draft = repo / "tweet.md"
    original = f"---\nplatform: x\n---\n{TWEET}\n"
    draft.write_text(original)
    result = check_fix(cli, "tweet.md")
    assert draft.read_text() == original
    assert "tweet.md" in result.out and "280" in result.out
    plain = repo / "tweet.txt"
    plain.write_text(TWEET)
    check_fix(cli, "tweet.txt", extra=("--platform", "x"))
    assert plain.read_text() == TWEET
    check_fix(cli, "tweet.txt", extra=("--platform", "facebook"))
    assert DEFAULT_DISCLAIMER in plain.read_text()


def test_batch_records_and_stdin_are_not_rewritten(cli: Any, repo: Path) -> None:
    batch = repo / "posts.jsonl"
    line = '{"id": "1", "text": "%s"}\n' % ADVICE
    batch.write_text(line)
    check_fix(cli, "posts.jsonl")
    assert batch.read_text() == line
    result = cli("check", "--fix", "--fail-on", "none", "--no-cache", "-", stdin=ADVICE.encode())
    assert result.code == 0


# ---------------------------------------------------------------------------------------------------------
# apply_fixes / write_atomic directly
# ---------------------------------------------------------------------------------------------------------

def fake_run(path: Path, seen_text: str | None, platform: str | None = None) -> tuple[Any, Any]:
    finding = SimpleNamespace(category="disclaimer", fix=DEFAULT_DISCLAIMER, record=None, path=str(path))
    result = SimpleNamespace(findings=[finding], texts={(str(path), None): seen_text})
    engine = SimpleNamespace(config=SimpleNamespace(disclaimer=None, platform=platform))
    return result, engine


def test_file_changed_during_run_is_not_overwritten(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("edited by someone else meanwhile")
    result, engine = fake_run(draft, ADVICE)
    out = list(apply_fixes(result, engine))
    assert draft.read_text() == "edited by someone else meanwhile"
    assert len(out) == 1 and str(draft) in out[0]


def test_write_atomic_refuses_when_file_changed(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("new content")
    with pytest.raises(ChangedError):
        write_atomic(draft, b"fixed", expected=b"old content")
    assert draft.read_text() == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_unwritable_folder_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(ADVICE)
    import tempfile

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result, engine = fake_run(draft, ADVICE)
    out = list(apply_fixes(result, engine))
    assert draft.read_text() == ADVICE and len(out) == 1


def test_undecodable_or_vanished_file(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    result, engine = fake_run(gone, ADVICE)
    assert len(list(apply_fixes(result, engine))) == 1
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    result, engine = fake_run(latin, None)
    assert len(list(apply_fixes(result, engine))) == 1 and latin.read_bytes() == "caf\xe9".encode("latin-1")


# ---------------------------------------------------------------------------------------------------------
# insert_disclaimer properties
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Advice.", "Advice.\n\nD x.\n"),
    ("Advice.\n", "Advice.\n\nD x.\n"),
    ("Advice.\r\n", "Advice.\r\n\r\nD x.\r\n"),
    ("Advice.\r", "Advice.\r\rD x.\r"),
    ("Advice.\n\n#a #b\n", "Advice.\n\nD x.\n\n#a #b\n"),
    ("Advice.\n#a @b.c\n", "Advice.\n\nD x.\n\n#a @b.c\n"),
    ("Advice. #a #b", "Advice. D x. #a #b"),
    ("Already has D x. in it", "Already has D x. in it"),
])
def test_insert_disclaimer_examples(text: str, expected: str) -> None:
    assert insert_disclaimer(text, "D x.") == expected


PIECES = st.sampled_from(["word", " ", "\n", "\r\n", "\r", "\t", "#tag", "@who", "Ünïcode", "😀", "\u200b",
                          "D", "x.", ".", "\u2028", "  ", "#", "@"])
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join))


@given(TEXTS, st.sampled_from(["D x.", DEFAULT_DISCLAIMER, "#NotMedicalAdvice", "Ask   your doctor."]))
def test_insert_disclaimer_is_idempotent_and_never_deletes(text: str, disclaimer: str) -> None:
    once = insert_disclaimer(text, disclaimer)
    assert insert_disclaimer(once, disclaimer) == once
    assert is_subsequence(text, once)
    assert disclaimer.strip() in once


def test_insert_disclaimer_linear_on_hostile_tails() -> None:
    import time

    for text in ["#a" + " " * 200_000 + "x", "#a " * 100_000 + "x", "@" * 200_000]:
        start = time.perf_counter()
        insert_disclaimer(text, "D x.")
        assert time.perf_counter() - start < 2


def test_fix_keeps_mode_bits_in_write_atomic(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("x")
    os.chmod(draft, 0o604)
    write_atomic(draft, b"y")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o604 and draft.read_bytes() == b"y"

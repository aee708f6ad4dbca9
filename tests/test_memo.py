"""The server's memory of unchanged files (policylint.memo): same reports as a plain run, files not read
again while unchanged, re-read when their content, size or change time moves, racy files never trusted,
memory bounded, and nothing remembered without the findings cache."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from policylint import memo as memo_module
from policylint.memo import RACY_SECONDS, Memo
from policylint.sources import SourceOptions, read_file

OPTIONS = SourceOptions()


def age(path: Path, seconds: float = RACY_SECONDS + 60) -> None:
    """Make a file look modified ``seconds`` ago (older than the racy window)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


class Counting:
    """A reader of one file that counts how often the file was really read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reads = 0

    def __call__(self) -> Iterator[Any]:
        self.reads += 1
        return read_file(self.path, OPTIONS)


def texts(items: list[Any]) -> list[str]:
    return [item.text for item in items]


def test_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("Our clinic opens Monday.\n")
    age(draft)
    memo, reader = Memo(), Counting(draft)
    first = list(memo.read(draft, OPTIONS, reader))
    second = list(memo.read(draft, OPTIONS, reader))
    assert reader.reads == 1 and memo.file_hits == 1
    assert second[0] is first[0]                      # the same Document object comes back


@pytest.mark.parametrize("change", ["content", "same size, mtime restored"])
def test_changed_file_is_read_again(tmp_path: Path, change: str) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("Our clinic opens Monday.\n")
    age(draft)
    memo, reader = Memo(), Counting(draft)
    list(memo.read(draft, OPTIONS, reader))
    before = draft.stat()
    if change == "content":
        draft.write_text("Our clinic opens Tuesday and Wednesday.\n")
    else:                                    # same length, then the old modification time put back (rsync -t)
        time.sleep(0.02)
        draft.write_text("Our clinic opens Mondax.\n")
        os.utime(draft, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert draft.stat().st_mtime_ns == before.st_mtime_ns and draft.stat().st_size == before.st_size
    again = list(memo.read(draft, OPTIONS, reader))
    assert reader.reads == 2
    assert texts(again) == [draft.read_text()]


def test_racy_file_is_never_trusted(tmp_path: Path) -> None:
    """A file modified within RACY_SECONDS of being read may change again in the same timestamp tick."""
    draft = tmp_path / "a.txt"
    draft.write_text("Just saved.\n")
    memo, reader = Memo(), Counting(draft)
    list(memo.read(draft, OPTIONS, reader))
    list(memo.read(draft, OPTIONS, reader))
    assert reader.reads == 2 and memo.file_hits == 0


def test_same_file_seen_under_another_name_or_options(tmp_path: Path) -> None:
    draft = tmp_path / "a.jsonl"
    draft.write_text(json.dumps({"id": "1", "text": "hello", "body": "other"}) + "\n")
    age(draft)
    memo = Memo()
    plain = list(memo.read(draft, OPTIONS, lambda: read_file(draft, OPTIONS)))
    other = SourceOptions(text_field="body")
    body = list(memo.read(draft, other, lambda: read_file(draft, other)))
    assert texts(plain) == ["hello"] and texts(body) == ["other"]
    os.chdir(tmp_path)
    shown = list(memo.read(Path("a.jsonl"), OPTIONS, lambda: read_file(Path("a.jsonl"), OPTIONS)))
    assert [d.path for d in shown] == ["a.jsonl"] and [d.path for d in plain] == [str(draft)]


def test_memory_is_bounded(tmp_path: Path) -> None:
    memo = Memo(max_chars=100)
    for i in range(5):
        draft = tmp_path / f"{i}.txt"
        draft.write_text(f"draft {i} " + "x" * 40)
        age(draft)
        list(memo.read(draft, OPTIONS, lambda d=draft: read_file(d, OPTIONS)))
    assert memo.chars <= 100
    first = Counting(tmp_path / "0.txt")
    list(memo.read(tmp_path / "0.txt", OPTIONS, first))
    assert first.reads == 1                       # the oldest file was forgotten


def test_outcomes_only_for_remembered_documents_and_one_engine_key(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("Our clinic opens Monday.\n")
    age(draft)
    memo = Memo()
    [doc] = list(memo.read(draft, OPTIONS, lambda: read_file(draft, OPTIONS)))
    memo.remember(doc, "k1", ([], []))
    assert memo.outcomes([doc], "k1") == [([], [])]
    assert memo.outcomes([doc], "k2") == [None]            # another engine key: forgotten
    [stranger] = list(read_file(draft, OPTIONS))              # an equal document not held by the memo
    memo.remember(stranger, "k2", ([], []))
    assert memo.outcomes([stranger], "k2") == [None]


# -- through the CLI, as the server runs it ---------------------------------------------------------------

DRAFTS = {
    "phi.txt": "Huge congratulations to Eleanor Vasquez, who rang our bell on Tuesday after her last round of chemo!\n",
    "claim.md": "# Tips\n\nThis tea is a miracle cure for arthritis.\n",
    "clean.txt": "Our new parking garage opens Monday.\n",
    "posts.jsonl": json.dumps({"id": "a", "text": "Maria Gonzalez finished chemo in our infusion center today."}) + "\n",
}


@pytest.fixture
def served(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Memo:
    for name, text in DRAFTS.items():
        (isolated / name).write_text(text)
        age(isolated / name)
    memo = Memo()
    monkeypatch.setattr(memo_module, "CURRENT", memo)
    return memo


def check(cli: Any, cache: Path | None, *args: str) -> Any:
    options = ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    return cli("check", "--format", "json", "--no-mask", *options, *args, ".")


def test_served_reruns_match_a_plain_run(cli: Any, served: Memo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo_module, "CURRENT", None)
    plain = check(cli, None)
    monkeypatch.setattr(memo_module, "CURRENT", served)
    first = check(cli, tmp_path / "c")
    second = check(cli, tmp_path / "c")
    assert plain.out == first.out == second.out and plain.code == second.code == 1
    assert served.file_hits == len(DRAFTS) and served.outcome_hits == len(DRAFTS)
    assert json.loads(second.out)["summary"]["findings"] >= 3


def test_served_rerun_sees_an_edit(cli: Any, served: Memo, tmp_path: Path) -> None:
    check(cli, tmp_path / "c")
    Path("clean.txt").write_text("This tonic is a miracle cure for arthritis.\n")
    edited = json.loads(check(cli, tmp_path / "c").out)["findings"]
    assert any(f["path"] == "clean.txt" and f["category"] == "claims" for f in edited)


def test_nothing_remembered_without_the_cache(cli: Any, served: Memo) -> None:
    check(cli, None)
    check(cli, None)
    assert served.file_hits == 0 and served.outcome_hits == 0

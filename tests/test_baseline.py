"""Baselines: fingerprints (pure) and `policylint baseline create|update` + `check --baseline` end to end:
moving text, editing other lines and renaming files behave as users expect."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from policylint.baseline import Baseline, BaselineError, Entry, build, dumps, fingerprint, loads, split
from policylint.findings import Finding, Severity

MARIA = "Congrats to Maria Gonzalez on finishing chemo at our hospital!"
JOHN = "So happy for John Smith, who went home today after his hip surgery on our ortho unit!"
ADDICTS = "Our clinic now offers walk-in hours for addicts ready to start treatment."


def finding(text: str, needle: str, *, path: str = "posts/a.md", code: str = "PHI001", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    return Finding(path=path, record=None, line=line, column=1, end_line=line, end_column=1, start=start,
                   end=start + len(needle), code=code, rule="phi.patient-name", pack="hipaa", category="phi",
                   severity=Severity.ERROR, message="m", match=needle, context="unused when text is given")


# ------------------------------------------------------------------------------------------------------
# fingerprints
# ------------------------------------------------------------------------------------------------------


def test_fingerprint_ignores_position_and_other_lines() -> None:
    base = fingerprint(finding(f"# News\n\n{MARIA}\n", "Maria Gonzalez"), f"# News\n\n{MARIA}\n")
    moved = f"# Other title\n\nA brand new paragraph.\n\n{MARIA}\n\nMore text.\n"
    assert fingerprint(finding(moved, "Maria Gonzalez"), moved) == base
    edited_neighbour = f"# News\nCompletely different line right above\n{MARIA}\nand below\n"
    assert fingerprint(finding(edited_neighbour, "Maria Gonzalez"), edited_neighbour) == base
    spacing = f"# News\n\n{MARIA.replace('Maria Gonzalez', 'maria  gonzalez')}\n"
    assert fingerprint(finding(spacing, "maria  gonzalez"), spacing) == base     # normalised match


def test_fingerprint_changes_with_code_match_or_own_sentence() -> None:
    text = f"{MARIA}\n"
    base = fingerprint(finding(text, "Maria Gonzalez"), text)
    assert fingerprint(finding(text, "Maria Gonzalez", code="PHI002"), text) != base
    other_name = MARIA.replace("Maria Gonzalez", "Ana Lopez") + "\n"
    assert fingerprint(finding(other_name, "Ana Lopez"), other_name) != base
    reworded = MARIA.replace("chemo", "radiation") + "\n"
    assert fingerprint(finding(reworded, "Maria Gonzalez"), reworded) != base


def test_fingerprint_is_sha256_hex_and_file_has_no_plaintext(tmp_path: Path) -> None:
    text = f"{MARIA}\n"
    fp = fingerprint(finding(text, "Maria Gonzalez"), text)
    assert len(fp) == 64 and int(fp, 16) >= 0
    made = build([finding(text, "Maria Gonzalez")], root=tmp_path, cwd=tmp_path, texts={("posts/a.md", None): text})
    dumped = dumps(made.baseline)
    assert "Maria" not in dumped and "chemo" not in dumped and '"line"' not in dumped
    assert json.loads(dumped)["entries"][0] == {"path": "posts/a.md", "code": "PHI001", "rule": "phi.patient-name",
                                                "fingerprint": fp, "note": None}


def test_duplicates_are_counted_one_entry_each(tmp_path: Path) -> None:
    text = f"{MARIA}\n{MARIA}\n"
    two = [finding(text, "Maria Gonzalez"), finding(text, "Maria Gonzalez", nth=1)]
    texts = {("posts/a.md", None): text}
    made = build(two, root=tmp_path, cwd=tmp_path, texts=texts)
    assert len(made.baseline.entries) == 2
    three_text = f"{MARIA}\n{MARIA}\n{MARIA}\n"
    three = [finding(three_text, "Maria Gonzalez", nth=i) for i in range(3)]
    result = split(three, made.baseline, texts={("posts/a.md", None): three_text}, cwd=tmp_path,
                   exists=lambda p: True)
    assert len(result.new) == 1 and len(result.baselined) == 2


def test_load_validates_the_file(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match=r"b\.json:1: not a valid baseline"):
        loads("{nope", "b.json", tmp_path)
    with pytest.raises(BaselineError, match="not a policylint baseline"):
        loads("{}", "b.json", tmp_path)
    good = {"path": "a.md", "code": "PHI001", "rule": "r", "fingerprint": "0" * 64, "note": None}
    with pytest.raises(BaselineError, match=r"entries\[0\]: unknown key 'notes'"):
        loads(json.dumps({"policylint_baseline": 1, "entries": [{**good, "notes": "x"}]}), "b.json", tmp_path)
    with pytest.raises(BaselineError, match=r"entries\[0\]: 'fingerprint'"):
        loads(json.dumps({"policylint_baseline": 1, "entries": [{**good, "fingerprint": "Maria"}]}), "b.json",
              tmp_path)
    loaded = loads(json.dumps({"policylint_baseline": 1, "entries": [good]}), "b.json", tmp_path)
    assert loaded.entries == (Entry("a.md", "PHI001", "r", "0" * 64, None),)


def test_renamed_file_matches_but_a_copy_does_not(tmp_path: Path) -> None:
    text = f"{MARIA}\n"
    entry = Entry("posts/old.md", "PHI001", "r", fingerprint(finding(text, "Maria Gonzalez"), text))
    baseline = Baseline((entry,), tmp_path)
    renamed = finding(text, "Maria Gonzalez", path="posts/new.md")
    texts = {("posts/new.md", None): text}
    gone = split([renamed], baseline, texts=texts, cwd=tmp_path, exists=lambda p: False)
    assert gone.new == [] and len(gone.baselined) == 1
    still_there = split([renamed], baseline, texts=texts, cwd=tmp_path, exists=lambda p: True)
    assert len(still_there.new) == 1


# ------------------------------------------------------------------------------------------------------
# end to end: the CLI
# ------------------------------------------------------------------------------------------------------


@pytest.fixture
def repo(isolated: Path, nlp: Any) -> Path:
    # `nlp`: load the session pipeline once, up front.
    (isolated / "posts").mkdir()
    (isolated / "posts" / "a.md").write_text(f"# Ward news\n\n{MARIA}\n\n{JOHN}\n", encoding="utf-8")
    (isolated / "posts" / "b.txt").write_text(f"{ADDICTS}\n", encoding="utf-8")
    return isolated


def codes(result: Any) -> list[tuple[str, int, int, str]]:
    return [(f["path"], f["line"], f["column"], f["code"]) for f in result.json()["findings"]]


def check(cli: Any, *extra: str) -> Any:
    return cli("check", "posts", "--select", "PHI001,LNG001", "--format", "json", "--fail-on", "warning",
               "--baseline", ".policylint-baseline.json", *extra)


def create(cli: Any) -> Any:
    return cli("baseline", "create", ".policylint-baseline.json", "posts", "--select", "PHI001,LNG001")


def test_create_then_check_reports_nothing(repo: Path, cli: Any) -> None:
    made = create(cli)
    assert made.code == 0 and "3 entries" in made.out
    entries = json.loads((repo / ".policylint-baseline.json").read_text())["entries"]
    assert sorted((e["path"], e["code"]) for e in entries) == \
        [("posts/a.md", "PHI001"), ("posts/a.md", "PHI001"), ("posts/b.txt", "LNG001")]
    assert "Maria" not in (repo / ".policylint-baseline.json").read_text()
    result = check(cli)
    assert result.code == 0 and codes(result) == []
    assert result.json()["summary"]["baselined"] == 3
    assert "3 in the baseline" in cli("check", "posts", "--select", "PHI001,LNG001", "--baseline",
                                      ".policylint-baseline.json").out


def test_moving_text_and_editing_other_lines_keep_the_baseline(repo: Path, cli: Any) -> None:
    create(cli)
    post = repo / "posts" / "a.md"
    post.write_text(f"# Ward news, week 12\n\nA new intro paragraph.\nAnother line.\n\n{JOHN}\n\n"
                    f"Some closing words.\n\n{MARIA}\n", encoding="utf-8")
    result = check(cli)
    assert result.code == 0 and codes(result) == []


def test_new_and_reworded_findings_are_reported(repo: Path, cli: Any) -> None:
    create(cli)
    post = repo / "posts" / "a.md"
    post.write_text(post.read_text().replace("chemo", "radiation") +
                    "\nGet well soon, Peter Novak, after your heart surgery in our cardiac unit!\n", encoding="utf-8")
    result = check(cli)
    assert result.code == 1
    assert [(p, c) for p, _, _, c in codes(result)] == [("posts/a.md", "PHI001"), ("posts/a.md", "PHI001")]
    lines = sorted(line for _, line, _, _ in codes(result))
    assert lines == [3, 7]
    assert "1 baseline entry no longer match" in result.err          # the reworded one is stale now


def test_renaming_a_file_keeps_its_findings_accepted(repo: Path, cli: Any) -> None:
    create(cli)
    (repo / "posts" / "a.md").rename(repo / "posts" / "renamed.md")
    (repo / "posts" / "b.txt").rename(repo / "moved.txt")
    result = cli("check", "posts", "moved.txt", "--select", "PHI001,LNG001", "--format", "json",
                 "--baseline", ".policylint-baseline.json")
    assert result.code == 0 and codes(result) == []
    assert result.err == ""


def test_a_copy_of_a_file_is_reviewed_on_its_own(repo: Path, cli: Any) -> None:
    create(cli)
    shutil.copy(repo / "posts" / "a.md", repo / "posts" / "copy.md")
    result = check(cli)
    assert result.code == 1
    assert [(p, line, c) for p, line, _, c in codes(result)] == [("posts/copy.md", 3, "PHI001"),
                                                                ("posts/copy.md", 5, "PHI001")]


def test_update_keeps_notes_adds_and_drops(repo: Path, cli: Any) -> None:
    create(cli)
    path = repo / ".policylint-baseline.json"
    data = json.loads(path.read_text())
    for entry in data["entries"]:
        if entry["code"] == "LNG001":
            entry["note"] = "quoted from a 1990s article; reviewed by J. Doe"
    path.write_text(json.dumps(data), encoding="utf-8")
    (repo / "posts" / "a.md").write_text(f"# Ward news\n\n{MARIA}\n", encoding="utf-8")          # John fixed
    (repo / "posts" / "c.txt").write_text("Free drug abuse screenings for teens this month.\n", encoding="utf-8")
    updated = cli("baseline", "update", ".policylint-baseline.json", "posts", "--select", "PHI001,LNG")
    assert updated.code == 0 and "(1 added, 2 kept, 1 removed)" in updated.out
    entries = json.loads(path.read_text())["entries"]
    assert [e["note"] for e in entries if e["code"] == "LNG001"] == ["quoted from a 1990s article; reviewed by J. Doe"]
    assert sorted(e["path"] for e in entries) == ["posts/a.md", "posts/b.txt", "posts/c.txt"]


def test_update_of_part_of_the_tree_keeps_other_entries(repo: Path, cli: Any) -> None:
    create(cli)
    updated = cli("baseline", "update", ".policylint-baseline.json", "posts/b.txt", "--select", "PHI001,LNG001")
    assert "(0 added, 1 kept, 0 removed)" in updated.out
    assert len(json.loads((repo / ".policylint-baseline.json").read_text())["entries"]) == 3


def test_errors_are_one_line_with_exit_2(repo: Path, cli: Any) -> None:
    missing = check(cli)
    assert missing.code == 2 and ".policylint-baseline.json: baseline file not found" in missing.err
    (repo / ".policylint-baseline.json").write_text("{\n  oops", encoding="utf-8")
    broken = check(cli)
    assert broken.code == 2 and broken.err.count("\n") == 1 and ":2: not a valid baseline" in broken.err
    assert create(cli).code == 2                                          # exists: refuses without --force
    forced = cli("baseline", "create", ".policylint-baseline.json", "posts", "--force", "--select", "PHI001")
    assert forced.code == 0
    assert cli("baseline", "update", "nope.json", "posts").code == 2

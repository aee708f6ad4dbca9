"""Batch exports: one Document per JSONL line / CSV row, with `record` ids, the line in the file, and
findings placed at the physical (line, column) even through JSON escapes and multi-line CSV cells. A bad
record is one notice with its line; the other records are still checked."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policylint.config import Config
from policylint.document import Document
from policylint.sources import Notice, SourceOptions, iter_inputs
from policylint.sources.batch import csv_documents, jsonl_documents

from conftest import build_engine, check_documents

OPTIONS = SourceOptions()

TEST_PACK = """\
pack: testpack
rules:
  - code: TST001
    name: test.forbidden-phrase
    kind: forbid
    category: claims
    severity: error
    patterns: ["miracle cure"]
    message: planted phrase
    why: used by the tests
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("packs") / "testpack.yaml"
    path.write_text(TEST_PACK, encoding="utf-8")
    return build_engine([str(path)], Config(packs=()))


def split(found: Any) -> tuple[list[Document], list[Notice]]:
    found = list(found)
    return [d for d in found if isinstance(d, Document)], [n for n in found if isinstance(n, Notice)]


def where(engine: Any, documents: list[Document]) -> list[tuple[str | None, int, int, str]]:
    return sorted((f.record, f.line, f.column, f.code) for f in check_documents(engine, documents))


def physical(text: str, line: int, column: int) -> str:
    """The character at a 1-based (line, column) of a file's text (LF/CRLF/CR lines)."""
    import re

    lines = re.split(r"\r\n|\r|\n", text)
    return lines[line - 1][column - 1:]


# ---------------------------------------------------------------------------------------------------------
# JSONL
# ---------------------------------------------------------------------------------------------------------

def test_jsonl_records_ids_and_lines() -> None:
    text = '{"id": "a1", "text": "first"}\n\n{"id": 7, "text": "second"}\n{"text": "no id"}\n'
    docs, notices = split(jsonl_documents("p.jsonl", text, OPTIONS))
    assert not notices
    assert [(d.record, d.first_line, d.text) for d in docs] == [("a1", 1, "first"), ("7", 3, "second"),
                                                                 ("4", 4, "no id")]
    assert all(d.format == "jsonl" for d in docs)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_jsonl_newline_styles(newline: str) -> None:
    text = newline.join(['{"id": "a", "text": "one"}', '{"id": "b", "text": "two"}', ""])
    docs, _ = split(jsonl_documents("p.jsonl", text, OPTIONS))
    assert [(d.record, d.first_line) for d in docs] == [("a", 1), ("b", 2)]


def test_jsonl_unicode_line_separators_inside_strings() -> None:
    text = '{"id": "a", "text": "x\u2028y\u0085z"}\n{"id": "b", "text": "ok"}\n'
    docs, notices = split(jsonl_documents("p.jsonl", text, OPTIONS))
    assert not notices
    assert [(d.record, d.first_line) for d in docs] == [("a", 1), ("b", 2)]


def test_jsonl_bad_lines_reported_others_checked() -> None:
    text = "\n".join([
        '{"id": "ok1", "text": "fine"}',
        '{"id": "broken", "text": "unterminated}',
        '["not", "an", "object"]',
        '{"id": "no-text", "body_html": "<p>x</p>"}',
        '{"id": "num", "text": 42}',
        "[" * 50000,
        '{"id": "ok2", "text": "also fine"}',
    ])
    docs, notices = split(jsonl_documents("p.jsonl", text, OPTIONS))
    assert [d.record for d in docs] == ["ok1", "ok2"]
    assert [(n.line, n.error) for n in notices] == [(2, True), (3, True), (4, True), (5, True), (6, True)]
    assert all("\n" not in str(n) for n in notices)


def test_jsonl_text_and_id_fields() -> None:
    text = '{"post_id": "p9", "caption": "hello", "Body": "other"}\n'
    docs, _ = split(jsonl_documents("p.jsonl", text, SourceOptions(text_field="caption", id_field="post_id")))
    assert [(d.record, d.text) for d in docs] == [("p9", "hello")]
    docs, _ = split(jsonl_documents("p.jsonl", text, SourceOptions(text_field="CAPTION", id_field="Post_ID")))
    assert [(d.record, d.text) for d in docs] == [("p9", "hello")]
    docs, notices = split(jsonl_documents("p.jsonl", text, SourceOptions(text_field="missing")))
    assert not docs and [n.line for n in notices] == [1]


@pytest.mark.parametrize("field", ["text", "message", "Message", "content", "post", "body", "caption"])
def test_jsonl_common_export_fields(field: str) -> None:
    docs, _ = split(jsonl_documents("p.jsonl", json.dumps({field: "hello"}), OPTIONS))
    assert [d.text for d in docs] == ["hello"]


def test_jsonl_metadata_from_fields() -> None:
    line = json.dumps({"id": 1, "text": "x", "network": "Instagram", "metadata": {"consent_id": "C1"}})
    (d,), _ = split(jsonl_documents("p.jsonl", line, OPTIONS))
    assert d.metadata["platform"] == "Instagram" and d.platform == "instagram"
    assert d.metadata["consent_id"] == "C1"


def test_jsonl_lone_surrogate_escape_is_cleaned() -> None:
    (d,), _ = split(jsonl_documents("p.jsonl", '{"id": "\\udc80", "text": "bad \\ud800 char"}', OPTIONS))
    d.text.encode("utf-8")
    d.record.encode("utf-8")  # type: ignore[union-attr]
    assert len(d.text) == len("bad x char")


def test_jsonl_positions_through_escapes(planted: Any) -> None:
    lines = [
        '{"id": "a", "text": "A miracle cure."}',
        '{"text": "Line one\\nthen a miracle cure", "id": "b"}',
        '{"id": "c", "text": "caf\\u00e9 \\"quoted\\" \\ud83d\\ude00 miracle cure"}',
        '{"id": "d",   "text" :  "😀é miracle cure"}',
    ]
    text = "\n".join(lines) + "\n"
    docs, notices = split(jsonl_documents("p.jsonl", text, OPTIONS))
    assert not notices
    found = where(planted, docs)
    assert [(r, ln) for r, ln, _, _ in found] == [("a", 1), ("b", 2), ("c", 3), ("d", 4)]
    for record, line, column, _ in found:
        assert physical(text, line, column).lower().startswith("miracle cure"), record


def test_jsonl_duplicate_keys_last_wins() -> None:
    (d,), _ = split(jsonl_documents("p.jsonl", '{"text": "first", "text": "second miracle cure"}', OPTIONS))
    assert d.text == "second miracle cure"
    assert d.position(7) == (1, 35)


# ---------------------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------------------

def test_csv_records_ids_and_lines() -> None:
    text = "id,platform,text\nr1,x,first post\nr2,instagram,second post\n\n,facebook,third post\n"
    docs, notices = split(csv_documents("p.csv", text, OPTIONS))
    assert not notices
    assert [(d.record, d.first_line, d.text, d.platform) for d in docs] == [
        ("r1", 2, "first post", "x"), ("r2", 3, "second post", "instagram"), ("3", 5, "third post", "facebook")]
    assert all(d.format == "csv" for d in docs)


@pytest.mark.parametrize("column", ["text", "message", "Message", "content", "post", "Post", "Post Text", "Caption"])
def test_csv_common_export_columns(column: str) -> None:
    docs, _ = split(csv_documents("p.csv", f'"{column}",other\nhello,x\n', OPTIONS))
    assert [d.text for d in docs] == ["hello"]


def test_csv_text_and_id_fields() -> None:
    text = "Post ID,Draft,Message\n11,the draft,the message\n"
    docs, _ = split(csv_documents("p.csv", text, OPTIONS))
    assert [(d.record, d.text) for d in docs] == [("11", "the message")]
    docs, _ = split(csv_documents("p.csv", text, SourceOptions(text_field="Draft", id_field="post id")))
    assert [(d.record, d.text) for d in docs] == [("11", "the draft")]
    docs, notices = split(csv_documents("p.csv", text, SourceOptions(text_field="Nope")))
    assert not docs and [(n.line, n.error) for n in notices] == [(1, True)]


def test_csv_no_text_column() -> None:
    docs, notices = split(csv_documents("p.csv", "a,b\n1,2\n", OPTIONS))
    assert not docs and [(n.line, n.error) for n in notices] == [(1, True)]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_multiline_quoted_cells(planted: Any, newline: str) -> None:
    rows = ['id,notes,text',
            'a,"note line 1', 'note line 2","Intro line', 'A miracle cure, ""really"", here"',
            'b,plain,"He said ""miracle cure"" twice"',
            'c,,"x', '', 'y miracle cure"']
    text = newline.join(rows) + newline
    docs, notices = split(csv_documents("p.csv", text, OPTIONS))
    assert not notices
    assert [(d.record, d.first_line) for d in docs] == [("a", 3), ("b", 5), ("c", 6)]
    assert docs[0].text == f"Intro line{newline}A miracle cure, \"really\", here"
    found = where(planted, docs)
    assert [(r, ln, col) for r, ln, col, _ in found] == [("a", 4, 3), ("b", 5, 20), ("c", 8, 3)]
    for _, line, column, _ in found:
        assert physical(text, line, column).lower().startswith("miracle cure")


def test_csv_bad_quoting_reported_others_checked() -> None:
    text = "\n".join([
        "id,text",
        "1,good one",
        '2,"closed"junk after the quote',
        "3,good three",
        '4,"never closed',
        "5,good five",
        "6",                                   # fewer columns than the header
        "7,good seven",
    ]) + "\n"
    docs, notices = split(csv_documents("p.csv", text, OPTIONS))
    assert [d.record for d in docs] == ["1", "3", "5", "7"]
    assert [(n.line, n.error) for n in notices] == [(3, True), (5, True), (7, True)]


def test_csv_semicolon_and_tab_exports() -> None:
    docs, _ = split(csv_documents("p.csv", "id;text\n1;hello, world\n", OPTIONS))
    assert [(d.record, d.text) for d in docs] == [("1", "hello, world")]
    docs, _ = split(csv_documents("p.csv", "id\ttext\n1\thi there\n", OPTIONS))
    assert [(d.record, d.text) for d in docs] == [("1", "hi there")]


def test_csv_from_file_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "export.csv"
    f.write_bytes(b"\xef\xbb\xbfid,Message\r\n1,Hello\r\n")
    docs, notices = split(iter_inputs([str(f)], OPTIONS))
    assert [(d.record, d.text, d.first_line) for d in docs] == [("1", "Hello", 2)]


def test_csv_header_only_or_blank() -> None:
    docs, notices = split(csv_documents("p.csv", "id,text\n", OPTIONS))
    assert not docs and not notices
    docs, notices = split(csv_documents("p.csv", "\n\n,\n", OPTIONS))
    assert not docs and [n.error for n in notices] == [False]


def test_csv_cells_empty_text_skipped() -> None:
    docs, _ = split(csv_documents("p.csv", 'id,text\n1,""\n2,  \n3,real\n', OPTIONS))
    assert [d.record for d in docs] == ["3"]


# ---------------------------------------------------------------------------------------------------------
# through the engine and the CLI
# ---------------------------------------------------------------------------------------------------------

def test_batch_findings_via_cli(cli: Any, tmp_path: Path) -> None:
    pack = tmp_path / "testpack.yaml"
    pack.write_text(TEST_PACK)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".policylint.yaml").write_text(f"packs: [{pack}]\n")
    (tmp_path / "a.jsonl").write_text('{"id": "j1", "text": "A miracle cure"}\nnot json\n'
                                      '{"id": "j3", "text": "fine"}\n')
    (tmp_path / "b.csv").write_text('post_id,message\nc1,"two\nlines miracle cure"\n')
    import os

    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = cli("check", "--format", "json", "--no-mask", "a.jsonl", "b.csv")
    finally:
        os.chdir(old)
    assert result.code == 2                      # one bad record is an input error ...
    data = result.json()
    got = sorted((f["path"], f["record"], f["line"], f["column"], f["code"]) for f in data["findings"])
    assert got == [("a.jsonl", "j1", 1, 25, "TST001"), ("b.csv", "c1", 3, 7, "TST001")]  # ... others checked
    assert data["summary"]["documents"] == 3
    assert "a.jsonl:2:" in result.err


def test_text_and_id_field_options_via_cli(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    pack = tmp_path / "testpack.yaml"
    pack.write_text(TEST_PACK)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".policylint.yaml").write_text("packs: [testpack.yaml]\n")
    (tmp_path / "a.jsonl").write_text('{"key": "k1", "draft": "A miracle cure", "text": "fine"}\n')
    (tmp_path / "b.csv").write_text("key,draft,text\nk2,so a miracle cure,fine\n")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "json", "--text-field", "draft", "--id-field", "key", "a.jsonl", "b.csv")
    assert result.code == 1
    got = sorted((f["path"], f["record"], f["line"], f["column"]) for f in result.json()["findings"])
    assert got == [("a.jsonl", "k1", 1, 27), ("b.csv", "k2", 2, 9)]
    assert cli("check", "a.jsonl", "b.csv").code == 0          # default field: "text"


# ---------------------------------------------------------------------------------------------------------
# .json exports (arrays of posts): explicit files only, not walked by default
# ---------------------------------------------------------------------------------------------------------

from policylint.sources.batch import json_documents  # noqa: E402

JSON_EXPORT = """\
{
  "account": "lakeview",
  "posts": [
    {"id": "p1", "platform": "x",
     "text": "First: a miracle cure"},
    {
      "id": "p2",
      "message": "caf\\u00e9 \\"x\\" miracle cure"
    },
    "not an object",
    {"id": "p4", "other": "no text"},
    {"text": "untitled miracle cure"}
  ]
}
"""


def test_json_export_records(planted: Any) -> None:
    docs, notices = split(json_documents("export.json", JSON_EXPORT, OPTIONS))
    assert [(d.record, d.first_line) for d in docs] == [("p1", 5), ("p2", 8), ("5", 12)]
    assert docs[0].platform == "x"
    assert [(n.line, n.error) for n in notices] == [(10, True), (11, True)]
    found = where(planted, docs)
    assert [(r, ln) for r, ln, _, _ in found] == [("5", 12), ("p1", 5), ("p2", 8)]
    for _, line, column, _ in found:
        assert physical(JSON_EXPORT, line, column).startswith("miracle cure")


@pytest.mark.parametrize("text", ['[{"text": "one"}, {"text": "two"}]', '{"text": "one"}',
                                  '{"data": [{"text": "one"}]}'])
def test_json_export_shapes(text: str) -> None:
    docs, notices = split(json_documents("e.json", text, OPTIONS))
    assert docs and not notices and docs[0].text == "one"


@pytest.mark.parametrize("text", ['[{"text": "one"},', "[" * 100_000, '"just a string"', "{]"])
def test_json_export_errors(text: str) -> None:
    docs, notices = split(json_documents("e.json", text, OPTIONS))
    assert not docs and len(notices) == 1 and notices[0].error


def test_json_files_are_not_walked_by_default(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "site"}')
    (tmp_path / "post.txt").write_text("hello")
    found = list(iter_inputs([str(tmp_path)], OPTIONS))
    assert [Path(d.path).name for d in found if isinstance(d, Document)] == ["post.txt"]
    assert not [n for n in found if isinstance(n, Notice)]
    docs, _ = split(iter_inputs([str(tmp_path / "package.json")], OPTIONS))
    assert docs == []

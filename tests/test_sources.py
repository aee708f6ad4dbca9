"""Sources: decoding, offset -> (line, column), files, folders, stdin, and bad inputs (one notice each)."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policylint.sources as sources
from policylint.document import Document, blank, blank_spans, clean_surrogates, line_starts
from policylint.sources import InputError, Notice, SourceOptions, decode, iter_inputs, kind_of

OPTIONS = SourceOptions()


def items(*paths: Any, options: SourceOptions = OPTIONS, stdin: str | None = None) -> list[Any]:
    return list(iter_inputs([str(p) for p in paths], options, stdin))


def docs(found: list[Any]) -> list[Document]:
    return [i for i in found if isinstance(i, Document)]


def notices(found: list[Any]) -> list[Notice]:
    return [i for i in found if isinstance(i, Notice)]


def doc(text: str, **kwargs: Any) -> Document:
    return Document(path="d.txt", text=text, prose=text, **kwargs)


# ---------------------------------------------------------------------------------------------------------
# offset -> (line, column)
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "offset", "expected"), [
    ("abc", 0, (1, 1)),
    ("abc", 3, (1, 4)),
    ("ab\ncd", 3, (2, 1)),
    ("ab\ncd", 4, (2, 2)),
    ("ab\ncd", 2, (1, 3)),                 # the newline itself belongs to line 1
    ("ab\r\ncd", 2, (1, 3)),
    ("ab\r\ncd", 3, (1, 4)),               # the LF of a CRLF is still line 1
    ("ab\r\ncd", 4, (2, 1)),
    ("ab\rcd", 3, (2, 1)),                 # lone CR (classic Mac) ends a line
    ("ab\r\rcd", 4, (3, 1)),
    ("a\n\nb", 3, (3, 1)),
    ("a\r\n\r\nb", 5, (3, 1)),
    ("é\u0301x\ny", 4, (2, 1)),            # combining marks are characters, not bytes
    ("😀x\ny", 1, (1, 2)),                 # astral characters count once
    ("a\u2028b\nc", 4, (2, 1)),            # U+2028 does not end a line (as in editors and LSP)
])
def test_position(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert doc(text).position(offset) == expected


def test_position_clamps_out_of_range_offsets() -> None:
    d = doc("ab\ncd")
    assert d.position(-5) == (1, 1)
    assert d.position(999) == (2, 3)


def test_position_uses_first_line() -> None:
    d = doc("one\ntwo", first_line=10)
    assert d.position(4) == (11, 1)


def test_line_starts_all_newline_styles() -> None:
    assert line_starts("a\nb\r\nc\rd") == [0, 2, 5, 7]
    assert doc("a\nb\r\nc\rd").line_starts() == [0, 2, 5, 7]


def _reference_position(text: str, offset: int) -> tuple[int, int]:
    line, column, i = 1, 1, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 < offset:
                line, column, i = line + 1, 1, i + 2
                continue
            column, i = column + 1, i + 1
            continue
        if ch in "\r\n":
            line, column = line + 1, 1
        else:
            column += 1
        i += 1
    return line, column


@given(st.lists(st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "é", "😀", "\u2028", "\t"]), max_size=40).map("".join))
def test_position_round_trip(text: str) -> None:
    d = doc(text)
    starts = d.line_starts()
    for offset in range(len(text) + 1):
        line, column = d.position(offset, starts)
        assert (line, column) == _reference_position(text, offset)
        assert starts[line - 1] + column - 1 == offset


def test_document_requires_equal_length_prose() -> None:
    with pytest.raises(ValueError):
        Document(path="x", text="abc", prose="ab")


def test_blank_keeps_length_and_newlines() -> None:
    text = "a`b\r\nc`d\re"
    out = blank(text, 1, 8)
    assert len(out) == len(text)
    assert out == "a  \r\n   \re"
    assert [i for i, c in enumerate(out) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]


def test_blank_spans_overlapping_and_unsorted() -> None:
    text = "0123456789"
    assert blank_spans(text, [(5, 8), (1, 3), (2, 4), (9, 99)]) == "0   4   8 "


def test_clean_surrogates_keeps_length() -> None:
    raw = "a\ud800b\udcffc"
    out = clean_surrogates(raw)
    assert len(out) == len(raw)
    assert out == "a\ufffdb\ufffdc"
    out.encode("utf-8")


# ---------------------------------------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------------------------------------

def test_decode_utf8_and_bom() -> None:
    assert decode("héllo".encode()) == "héllo"
    assert decode(b"\xef\xbb\xbfhello") == "hello"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_decode_utf16_utf32_with_bom(codec: str) -> None:
    text = "Héllo\r\nworld 😀"
    data = text.encode(codec)            # "utf-16"/"utf-32" write their own BOM; add it for -le/-be
    if codec.endswith(("le", "be")):
        bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
               "utf-32-be": b"\x00\x00\xfe\xff"}[codec]
        data = bom + data
    assert decode(data) == text


def test_decode_refuses_binary() -> None:
    with pytest.raises(InputError):
        decode(b"PK\x03\x04\x00\x00binary")


def test_decode_reports_line_of_invalid_utf8() -> None:
    with pytest.raises(InputError) as info:
        decode(b"line one\nline two\nbad \xff byte\n")
    assert info.value.line == 3


def test_decode_bad_utf16() -> None:
    with pytest.raises(InputError):
        decode(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")   # lone high surrogate


@pytest.mark.parametrize(("name", "kind"), [
    ("a.md", "markdown"), ("A.MARKDOWN", "markdown"), ("a.html", "html"), ("a.htm", "html"),
    ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.csv", "csv"), ("a.json", "json"), ("a.txt", "text"),
    ("README", "text"),
])
def test_kind_of(name: str, kind: str) -> None:
    assert kind_of(name) == kind


# ---------------------------------------------------------------------------------------------------------
# files and folders
# ---------------------------------------------------------------------------------------------------------

def test_text_file(tmp_path: Path) -> None:
    f = tmp_path / "post.txt"
    f.write_text("Hello\nworld\n", encoding="utf-8")
    (d,) = docs(items(f))
    assert d.path == str(f) and d.text == "Hello\nworld\n" and d.prose == d.text and d.record is None


def test_bom_file_offsets_exclude_the_bom(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfab\r\ncd")
    (d,) = docs(items(f))
    assert d.text == "ab\r\ncd"
    assert d.position(4) == (2, 1)


def test_utf16_file(tmp_path: Path) -> None:
    f = tmp_path / "wide.txt"
    f.write_bytes("Wide\ntext".encode("utf-16"))
    (d,) = docs(items(f))
    assert d.text == "Wide\ntext"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_and_whitespace_files_are_a_notice_not_an_error(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    found = items(f)
    assert not docs(found)
    (n,) = notices(found)
    assert n.error is False and n.path == str(f)


@pytest.mark.parametrize("name", ["image.txt", "archive.md", "data.csv", "data.jsonl"])
def test_binary_file_with_text_extension(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    found = items(f)
    assert not docs(found)
    (n,) = notices(found)
    assert n.error is True and "\n" not in str(n)


def test_undecodable_file_names_its_line(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("first line\nCafé au lait\n".encode("latin-1"))
    (n,) = notices(items(f))
    assert n.error and n.line == 2
    assert str(n).startswith(f"{f}:2: ")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("hello")

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "open", denied, raising=False)
    (n,) = notices(items(f))
    assert n.error and n.path == str(f)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_chmod(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("hello")
    f.chmod(0)
    try:
        (n,) = notices(items(f))
        assert n.error
    finally:
        f.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text("fine")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = items(tmp_path)
    assert [d.path for d in docs(found)] == [str(tmp_path / "ok.txt")]
    assert any(n.error and n.path.endswith("locked") for n in notices(found))


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    f = tmp_path / "big.txt"
    f.write_text("x " * 100)
    (n,) = notices(items(f))
    assert n.error


def test_missing_path_and_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    found = items(tmp_path / "missing.txt", link)
    assert [n.path for n in notices(found)] == [str(tmp_path / "missing.txt"), str(link)]
    assert all(n.error for n in notices(found))


def test_symlink_loops_terminate(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "post.txt").write_text("Hello")
    (root / "a" / "b" / "up").symlink_to(root / "a")             # directory loop
    (root / "self").symlink_to(root)                            # loop to the root
    (root / "x.txt").symlink_to(root / "y.txt")                 # file loop x -> y -> x
    (root / "y.txt").symlink_to(root / "x.txt")
    found = items(root)
    assert [Path(d.path).name for d in docs(found)] == ["post.txt"]
    loop_notices = [n for n in notices(found) if n.path.endswith(("x.txt", "y.txt"))]
    assert len(loop_notices) == 2
    found = items(root / "x.txt")
    assert len(notices(found)) == 1 and not docs(found)


def test_walk_includes_excludes_and_order(tmp_path: Path) -> None:
    for rel in ["b.md", "a.txt", "c.py", "sub/d.csv", "node_modules/e.md", ".git/f.md", "drafts/old/g.md",
                "sub/skip.txt", "UPPER.TXT"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("id,text\n1,hello\n" if rel.endswith(".csv") else "hello")
    options = SourceOptions(exclude=("drafts/", "skip.txt"))
    names = [os.path.relpath(d.path, tmp_path) for d in docs(items(tmp_path, options=options))]
    assert names == ["UPPER.TXT", "a.txt", "b.md", os.path.join("sub", "d.csv")]


def test_explicit_file_is_checked_whatever_its_extension(tmp_path: Path) -> None:
    f = tmp_path / "notes.rst"
    f.write_text("hello")
    assert len(docs(items(f))) == 1


def test_empty_folder_is_a_notice(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text("print()")
    (n,) = notices(items(tmp_path))
    assert n.error is False


def test_fifo_in_folder_does_not_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("hello")
    found = items(tmp_path)
    assert [Path(d.path).name for d in docs(found)] == ["ok.txt"]
    assert all(not n.error for n in notices(found))


def test_thousands_of_files(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"post{i:04d}.txt").write_text(f"Post number {i}")
    found = docs(items(tmp_path))
    assert len(found) == 2000
    assert [Path(d.path).name for d in found] == sorted(Path(d.path).name for d in found)


# ---------------------------------------------------------------------------------------------------------
# stdin
# ---------------------------------------------------------------------------------------------------------

def test_stdin_text() -> None:
    (d,) = docs(items("-", stdin="Hello from stdin"))
    assert d.path == "<stdin>" and d.text == "Hello from stdin"


def test_stdin_closed_is_one_error_notice() -> None:
    (n,) = notices(items("-", stdin=None))
    assert n.error and n.path == "<stdin>"


def test_stdin_markdown_format() -> None:
    options = SourceOptions(stdin_format="markdown")
    (d,) = docs(items("-", options=options, stdin="---\nplatform: x\n---\nBody `code` text\n"))
    assert d.metadata == {"platform": "x"} and d.format == "markdown"
    assert "code" not in d.prose


def test_stdin_jsonl_format() -> None:
    options = SourceOptions(stdin_format="jsonl")
    found = docs(items("-", options=options, stdin='{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n'))
    assert [(d.record, d.first_line) for d in found] == [("a", 1), ("b", 2)]


def test_lone_surrogates_never_reach_documents() -> None:
    (d,) = docs(items("-", stdin="bad \ud800 text"))
    d.text.encode("utf-8")
    assert len(d.text) == len("bad \ud800 text")


def test_excludes_from_cli_and_config(cli: Any, isolated: Path) -> None:
    for rel in ["posts/a.txt", "posts/drafts/b.txt", "archive/c.txt"]:
        p = isolated / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("hello")
    (isolated / ".policylint.yaml").write_text("exclude: [archive]\n")
    data = cli("check", "--format", "json", "--exclude", "drafts/", ".").json()
    assert data["summary"]["files"] == 1

"""Hostile input never crashes, hangs or loses content (issue 7).

Property tests (hypothesis; 50 examples each by default, 500 with --run-slow) feed random Unicode (combining
marks, RTL, zero-width, emoji ZWJ sequences, lone surrogates as from surrogateescape, control characters,
NUL) through every source format and the whole check, in the library and through the CLI. A fixed corpus
of nasty files (generated in tmp_path) goes through the CLI. Expected: findings or one notice per bad
input, exit 0/1/2, offsets always within the text, never a traceback.
"""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylint.config import Config
from policylint.document import Document
from policylint.packs import builtin_names
from policylint.sources import Notice, SourceOptions, decode, documents_from_text, iter_inputs, InputError

from conftest import build_engine, check_documents, shared_nlp

HOSTILE_PIECES = [
    # combining marks, RTL and bidi controls, zero-width, BOM
    "e\u0301", "\u0300\u0301\u0302\u0303", "Z\u0351\u0368\u0350\u036b", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\u202e", "\u202d", "\u200f", "\u2066", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060",
    # emoji, ZWJ sequences, flags, keycaps, skin tones
    "👩\u200d⚕\ufe0f", "👨\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "🇺🇸", "1\ufe0f\u20e3", "👍🏽", "\u200d\u200d",
    # lone surrogates (as surrogateescape produces them), control characters, NUL, odd line breaks
    "\udc80", "\udcff", "\ud800", "\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\x0b", "\x0c",
    "\r", "\n", "\r\n", "\t",
    # markup and batch syntax
    "---\n", "```", "~~~", "<!--", "-->", "`", "[x](", ")", "<b>", "</", ">", "#", "@", '"', '""', ",", ";", "{", "}",
    "\\u", "\\", "\\n",
    # words the checks care about
    "Maria Gonzalez", "chemo", "room 412", "(555) 201-3344", "take 400 mg ibuprofen", "miracle cure", "#ad",
    "talk to your doctor", " ", "  ", ".", "!", "?", "a", "word",
]

hostile_text = st.one_of(
    st.lists(st.sampled_from(HOSTILE_PIECES), max_size=40).map("".join),
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=120),
)
FORMATS = ("text", "markdown", "html", "jsonl", "csv", "json")


@functools.lru_cache(maxsize=1)
def full_engine() -> Any:
    return build_engine(builtin_names(), Config(packs=()))


def assert_documents_sane(items: list[Any], text: str | None = None) -> None:
    for item in items:
        if isinstance(item, Notice):
            assert "\n" not in str(item) and "\r" not in item.message
            continue
        assert isinstance(item, Document)
        assert len(item.prose) == len(item.text)
        item.text.encode("utf-8")                    # no lone surrogates reach the checks
        for offset in (0, len(item.text) // 2, len(item.text)):
            line, column = item.position(offset)
            assert line >= 1 and column >= 1
        for a, b in zip(item.text, item.prose):
            assert b == a or b == " " or (a in "\r\n") == (b in "\r\n")


def assert_findings_sane(findings: list[Any], documents: list[Document]) -> None:
    texts = {(d.path, d.record): d.text for d in documents}
    for f in findings:
        text = texts[(f.path, f.record)]
        assert 0 <= f.start <= f.end <= len(text)
        assert f.line >= 1 and f.column >= 1 and f.end_line >= f.line
        assert f.match == text[f.start:f.end]


# ---------------------------------------------------------------------------------------------------------
# properties: sources and the whole check in the library
# ---------------------------------------------------------------------------------------------------------

@given(hostile_text, st.sampled_from(FORMATS))
def test_sources_never_crash(text: str, kind: str) -> None:
    items = list(documents_from_text("draft", text, kind, SourceOptions()))
    assert_documents_sane(items, text)


@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "platform", "format", "metadata"]),
                                st.one_of(hostile_text, st.integers(), st.none(), st.booleans(),
                                          st.lists(st.integers(), max_size=3),
                                          st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2)),
                                max_size=5), max_size=6),
       st.booleans())
def test_jsonl_records_never_crash(records: list[dict[str, Any]], ascii_only: bool) -> None:
    text = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records)
    items = list(documents_from_text("x.jsonl", text, "jsonl", SourceOptions()))
    assert_documents_sane(items)
    for item in items:
        if isinstance(item, Document):
            # the (line, column) of the first character is inside the physical line
            line, column = item.position(0)
            physical = text.split("\n")[line - 1]
            assert column <= len(physical)


@given(st.lists(st.lists(hostile_text, min_size=1, max_size=4), max_size=6))
def test_csv_rows_never_crash(rows: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "text", "platform", "other"][:max(2, max((len(r) for r in rows), default=2))])
    for row in rows:
        writer.writerow(row)
    text = out.getvalue()
    items = list(documents_from_text("x.csv", text, "csv", SourceOptions()))
    assert_documents_sane(items)


@given(st.binary(max_size=300))
def test_decode_random_bytes(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(text, str)


@given(hostile_text)
@settings(suppress_health_check=list(HealthCheck))
def test_surrogateescape_bytes_roundtrip_to_a_notice_or_documents(text: str) -> None:
    escapable = all(not ("\ud800" <= c <= "\udfff") or "\udc80" <= c <= "\udcff" for c in text)
    data = text.encode("utf-8", "surrogateescape" if escapable else "surrogatepass")
    try:
        decoded = decode(data)
    except InputError:
        return
    assert_documents_sane(list(documents_from_text("d.md", decoded, "markdown", SourceOptions())))


@given(hostile_text, st.sampled_from(FORMATS))
def test_full_check_never_crashes(nlp: Any, text: str, kind: str) -> None:
    documents = [i for i in documents_from_text("draft", text, kind, SourceOptions()) if isinstance(i, Document)]
    findings = check_documents(full_engine(), documents, nlp)
    assert_findings_sane(findings, documents)


@given(hostile_text)
def test_documents_with_raw_surrogates_in_library_use(nlp: Any, text: str) -> None:
    # a library caller may build Documents itself (no cleaning): the check must still not crash
    doc = Document(path="lib", text=text, prose=text, directives=text)
    findings = check_documents(full_engine(), [doc], nlp)
    assert_findings_sane(findings, [doc])


# ---------------------------------------------------------------------------------------------------------
# properties: a few CLI runs
# ---------------------------------------------------------------------------------------------------------

@settings(max_examples=max(3, settings.default.max_examples // 10))
@given(st.lists(st.one_of(hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)),
                min_size=1, max_size=3),
       st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"]))
def test_cli_on_random_files(cli: Any, tmp_path_factory: pytest.TempPathFactory, blobs: list[bytes], ext: str) -> None:
    root = tmp_path_factory.mktemp("random")
    (root / ".git").mkdir()
    texts = {}
    for i, blob in enumerate(blobs):
        path = root / f"f{i}{ext}"
        path.write_bytes(blob)
        try:
            texts[str(path)] = decode(blob)
        except InputError:
            pass
    result = cli("check", "--format", "json", "--no-mask", "--fail-on", "warning", "--no-cache", str(root))
    assert result.code in (0, 1, 2)
    assert "Traceback" not in result.err and "internal error" not in result.err
    data = result.json()
    for f in data["findings"]:
        assert f["start"] <= f["end"] and f["line"] >= 1 and f["column"] >= 1
        if f["record"] is None:
            assert f["end"] <= len(texts[f["path"]])


# ---------------------------------------------------------------------------------------------------------
# the nasty-file corpus
# ---------------------------------------------------------------------------------------------------------

NASTY: dict[str, bytes] = {
    "good.txt": b"Congrats to the cardiology team on the new wing!\n",
    "empty.txt": b"",
    "whitespace.md": b"  \n\t\r\n   \n",
    "bom.txt": b"\xef\xbb\xbfA draft with a BOM.\r\n",
    "crlf.md": b"---\r\nplatform: x\r\n---\r\nLine one\r\nLine two\r\n",
    "lone-cr.txt": b"Old Mac\rline endings\rhere",
    "nul.txt": b"text\x00with\x00nuls",
    "binary.md": bytes(range(256)) * 4,
    "latin1.txt": "Caf\xe9 cr\xe8me".encode("latin-1"),
    "utf16-nobom.txt": "no bom here".encode("utf-16-le"),
    "utf16.md": "UTF-16 with BOM\n".encode("utf-16"),
    "controls.txt": bytes(range(1, 32)).replace(b"\n", b"") + b" trailing words\n",
    "bad-front-matter.md": b"---\ntitle: [unclosed\n: : :\n---\nStill checked.\n",
    "alias-front-matter.md": b"---\na: &x [1]\nb: *x\n---\nStill checked.\n",
    "deep-front-matter.md": b"---\na: " + b"[" * 500 + b"]" * 500 + b"\n---\nBody\n",
    "nested.md": (b"> " * 3000) + b"quoted\n" + b"".join(b"  " * i + b"- item\n" for i in range(300)),
    "long-line.txt": b"word " * 12_000,
    "no-spaces.txt": b"x" * 60_000,
    "zalgo.txt": ("Z" + "\u0351\u0368\u0350\u036b" * 500 + " text\n").encode(),
    "rtl.md": "\u202eReversed \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u200f mixed\n".encode(),
    "bad.jsonl": b'{"id": 1, "text": "fine"}\n{broken\n' + b"[" * 100_000 + b"\n" + b'{"id": 3, "text": "\\ud800"}\n',
    "bad.csv": b'id,text\n1,ok\n2,"bad"quote\n3,"never closed\n4,fine\n',
    "surrogate.jsonl": b'{"id": "\\udcff", "text": "x \\udc80 y"}\n',
}


def make_corpus(root: Path) -> dict[str, Path]:
    (root / ".git").mkdir(exist_ok=True)
    paths = {}
    for name, data in NASTY.items():
        path = root / name
        path.write_bytes(data)
        paths[name] = path
    loop = root / "loops"
    loop.mkdir()
    (loop / "up").symlink_to(root)
    (root / "self-a.txt").symlink_to(root / "self-b.txt")
    (root / "self-b.txt").symlink_to(root / "self-a.txt")
    (root / "dangling.md").symlink_to(root / "nowhere.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
    return paths


def test_nasty_corpus_through_the_cli(cli: Any, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    start = time.perf_counter()
    result = cli("check", "--format", "json", "--no-mask", "--fail-on", "none", "--no-cache", str(tmp_path))
    assert time.perf_counter() - start < 240
    assert result.code == 2                                  # undecodable inputs are input errors
    assert "Traceback" not in result.err and "internal error" not in result.err
    lines = result.err.splitlines()
    for name in ("nul.txt", "binary.md", "latin1.txt", "utf16-nobom.txt", "self-a.txt", "self-b.txt"):
        assert sum(1 for line in lines if f"{name}:" in line or line.endswith(name)) == 1, name
    bad_jsonl = [line for line in lines if "bad.jsonl:" in line]
    assert [line.split("bad.jsonl:")[1].split(":")[0] for line in bad_jsonl] == ["2", "3"]
    bad_csv = [line for line in lines if "bad.csv:" in line]
    assert [line.split("bad.csv:")[1].split(":")[0] for line in bad_csv] == ["3", "4"]
    data = result.json()
    assert data["summary"]["documents"] >= 15
    for f in data["findings"]:
        if f["record"] is None:
            text = decode((tmp_path / Path(f["path"]).name).read_bytes()) if Path(f["path"]).is_absolute() \
                else decode(Path(f["path"]).read_bytes())
            assert 0 <= f["start"] <= f["end"] <= len(text)
            assert f["match"] == text[f["start"]:f["end"]]
    json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_nasty_corpus_text_report(cli: Any, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    result = cli("check", "--format", "text", "--fail-on", "none", "--no-cache", str(tmp_path))
    assert result.code == 2 and "Traceback" not in result.err
    result.out.encode("utf-8")


def test_stdin_closed_in_process(cli: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    result = cli("check", "-")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "<stdin>" in result.err


def test_stdin_closed_in_a_fresh_process(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    proc = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m policylint check - <&-'], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_thousands_of_files_through_the_cli(cli: Any, isolated: Path) -> None:
    posts = isolated / "posts"
    posts.mkdir()
    for i in range(1500):
        (posts / f"p{i:04d}.txt").write_text(f"Post {i}: our lobby cafe opens at {i % 12 + 1} today.")
    result = cli("check", "--format", "json", "--fail-on", "none", "--no-cache", "posts")
    assert result.code == 0
    assert result.json()["summary"]["documents"] == 1500


# ---------------------------------------------------------------------------------------------------------
# big inputs: chunks with correct offsets; 20 MB through the sources
# ---------------------------------------------------------------------------------------------------------

SENTENCE = "Dr. Jordan Ellery joined the cardiology team at Lakeview this week. "


def test_text_above_max_length_is_analysed_in_chunks(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scaled down: chunks of 2,000 characters and a pipeline max_length of 3,000, so a 30,000-character
    draft is above max_length; every entity and sentence must land on the right offsets of the whole text."""
    import policylint.analysis as analysis

    monkeypatch.setattr(analysis, "CHUNK_CHARS", 2_000)
    monkeypatch.setattr(nlp, "max_length", 3_000)
    parts = []
    for i in range(30_000 // len(SENTENCE) + 1):
        parts.append(SENTENCE + ("\n\n" if i % 5 == 4 else ""))
    text = "".join(parts) + "Last line miracle cure."
    doc = Document(path="big.txt", text=text, prose=text, directives=text)
    (result,) = list(analysis.analyze([doc], nlp, full_engine().context))
    assert result.sentences and all(0 <= s < e <= len(text) for s, e in result.sentences)
    assert all(a[1] <= b[0] for a, b in zip(result.sentences, result.sentences[1:]))
    for label, s, e in result.ents:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
    people = {text[s:e] for label, s, e in result.ents if label == "PERSON"}
    assert people and all("Ellery" in p or "Jordan" in p for p in people)
    starts = {s for label, s, e in result.ents if label == "PERSON"}
    planted = [i + 4 for i in range(len(text)) if text.startswith("Dr. Jordan", i)]
    assert len(starts & set(planted)) >= 0.8 * len(planted)     # found in every chunk, at the right offsets
    assert planted[-1] > 28_000


def run_bounded(args: list[str], cwd: Path, limit: float) -> subprocess.CompletedProcess[str]:
    """policylint in a fresh process with a wall-clock limit: a hang fails the test instead of the run."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "POLICYLINT_SERVER")}
    try:
        return subprocess.run([sys.executable, "-m", "policylint", *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"policylint {' '.join(args)} took longer than {limit:.0f} s")


@pytest.mark.slow
def test_file_above_real_max_length_through_the_cli(isolated: Path) -> None:
    nlp = shared_nlp()
    body = SENTENCE * (nlp.max_length // len(SENTENCE) + 50)
    (isolated / "huge.txt").write_text(body + "\nA miracle cure for all.\n")
    proc = run_bounded(["check", "--format", "json", "--fail-on", "none", "--no-cache", "huge.txt"], isolated, 1800)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["documents"] == 1


def test_twenty_megabytes_through_the_sources(tmp_path: Path) -> None:
    unit = ("## Heading\n\nA [link](https://example.org/page) with `code` and <b>tags</b>.\r\n"
            "```\nfenced\n```\n<!-- comment -->\n" + SENTENCE + "\n")
    data = ("---\nplatform: facebook\n---\n" + unit * (20 * 1024 * 1024 // len(unit) + 1)).encode("utf-8")
    assert len(data) >= 20 * 1024 * 1024
    path = tmp_path / "huge.md"
    path.write_bytes(data)
    start = time.perf_counter()
    (doc,) = [i for i in iter_inputs([str(path)], SourceOptions()) if isinstance(i, Document)]
    starts = doc.line_starts()
    assert doc.position(len(doc.text), starts)[0] == len(starts)
    assert time.perf_counter() - start < 60
    assert len(doc.prose) == len(doc.text) and doc.metadata == {"platform": "facebook"}
    assert "fenced" not in doc.prose[:10_000] and "example.org" not in doc.prose[:10_000]


@pytest.mark.slow
def test_twenty_megabytes_through_the_cli(isolated: Path) -> None:
    (isolated / "huge.txt").write_bytes((SENTENCE * (20 * 1024 * 1024 // len(SENTENCE) + 1)).encode())
    proc = run_bounded(["check", "--format", "json", "--fail-on", "none", "--no-cache", "huge.txt"], isolated, 3600)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["documents"] == 1


def test_very_long_lines_full_check(nlp: Any) -> None:
    for text in ("word " * 12_000 + "miracle cure", "x" * 60_000 + " miracle cure", "#tag" * 10_000):
        doc = Document(path="long.txt", text=text, prose=text, directives=text)
        findings = check_documents(full_engine(), [doc], nlp)
        assert_findings_sane(findings, [doc])


def test_long_draft_full_of_names_is_not_quadratic(nlp: Any) -> None:
    """40,000 characters naming the same person 600 times: was minutes (O(people^2)), must be seconds."""
    text = SENTENCE * (40_000 // len(SENTENCE))
    doc = Document(path="names.txt", text=text, prose=text, directives=text)
    start = time.perf_counter()
    findings = check_documents(full_engine(), [doc], nlp)
    assert time.perf_counter() - start < 30
    assert_findings_sane(findings, [doc])


def test_notices_never_quote_draft_text(cli: Any, isolated: Path) -> None:
    secret = "Zebediah"
    files = {
        "a.jsonl": f'{{"id": 1, "text": "{secret} broken\n{{"{secret}": [\n{{"id": 3}}\n',
        "b.csv": f'id,text\n1,"{secret}"junk\n2,"{secret} never closed\n',
        "c.md": f"---\n{secret}: [unclosed\n{secret} {secret}: :\n---\nBody\n",
        "d.md": f"---\n- {secret}\n---\nBody\n",
        "e.md": f"---\nx: !{secret} 1\n---\nBody\n",
    }
    for name, text in files.items():
        (isolated / name).write_text(text)
    (isolated / "f.txt").write_bytes(f"{secret} caf\xe9".encode("latin-1"))
    result = cli("check", "--format", "json", "--mask", "--fail-on", "none", "--no-cache", ".")
    assert result.code == 2
    assert len(result.err.splitlines()) >= 7
    assert secret not in result.err

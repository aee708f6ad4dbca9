"""Input sources: files, directories and stdin -> Documents (or one-line notices for bad input)."""
from __future__ import annotations

import fnmatch
import functools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Union

from policylint.document import Document, clean_surrogates

DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.jsonl", "*.csv")
DEFAULT_EXCLUDE: tuple[str, ...] = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__",
                                    ".policylint_cache", ".tox", ".mypy_cache", ".pytest_cache")
MAX_FILE_BYTES = 64 * 1024 * 1024
STREAM_BYTES = 1024 * 1024           # JSONL exports above this are read record by record


@dataclass(frozen=True)
class Notice:
    """A bad or skipped input: shown as one line ``path[:line]: message``; ``error`` ones set exit 2."""

    path: str
    message: str
    line: int | None = None
    error: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SourceOptions:
    text_field: str | None = None
    id_field: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    stdin_format: str = "text"


Item = Union[Document, Notice]


class InputError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def decode(data: bytes) -> str:
    """Decode file bytes: UTF-8 (BOM stripped) or UTF-16/UTF-32 with a BOM; refuse binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    else:
        for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                           (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
            if data.startswith(bom):
                try:
                    text = data.decode(codec)
                except UnicodeDecodeError as error:
                    raise InputError(f"not valid {codec.upper()} text ({error.reason} at byte {error.start})") from None
                return text[1:] if text.startswith("\ufeff") else text
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (NUL bytes); not checked")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"not valid UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8", line) from None


def kind_of(name: str) -> str:
    lower = name.lower()
    for suffix, kind in ((".md", "markdown"), (".markdown", "markdown"), (".html", "html"), (".htm", "html"),
                         (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".csv", "csv"), (".json", "json")):
        if lower.endswith(suffix):
            return kind
    return "text"


def documents_from_text(path: str, text: str, kind: str, options: SourceOptions) -> Iterator[Item]:
    from policylint.sources import batch, markup

    text = clean_surrogates(text)
    if not text.strip():
        yield Notice(path, "empty file; nothing to check", error=False)
        return
    if kind == "markdown":
        yield from markup.markdown_documents(path, text)
    elif kind == "html":
        yield from markup.html_documents(path, text)
    elif kind == "jsonl":
        yield from batch.jsonl_documents(path, text, options)
    elif kind == "csv":
        yield from batch.csv_documents(path, text, options)
    elif kind == "json":
        yield from batch.json_documents(path, text, options)
    else:
        yield Document(path=path, text=text, prose=text, format="text", directives=text)


def read_file(path: Path, options: SourceOptions, *, walked: bool = False) -> Iterator[Item]:
    """Documents of one file. Reads at most MAX_FILE_BYTES (+1) so a device or a growing file cannot
    exhaust memory; FIFOs and devices met while walking a folder are skipped."""
    shown = str(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            yield Notice(shown, "is a directory")
            return
        if not stat.S_ISREG(st.st_mode) and walked:
            yield Notice(shown, "is not a regular file; skipped", error=False)
            return
        if st.st_size > MAX_FILE_BYTES:
            yield Notice(shown, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; not checked")
            return
        if st.st_size > STREAM_BYTES and stat.S_ISREG(st.st_mode) and kind_of(path.name) == "jsonl":
            streamed = _stream_jsonl(path, shown, options)
            if streamed is not None:
                yield from streamed
                return
        with open(path, "rb") as handle:
            # read(n) allocates n bytes up front: ask for the stat size (+1 to notice growth), not the cap
            want = min(st.st_size, MAX_FILE_BYTES) + 1 if stat.S_ISREG(st.st_mode) else MAX_FILE_BYTES + 1
            data = handle.read(want)
            if len(data) == want and want <= MAX_FILE_BYTES:        # the file grew since stat: read on to the cap
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
        if len(data) > MAX_FILE_BYTES:
            yield Notice(shown, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; not checked")
            return
    except IsADirectoryError:
        yield Notice(shown, "is a directory")
        return
    except FileNotFoundError:
        if walked and path.is_symlink():
            yield Notice(shown, "is a broken symbolic link; skipped", error=False)
        else:
            yield Notice(shown, "no such file")
        return
    except PermissionError:
        yield Notice(shown, "cannot be read (permission denied)")
        return
    except OSError as error:
        yield Notice(shown, f"cannot be read ({error.strerror or type(error).__name__})")
        return
    try:
        text = decode(data)
    except InputError as error:
        yield Notice(shown, str(error), error.line)
        return
    yield from documents_from_text(shown, text, kind_of(path.name), options)


def _stream_jsonl(path: Path, shown: str, options: SourceOptions) -> Iterator[Item] | None:
    """A big UTF-8 JSONL export, record by record, never holding the whole file (memory stays flat on a
    100,000-post export). Same documents and notices as ``decode`` + ``jsonl_documents`` on the whole
    file: a first pass checks the bytes (NUL bytes, the first invalid UTF-8 byte and its line, nothing
    but whitespace), a second reads lines (LF, CRLF and lone CR end a line, as LINE_END does).
    None: not plain UTF-8 (a UTF-16/32 BOM): read it whole."""
    from policylint.sources import batch

    with open(path, "rb") as handle:
        head = handle.read(8192 + 3)
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            return None
        bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0
        if b"\x00" in head[bom:bom + 8192]:
            return iter([Notice(shown, "looks like a binary file (NUL bytes); not checked")])
        handle.seek(bom)
        pending = b""
        newlines = 0
        content = False
        while True:
            chunk = handle.read(1 << 20)
            buffer = pending + chunk
            try:
                text = buffer.decode("utf-8")
                pending = b""
            except UnicodeDecodeError as error:
                if chunk and error.end == len(buffer) and error.reason == "unexpected end of data":
                    text, pending = buffer[:error.start].decode("utf-8"), buffer[error.start:]
                else:
                    line = newlines + buffer.count(b"\n", 0, error.start) + 1
                    return iter([Notice(shown, f"not valid UTF-8 text (byte 0x{buffer[error.start]:02x}); "
                                               f"save it as UTF-8", line)])
            content = content or bool(text.strip())
            newlines += buffer.count(b"\n", 0, len(buffer) - len(pending))
            if not chunk:
                break
    if not content:
        return iter([Notice(shown, "empty file; nothing to check", error=False)])

    def lines() -> Iterator[str]:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            for line in handle:
                yield line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith(("\n", "\r")) else line
    return batch.jsonl_lines_documents(shown, lines(), options)


@functools.lru_cache(maxsize=64)
def _globs(patterns: tuple[str, ...]) -> "re.Pattern[str]":
    """One compiled alternation of shell patterns (what fnmatch.fnmatchcase matches, in one call)."""
    return re.compile("|".join(fnmatch.translate(p) for p in patterns) or r"(?!x)x")


def _exclusions(patterns: Iterable[str]) -> Callable[[str, str], bool]:
    """``excluded(rel, name)``: does an exclude pattern match the name, the relative path or a folder above it."""
    stripped = tuple(os.path.normcase(p.rstrip("/")) for p in patterns)
    plain, under = _globs(stripped), _globs(tuple(p + "/*" for p in stripped))

    def excluded(rel: str, name: str) -> bool:
        name, rel = os.path.normcase(name), os.path.normcase(rel)
        return bool(plain.match(name) or plain.match(rel) or under.match(rel))
    return excluded


def walk(root: Path, options: SourceOptions, problems: list[Notice] | None = None) -> Iterator[Path]:
    """Files under ``root`` matching the include patterns, sorted, skipping excludes and symlink loops.

    Folders that cannot be read are added to ``problems`` (when given) as notices."""
    excluded = _exclusions(DEFAULT_EXCLUDE + tuple(options.exclude))
    include = _globs(tuple(os.path.normcase(p.lower()) for p in options.include))
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        if problems is not None:
            where = error.filename if isinstance(error.filename, str) else str(root)
            problems.append(Notice(where, f"folder cannot be read ({error.strerror or type(error).__name__})"))

    for current, dirs, files in os.walk(root, followlinks=True, onerror=on_error):
        try:
            st = os.stat(current)
            key = (st.st_dev, st.st_ino)
        except OSError:
            dirs[:] = []
            continue
        if key in seen:
            dirs[:] = []
            continue
        seen.add(key)
        rel_dir = os.path.relpath(current, root)
        dirs[:] = sorted(d for d in dirs
                         if not excluded(os.path.normpath(os.path.join(rel_dir, d)), d))
        for name in sorted(files):
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if excluded(rel, name):
                continue
            if include.match(os.path.normcase(name.lower())):
                yield Path(current) / name


def iter_inputs(paths: Iterable[str], options: SourceOptions, stdin_text: str | None = None,
                memo: Any = None) -> Iterator[Item]:
    """Every Document (or Notice) for the given command-line paths, in order. ``memo`` (a
    :class:`policylint.memo.Memo`, in the server) gives back the documents of files that did not change."""
    cwd = os.getcwd() if memo is not None else ""

    def read(path: Path, walked: bool = False) -> Iterator[Item]:
        if memo is None:
            return read_file(path, options, walked=walked)
        return memo.read(path, options, lambda: read_file(path, options, walked=walked), cwd)

    for raw in paths:
        if raw == "-":
            if stdin_text is None:
                yield Notice("<stdin>", "standard input is closed or unreadable")
                continue
            kind = options.stdin_format if options.stdin_format != "text" else "text"
            yield from documents_from_text("<stdin>", stdin_text, kind, options)
            continue
        path = Path(raw)
        if path.is_symlink() and not path.exists():
            yield Notice(raw, "is a broken symbolic link")
        elif path.is_dir():
            found = False
            problems: list[Notice] = []
            for file in walk(path, options, problems):
                found = True
                yield from problems
                problems.clear()
                yield from read(file, walked=True)
            yield from problems
            if not found:
                yield Notice(raw, "no files to check in this directory", error=False)
        elif path.exists():
            yield from read(path)
        else:
            yield Notice(raw, "no such file or directory")

"""Autofix: insert the organisation's approved disclaimer where one is missing.

Atomic (temp file + rename, permissions kept), idempotent (a fixed file has a disclaimer, so a second run
finds nothing to do), keeps the encoding (BOM) and newline style, never deletes text, refuses to write a
file that changed during the run, and reports instead of fixing when the platform's length limit would break.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterator

from policylint.checks import DEFAULT_DISCLAIMER
PLATFORM_LIMITS = {"x": 280, "twitter": 280, "instagram": 2200, "facebook": 63206, "linkedin": 3000, "tiktok": 2200}
TAG_TOKEN = re.compile(r"(?:#\w+|@[\w.]+)+")


def _tags_start(line: str) -> int | None:
    """Start of the run of hashtags/mentions that ends ``line`` (no trailing whitespace), if any. Linear."""
    start = None
    i = len(line)
    while i > 0:
        j = i
        while j > 0 and line[j - 1] not in " \t\r\n":
            j -= 1
        if not TAG_TOKEN.fullmatch(line, j, i):
            break
        start = j
        k = j
        while k > 0 and line[k - 1] in " \t":
            k -= 1
        i = k
    return start


def _newline_of(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def _is_line_break(ch: str) -> bool:
    return ch in "\r\n"


def insert_disclaimer(text: str, disclaimer: str) -> str:
    """Text with the disclaimer added as its own paragraph, before a trailing hashtag line if any.

    Only inserts: every character of ``text`` is kept, in order (the original is a subsequence of the
    result), and a text that already contains the disclaimer is returned unchanged (idempotent)."""
    disclaimer = disclaimer.strip()
    if not disclaimer or disclaimer.casefold() in text.casefold() or disclaimer in text:
        return text
    newline = _newline_of(text)
    body = text.rstrip()
    ending = text[len(body):]
    last_line_start = max(body.rfind("\n"), body.rfind("\r")) + 1
    last_line = body[last_line_start:]
    stripped_last = last_line.strip()
    if last_line_start > 0 and stripped_last and _tags_start(stripped_last) == 0:
        # a final hashtag/mention line: the disclaimer goes before it, as its own paragraph
        head = body[:last_line_start].rstrip()
        gap = body[len(head):last_line_start]
        breaks = sum(1 for ch in gap if ch == "\n") or sum(1 for ch in gap if ch == "\r")
        lead = newline if breaks < 2 else ""
        if not head:
            return f"{gap}{disclaimer}{newline}{newline}{body[last_line_start:]}{ending}"
        return f"{head}{gap}{lead}{disclaimer}{newline}{newline}{body[last_line_start:]}{ending}"
    tags = _tags_start(body) if last_line_start == 0 else None
    if tags is not None and body[:tags].strip():
        # one line ending in hashtags: the disclaimer goes before the tags, on the same line
        head = body[:tags].rstrip()
        rest = body[len(head):]
        sep = "" if rest[:1].isspace() else " "
        return f"{head} {disclaimer}{sep}{rest}{ending}"
    if not body:
        return f"{text}{disclaimer}{newline}"
    return f"{body}{newline}{newline}{disclaimer}{ending or newline}"


def _length_for_limit(new: str, path: str) -> int:
    """Characters a platform would count: Markdown/HTML front matter and markup are not part of the post."""
    if path.endswith((".md", ".markdown")):
        from policylint.sources.markup import FRONT_MATTER, scan_copy

        m = FRONT_MATTER.match(scan_copy(new))
        if m:
            new = new[m.end():]
    return len(new.strip())


def _metadata_platform(text: str, path: str) -> str | None:
    if not path.endswith((".md", ".markdown")):
        return None
    from policylint.sources.markup import markdown_prose

    _, meta, _ = markdown_prose(text)
    value = meta.get("platform")
    return str(value).lower() if value else None


def apply_fixes(result: Any, engine: Any, *, diff_only: bool = False) -> Iterator[str]:
    """Fix files with a missing-disclaimer finding; yield diff lines (diff_only) or one status line per file."""
    disclaimer = (engine.config.disclaimer or DEFAULT_DISCLAIMER).strip()
    targets: dict[str, list[Any]] = {}
    for finding in result.findings:
        if finding.category == "disclaimer" and finding.fix and finding.record is None and finding.path != "<stdin>":
            targets.setdefault(finding.path, []).append(finding)
    for path, findings in sorted(targets.items()):
        file = Path(path)
        try:
            raw = file.read_bytes()
        except OSError as error:
            yield f"policylint: {path}: cannot read for --fix ({error.strerror or type(error).__name__})\n"
            continue
        bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield f"policylint: {path}: not UTF-8; not fixed\n"
            continue
        original_text = result.texts.get((path, None))
        if original_text is not None and original_text != text:
            yield f"policylint: {path}: changed during the run; not fixed\n"
            continue
        new = insert_disclaimer(text, disclaimer)
        if new == text:
            continue
        platform = _metadata_platform(text, path) or _platform_of(result, path) or engine.config.platform
        limit = PLATFORM_LIMITS.get((platform or "").lower())
        if limit and _length_for_limit(new, path) > limit:
            yield (f"policylint: {path}: adding the disclaimer would exceed {platform}'s {limit}-character "
                   f"limit; not fixed (shorten the post)\n")
            continue
        if diff_only:
            yield from difflib.unified_diff(text.splitlines(keepends=True), new.splitlines(keepends=True),
                                            fromfile=f"a/{path}", tofile=f"b/{path}")
            continue
        data = (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8")
        try:
            if hashlib.sha256(file.read_bytes()).digest() != hashlib.sha256(raw).digest():
                yield f"policylint: {path}: changed during the run; not fixed\n"
                continue
            write_atomic(file, data, expected=raw)
        except ChangedError:
            yield f"policylint: {path}: changed during the run; not fixed\n"
            continue
        except OSError as error:
            yield f"policylint: {path}: cannot write ({error.strerror or type(error).__name__}); not fixed\n"
            continue
        yield f"fixed {path}: inserted the approved disclaimer\n"


class ChangedError(Exception):
    """The file changed between reading and replacing it."""


def _platform_of(result: Any, path: str) -> str | None:
    return getattr(result, "platforms", {}).get(path)


def write_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write via a temp file in the same folder and rename over the original, keeping its permissions.

    A symbolic link is followed (its target is replaced, the link kept). With ``expected``, the file is
    compared once more just before the rename and left alone (ChangedError) if it no longer holds it."""
    target = Path(os.path.realpath(path))
    mode = None
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".policylint-tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if expected is not None and target.read_bytes() != expected:
            raise ChangedError(str(path))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

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
TRAILING_TAGS = re.compile(r"(?:[ \t]*(?:#[\w]+|@[\w.]+)[ \t]*)+(?:\r?\n|\r)?\Z")


def insert_disclaimer(text: str, disclaimer: str) -> str:
    """Text with the disclaimer added as its own paragraph, before a trailing hashtag line if any."""
    if disclaimer.lower() in text.lower():
        return text
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")
    body = text.rstrip()
    ending = text[len(body):]
    last_line_start = max(body.rfind("\n"), body.rfind("\r")) + 1
    last_line = body[last_line_start:]
    if last_line_start > 0 and TRAILING_TAGS.fullmatch(last_line.strip() + "\n"[:0]) and last_line.strip():
        head = body[:last_line_start].rstrip()
        return f"{head}{newline}{newline}{disclaimer}{newline}{newline}{last_line}{ending or newline}"
    tags = TRAILING_TAGS.search(body)
    if tags and tags.start() > 0 and last_line_start == 0:
        head = body[:tags.start()].rstrip()
        return f"{head} {disclaimer} {body[tags.start():].strip()}{ending}"
    return f"{body}{newline}{newline}{disclaimer}{ending or newline}"


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
            yield f"policylint: {path}: cannot read for --fix ({error.strerror})\n"
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
        platform = None
        limit = None
        for f in findings:
            platform = platform or getattr(f, "platform", None)
        meta_platform = _platform_of(result, path) or engine.config.platform
        limit = PLATFORM_LIMITS.get(meta_platform or "")
        if limit and len(new.strip()) > limit and not path.endswith((".md", ".markdown", ".html")):
            yield (f"policylint: {path}: adding the disclaimer would exceed {meta_platform}'s {limit}-character "
                   f"limit; not fixed (shorten the post)\n")
            continue
        if diff_only:
            yield from difflib.unified_diff(text.splitlines(keepends=True), new.splitlines(keepends=True),
                                            fromfile=f"a/{path}", tofile=f"b/{path}")
            continue
        data = (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8")
        if hashlib.sha256(file.read_bytes()).digest() != hashlib.sha256(raw).digest():
            yield f"policylint: {path}: changed during the run; not fixed\n"
            continue
        write_atomic(file, data)
        yield f"fixed {path}: inserted the approved disclaimer\n"


def _platform_of(result: Any, path: str) -> str | None:
    return getattr(result, "platforms", {}).get(path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and rename over the original, keeping its permissions."""
    mode = None
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".policylint-tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

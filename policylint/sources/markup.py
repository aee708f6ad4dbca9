"""Markdown and HTML sources: prose views that blank non-prose regions, offsets kept.

Every pattern runs on a *scan* copy of the text in which CRLF becomes `` \\n`` and a lone CR becomes ``\\n``
(same length), so line-anchored patterns work for every newline style; the spans found are then blanked
in the original text. All patterns are linear-time (no pattern rescans the rest of the file per match),
and the spans are blanked in one pass, so a 20 MB draft takes well under a second here.
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

from policylint.document import Document, blank_spans

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FENCE_OPEN = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
LINK_URL = re.compile(r"(?<=\])\((?:<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
SCRIPT_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
BACKTICKS = re.compile(r"`+")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
MAX_FRONT_MATTER = 256 * 1024


def scan_copy(text: str) -> str:
    """Same length as ``text``; CRLF -> `` \\n``, lone CR -> ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def parse_front_matter(raw: str) -> tuple[dict[str, Any] | None, str | None, int | None]:
    """(metadata, error message, error line within the block) for a front-matter block."""
    from policylint import yamlsafe

    if len(raw) > MAX_FRONT_MATTER:
        return None, "front matter is too large", 1
    try:
        data = yamlsafe.load(raw)
    except yamlsafe.YamlError as error:
        # the message must not quote the draft (front matter may hold names): drop quoted fragments
        message = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", "'…'", str(error))
        return None, f"malformed front matter: {message}", error.line or 1
    if data is None:
        return {}, None, None
    if not isinstance(data, dict):
        return None, "front matter is not a mapping of keys to values", 1
    return {str(k): _plain(v) for k, v in data.items()}, None, None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _fences(scan: str) -> list[tuple[int, int]]:
    """Fenced code blocks: from an opening fence line to the closing one (or the end of the text)."""
    spans = []
    pos = 0
    while True:
        m = FENCE_OPEN.search(scan, pos)
        if m is None:
            return spans
        fence = m.group(1)
        closing = re.compile(r"^[ \t]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.M)
        c = closing.search(scan, m.end())
        end = c.end() if c else len(scan)
        spans.append((m.start(), end))
        pos = end


def _code_spans(scan: str) -> list[tuple[int, int]]:
    """Inline code: a backtick run up to the next run of the same length in the same paragraph (linear)."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(scan)]
    if len(runs) < 2:
        return []
    blanks = [m.start() for m in BLANK_LINE.finditer(scan)]
    by_length: dict[int, list[int]] = {}
    for index, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(index)
    cursor = {length: 0 for length in by_length}
    spans = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        length = end - start
        indices = by_length[length]
        k = cursor[length]
        while k < len(indices) and indices[k] <= i:
            k += 1
        cursor[length] = k
        if k < len(indices):
            j = indices[k]
            close_start, close_end = runs[j]
            b = bisect.bisect_left(blanks, end)
            if b >= len(blanks) or blanks[b] >= close_start:        # no blank line in between
                spans.append((start, close_end))
                i = j + 1
                continue
        i += 1
    return spans


def _regex_spans(pattern: re.Pattern[str], scan: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(scan)]


def markdown_prose(text: str) -> tuple[str, dict[str, Any], tuple[str, int] | None]:
    """(prose view, front-matter metadata, (problem, line) for malformed front matter)."""
    scan = scan_copy(text)
    metadata: dict[str, Any] = {}
    problem: tuple[str, int] | None = None
    spans: list[tuple[int, int]] = []
    match = FRONT_MATTER.match(scan)
    if match:
        if match.group(1) is not None:
            data, error, line = parse_front_matter(text[match.start(1):match.end(1)])
            if data is not None:
                metadata = data
            elif error:
                problem = (error, (line or 1) + 1)
        spans.append((match.start(), match.end()))
        scan = blank_spans(scan, spans)
    steps = (_fences, lambda s: _regex_spans(HTML_COMMENT, s), lambda s: _regex_spans(SCRIPT_STYLE, s),
             lambda s: _regex_spans(REF_DEF, s), lambda s: _regex_spans(AUTOLINK, s),
             lambda s: _regex_spans(LINK_URL, s), _code_spans, lambda s: _regex_spans(HTML_TAG, s))
    for step in steps:
        found = step(scan)
        if found:
            spans.extend(found)
            scan = blank_spans(scan, found)
    return blank_spans(text, spans), metadata, problem


def markdown_documents(path: str, text: str) -> Iterator[Any]:
    from policylint.sources import Notice

    prose, metadata, problem = markdown_prose(text)
    if problem:
        yield Notice(path, problem[0] + " (checked as prose without metadata)", problem[1], error=False)
    yield Document(path=path, text=text, prose=prose, metadata=metadata, format="markdown", directives=text)


def html_prose(text: str) -> str:
    scan = scan_copy(text)
    spans: list[tuple[int, int]] = []
    for pattern in (HTML_COMMENT, SCRIPT_STYLE, HTML_TAG):
        found = _regex_spans(pattern, scan)
        if found:
            spans.extend(found)
            scan = blank_spans(scan, found)
    return blank_spans(text, spans)


def html_documents(path: str, text: str) -> Iterator[Document]:
    yield Document(path=path, text=text, prose=html_prose(text), format="html", directives=text)

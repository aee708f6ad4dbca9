"""Markdown and HTML sources: prose views that blank non-prose regions, offsets kept."""
from __future__ import annotations

import re
from typing import Any, Iterator

import yaml

from policylint.document import Document, blank

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
LINK_URL = re.compile(r"(?<=\])\((?:<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
SCRIPT_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)


def parse_front_matter(raw: str) -> tuple[dict[str, Any] | None, str | None, int | None]:
    """(metadata, error message, error line within the block) for a front-matter block."""
    if len(raw) > 256 * 1024:
        return None, "front matter is too large", 1
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(raw, Loader=yaml.SafeLoader)):
            return None, "front matter uses YAML aliases, which are not allowed", 1
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        return None, f"malformed front matter: {problem}", (mark.line + 1 if mark else None)
    if data is None:
        return {}, None, None
    if not isinstance(data, dict):
        return None, "front matter is not a mapping of keys to values", 1
    return {str(k): v for k, v in data.items()}, None, None


def markdown_prose(text: str) -> tuple[str, dict[str, Any], tuple[str, int] | None]:
    prose = text
    metadata: dict[str, Any] = {}
    problem: tuple[str, int] | None = None
    match = FRONT_MATTER.match(text)
    if match:
        data, error, line = parse_front_matter(match.group(1))
        if data is not None:
            metadata = data
        elif error:
            problem = (error, (line or 0) + 1)
        prose = blank(prose, match.start(), match.end())
    for pattern in (FENCE, HTML_COMMENT, SCRIPT_STYLE, REF_DEF, AUTOLINK, LINK_URL, INLINE_CODE, HTML_TAG):
        for m in pattern.finditer(prose):
            prose = blank(prose, m.start(), m.end())
    return prose, metadata, problem


def markdown_documents(path: str, text: str) -> Iterator[Any]:
    from policylint.sources import Notice

    prose, metadata, problem = markdown_prose(text)
    if problem:
        yield Notice(path, problem[0] + " (checked as prose without metadata)", problem[1], error=False)
    yield Document(path=path, text=text, prose=prose, metadata=metadata, format="markdown", directives=text)


def html_documents(path: str, text: str) -> Iterator[Document]:
    prose = text
    for pattern in (HTML_COMMENT, SCRIPT_STYLE, HTML_TAG):
        for m in pattern.finditer(prose):
            prose = blank(prose, m.start(), m.end())
    yield Document(path=path, text=text, prose=prose, format="html", directives=text)

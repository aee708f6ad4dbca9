"""Batch exports: one Document per JSONL line or CSV row (scheduled-post exports).

A bad record (invalid JSON, broken CSV quoting, no text field) becomes a Notice with its line in the file;
the other records are still checked. Each record's Document carries anchors, so a finding's line and
column are those of the physical file even inside multi-line quoted CSV cells or JSON escapes.
"""
from __future__ import annotations

import bisect
import json
import re
from typing import Any, Iterable, Iterator, Mapping

from policylint.document import Anchor, Document, clean_surrogates, line_starts

TEXT_FIELDS = ("text", "message", "Message", "content", "Content", "post", "Post", "body", "Body", "caption",
               "Caption", "Text", "Post Text", "post_text")
ID_FIELDS = ("id", "ID", "Id", "post_id", "Post ID")
META_FIELDS = ("platform", "Platform", "network", "Network", "channel", "Channel", "format", "type")
LINE_END = re.compile(r"\r\n|\r|\n")
JSON_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")
JSON_WS = re.compile(r"[ \t\n\r]*")
MAX_RECORD_DEPTH_ERRORS = (RecursionError, ValueError, OverflowError)


def _pick(record: Mapping[str, Any], wanted: str | None, fallbacks: tuple[str, ...]) -> str | None:
    """The field to use: the one asked for (exact, else case-insensitive), else the first fallback present."""
    if wanted:
        if wanted in record:
            return wanted
        folded = {str(name).strip().casefold(): name for name in record}
        return folded.get(wanted.strip().casefold())
    for name in fallbacks:
        if name in record:
            return name
    return None


def _metadata(record: Mapping[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name in META_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            meta[name.lower() if name.lower() not in ("network", "channel") else "platform"] = value
    if isinstance(record.get("metadata"), dict):
        meta.update(record["metadata"])
    return meta


def _prose(body: str, kind: str) -> tuple[str, dict[str, Any]]:
    if kind == "markdown":
        from policylint.sources.markup import markdown_prose

        prose, front, _ = markdown_prose(body)
        return prose, front
    return body, {}


# ---------------------------------------------------------------------------------------------- JSONL


def _json_value_start(line: str, field: str) -> int | None:
    """Offset of the opening quote of top-level ``field``'s string value in a JSON object line."""
    decoder = json.JSONDecoder()
    i = JSON_WS.match(line, 0).end()  # type: ignore[union-attr]
    if line[i:i + 1] != "{":
        return None
    i = JSON_WS.match(line, i + 1).end()  # type: ignore[union-attr]
    found = None
    while i < len(line) and line[i] == '"':
        key, i = json.decoder.scanstring(line, i + 1)  # type: ignore[attr-defined]
        i = JSON_WS.match(line, i).end()  # type: ignore[union-attr]
        if line[i:i + 1] != ":":
            return None
        i = JSON_WS.match(line, i + 1).end()  # type: ignore[union-attr]
        if key == field and line[i:i + 1] == '"':
            found = i                      # the last duplicate wins, as in json.loads
        _, i = decoder.raw_decode(line, i)
        i = JSON_WS.match(line, i).end()  # type: ignore[union-attr]
        if line[i:i + 1] != ",":
            break
        i = JSON_WS.match(line, i + 1).end()  # type: ignore[union-attr]
    return found


def _json_anchors(line: str, quote: int, body: str, line_number: int) -> tuple[Anchor, ...]:
    """Anchors mapping offsets in the decoded string to columns in the raw JSONL line."""
    anchors: list[Anchor] = [(0, line_number, quote + 2)]
    decoded = 0
    raw = quote + 1
    for m in JSON_ESCAPE.finditer(line, quote + 1):
        if line[raw:m.start()].find('"') >= 0:
            break
        decoded += m.start() - raw + 1
        raw = m.end()
        anchors.append((decoded, line_number, raw + 1))
    closing = line.find('"', raw)
    if closing < 0 or decoded + (closing - raw) != len(body):
        return ((0, line_number, quote + 2),)        # unexpected shape: at least the right line
    return tuple(anchors)


def jsonl_documents(path: str, text: str, options: Any) -> Iterator[Any]:
    # JSON strings may hold U+2028, U+0085... raw; only CR and LF end a JSONL line.
    return jsonl_lines_documents(path, LINE_END.split(text), options)


def jsonl_lines_documents(path: str, lines: Iterable[str], options: Any) -> Iterator[Any]:
    """Documents of JSONL lines (without their line ends), numbered from 1; lines may be streamed."""
    from policylint.sources import Notice

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Notice(path, f"record is not valid JSON ({error.msg} at column {error.colno}); skipped", number)
            continue
        except MAX_RECORD_DEPTH_ERRORS:
            yield Notice(path, "record is not valid JSON (nested too deeply or out of range); skipped", number)
            continue
        if not isinstance(record, dict):
            yield Notice(path, "record is not a JSON object; skipped", number)
            continue
        field = _pick(record, options.text_field, TEXT_FIELDS)
        if field is None or not isinstance(record.get(field), str):
            wanted = options.text_field or "text"
            yield Notice(path, f"record has no text field {wanted!r} (use --text-field); skipped", number)
            continue
        id_name = _pick(record, options.id_field, ID_FIELDS)
        raw_id = record.get(id_name) if id_name else None
        record_id = clean_surrogates(str(raw_id)) if raw_id is not None and not isinstance(raw_id, (dict, list)) \
            else str(number)
        body = clean_surrogates(record[field])
        if not body.strip():
            continue
        kind = "markdown" if str(record.get("format", "")).lower() == "markdown" else "text"
        prose, front = _prose(body, kind)
        try:
            start = _json_value_start(line, field)
            anchors = _json_anchors(line, start, body, number) if start is not None else ()
        except MAX_RECORD_DEPTH_ERRORS:
            anchors = ()
        yield Document(path=path, text=body, prose=prose, record=record_id, first_line=number,
                       metadata={**_metadata(record), **front}, format="jsonl", directives=body,
                       anchors=anchors)


# ------------------------------------------------------------------------------------------- JSON export

RECORD_LISTS = ("posts", "data", "items", "records", "results", "messages", "entries")


def _members(text: str, start: int) -> dict[str, int]:
    """Offsets of the values of the JSON object starting at ``start`` (the last duplicate key wins)."""
    decoder = json.JSONDecoder()
    members: dict[str, int] = {}
    i = JSON_WS.match(text, start + 1).end()  # type: ignore[union-attr]
    while i < len(text) and text[i] == '"':
        key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
        i = JSON_WS.match(text, i).end()  # type: ignore[union-attr]
        if text[i:i + 1] != ":":
            break
        i = JSON_WS.match(text, i + 1).end()  # type: ignore[union-attr]
        members[key] = i
        _, i = decoder.raw_decode(text, i)
        i = JSON_WS.match(text, i).end()  # type: ignore[union-attr]
        if text[i:i + 1] != ",":
            break
        i = JSON_WS.match(text, i + 1).end()  # type: ignore[union-attr]
    return members


def _elements(text: str, start: int) -> list[int]:
    """Offsets of the elements of the JSON array starting at ``start``."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []
    i = JSON_WS.match(text, start + 1).end()  # type: ignore[union-attr]
    while i < len(text) and text[i] != "]":
        offsets.append(i)
        _, i = decoder.raw_decode(text, i)
        i = JSON_WS.match(text, i).end()  # type: ignore[union-attr]
        if text[i:i + 1] != ",":
            break
        i = JSON_WS.match(text, i + 1).end()  # type: ignore[union-attr]
    return offsets


def json_documents(path: str, text: str, options: Any) -> Iterator[Any]:
    """A ``.json`` export of scheduled posts: an array of post objects, an object holding one under a
    common key (posts, data, items...), or a single post object. One Document per post, placed at the
    physical line and column of its text value."""
    from policylint.sources import Notice

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Notice(path, f"not valid JSON ({error.msg} at column {error.colno})", error.lineno)
        return
    except MAX_RECORD_DEPTH_ERRORS:
        yield Notice(path, "not valid JSON (nested too deeply or out of range)", 1)
        return
    starts = line_starts(text)

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    top = JSON_WS.match(text, 0).end()  # type: ignore[union-attr]
    try:
        if isinstance(data, list):
            records, offsets = data, _elements(text, top)
        elif isinstance(data, dict) and any(isinstance(data.get(k), list) for k in RECORD_LISTS):
            key = next(k for k in RECORD_LISTS if isinstance(data.get(k), list))
            records, offsets = data[key], _elements(text, _members(text, top)[key])
        else:
            records, offsets = [data], [top]
    except (MAX_RECORD_DEPTH_ERRORS + (KeyError, json.JSONDecodeError)):
        yield Notice(path, "cannot locate the posts in this JSON file", 1)
        return
    if len(offsets) != len(records):
        offsets = [top] * len(records)
    for number, (record, offset) in enumerate(zip(records, offsets), start=1):
        line = line_of(offset)
        if not isinstance(record, dict):
            yield Notice(path, "post is not a JSON object; skipped", line)
            continue
        field = _pick(record, options.text_field, TEXT_FIELDS)
        if field is None or not isinstance(record.get(field), str):
            wanted = options.text_field or "text"
            yield Notice(path, f"post has no text field {wanted!r} (use --text-field); skipped", line)
            continue
        id_name = _pick(record, options.id_field, ID_FIELDS)
        raw_id = record.get(id_name) if id_name else None
        record_id = clean_surrogates(str(raw_id)) if raw_id is not None and not isinstance(raw_id, (dict, list)) \
            else str(number)
        body = clean_surrogates(record[field])
        if not body.strip():
            continue
        kind = "markdown" if str(record.get("format", "")).lower() == "markdown" else "text"
        prose, front = _prose(body, kind)
        anchors: tuple[Anchor, ...] = ((0, line, offset - starts[line - 1] + 1),)
        try:
            quote = _members(text, offset).get(field)
            if quote is not None and text.startswith('"', quote):
                qline = line_of(quote)
                begin = starts[qline - 1]
                end = starts[qline] if qline < len(starts) else len(text)
                anchors = _json_anchors(text[begin:end], quote - begin, body, qline)
        except (MAX_RECORD_DEPTH_ERRORS + (json.JSONDecodeError,)):
            pass
        yield Document(path=path, text=body, prose=prose, record=record_id, first_line=anchors[0][1],
                       metadata={**_metadata(record), **front}, format="json", directives=body, anchors=anchors)


# ------------------------------------------------------------------------------------------------ CSV


class _Cell:
    __slots__ = ("value", "start", "end", "quoted")

    def __init__(self, value: str, start: int, end: int, quoted: bool) -> None:
        self.value, self.start, self.end, self.quoted = value, start, end, quoted


def _sniff_delimiter(text: str) -> str:
    first = LINE_END.split(text[:65536], 1)[0]
    if "," in first:
        return ","
    for candidate in (";", "\t", "|"):
        if candidate in first:
            return candidate
    return ","


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[_Cell] | None, str | None]]:
    """(offset where the row starts, cells or None, problem) for every row; a bad row is skipped and reading
    resumes on the physical line after the one where the bad row started."""
    quoted = re.compile(r'"[^"]*(?:""[^"]*)*"')
    unquoted = re.compile(r"[^" + re.escape(delimiter) + r"\r\n]*")
    n = len(text)
    pos = 0
    while pos < n:
        row_start = pos
        cells: list[_Cell] = []
        problem = None
        while True:
            if text.startswith('"', pos):
                m = quoted.match(text, pos)
                if m is None:
                    problem = "a quoted cell is never closed"
                    break
                cells.append(_Cell(m.group()[1:-1].replace('""', '"'), m.start() + 1, m.end() - 1, True))
                pos = m.end()
                if pos < n and text[pos] not in (delimiter, "\r", "\n"):
                    problem = "unexpected text after a closing quote"
                    break
            else:
                m = unquoted.match(text, pos)
                assert m is not None
                cells.append(_Cell(m.group(), m.start(), m.end(), False))
                pos = m.end()
            if pos >= n:
                break
            if text[pos] == delimiter:
                pos += 1
                continue
            pos += 2 if text.startswith("\r\n", pos) else 1
            break
        if problem is not None:
            m = LINE_END.search(text, row_start)
            pos = m.end() if m else n
            yield row_start, None, problem
        else:
            yield row_start, cells, None


def _csv_anchors(text: str, cell: _Cell, starts: list[int]) -> tuple[Anchor, ...]:
    def where(raw: int) -> tuple[int, int]:
        index = bisect.bisect_right(starts, raw) - 1
        return index + 1, raw - starts[index] + 1

    anchors: list[Anchor] = [(0, *where(cell.start))]
    if not cell.quoted:
        return tuple(anchors)
    decoded = 0
    raw = cell.start
    for m in re.finditer(r'""|\r\n|\r|\n', text[cell.start:cell.end]):
        absolute_start, absolute_end = cell.start + m.start(), cell.start + m.end()
        decoded += absolute_start - raw + (1 if m.group() == '""' else len(m.group()))
        raw = absolute_end
        anchors.append((decoded, *where(raw)))
    return tuple(anchors)


def csv_documents(path: str, text: str, options: Any) -> Iterator[Any]:
    from policylint.sources import Notice

    starts = line_starts(text)

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    delimiter = _sniff_delimiter(text)
    rows = _csv_rows(text, delimiter)
    header: list[_Cell] | None = None
    for offset, cells, problem in rows:
        if problem is not None:
            yield Notice(path, f"cannot read the CSV header ({problem})", line_of(offset))
            return
        if cells and any(c.value.strip() for c in cells):
            header = cells
            break
    if header is None:
        yield Notice(path, "CSV file has no header row", 1, error=False)
        return
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        columns.setdefault(cell.value.strip(), index)
    text_name = _pick(columns, options.text_field, TEXT_FIELDS)
    if text_name is None:
        wanted = options.text_field or "text/message/content/post"
        yield Notice(path, f"no text column {wanted!r} in the header (use --text-field)", line_of(header[0].start))
        return
    id_name = _pick(columns, options.id_field, ID_FIELDS)
    text_index = columns[text_name]
    row_number = 0
    for offset, cells, problem in rows:
        row_number += 1
        if problem is not None or cells is None:
            yield Notice(path, f"malformed CSV row ({problem}); skipped", line_of(offset))
            continue
        if all(not c.value.strip() for c in cells):
            row_number -= 1                    # blank lines are not rows
            continue
        if text_index >= len(cells):
            yield Notice(path, "row has fewer columns than the header; skipped", line_of(offset))
            continue
        cell = cells[text_index]
        body = clean_surrogates(cell.value)
        if not body.strip():
            continue
        record = {name: cells[i].value for name, i in columns.items() if i < len(cells)}
        record_id = (record.get(id_name) or "").strip() if id_name else ""
        anchors = _csv_anchors(text, cell, starts)
        yield Document(path=path, text=body, prose=body, record=clean_surrogates(record_id) or str(row_number),
                       first_line=anchors[0][1], metadata=_metadata(record), format="csv", directives=body,
                       anchors=anchors)

"""Batch exports: one Document per JSONL line or CSV row (scheduled-post exports)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator, Mapping

from policylint.document import Document

TEXT_FIELDS = ("text", "message", "Message", "content", "Content", "post", "Post", "body", "Body", "caption",
               "Caption", "Text", "Post Text", "post_text")
ID_FIELDS = ("id", "ID", "Id", "post_id", "Post ID")
META_FIELDS = ("platform", "Platform", "network", "Network", "channel", "Channel", "format", "type")


def _pick(record: Mapping[str, Any], wanted: str | None, fallbacks: tuple[str, ...]) -> str | None:
    if wanted:
        return wanted if wanted in record else None
    for name in fallbacks:
        if name in record:
            return name
    return None


def _metadata(record: Mapping[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name in META_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            meta[name.lower() if name.lower() != "network" and name.lower() != "channel" else "platform"] = value
    if isinstance(record.get("metadata"), dict):
        meta.update(record["metadata"])
    return meta


def jsonl_documents(path: str, text: str, options: Any) -> Iterator[Any]:
    from policylint.sources import Notice

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Notice(path, f"record is not valid JSON ({error.msg}); skipped", number)
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
        record_id = str(record[id_name]) if id_name and record.get(id_name) is not None else str(number)
        body = record[field]
        meta = _metadata(record)
        kind = "markdown" if str(record.get("format", "")).lower() == "markdown" else "text"
        if kind == "markdown":
            from policylint.sources.markup import markdown_prose

            prose, front, _ = markdown_prose(body)
            meta = {**meta, **front}
        else:
            prose = body
        yield Document(path=path, text=body, prose=prose, record=record_id, first_line=number, metadata=meta,
                       format="jsonl", directives=body)


def csv_documents(path: str, text: str, options: Any) -> Iterator[Any]:
    from policylint.sources import Notice

    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, strict=True)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as error:
        yield Notice(path, f"cannot read the CSV header ({error})", 1)
        return
    columns = {name.strip(): index for index, name in enumerate(header)}
    text_name = _pick(columns, options.text_field, TEXT_FIELDS)
    if text_name is None:
        wanted = options.text_field or "text/message/content/post"
        yield Notice(path, f"no text column {wanted!r} in the header (use --text-field)", 1)
        return
    id_name = _pick(columns, options.id_field, ID_FIELDS)
    row_number = 0
    while True:
        start_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield Notice(path, f"malformed CSV row ({error}); skipped", start_line)
            # resynchronise on the next physical line
            rest = stream.read()
            stream = io.StringIO(rest.split("\n", 1)[1] if "\n" in rest else "", newline="")
            offset = start_line
            reader = _OffsetReader(stream, offset)
            continue
        row_number += 1
        if not row or all(not cell.strip() for cell in row):
            continue
        index = columns[text_name]
        if index >= len(row):
            yield Notice(path, "row has fewer columns than the header; skipped", start_line)
            continue
        body = row[index]
        if not body.strip():
            continue
        record = {name: row[i] for name, i in columns.items() if i < len(row)}
        record_id = record.get(id_name) if id_name else None
        yield Document(path=path, text=body, prose=body, record=str(record_id or row_number),
                       first_line=start_line + _physical_offset(row, index), metadata=_metadata(record),
                       format="csv", directives=body)


def _physical_offset(row: list[str], index: int) -> int:
    """Lines taken by the cells before the text cell (multi-line quoted cells)."""
    return sum(cell.count("\n") for cell in row[:index])


class _OffsetReader:
    """csv.reader whose line_num continues from an offset (after skipping a bad row)."""

    def __init__(self, stream: io.StringIO, offset: int) -> None:
        self._reader = csv.reader(stream, strict=True)
        self._offset = offset

    def __iter__(self) -> "_OffsetReader":
        return self

    def __next__(self) -> list[str]:
        return next(self._reader)

    @property
    def line_num(self) -> int:
        return self._reader.line_num + self._offset

"""Pre-split .jsonl files: one clause unit per line, all from one document."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.loaders.decoding import decode_text, normalize_newlines
from ingest.loaders.files import make_document, sanitize_id
from ingest.types import Document, IngestError, Unit


def load_jsonl(path: Path, data: bytes, *, max_bytes: int) -> Document:
    """Load a .jsonl file of units: {"id", "text", "doc", optional "title", "number", "headings", "page"}."""
    text, encoding = decode_text(data, path)
    records = _records(path, text)
    if not records:
        raise IngestError(path, "no units: every line is blank")
    units = tuple(_unit(record) for record in records)
    title = next((record["title"] for record in records if record.get("title")), "")
    return make_document(path, data, text="\n\n".join(unit.text for unit in units), title=title,
                         encoding=encoding, units=units, doc_id=sanitize_id(records[0]["doc"]))


def _records(path: Path, text: str) -> list[dict[str, Any]]:
    """The checked records of every non-blank line: one doc for all, no id twice."""
    records: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        record = _record(path, number, line)
        doc, unit_id = record["doc"], record["id"]
        if records and doc != records[0]["doc"]:
            earlier = records[0]["doc"]
            raise IngestError(path, f"line {number}: doc {doc!r} differs from {earlier!r} on earlier lines")
        if unit_id in first_line:
            first = first_line[unit_id]
            raise IngestError(path, f"line {number}: duplicate id {unit_id!r} (first on line {first})")
        first_line[unit_id] = number
        records.append(record)
    return records


def _record(path: Path, number: int, line: str) -> dict[str, Any]:
    """Parse and check one line, naming the line in any error."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(path, f"line {number}: bad JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise IngestError(path, f"line {number}: bad JSON (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise IngestError(path, f"line {number}: not a JSON object")
    problem = _problem(record)
    if problem:
        raise IngestError(path, f"line {number}: {problem}")
    return record


def _problem(record: dict[str, Any]) -> str:
    """What is wrong with a unit record, or '' if nothing."""
    for key in ("id", "text", "doc"):
        value = record.get(key)
        if not isinstance(value, str) or not value.strip():
            return f"{key!r} must be a non-empty string"
    for key in ("title", "number"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{key!r} must be a string"
    headings = record.get("headings")
    if headings is not None and not _is_string_list(headings):
        return "'headings' must be a list of strings"
    page = record.get("page")
    if page is not None and (isinstance(page, bool) or not isinstance(page, int) or page < 1):
        return "'page' must be a positive integer"
    return ""


def _is_string_list(value: object) -> bool:
    """True for a list of strings."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _unit(record: dict[str, Any]) -> Unit:
    """The Unit a checked record describes."""
    return Unit(
        clause_id=record["id"],
        text=normalize_newlines(record["text"]),
        number=record.get("number") or "",
        headings=tuple(record.get("headings") or ()),
        page=record.get("page"),
    )

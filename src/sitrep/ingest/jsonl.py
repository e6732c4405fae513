"""JSON Lines: one article per line, {"text" | "html", optional "id", "url", "title",
"published"}. Each bad line becomes its own error record; the other lines are read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sitrep.errors import Code, message
from sitrep.ingest.detect import detect_kind
from sitrep.ingest.failures import error_doc, location
from sitrep.ingest.metadata import MAX_ID, MAX_TITLE, coerce_published, coerce_text, coerce_url
from sitrep.ingest.storable import new_document
from sitrep.records import Document


def read_jsonl(text: str, *, name: str, uri: str | None) -> Iterator[Document]:
    """One document (or error record) per non-blank line."""
    # split on newlines only: JSON strings may hold U+2028 and other breaks str.splitlines knows
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield read_row(line, lineno, name=name, uri=uri)


def read_row(line: str, lineno: int, *, name: str, uri: str | None) -> Document:
    """The document of one JSON Lines row, or its error record."""
    row_name, where = f"{name}-{lineno}", location(uri, line=lineno)
    row, problem = _parse(line)
    if row is None:
        return error_doc(row_name, uri, Code.BAD_JSONL, f"{where}: {problem}")
    body = row.get("html") or row.get("text")
    if not isinstance(body, str) or not body.strip():
        return error_doc(row_name, uri, Code.BAD_JSONL, f"{where} has no text or html string")
    ident, id_note = coerce_text("id", row.get("id"), MAX_ID)
    url, url_note = coerce_url(row.get("url"))
    title, title_note = coerce_text("title", row.get("title"), MAX_TITLE)
    published, published_note = coerce_published(row.get("published"))
    kind = "html" if body is row.get("html") else detect_kind(body)
    doc = new_document(body, name=ident or row_name, kind=kind, uri=url or uri, where=where)
    doc.source.title, doc.source.published = title, published
    for note in (id_note, url_note, title_note, published_note):
        if note:
            doc.fail("read", Code.BAD_METADATA, message(Code.BAD_METADATA, f"{where}: {note}"))
    return doc


def _parse(line: str) -> tuple[dict[str, Any] | None, str]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, exc.msg
    except RecursionError:
        return None, "nested too deeply to read"
    if not isinstance(row, dict):
        return None, "not a JSON object"
    return row, ""

"""RSS and Atom feeds: one document per entry (its content, else its summary)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sitrep.errors import Code, message
from sitrep.ingest.detect import detect_kind
from sitrep.ingest.failures import error_doc, location
from sitrep.ingest.metadata import MAX_TITLE, coerce_text, coerce_url
from sitrep.ingest.storable import new_document
from sitrep.records import Document


def read_feed(text: str, *, name: str, uri: str | None) -> Iterator[Document]:
    """One document per entry with text; a feed without any becomes an error record."""
    import feedparser

    parsed = feedparser.parse(text)
    n = 0
    for i, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "") or ""
        if isinstance(body, str) and body.strip():
            n += 1
            yield _entry_document(entry, body, i, name=name, uri=uri)
    if not n:
        found = f"{len(parsed.entries)} entries, none with text" if parsed.entries else "no entries"
        reason = str(getattr(parsed, "bozo_exception", "")) or found
        yield error_doc(name, uri, Code.READ_FAILED, f"{location(uri)}: not a feed with "
                        f"entries ({reason})")


def _entry_document(entry: Any, body: str, i: int, *, name: str, uri: str | None) -> Document:
    where = location(uri, record=i)
    link, link_note = coerce_url(entry.get("link"))
    title, title_note = coerce_text("title", entry.get("title"), MAX_TITLE)
    doc = new_document(body, name=f"{name}-{i}", kind=detect_kind(body), uri=link or uri,
                       where=where)
    doc.source.title = title
    doc.source.published = _entry_date(entry)
    for note in (link_note, title_note):
        if note:
            doc.fail("read", Code.BAD_METADATA, message(Code.BAD_METADATA, f"{where}: {note}"))
    return doc


def _entry_date(entry: Any) -> str | None:
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return datetime(*when[:6]).date().isoformat() if when else None
    except (TypeError, ValueError, OverflowError):
        return None

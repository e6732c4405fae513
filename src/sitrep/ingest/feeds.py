"""RSS and Atom feeds: one document per entry (its content, else its summary)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sitrep.errors import Code
from sitrep.ingest.detect import detect_kind
from sitrep.records import Document


def read_feed(text: str, *, name: str, uri: str | None) -> Iterator[Document]:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        from sitrep.ingest.readers import error_doc

        reason = str(getattr(parsed, "bozo_exception", "")) or "no entries"
        yield error_doc(name, uri, Code.READ_FAILED, f"feed: {reason}")
        return
    for i, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "") or ""
        if not body.strip():
            continue
        doc = Document.from_raw(
            body, name=f"{name}-{i}", kind=detect_kind(body), uri=entry.get("link") or uri
        )
        doc.source.title = entry.get("title")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when:
            doc.source.published = datetime(*when[:6]).date().isoformat()
        yield doc

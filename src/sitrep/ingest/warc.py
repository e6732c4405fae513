"""WARC / WARC.gz crawl archives, read as a stream: HTML responses only, with URL and date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from sitrep.errors import Code, message
from sitrep.ingest.decode import decode
from sitrep.ingest.failures import error_doc, location
from sitrep.ingest.metadata import coerce_published, coerce_url
from sitrep.ingest.storable import new_document
from sitrep.records import Document

MAX_RECORD_BYTES = 2 * 1024 * 1024  # a page larger than this is cut (and flagged)
_DRAIN = 1 << 16


def read_warc(stream: IO[bytes], *, name: str, uri: str | None) -> Iterator[Document]:
    """One document per HTML response record; a broken archive ends with an error record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or "html" not in _content_type(record):
                continue
            n += 1
            yield _record_document(record, n, name=name, uri=uri)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, OverflowError) as exc:
        why = "its Content-Length is too large to be real" if isinstance(exc, OverflowError) else ""
        yield error_doc(
            f"{name}-{n + 1}",
            uri,
            Code.READ_FAILED,
            f"{location(uri, record=n + 1)}: WARC archive broken after {n} records: "
            f"{why or exc}",
        )


def _content_type(record: Any) -> str:
    headers = record.http_headers
    return (headers.get_header("Content-Type") or "").lower() if headers else ""


def _record_document(record: Any, n: int, *, name: str, uri: str | None) -> Document:
    where = location(uri, record=n)
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    missing = _missing_bytes(record)
    text, fallback = decode(payload[:MAX_RECORD_BYTES])
    target, _ = coerce_url(record.rec_headers.get_header("WARC-Target-URI"))
    doc = new_document(text, name=f"{name}-{n}", kind="html", uri=target or uri, where=where)
    published, _ = coerce_published(record.rec_headers.get_header("WARC-Date"))
    doc.source.published = published[:10] if published else None  # the crawl day
    if fallback:
        doc.flags.decoding = fallback
    if len(payload) > MAX_RECORD_BYTES:
        doc.flags.truncated = True
        doc.fail("read", Code.TOO_LARGE, f"{where}: record over {MAX_RECORD_BYTES:,} bytes was cut")
    if missing:
        declared = record.length
        detail = f"{where} declares {declared:,} bytes but the archive ends {missing:,} bytes short"
        doc.fail("read", Code.WARC_LENGTH, message(Code.WARC_LENGTH, detail))
    return doc


def _missing_bytes(record: Any) -> int:
    """How many of the bytes a record's Content-Length promises the archive does not hold."""
    raw = record.raw_stream
    while raw.read(_DRAIN):  # the iterator would skip them anyway; counting costs no memory
        pass
    return max(int(getattr(raw, "limit", 0) or 0), 0)

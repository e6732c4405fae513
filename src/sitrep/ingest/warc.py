"""WARC / WARC.gz crawl archives, read as a stream: HTML responses only, with URL and date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from sitrep.errors import Code
from sitrep.ingest.decode import decode
from sitrep.records import Document

MAX_RECORD_BYTES = 2 * 1024 * 1024  # a page larger than this is cut (and flagged)


def read_warc(stream: IO[bytes], *, name: str, uri: str | None) -> Iterator[Document]:
    """One document per HTML response record; a broken archive ends with an error record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from sitrep.ingest.readers import error_doc

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = (
                (record.http_headers.get_header("Content-Type") or "")
                if record.http_headers
                else ""
            )
            if "html" not in ctype.lower():
                continue
            n += 1
            payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
            text, fallback = decode(payload[:MAX_RECORD_BYTES])
            target = record.rec_headers.get_header("WARC-Target-URI")
            doc = Document.from_raw(text, name=f"{name}-{n}", kind="html", uri=target or uri)
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                doc.source.published = date[:10]
            if fallback:
                doc.flags.decoding = fallback
            if len(payload) > MAX_RECORD_BYTES:
                doc.flags.truncated = True
                doc.fail("read", Code.TOO_LARGE, f"record over {MAX_RECORD_BYTES:,} bytes was cut")
            yield doc
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield error_doc(
            f"{name}-{n + 1}",
            uri,
            Code.READ_FAILED,
            f"WARC archive broken after {n} records: {exc}",
        )

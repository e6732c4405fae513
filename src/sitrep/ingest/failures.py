"""Error records for inputs that cannot be read: a document with no text and the reason."""

from __future__ import annotations

from sitrep.errors import Code, message
from sitrep.ingest.storable import storable
from sitrep.records import Document, content_id


def error_doc(
    name: str, uri: str | None, code: Code, detail: str = "", step: str = "read"
) -> Document:
    """A document that only says why an input (or one line or record of it) could not be read.

    Its id hashes the input, the name (which carries the line or record number) and the code,
    so each bad line of a file keeps its own row and a re-run rewrites the same rows.
    """
    name, uri, detail = storable(name), storable(uri) if uri else uri, storable(detail)
    doc = Document(id=content_id(f"error:{uri or ''}:{name}:{code}"), raw_text="", name=name)
    doc.source.uri = uri
    doc.fail(step, code, message(code, detail))
    return doc


def location(uri: str | None, line: int | None = None, record: int | None = None) -> str:
    """'path, line 3' or 'path, record 2': where in its input a problem was found."""
    where = storable(uri or "stdin")
    if line is not None:
        return f"{where}, line {line}"
    if record is not None:
        return f"{where}, record {record}"
    return where

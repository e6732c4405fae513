"""Text every store can hold: no NUL bytes (PostgreSQL refuses them) and no lone surrogates
(UTF-8 cannot encode them; JSON escapes like \\ud800 and undecodable file names make them)."""

from __future__ import annotations

import re

from sitrep.errors import Code, message
from sitrep.records import Document, Kind

_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD and NUL bytes removed."""
    return repair(text)[0]


def repair(text: str) -> tuple[str, str]:
    """The storable text and what was changed ('' when nothing was)."""
    nuls = text.count("\x00")
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    if nuls:
        text = text.replace("\x00", "")
    done = [f"{n:,} {what}" for n, what in ((nuls, "NUL bytes removed"),
                                           (surrogates, "lone surrogates replaced")) if n]
    return text, ", ".join(done)


def new_document(
    text: str, *, name: str, kind: Kind, uri: str | None, where: str = ""
) -> Document:
    """A document over the storable form of `text`, with a W107 warning when it was repaired."""
    text, repaired = repair(text)
    doc = Document.from_raw(text, name=storable(name), kind=kind, uri=storable(uri or "") or None)
    if repaired:
        detail = f"{where}: {repaired}" if where else repaired
        doc.fail("read", Code.TEXT_REPAIRED, message(Code.TEXT_REPAIRED, detail))
    return doc

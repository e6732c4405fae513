"""Direct quotations and their speakers (first version: "…," X said)."""

from __future__ import annotations

import re

from sitrep.records import Document, Quote

_QUOTE = re.compile(r"[“\"]([^”\"]{12,}?)[”\"],?\s+(\w+(?:\s\w+)?)\s+said")


def find_quotes(doc: Document) -> list[Quote]:
    return [Quote(speaker=m.group(2), text=m.group(1), evidence=doc.evidence(m.start(1), m.end(1)),
                  rule="quote-said")
            for m in _QUOTE.finditer(doc.clean_text)]

"""The extract step (first version: direct quotations with a following "X said")."""

from __future__ import annotations

import re

from sitrep.config import Config
from sitrep.records import Document, Quote

_QUOTE = re.compile(r"[“\"]([^”\"]{12,}?)[”\"],?\s+(\w+(?:\s\w+)?)\s+said")


class ExtractStep:
    name = "extract"

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self) -> None:
        pass

    def process(self, doc: Document) -> Document:
        for m in _QUOTE.finditer(doc.clean_text):
            doc.quotes.append(Quote(speaker=m.group(2), text=m.group(1),
                                    evidence=doc.evidence(m.start(1), m.end(1)), rule="quote-said"))
        return doc

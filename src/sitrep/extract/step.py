"""The extract step: movements, war-toll claims and quotes, each with raw-text evidence."""

from __future__ import annotations

from sitrep.config import Config
from sitrep.extract.claims import find_claims
from sitrep.extract.movements import find_movements
from sitrep.extract.quotes import find_quotes
from sitrep.records import Document


class ExtractStep:
    name = "extract"

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self) -> None:
        pass

    def process(self, doc: Document) -> Document:
        doc.quotes = find_quotes(doc)
        doc.movements = find_movements(doc)
        doc.claims = find_claims(doc)
        return doc

"""The clean step (first version: keeps the raw text; the cleaning issue makes it real)."""

from __future__ import annotations

from sitrep.config import Config
from sitrep.offsets import OffsetMap
from sitrep.records import Document


class CleanStep:
    name = "clean"

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self) -> None:
        pass

    def process(self, doc: Document) -> Document:
        doc.clean_text = doc.raw_text
        doc.offsets = OffsetMap.identity(len(doc.raw_text))
        return doc

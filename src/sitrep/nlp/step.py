"""The annotate step, the nlp stage's entry: sentences, entities and the spaCy parse.

The parse itself (chunking, gating, the line-break rule) is `annotate.py`'s; numbers and dates
(`numbers.py`, `dates.py`) are read by the extractors on demand.
"""

from __future__ import annotations

from typing import Any

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.nlp.annotate import analyse, load_model
from sitrep.records import Document, Entity, Span


class AnnotateStep:
    name = "annotate"
    requires = ("clean_text",)
    assigns = ("nlp", "sentences", "entities", "language")

    def __init__(self, config: Config) -> None:
        self.config = config
        self.nlp: Any = None

    def setup(self) -> None:
        self.nlp = load_model(self.config.spacy_model)
        self.nlp.max_length = max(self.nlp.max_length, self.config.max_nlp_chars + 1)

    def process(self, doc: Document) -> Document:
        text = doc.clean_text
        if len(text) > self.config.max_nlp_chars:
            doc.flags.truncated = True
            doc.fail(
                self.name,
                Code.TOO_LARGE,
                f"clean text has {len(text):,} characters; analysed the first "
                f"{self.config.max_nlp_chars:,}",
            )
            # later steps see the analysed part only; the offset map still covers it exactly
            text = doc.clean_text = text[: self.config.max_nlp_chars]
        sdoc = analyse(self.nlp, text, gate=self.config.gate_parse)
        doc.nlp = sdoc
        doc.language = "en"
        doc.sentences = [Span(s.start_char, s.end_char) for s in sdoc.sents]
        doc.entities = [Entity(e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents]
        return doc

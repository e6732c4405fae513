"""The nlp stage's entry: the relevance gate, then sentences, entities and the spaCy parse.

The gate's rules are `relevance.py`'s; the parse itself (chunking, gating, the line-break rule)
is `annotate.py`'s; numbers and dates (`numbers.py`, `dates.py`) are read by the extractors on
demand. A document the gate finds irrelevant gets rule-based sentences and no spaCy at all.
"""

from __future__ import annotations

from typing import Any

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.nlp.annotate import analyse_many, load_model
from sitrep.nlp.annotate import space_tokens as space_tokens  # for the extract stage
from sitrep.nlp.relevance import HIGH, LOW, relevance
from sitrep.records import Document, Entity, Span
from sitrep.sentences import split_sentences


class RelevanceStep:
    """Says whether a document gets the full analysis (`relevance` "high") or not ("low")."""

    name = "relevance"
    requires = ("clean_text",)
    assigns = ("relevance",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self) -> None:
        pass

    def process(self, doc: Document) -> Document:
        doc.relevance = relevance(doc.clean_text) if self.config.relevance_gate else HIGH
        return doc


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
        return self.process_batch([doc])[0]

    def process_batch(self, docs: list[Document]) -> list[Document]:
        """The parse of several documents at once (one `nlp.pipe` over all their chunks), each
        document filled in as `process` alone would."""
        texts = [self._text(doc) for doc in docs]
        full = [(doc, text) for doc, text in zip(docs, texts, strict=True) if doc.relevance != LOW]
        for doc, text in zip(docs, texts, strict=True):
            if doc.relevance == LOW:
                light(doc, text)
        sdocs = analyse_many(self.nlp, [text for _, text in full], gate=self.config.gate_parse)
        for (doc, _), sdoc in zip(full, sdocs, strict=True):
            doc.nlp = sdoc
            doc.language = "en"
            doc.sentences = [Span(s.start_char, s.end_char) for s in sdoc.sents]
            doc.entities = [Entity(e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents]
        return docs

    def _text(self, doc: Document) -> str:
        """The clean text to analyse, cut to `max_nlp_chars` (with an error) when longer."""
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
        return text


def light(doc: Document, text: str) -> Document:
    """What a document of low relevance gets instead of spaCy: rule-based sentences only (the
    gazetteer still finds its places)."""
    doc.nlp = None
    doc.language = "en"
    doc.sentences = [Span(s, e) for s, e in split_sentences(text)]
    doc.entities = []
    return doc

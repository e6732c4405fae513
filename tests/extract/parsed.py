"""Documents for extractor tests: clean text = raw text, parsed once by the annotate step."""

from __future__ import annotations

from functools import lru_cache

from sitrep.config import Config
from sitrep.nlp.step import AnnotateStep
from sitrep.offsets import OffsetMap
from sitrep.records import Document


@lru_cache(maxsize=1)
def _annotate() -> AnnotateStep:
    step = AnnotateStep(Config())
    step.setup()
    return step


def parsed_doc(text: str, published: str | None = None) -> Document:
    """A document whose clean text is `text`, with sentences, entities and the parse."""
    doc = Document.from_raw(text)
    doc.clean_text = text
    doc.offsets = OffsetMap.identity(len(text))
    doc.source.published = published
    return _annotate().process(doc)

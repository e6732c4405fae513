"""The extract step: movements, war-toll claims and quotes, each with raw-text evidence."""

from __future__ import annotations

from sitrep.config import Config
from sitrep.extract import attribution as at
from sitrep.extract.claims import find_claims
from sitrep.extract.claims.subject import subject_context
from sitrep.extract.movements import find_movements
from sitrep.extract.movements.model import SentenceModel
from sitrep.extract.movements.model import load as load_model
from sitrep.extract.quotes import find_quotes
from sitrep.records import Claim, Document, Movement, Quote

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})


class ExtractStep:
    name = "extract"
    requires = ("clean_text", "offsets", "sentences", "nlp", "places")
    assigns = ("movements", "claims", "quotes")

    def __init__(self, config: Config) -> None:
        self.config = config
        self.model: SentenceModel | None = None

    def setup(self) -> None:
        self.model = load_model() if self.config.movement_model else None

    def process(self, doc: Document) -> Document:
        if doc.nlp is not None:  # a place the geoparser found is no one who speaks
            at.mark_places(doc.nlp, [(p.clean_start, p.clean_end) for p in doc.places])
        ctx = subject_context(doc)  # the sides the article names: quotes and claims read them
        doc.quotes = find_quotes(doc, ctx)
        doc.movements = find_movements(doc, self.model)
        doc.claims = find_claims(doc, ctx)
        speak_for_themselves(doc.claims, doc.movements, doc.quotes)
        return doc


def speak_for_themselves(claims: list[Claim], movements: list[Movement],
                         quotes: list[Quote]) -> None:
    """"I counted thirty trucks" inside a quotation: the claimant is the quote's speaker."""
    def speaker_around(start: int, end: int) -> str | None:
        for q in quotes:
            if q.speaker and q.evidence.start < end and start < q.evidence.end:
                return q.speaker
        return None

    for c in claims:
        if c.claimant and c.claimant.lower() in FIRST_PERSON:
            c.claimant = speaker_around(c.evidence.start, c.evidence.end)
    for m in movements:
        if m.observed_by and m.observed_by.lower() in FIRST_PERSON:
            m.observed_by = speaker_around(m.evidence.start, m.evidence.end)

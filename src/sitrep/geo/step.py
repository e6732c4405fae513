"""The geo step: every place an article names, resolved offline to coordinates."""

from __future__ import annotations

from sitrep.config import Config
from sitrep.geo.gazetteer import Gazetteer, load_gazetteer
from sitrep.geo.names import name_key
from sitrep.geo.recognize import AREA_WORDS, Candidate, find_candidates
from sitrep.geo.resolve import Choice, resolve
from sitrep.records import Document, Place


def shorten_to_known_head(c: Candidate, ch: Choice, chosen: list[tuple[Candidate, Choice]]) -> None:
    """"the Donbas region" names the same place as "Donbas" elsewhere: use the one name."""
    words = c.text.split()
    if len(words) < 2 or words[-1].lower() not in AREA_WORDS:
        return
    head = " ".join(words[:-1])
    hk = name_key(head)
    if any(o.key == hk and och.entry.id == ch.entry.id for o, och in chosen):
        c.end = c.start + len(head)
        c.text = head
        c.key = hk


class GeoStep:
    name = "geo"

    def __init__(self, config: Config) -> None:
        self.config = config
        self.gazetteer: Gazetteer | None = None

    def setup(self) -> None:
        if self.gazetteer is None:
            self.gazetteer = load_gazetteer()

    def process(self, doc: Document) -> Document:
        self.setup()
        assert self.gazetteer is not None
        text = doc.clean_text
        cands = find_candidates(text, doc.entities, self.gazetteer, doc.nlp)
        chosen = resolve(cands, self.gazetteer.neighbours)
        for c, ch in chosen:
            shorten_to_known_head(c, ch, chosen)
            s, e = doc.raw_span(c.start, c.end)
            ent = ch.entry
            doc.places.append(Place(
                mention=c.text, start=s, end=e, name=ent.name, lat=ent.lat, lon=ent.lon,
                geonameid=ent.geonameid, kind=ent.kind, country=ent.cc or None,
                resolved_by=ch.how, confidence=ch.confidence,
                clean_start=c.start, clean_end=c.end))
        return doc

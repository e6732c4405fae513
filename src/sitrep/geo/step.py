"""The geo step: every place an article names, resolved offline to coordinates."""

from __future__ import annotations

import logging
import sqlite3
from functools import lru_cache

from sitrep.config import Config
from sitrep.geo.courses import place_on_courses
from sitrep.geo.facilities import (
    FACILITY_TOWN,
    NEAREST,
    facility_kind,
    find_facility_spans,
    locate,
    nearest,
)
from sitrep.geo.gazetteer import VILLAGES, Entry, Gazetteer, load_gazetteer, names_of
from sitrep.geo.names import lookup_keys, place_key
from sitrep.geo.phrases import find_feature_phrases
from sitrep.geo.recognize import (
    AREA_KINDS,
    AREA_WORDS,
    AROUND_WORDS,
    FACILITY_WORDS,
    SITE_WORDS,
    Candidate,
    find_candidates,
)
from sitrep.geo.relative import describe, disagreement_km, find_relatives
from sitrep.geo.resolve import Choice, km, resolve
from sitrep.geo.unlisted import (
    PLACE_WORD,
    UNLISTED,
    UNLISTED_RELATIVE,
    Unlisted,
    find_unlisted,
)
from sitrep.records import Document, Place, RelativePoint
from sitrep.sides import countries_named, find_sides, is_armed_group
from sitrep.vocabulary import model_words

log = logging.getLogger(__name__)


def shorten_to_known_head(c: Candidate, ch: Choice, chosen: list[tuple[Candidate, Choice]]) -> None:
    """Report the place a name-and-word mention means under the name the article uses.

    "the Bakhmut direction", "the Sacramento area": the place is the name alone. "the Donbas
    region" or "the Niamey airport" names the place "Donbas" or "Niamey" names elsewhere in
    the article (or one within 100 km of it): report one name. A township stays whole."""
    words = c.text.split()
    if len(words) < 2:
        return
    last = words[-1].lower()
    if last in AROUND_WORDS:
        cut(c)
        return
    if last not in AREA_WORDS | SITE_WORDS or last == "township":
        return
    if words[-1] in ("Oblast", "Province", "Prefecture", "Governorate", "Krai", "County"):
        return  # part of the region's own name: "Kyiv Oblast" is not Kyiv
    hk = place_key(c.text[:c.text.rindex(" ")])
    e = ch.entry
    if any(o.key == hk and (och.entry.id == e.id or (
            km((e.lat, e.lon), (och.entry.lat, och.entry.lon)) < 100
            and not region_and_town(e, och.entry)))
           for o, och in chosen):
        cut(c)


def region_and_town(a: Entry, b: Entry) -> bool:
    """A region and the town it is named after ("the Kherson region", "Kherson"): two places."""
    kinds = {a.kind, b.kind}
    return "city" in kinds and bool(kinds & AREA_KINDS)


def cut(c: Candidate) -> None:
    """Drop the last word of a candidate's mention."""
    head = c.text[:c.text.rindex(" ")]
    c.end = c.start + len(head)
    c.text = head
    c.key = place_key(head)


# a Ukrainian village of the codifier stands at its community's point (`geo.katottg`)
COMMUNITY_POINT = "codifier village, at its community's point"


def place_kind(c: Candidate, ch: Choice) -> tuple[str, str]:
    """The kind and the way of resolving a chosen place: a facility the gazetteer lacks
    ("Pathankot airbase") stands at its town, and a village of the codifier at its community,
    and each says so."""
    if c.area in FACILITY_WORDS and c.text.split()[-1].lower() == c.area:
        return "facility", FACILITY_TOWN
    if ch.entry.source == VILLAGES:
        return ch.entry.kind, COMMUNITY_POINT
    return ch.entry.kind, ch.how


def add_facilities(doc: Document) -> None:
    """Named streets, buildings and roads, at the town the article names nearest to them."""
    found = []
    for cs, ce in find_facility_spans(doc.clean_text):
        if any(p.clean_start < ce and cs < p.clean_end and p.clean_end >= ce
               for p in doc.places) or any(
                e.label == "NORP" and e.start < ce and cs < e.end for e in doc.entities):
            continue  # already a place ("Niamey airport"), or a side's ("the Russian base")
        town = locate((cs, ce), doc.places, surroundings(doc, cs))
        if town is None:
            continue
        s, e = doc.raw_span(cs, ce)
        found.append(Place(mention=doc.clean_text[cs:ce], start=s, end=e,
                           name=doc.clean_text[cs:ce], lat=town.lat, lon=town.lon,
                           kind=facility_kind(doc.clean_text[cs:ce]), country=town.country,
                           resolved_by=NEAREST,
                           confidence=0.3, clean_start=cs, clean_end=ce))
    doc.places = sorted([*doc.places, *found], key=lambda p: p.clean_start)


def add_unlisted(doc: Document, gaz: Gazetteer) -> None:
    """Places the gazetteer lacks ("the village of X", "the X direction"), each at the town or
    region the article names nearest to it, else at the country its words name."""
    taken = [(p.clean_start, p.clean_end) for p in doc.places]
    found = []
    for u in find_unlisted(doc.clean_text, doc.entities, gaz, taken):
        point = locate_unlisted(doc, u)
        if point is None:
            continue
        lat, lon, cc = point
        how, gid = UNLISTED, None
        own = own_entry(u, (lat, lon))
        if own is not None:  # "the Yavoriv training ground": the index has the town
            lat, lon, cc, how, gid = own.lat, own.lon, own.cc, PLACE_WORD, own.geonameid
        s, e = doc.raw_span(u.start, u.end)
        mention = doc.clean_text[u.start:u.end]
        found.append(Place(mention=mention, start=s, end=e, name=mention, lat=lat, lon=lon,
                           geonameid=gid, kind=u.kind, country=cc, resolved_by=how,
                           confidence=0.3, clean_start=u.start, clean_end=u.end))
    doc.places = sorted([*doc.places, *found], key=lambda p: p.clean_start)


OWN_ENTRY_KM = 150.0  # how near the place named beside it a town of the name must lie


def own_entry(u: Unlisted, near: tuple[float, float]) -> Entry | None:
    """The index's town of the name nearest to where the text puts it, if near enough."""
    towns = [e for e in u.entries if e.kind == "city"]
    best = min(towns, key=lambda e: km((e.lat, e.lon), near), default=None)
    return best if best is not None and km((best.lat, best.lon), near) < OWN_ENTRY_KM else None


def locate_unlisted(doc: Document, u: Unlisted) -> tuple[float, float, str | None] | None:
    """The point of an unlisted place: the place its sentence names closest to it ("the village
    of X in the Y region"), else its paragraph's, else the town that `locate` finds (all in
    the country its words name, if they name one), else a country."""
    ccs = {e.cc for e in u.countries}
    near = [p for p in doc.places if (not ccs or p.country in ccs) and p.lat is not None
            and p.kind not in ("country", "continent", "sea", "ocean", None)]
    (s0, s1), (p0, p1) = around = surroundings(doc, u.start)
    span = (u.start, u.end)
    for lo, hi in ((s0, s1), (p0, p1)):
        inside = [p for p in near if lo <= p.clean_start < hi]
        if inside:
            return point_of(nearest(span, inside))
    town = locate(span, near, around)
    if town is not None:
        return point_of(town)
    if u.countries:
        c = u.countries[0]
        return c.lat, c.lon, c.cc
    countries = [p for p in doc.places if p.kind == "country" and s0 <= p.clean_start < s1
                 and p.lat is not None]
    if countries:  # "the X River, on the border with Guyana"
        return point_of(nearest(span, countries))
    return None


def point_of(p: Place) -> tuple[float, float, str | None]:
    assert p.lat is not None and p.lon is not None
    return p.lat, p.lon, p.country


def surroundings(doc: Document, pos: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The clean-text spans of the sentence and of the paragraph around a position."""
    text = doc.clean_text
    para = (text.rfind("\n", 0, pos) + 1, len(text) if text.find("\n", pos) < 0
            else text.find("\n", pos))
    sent = doc.sentence_at(pos)
    return ((sent.start, sent.end) if sent else para), para


UNLISTED_REACH = 60  # characters between an unlisted place and the distance that places it


def add_relatives(doc: Document) -> None:
    """Hang each "<distance> <bearing> of X" on the place X, with the place it points at."""
    places = [p for p in doc.places if p.lat is not None and p.lon is not None
              and p.kind not in ("country", "continent")]  # "north of Ukraine" is no point
    anchors = [(p.clean_start, p.clean_end, p.mention, p.lat, p.lon) for p in places]
    at = {p.clean_start: p for p in places}
    for rel in find_relatives(doc.clean_text, anchors):  # type: ignore[arg-type]
        anchor = at.get(rel.end - len(rel.anchor))
        if anchor is None or anchor.lat is None or anchor.lon is None:
            continue
        subject = subject_of(doc, rel.start, anchor)
        if subject is not None and subject.resolved_by in (UNLISTED, COMMUNITY_POINT) and \
                rel.bearing is not None and rel.start - subject.clean_end <= UNLISTED_REACH:
            # "the village of X, 10 km south of Y": the text gives the point the index lacks
            subject.lat, subject.lon, subject.resolved_by = rel.lat, rel.lon, UNLISTED_RELATIVE
        s_lat = subject.lat if subject else None
        s_lon = subject.lon if subject else None
        anchor.relative = RelativePoint(
            evidence=doc.evidence(rel.start, rel.end), low_km=rel.low_km, high_km=rel.high_km,
            bearing=rel.bearing, lat=rel.lat, lon=rel.lon,
            subject=subject.mention if subject else None,
            subject_km=disagreement_km(rel, s_lat, s_lon)
            if s_lat is not None and s_lon is not None else None,
            note=describe(rel, anchor.lat, anchor.lon, subject.mention if subject else None,
                          s_lat, s_lon))


def subject_of(doc: Document, pos: int, anchor: Place) -> Place | None:
    """The town the same sentence names just before a relative phrase ("Izyum, about 180km...")."""
    sent = doc.sentence_at(pos)
    lo = sent.start if sent else max(0, pos - 200)
    before = [p for p in doc.places if lo <= p.clean_start < pos and p is not anchor
              and p.kind not in ("country", "continent") and p.lat is not None]
    return before[-1] if before else None


class GeoStep:
    name = "geo"
    requires = ("clean_text", "offsets", "entities", "sentences", "nlp")
    assigns = ("places",)

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
        cands = find_candidates(text, doc.entities, self.gazetteer, doc.nlp,
                                model_words(self.config.spacy_model) if doc.nlp else frozenset())
        cands = sorted([*cands, *find_feature_phrases(text, self.gazetteer, cands)],
                       key=lambda c: c.start)
        cands = without_group_names(text, cands)
        chosen = resolve(cands, self.gazetteer.neighbours, countries_named(text))
        for c, ch in chosen:
            shorten_to_known_head(c, ch, chosen)
            s, e = doc.raw_span(c.start, c.end)
            ent = ch.entry
            kind, how = place_kind(c, ch)
            doc.places.append(Place(
                mention=c.text, start=s, end=e, name=ent.name, lat=ent.lat, lon=ent.lon,
                geonameid=ent.geonameid, kind=kind, country=ent.cc or None,
                resolved_by=how, confidence=ch.confidence,
                clean_start=c.start, clean_end=c.end))
        place_on_courses(doc.places, [list(surroundings(doc, p.clean_start))
                                      for p in doc.places])
        add_unlisted(doc, self.gazetteer)
        add_facilities(doc)
        add_relatives(doc)
        return doc


def without_group_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Places named inside an armed group's name are no places of the article ("Sinaloa
    Cartel", "Islamic State Sahel Province", "Tigray Defence Forces")."""
    groups = [(m.start, m.end) for m in find_sides(text)
              if is_armed_group(m.name) and " " in text[m.start:m.end].strip()]
    if not groups:
        return cands
    return [c for c in cands if not any(a <= c.start and c.end <= b for a, b in groups)]


# other names shorter than this are mostly codes or pieces of words ("ki", "kyi")
MIN_ALIAS_CHARS = 4
MAX_ALIAS_QUERY_CHARS = 60


@lru_cache(maxsize=512)
def place_aliases(text: str) -> tuple[str, ...]:
    """Other names of the place a search text names, as folded keys ("Kiev": "kyiv", "kijev",
    ...), from the most populous place of that name; empty when the text names no place."""
    if not text.strip() or len(text) > MAX_ALIAS_QUERY_CHARS:
        return ()
    try:
        gaz = load_gazetteer()
        hits = [e for es in gaz.lookup(lookup_keys(text)).values() for e in es]
        if not hits:
            return ()
        best = max(hits, key=lambda e: e.population or 0)
        keys = names_of(gaz, best.id)
    except (OSError, sqlite3.Error) as exc:  # no index and none can be built: plain search
        log.warning("place aliases unavailable: %s", exc)
        return ()
    return tuple(sorted(k for k in keys
                        if len(k) >= MIN_ALIAS_CHARS and not k.startswith(("=", "#"))))

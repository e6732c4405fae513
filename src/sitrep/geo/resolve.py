"""Resolution: which of the same-name places a mention means.

Each entry gets a prior from what it is (countries and curated features first, then regions and
cities by population) and bonuses from the document: a region or country named right after it
("Columbus, Ohio"), an area word ("Kursk region"), the countries the document talks about, and
the other places it names nearby. One name means one place throughout a document.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np

from sitrep.geo.gazetteer import Entry
from sitrep.geo.names import place_key
from sitrep.geo.recognize import (
    AREA_KINDS,
    AREA_WORDS,
    PLACE_LABELS,
    REGION_KINDS,
    Candidate,
    is_strong,
)
from sitrep.geodesy import km, km_to_many

NEAR_KM = (100.0, 300.0, 800.0)
SUPPORT_KM = 250.0  # a weak (small-town) mention needs a named place this close
MUTUAL_KM = 60.0  # or another small town this close
RIVER_WITH_ARTICLE = 1.5  # "the Dnipro" leans to the river, a bare "Dnipro" to the city
FOCUS_KINDS = {"line"}  # kept only where the document is about their countries


@dataclass(slots=True)
class Choice:
    entry: Entry
    how: str
    confidence: float


def prior(e: Entry) -> float:
    """What a bare name most likely means, before any context."""
    if e.kind == "country":
        return 11.5  # "Mexico" is the country, not Mexico City
    if e.kind == "continent" or e.source == "curated":
        return 9.5
    pop = math.log10(max(e.population, 1) + 10)
    if e.kind == "admin1":
        return 6.0 + 0.3 * min(pop, 7.0)
    if e.kind == "admin2":
        return 5.0 + 0.2 * min(pop, 6.0)
    return 1.5 + pop + (0.8 if e.population >= 500_000 else 0.0)


def best_by_prior(entries: list[Entry]) -> Entry:
    return max(entries, key=prior)


@dataclass(slots=True)
class Context:
    """What the document says about where it is."""

    countries: Counter[str]
    points: list[tuple[str, tuple[float, float]]]  # (key, point) of the clear mentions
    neighbours: set[str]
    by_key: dict[str, Counter[str]]  # the countries each name contributed
    peoples: frozenset[str] = frozenset()  # countries the text names by a people or side
    distances: dict[tuple[int, str], float] = field(default_factory=dict)  # `nearest_km`'s
    others: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def share(self, cc: str, key: str) -> float:
        """The share of the clear mentions in country `cc`, not counting the name `key`."""
        own = self.by_key.get(key, Counter())
        total = sum(self.countries.values()) - sum(own.values())
        return (self.countries[cc] - own[cc]) / total if total > 0 else 0.0

    def nearest_km(self, e: Entry, key: str) -> float:
        """How far the place is from the nearest clear mention of another name."""
        d = self.distances.get((e.id, key))
        if d is None:
            if key not in self.others:  # the points of the other names, as arrays
                pts = [p for k, p in self.points if k != key]
                self.others[key] = (np.array([p[0] for p in pts], dtype=float),
                                    np.array([p[1] for p in pts], dtype=float))
            lats, lons = self.others[key]
            d = float(km_to_many(e.lat, e.lon, lats, lons).min()) if len(lats) else math.inf
            self.distances[(e.id, key)] = d
        return d


def name_bonus(e: Entry, c: Candidate) -> float:
    """A town's own name over another town's old, foreign or nick-name ("Salisbury", "Garden
    City" for Harare and Singapore)."""
    if e.kind != "city":
        return 0.0
    if place_key(e.name) == c.head_key:
        return 1.0
    if any(o.kind == "city" and place_key(o.name) == c.head_key for o in c.entries):
        return -1.0
    return 0.0


def base(e: Entry, c: Candidate) -> float:
    return prior(e) + name_bonus(e, c)


def is_clear(c: Candidate) -> bool:
    """A name whose meaning hardly depends on context: it can anchor the others."""
    ranked = sorted((base(e, c) for e in c.entries), reverse=True)
    return len(ranked) == 1 or ranked[0] - ranked[1] >= 1.5


def place_context(cands: list[Candidate], neighbours: dict[str, set[str]],
                  also: set[int] | None = None, peoples: frozenset[str] = frozenset()
                  ) -> Context:
    """The countries and points of the clear, strong mentions (and of the candidates `also`
    names by id). A strong mention of unclear meaning adds the point of its likeliest town
    only: "Manchester" and "Colchester" named together pull each other to England."""
    countries: Counter[str] = Counter()
    by_key: dict[str, Counter[str]] = {}
    points = []
    for c in cands:
        if not (c.strong or (also and id(c) in also)) or c.loose:
            continue  # a spelling matched loosely cannot vouch for its own country
        e = max(c.entries, key=lambda e: base(e, c))
        if not is_clear(c):
            if e.kind == "city":  # its likeliest town only says where the article is
                points.append((c.head_key, (e.lat, e.lon)))
            continue
        if e.kind in FOCUS_KINDS:
            continue  # a line needs the document's countries; it cannot vouch for itself
        if e.cc:
            countries[e.cc] += 1
            by_key.setdefault(c.head_key, Counter())[e.cc] += 1
        if e.kind not in ("country", "continent") and e.kind not in ("sea", "ocean"):
            points.append((c.head_key, (e.lat, e.lon)))
    near = set().union(*(neighbours.get(cc, set()) for cc in countries)) if countries else set()
    return Context(countries, points, near, by_key, peoples)


def is_namesake_city(e: Entry, c: Candidate) -> bool:
    """A city that names the region around it ("Chernihiv"): the bare name means the city."""
    return e.kind == "city" and e.population >= 20_000 and any(
        o.kind == "admin1" and o.cc == e.cc and o.name == e.admin1 for o in c.entries)


# "Washington Township", "Ashford village": the word after the name says the place is small, so
# a large town of the name earns no more than a town of this many people
SMALL_PLACE_WORDS = {"village", "township"}
SMALL_PLACE_POPULATION = 10_000


def base_for(e: Entry, c: Candidate) -> float:
    """`base`, with a small-place word ("X Township") capping what a town's size earns."""
    if c.area in SMALL_PLACE_WORDS and e.kind == "city" and e.population > SMALL_PLACE_POPULATION:
        e = replace(e, population=SMALL_PLACE_POPULATION)
    return base(e, c)


def score(e: Entry, c: Candidate, ctx: Context) -> float:
    s = base_for(e, c)
    if not c.area and is_namesake_city(e, c):
        s += 1.5
    for q in c.qualifier:
        if e.cc == q.cc and (q.kind == "country" or e.admin1 == q.name or within(q, e)):
            s += 4.0
            break
    else:
        if c.qualifier:
            s -= 2.0
    if c.area in AREA_WORDS and (e.kind in AREA_KINDS):
        s += 3.0
    if c.state_word and e.kind == "admin1":
        s += 3.0
    if e.kind == "river" and c.words == 1:  # rivers take "the", towns do not
        s += RIVER_WITH_ARTICLE if c.article else -RIVER_WITH_ARTICLE * 2
    if e.kind != "country" and e.cc:
        share = ctx.share(e.cc, c.head_key)
        if share > 0:
            s += 0.8 + 2.0 * share
        elif e.cc in ctx.peoples:  # "Indian destroyers left Kochi": a country named by its
            # people; as much as a country's name where the article names none
            s += 0.8 + (0.0 if ctx.countries else 2.0)
        elif e.cc in ctx.neighbours:
            s += 0.4
        d = ctx.nearest_km(e, c.head_key)
        s += 1.5 if d < NEAR_KM[0] else 1.0 if d < NEAR_KM[1] else 0.5 if d < NEAR_KM[2] else 0.0
    elif e.kind == "country" and e.cc in ctx.neighbours:
        s += 0.4
    return s


# how far from a region's point a place it holds may lie, where the index gives the place no
# first-level region of that name (a village of the codifier, a region spelt otherwise)
REGION_REACH_KM = 150.0


def within(region: Entry, e: Entry) -> bool:
    """Whether a region named as a place's qualifier holds it by distance."""
    return region.kind in REGION_KINDS and e.kind not in REGION_KINDS and e.kind != "country" \
        and km((region.lat, region.lon), (e.lat, e.lon)) <= REGION_REACH_KM


def choose(c: Candidate, ctx: Context) -> Choice:
    """The entry a candidate most likely means, how that was decided and how sure it is."""
    entries = c.entries
    countries = {e.cc for e in entries if e.kind == "country"}
    if countries:
        # a country's name means the country, not a town or a province named after it
        entries = [e for e in entries if e.kind != "city"
                   and not (e.kind == "admin1" and e.cc in countries)]
    if c.loose:  # a spelling matched loosely: a town of a country the article names
        entries = [e for e in entries if e.cc in ctx.countries or e.cc in ctx.peoples] or entries
    if len(entries) == 1:
        return Choice(entries[0], "only", 0.9 if c.strong else 0.6)
    # of equal scores (villages of one name and size), the one nearest the places named
    scored = sorted(((score(e, c, ctx), e) for e in entries),
                    key=lambda x: (-x[0], ctx.nearest_km(x[1], c.head_key)))
    (best_s, best), (second_s, _) = scored[0], scored[1]
    by_prior = best_by_prior(entries)
    if c.qualifier and best_s - prior(best) >= 2.0:
        how = "qualifier"
    elif c.area:
        how = "area"
    elif best.id != by_prior.id:
        how = "context"
    else:
        how = "prior"
    conf = 1.0 / (1.0 + math.exp(-(best_s - second_s)))
    return Choice(best, how, round(min(0.99, max(0.3, conf)), 2))


def supported(choice: Choice, c: Candidate, ctx: Context, weak_points: list) -> bool:
    """A weak mention (a small town found only in the gazetteer) needs the document's backing:
    a cue ("in X", "X, Ohio"), a clear place nearby, or another small town close to it."""
    e = choice.entry
    if c.loose and e.cc not in ctx.countries and e.cc not in ctx.peoples:
        return False
    if c.focus or e.kind in FOCUS_KINDS:  # "the Blue Line" is a train in Chicago
        # a country or its people named ("Indian troops … the Line of Actual Control")
        return e.cc in ctx.countries or e.cc in ctx.neighbours or e.cc in ctx.peoples
    if c.qualifier or c.strong and (c.cue or c.label in PLACE_LABELS or is_strong(
            [e], c.words, c.head_key)):
        return True  # a strong name read as a small namesake ("Levi" as Rand, West Virginia)
    # a cued town of a country the article names ("Russian warships sailed to the port of X")
    if c.cue and (e.cc in ctx.countries or e.cc in ctx.peoples or not ctx.countries):
        return True
    if ctx.nearest_km(e, c.head_key) < SUPPORT_KM:
        return True
    return any(k != c.head_key and km((e.lat, e.lon), p) < MUTUAL_KM for k, p in weak_points)


def resolve(cands: list[Candidate], neighbours: dict[str, set[str]],
            peoples: frozenset[str] = frozenset()) -> list[tuple[Candidate, Choice]]:
    """The chosen place of each candidate kept; the same name resolves the same way throughout.

    Two looks: the second adds to the context the small places of one meaning the first kept
    ("Cirencester", found only in the gazetteer), so that they vouch for their country and
    neighbourhood too ("Gloucester" beside it is the English city)."""
    out = _resolve_in(cands, place_context(cands, neighbours, peoples=peoples))
    sure = {id(c) for c, _ in out if not c.strong and len(c.entries) == 1}
    if sure:
        out = _resolve_in(cands, place_context(cands, neighbours, also=sure, peoples=peoples))
    return out


def _resolve_in(cands: list[Candidate], ctx: Context) -> list[tuple[Candidate, Choice]]:
    by_key: dict[tuple[str, str | None], Choice] = {}
    out = []
    # a name seen with a qualifier ("Odessa, Texas") decides for its bare mentions too
    for c in sorted(cands, key=lambda c: (not c.qualifier, not c.area, c.start)):
        k = (c.key, c.area)
        if k not in by_key:
            by_key[k] = choose(c, ctx)
    weak = [(c.head_key, (by_key[(c.key, c.area)].entry.lat, by_key[(c.key, c.area)].entry.lon))
            for c in cands if not c.strong]
    kept = [c for c in cands if supported(by_key[(c.key, c.area)], c, ctx, weak)]
    # one sense per document: a name the document backs once ("shelling in El Fasher") is
    # that place in its bare mentions too ("the RSF advanced on El Fasher")
    backed = {(c.key, c.area) for c in kept}
    out = [(c, by_key[(c.key, c.area)]) for c in cands
           if (c.key, c.area) in backed and not c.loose]
    out += [(c, by_key[(c.key, c.area)]) for c in kept if c.loose]
    return sorted(out, key=lambda x: x[0].start)

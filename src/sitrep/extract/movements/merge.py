"""One movement per event: the same movement told twice in an article is kept once."""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.dates import WEEKDAYS
from sitrep.extract.claims.numbers import find_quantities
from sitrep.extract.movements.found import Found, main_place, places_of, richness
from sitrep.records import PlaceRef


def _day_words(when: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (when or "").lower())
            if w in WEEKDAYS or w.isdigit() or w in ("yesterday", "today", "tonight")}


def _same_day(a: str | None, b: str | None) -> bool:
    """Two date phrases that name the same day ("Monday" and "on Monday (March 14)")."""
    return bool(_day_words(a) & _day_words(b))


def _same_place(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return a.mention.lower() == b.mention.lower()
    # one town under two names or two index entries; towns a few dozen km apart are two places
    return abs(a.lat - b.lat) < 0.1 and abs(a.lon - b.lon) < 0.15  # type: ignore[operator]


# a group this large counted alike, with the same status, on no other day, is one group
SAME_COUNT_AT_LEAST = 3


def _count(size: str | None) -> float | None:
    """The number a force's size gives ("Four warships" -> 4, "some 1,500 troops" -> 1500,
    "15 000 troops" -> 15000); none for a vague one ("hundreds of troops")."""
    found = find_quantities(size) if size else []
    return found[0].low if found and not found[0].vague else None


def _compatible(a: Found, b: Found) -> bool:
    ma, mb = a.movement, b.movement
    if ma.actor != mb.actor:
        return False
    ca, cb = _count(ma.size), _count(mb.size)
    if ca is not None and cb is not None and ca != cb:
        return False  # "four warships" and "two ships": two groups, whatever words name them
    if a.headline or b.headline:  # a headline sums up the body in other words and tenses
        pa, pb = main_place(ma), main_place(mb)
        if pa is not None and pb is not None \
                and not any(_same_place(x, y) for x in places_of(ma) for y in places_of(mb)):
            return False
        return bool(set(ma.equipment) & set(mb.equipment))
    sighting = a.observed_only or b.observed_only
    if ma.status != mb.status and {ma.status, mb.status} != {"deployed", "massing"} \
            and not (sighting and _same_day(a.when, b.when)):
        return False
    if a.when and b.when and not _same_day(a.when, b.when):
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False  # "the 146th division" and "a fourth division": two formations
    if ca is not None and ca == cb and ca >= SAME_COUNT_AT_LEAST and ma.status == mb.status:
        return True  # "four warships… sailing through a strait", "four landing ships passed…"
    if sighting and _same_day(a.when, b.when):
        return True  # one sighting that day, told with and without its route
    # a place they share; one without a place is another event, whatever side, status or kind
    # of force it shares, even in the next sentence ("troops were sent… more troops arrived…")
    return any(_same_place(x, y) for x in places_of(ma) for y in places_of(mb))


def merge(found: list[Found]) -> list[Found]:
    """The same movement told twice in one article (a headline, then the body) is kept once,
    with the richer telling's evidence and the fields of both."""
    out: list[Found] = []
    for f in found:
        placed = [k for k, g in enumerate(out) if main_place(g.movement) is not None
                  and _compatible(g, f)]
        # tellings of the same place first; one that names no place joins only one other
        hits = placed or [k for k, g in enumerate(out) if _compatible(g, f)][:1]
        for k in hits:
            f = _combine(out[k], f)
        out = [g for k, g in enumerate(out) if k not in hits]
        out.append(f)
    out.sort(key=lambda g: g.start)
    return out


def _combine(a: Found, b: Found) -> Found:
    keep, other = (a, b) if a.rich >= b.rich else (b, a)
    m = replace(keep.movement)
    o = other.movement
    m.equipment = list(dict.fromkeys([*m.equipment, *o.equipment]))
    for name in ("origin", "destination", "location", "observed_by", "size", "date"):
        if getattr(m, name) is None and getattr(o, name) is not None:
            setattr(m, name, getattr(o, name))
    m.confidence = round(min(0.95, max(m.confidence, o.confidence) + 0.05), 2)
    told = [x for x in (a, b) if not x.headline] or [a, b]  # a headline is no sighting
    return Found(m, keep.start, keep.end, keep.when or other.when,
                 richness(m, keep.headline), all(x.observed_only for x in told),
                 keep.force, keep.headline, unit=keep.unit or other.unit, trigger=keep.trigger)

"""Relative locations: "about 180km (112 miles) north of the city of Donetsk".

A distance (or a range), a bearing and an anchor place give a computed point. When the same
sentence also names the place that lies there ("the town of Izyum, about 180km north of
Donetsk"), the named place keeps its own coordinates and we say how far the computed point is
from it: news distances are often road distances or loose figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep.geodesy import BEARINGS, EARTH_KM, km

MILE_KM = 1.609344
NUMBER = r"\d+(?:[.,]\d+)?"
RELATIVE = re.compile(
    rf"(?P<approx>about|around|some|roughly|nearly|almost|approximately|just|only|less than|"
    rf"more than|over|under|within)?\s*"
    rf"(?P<low>{NUMBER})(?:\s*(?:-|–|to)\s*(?P<high>{NUMBER}))?\s*-?\s*"
    rf"(?P<unit>km|kms|kilometers|kilometres|mi|miles?)\b(?:\s*\([^()]{{1,40}}\))?\s+"
    rf"(?:\((?:[^()]{{1,40}})\)\s+)?"
    rf"(?P<bearing>(?:north|south)?-?(?:east|west)?|north|south)(?:ward)?\s+of\s+"
    rf"(?:the\s+(?:city|town|village|capital|port|region|settlement)\s+of\s+)?(?:the\s+)?",
    re.IGNORECASE)
# what every RELATIVE match holds (a figure, then its unit): a quick test before the slow pattern
_DISTANCE = re.compile(r"\d\s*-?\s*(?:km|kms|kilometers|kilometres|mi|miles?)\b", re.IGNORECASE)
OUTSKIRTS = re.compile(r"\b(?:on|reached|to|near)\s+the\s+outskirts\s+of\s+(?:the\s+\w+\s+of\s+)?"
                       r"(?:the\s+)?(?:\w+['’]s\s+capital,?\s+)?", re.IGNORECASE)
OUTSKIRTS_KM = (0.0, 15.0)  # how far "the outskirts" reach, as a range


@dataclass(slots=True)
class Relative:
    """A point read from "<distance> <bearing> of <anchor>" (clean-text span of the phrase)."""

    start: int
    end: int
    low_km: float
    high_km: float
    bearing: str | None  # "north"... or None for "the outskirts of"
    anchor: str  # the anchor's mention
    lat: float
    lon: float


def parse_number(s: str) -> float:
    return float(s.replace(",", ""))


def destination(lat: float, lon: float, bearing_deg: float, dist_km: float) -> tuple[float, float]:
    """The point `dist_km` away from (lat, lon) along a great circle at `bearing_deg`."""
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    d = dist_km / EARTH_KM
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


def normalise_bearing(word: str) -> str | None:
    w = word.lower().replace("-", "")
    return w if w in BEARINGS else None


# how far before its distance a phrase may begin ("approximately   1,200-1,500 km") and how far
# after it it may end ("km (745 miles) north-northwest of the town of the ...")
_BEFORE, _AFTER = 200, 400


def relative_phrases(text: str) -> Iterator[re.Match[str]]:
    """`RELATIVE.finditer(text)`, tried only around the distances the text gives: every phrase
    holds one ("180km"), and the full pattern tried at every character of a long article was
    the slowest part of the geo step."""
    end = 0  # where the last phrase ended: the next starts at or after it
    for hit in _DISTANCE.finditer(text):
        if hit.start() < end:
            continue
        m = RELATIVE.search(text, max(end, hit.start() - _BEFORE), hit.end() + _AFTER)
        if m is not None and m.start() <= hit.start():
            end = m.end()
            yield m


def find_relatives(text: str, anchors: list[tuple[int, int, str, float, float]]) -> list[Relative]:
    """Relative locations whose anchor is a resolved place starting right after the phrase.

    `anchors`: (clean start, clean end, mention, lat, lon) of the resolved places.
    """
    by_start = {a[0]: a for a in anchors}
    out: list[Relative] = []
    for m in relative_phrases(text):
        bearing = normalise_bearing(m.group("bearing"))
        anchor = by_start.get(m.end())
        if bearing is None or anchor is None:
            continue
        unit = MILE_KM if m.group("unit").lower().startswith("mi") else 1.0
        low = parse_number(m.group("low")) * unit
        high = parse_number(m.group("high")) * unit if m.group("high") else low
        mid = (low + high) / 2
        lat, lon = destination(anchor[3], anchor[4], BEARINGS[bearing], mid)
        start = m.start("approx") if m.group("approx") else m.start("low")
        out.append(Relative(start, anchor[1], round(low, 1), round(high, 1), bearing,
                            anchor[2], lat, lon))
    for m in OUTSKIRTS.finditer(text):
        anchor = by_start.get(m.end())
        if anchor is not None:
            out.append(Relative(m.start(), anchor[1], *OUTSKIRTS_KM, None, anchor[2],
                                anchor[3], anchor[4]))
    return sorted(out, key=lambda r: r.start)


def disagreement_km(rel: Relative, lat: float, lon: float) -> float:
    """How far a named place lies from the computed point, beyond the stated range."""
    return round(km((rel.lat, rel.lon), (lat, lon)), 1)


def describe(rel: Relative, anchor_lat: float, anchor_lon: float, subject: str | None,
             subj_lat: float | None, subj_lon: float | None) -> str:
    """A sentence for the analyst: the computed point, and how it compares with a named place."""
    if rel.bearing is None:
        return f"on the outskirts of {rel.anchor}"
    span = f"{rel.low_km:g}" if rel.low_km == rel.high_km else f"{rel.low_km:g}-{rel.high_km:g}"
    msg = f"{span} km {rel.bearing} of {rel.anchor}: ({rel.lat:.3f}, {rel.lon:.3f})"
    if subject is None or subj_lat is None or subj_lon is None:
        return msg
    direct = km((anchor_lat, anchor_lon), (subj_lat, subj_lon))
    off = disagreement_km(rel, subj_lat, subj_lon)
    msg += f"; {subject} lies {direct:.0f} km from {rel.anchor} as the crow flies, {off:.0f} km " \
           f"from the computed point"
    if direct < rel.low_km * 0.85 or direct > rel.high_km * 1.15:
        msg += " (the stated distance is a road distance or a loose figure)"
    return msg

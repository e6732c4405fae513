"""Streets, buildings and roads: places no gazetteer lists, located by the town around them.

"Collins Avenue", "Colchester General Hospital", "the A417": a named facility or road gets the
coordinates of the nearest town the article names before it (after it, when none comes
before), marked `resolved_by="nearest place"` with a low confidence. Streets and numbered
roads are of kind "road", the others "facility".
"""

from __future__ import annotations

import re

from sitrep.records import Place

HEADS = ("Street", "Avenue", "Road", "Boulevard", "Lane", "Square", "Hall", "Centre", "Center",
         "Stadium", "Arena", "Hospital", "Church", "Cathedral", "Racecourse", "Farms", "Bridge",
         "Airport", "Air Base", "Airbase", "Airfield", "Station", "Highway", "Motorway",
         "Barracks", "Naval Base", "Base", "Harbour", "Harbor", "Port", "Palace", "Place",
         "Castle", "Fortress", "Camp", "Crossing", "Checkpoint", "Township", "Dam",
         "Training Ground")
NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d{1,5}(?:st|nd|rd|th)?|of|the|and|de|St)"
FACILITY = re.compile(
    rf"\b(?:[A-Z][\w'’.-]*|\d{{1,5}})(?:[ ]{NAME_WORD}){{0,4}}[ ](?:{'|'.join(HEADS)})\b"
    r"|\b[A-Z][a-z]+ street\b")
# British road numbers; "M23" or "M777" in war news are rebels and howitzers, so M roads need
# the word "motorway"
ROAD = re.compile(r"\b(?:A\d{1,4}|B\d{4}|M\d{1,2}(?= motorway))\b")
# heads of the names of ways (a road is no building: "the A120" and "Colchester Hospital" at one
# town are two places)
WAY_HEADS = {"Street", "Avenue", "Road", "Boulevard", "Lane", "Highway", "Motorway", "street"}
NOT_START = {"The", "A", "An", "In", "At", "On", "From", "To", "By", "For", "With", "Near",
             "This", "That", "Its", "His", "Her", "Their", "Our"}
NEAREST = "nearest place"
FACILITY_TOWN = "town of the facility"  # a facility the gazetteer lacks, at the town it names
# "the Catholic Church" is a body of believers, not a building
DENOMINATIONS = {"Catholic", "Orthodox", "Anglican", "Methodist", "Baptist", "Presbyterian",
                 "Lutheran", "Evangelical", "Episcopal", "World", "Unification", "Mormon"}


def find_facility_spans(text: str) -> list[tuple[int, int]]:
    """Clean-text spans of named streets, buildings and numbered roads."""
    spans = []
    for m in FACILITY.finditer(text):
        s, e = m.start(), m.end()
        first = text[s:e].split(" ", 1)[0]
        if first in NOT_START:  # "The Hall", "In Kingsley Road": drop the leading word
            s += len(first) + 1
            if " " not in text[s:e]:
                continue
        if "\n" in text[s:e]:
            continue
        if text[s:e].endswith("Church") and text[s:e].split(" ")[-2] in DENOMINATIONS:
            continue
        words = text[s:e].split(" ")
        owners = [k for k, w in enumerate(words[:-1]) if w.endswith(("'s", "’s", "'", "’"))]
        if owners:  # "Harare's Third Street", "Belarus' Luninets airfield": the rest is the name
            s += len(" ".join(words[:owners[-1] + 1])) + 1
        spans.append((s, e))
    spans += [(m.start(), m.end()) for m in ROAD.finditer(text)]
    return sorted(spans)


def facility_kind(name: str) -> str:
    """"road" for a numbered road or a street ("the A417", "Collins Avenue"), else "facility"."""
    return "road" if ROAD.fullmatch(name) or name.rsplit(" ", 1)[-1] in WAY_HEADS else "facility"


def locate(span: tuple[int, int], places: list[Place],
           around: tuple[tuple[int, int], tuple[int, int]] | None = None) -> Place | None:
    """The town that locates a facility: a town of its own sentence, else the closest town
    before it in its paragraph, else a region of its sentence ("the Antonivskyi Bridge over
    the Dnipro in the Kherson region"), else the closest town before it (else after it) in
    the article. `around`: the (sentence, paragraph) spans; countries are too coarse."""
    towns = [p for p in places if p.kind not in ("country", "continent", "sea", "ocean", None)
             and p.lat is not None and not (span[0] <= p.clean_start < span[1])]
    cities = [p for p in towns if p.kind == "city"]
    if around is not None:
        (s0, s1), (p0, _) = around
        in_sentence = [p for p in cities if s0 <= p.clean_start < s1]
        before = [p for p in cities if p0 <= p.clean_start and p.clean_end <= span[0]]
        regions = [p for p in towns if s0 <= p.clean_start < s1]
        for group in (in_sentence, before, regions):
            if group:
                return nearest(span, group)
    for group in (cities, towns):  # a town locates a street better than its region
        before = [p for p in group if p.clean_end <= span[0]]
        if before:
            return max(before, key=lambda p: p.clean_end)
        after = [p for p in group if p.clean_start >= span[1]]
        if after:
            return min(after, key=lambda p: p.clean_start)
    return None


def nearest(span: tuple[int, int], places: list[Place]) -> Place:
    """The place whose mention lies closest to the span, in characters."""
    return min(places, key=lambda p: span[0] - p.clean_end if p.clean_end <= span[0]
               else p.clean_start - span[1])

"""Streets, buildings and roads: places no gazetteer lists, located by the town around them.

"Collins Avenue", "Colchester General Hospital", "the A417": a named facility or road gets the
coordinates of the nearest town the article names before it (after it, when none comes
before), marked `resolved_by="nearest place"` with a low confidence.
"""

from __future__ import annotations

import re

from sitrep.records import Place

HEADS = ("Street", "Avenue", "Road", "Boulevard", "Lane", "Square", "Hall", "Centre", "Center",
         "Stadium", "Arena", "Hospital", "Church", "Cathedral", "Racecourse", "Farms", "Bridge",
         "Airport", "Air Base", "Airbase", "Station", "Highway", "Motorway", "Barracks",
         "Naval Base", "Base", "Harbour", "Harbor", "Port", "Palace", "Place")
NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d{1,5}(?:st|nd|rd|th)?|of|the|and|de|St)"
FACILITY = re.compile(
    rf"\b(?:[A-Z][\w'’.-]*|\d{{1,5}})(?:[ ]{NAME_WORD}){{0,4}}[ ](?:{'|'.join(HEADS)})\b"
    r"|\b[A-Z][a-z]+ street\b")
# British road numbers; "M23" or "M777" in war news are rebels and howitzers, so M roads need
# the word "motorway"
ROAD = re.compile(r"\b(?:A\d{1,4}|B\d{4}|M\d{1,2}(?= motorway))\b")
NOT_START = {"The", "A", "An", "In", "At", "On", "From", "To", "By", "For", "With", "Near",
             "This", "That", "Its", "His", "Her", "Their", "Our"}
NEAREST = "nearest place"
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
        first = text[s:e].split(" ", 1)[0]
        if first.endswith(("'s", "’s")):  # "Harare's Third Street": the street is the name
            s += len(first) + 1
        spans.append((s, e))
    spans += [(m.start(), m.end()) for m in ROAD.finditer(text)]
    return sorted(spans)


def locate(span: tuple[int, int], places: list[Place]) -> Place | None:
    """The town named closest before the span (else after it); countries are too coarse."""
    towns = [p for p in places if p.kind not in ("country", "continent", "sea", "ocean", None)
             and p.lat is not None and not (span[0] <= p.clean_start < span[1])]
    cities = [p for p in towns if p.kind == "city"]
    for group in (cities, towns):  # a town locates a street better than its region
        before = [p for p in group if p.clean_end <= span[0]]
        if before:
            return max(before, key=lambda p: p.clean_end)
        after = [p for p in group if p.clean_start >= span[1]]
        if after:
            return min(after, key=lambda p: p.clean_start)
    return None

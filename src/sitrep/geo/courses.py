"""Where along a long feature an article means: "the left bank of the Dnipro" in a story from
Kherson is the Dnipro at Kherson, not its middle reach 150 km away.

Rivers and demarcation lines run for hundreds of kilometres; one centre point for them misplaces
most mentions. `data/courses.tsv` lists points along the long ones; a feature's mentions are
moved to the point of its course nearest to the places their sentences name, else their
paragraphs', else the article's.
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.geo.gazetteer import DATA, read_tsv
from sitrep.geodesy import km
from sitrep.records import Place

COURSE_KINDS = {"river", "line"}
# what can say where along a course: towns and regions, not countries, seas or other lines
NO_ANCHOR = {"country", "continent", "sea", "ocean", *COURSE_KINDS}


@lru_cache(maxsize=1)
def courses() -> dict[str, list[tuple[float, float]]]:
    """Points along each long feature, by the feature's name."""
    out = {}
    for name, points in read_tsv(DATA / "courses.tsv"):
        out[name] = [(float(a), float(b)) for a, b in (p.split(",") for p in points.split(";"))]
    return out


def closest_point(course: list[tuple[float, float]],
                  anchors: list[tuple[float, float]]) -> tuple[float, float]:
    """The point of a course nearest to any of the anchors."""
    return min(course, key=lambda c: min(km(c, a) for a in anchors))


def place_on_courses(places: list[Place], ranges: list[list[tuple[int, int]]]) -> None:
    """Move each river or line to the point of its course nearest to the towns and regions
    named around its mentions: in their sentences, else their paragraphs, else the article
    (`ranges`: per place, its clean-text spans, narrowest first). All mentions of one feature
    share the point, as one name means one place in a document."""
    anchors = [o for o in places if o.kind not in NO_ANCHOR
               and o.lat is not None and o.lon is not None]
    article = (0, max((o.clean_end for o in places), default=0))
    by_name: dict[str, list[int]] = {}
    for k, p in enumerate(places):
        if p.kind in COURSE_KINDS and (p.name or "") in courses():
            by_name.setdefault(p.name or "", []).append(k)
    for name, ks in by_name.items():
        for level in range(len(ranges[ks[0]]) + 1):
            spans = [ranges[k][level] if level < len(ranges[k]) else article for k in ks]
            near = [(o.lat, o.lon) for o in anchors
                    if any(lo <= o.clean_start < hi for lo, hi in spans)]
            if near:
                point = closest_point(courses()[name], near)  # type: ignore[arg-type]
                for k in ks:
                    places[k].lat, places[k].lon = point
                break

"""Incidents: reports of one force at one place and time, from any number of documents.

Two reports link when they name the same side, places within `incident_km` of each other (or the
same place name when one has no coordinates, or is an area: a sea, a country, a region, whose
centre point is no position) and dates within `incident_days`; an incident is a
connected set of links, so the result does not depend on the order documents arrive in. Sources
are counted per group of copies: a republished copy is not corroboration.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.geodesy import km as distance
from sitrep.resolve.dedup import find_components
from sitrep.resolve.names import day_of
from sitrep.resolve.records import Incident, Report, ResolveOptions

KM_PER_DEGREE = 111.32


def dates_meet(a: str | None, b: str | None, days: int) -> bool:
    """Dated reports within `days` of each other; undated ones only meet undated ones."""
    da, db = day_of(a), day_of(b)
    if da is None or db is None:
        return da is None and db is None
    return abs(da - db) <= days


def places_meet(a: Report, b: Report, km: float, areas: frozenset[str] = frozenset()) -> bool:
    """Places within `km`, or the same name where coordinates are missing; an area (its key in
    `areas`) meets only itself, never the towns near its centre point."""
    if a.place_key in areas or b.place_key in areas:
        return a.place_key == b.place_key
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return distance((a.lat, a.lon), (b.lat, b.lon)) <= km
    return a.place_key is not None and a.place_key == b.place_key


def reports_link(a: Report, b: Report, opts: ResolveOptions,
                 areas: frozenset[str] = frozenset()) -> bool:
    """Two reports tell of the same movement."""
    return (a.actor_key is not None and a.actor_key == b.actor_key
            and dates_meet(a.date, b.date, opts.incident_days)
            and places_meet(a, b, opts.incident_km, areas))


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat), math.floor(lon)


def nearby_cells(lat: float, lon: float, km: float) -> Iterator[tuple[int, int]]:
    """The one-degree cells a circle of `km` around a point can reach."""
    dlat = math.ceil(km / KM_PER_DEGREE)
    dlon = math.ceil(km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.05)))
    ci, cj = cell_of(lat, lon)
    for i in range(ci - dlat, ci + dlat + 1):
        for j in range(cj - dlon, cj + dlon + 1):
            yield i, (j + 180) % 360 - 180


@dataclass(slots=True)
class Bucket:
    """Reports sharing a side and a place name or cell, dated ones in day order."""

    days: list[int] = field(default_factory=list)
    dated: list[int] = field(default_factory=list)
    undated: list[int] = field(default_factory=list)

    def add(self, i: int, day: int | None) -> None:
        if day is None:
            self.undated.append(i)
        else:
            self.dated.append(i)
            self.days.append(day)

    def sort(self) -> None:
        order = sorted(range(len(self.dated)), key=lambda k: (self.days[k], self.dated[k]))
        self.days = [self.days[k] for k in order]
        self.dated = [self.dated[k] for k in order]

    def near(self, day: int | None, window: int) -> list[int]:
        """Reports of this bucket whose dates can meet `day`."""
        if day is None:
            return self.undated
        lo = bisect_left(self.days, day - window)
        hi = bisect_right(self.days, day + window)
        return self.dated[lo:hi]


def candidate_pairs(reports: list[Report], opts: ResolveOptions) -> Iterator[tuple[int, int]]:
    """Index pairs worth testing: same side, dates that can meet, same place name or nearby."""
    days = [day_of(r.date) for r in reports]
    by_name: dict[tuple[str, str], Bucket] = {}
    by_cell: dict[tuple[str, int, int], Bucket] = {}
    for i, r in enumerate(reports):
        if r.actor_key is None:
            continue
        if r.place_key is not None:
            by_name.setdefault((r.actor_key, r.place_key), Bucket()).add(i, days[i])
        if r.lat is not None and r.lon is not None:
            by_cell.setdefault((r.actor_key, *cell_of(r.lat, r.lon)), Bucket()).add(i, days[i])
    for b in (*by_name.values(), *by_cell.values()):
        b.sort()
    for i, r in enumerate(reports):
        if r.actor_key is None:
            continue
        if r.place_key is not None:
            for j in by_name[(r.actor_key, r.place_key)].near(days[i], opts.incident_days):
                if j > i:
                    yield i, j
        if r.lat is None or r.lon is None:
            continue
        for cell in nearby_cells(r.lat, r.lon, opts.incident_km):
            bucket = by_cell.get((r.actor_key, *cell))
            if bucket is not None:
                for j in bucket.near(days[i], opts.incident_days):
                    if j > i:
                        yield i, j


def cluster(reports: list[Report], opts: ResolveOptions,
            areas: frozenset[str] = frozenset()) -> list[list[Report]]:
    """Reports split into incidents (connected sets of linked reports); `areas`: the place keys
    that name areas (`tracks.area_keys`)."""
    edges = ((reports[i].movement_id, reports[j].movement_id)
             for i, j in candidate_pairs(reports, opts)
             if reports_link(reports[i], reports[j], opts, areas))
    by_id = {r.movement_id: r for r in reports}
    return [[by_id[m] for m in comp] for comp in find_components(by_id, edges)]


def corroboration(reports: Iterable[Report]) -> tuple[int, float]:
    """Independent sources (groups of copies) and a confidence that grows with each of them.

    Each source counts with its best report's confidence, combined as independent evidence
    (1 - prod(1 - c)): one source at 0.5 gives 0.5, two give 0.75, a copy adds nothing.
    """
    best: dict[str, float] = {}
    for r in reports:
        best[r.group_id] = max(best.get(r.group_id, 0.0), r.confidence)
    doubt = 1.0
    for c in best.values():
        doubt *= 1.0 - min(max(c, 0.0), 0.99)
    return len(best), round(1.0 - doubt, 4)


def most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value (ties: the first in sorted order)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def incident_id(reports: list[Report]) -> str:
    first = min(r.movement_id for r in reports)
    return "inc-" + hashlib.sha256(first.encode()).hexdigest()[:20]


def summarise(reports: list[Report]) -> Incident:
    """One incident from its reports: the side, place, time span, sources and confidence."""
    reports = sorted(reports, key=lambda r: r.movement_id)
    located = [r for r in reports if r.lat is not None] or reports
    place_key = most_common(r.place_key for r in located)
    at = next((r for r in located if r.place_key == place_key), located[0])
    origin_key = most_common(r.origin for r in reports if r.origin_lat is not None)
    origin = next((r for r in reports if r.origin == origin_key), None) if origin_key else None
    dates = sorted(r.date for r in reports if r.date)
    n_sources, confidence = corroboration(reports)
    return Incident(
        id=incident_id(reports), actor=most_common(r.actor for r in reports),
        actor_key=reports[0].actor_key, status=most_common(r.status for r in reports) or "",
        equipment=tuple(sorted({e for r in reports for e in r.equipment})),
        place=at.place, lat=at.lat, lon=at.lon,
        origin=origin.origin if origin else None, origin_lat=origin.origin_lat if origin else None,
        origin_lon=origin.origin_lon if origin else None,
        first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
        observers=tuple(sorted({r.observed_by for r in reports if r.observed_by})),
        n_reports=len(reports), n_documents=len({r.doc_id for r in reports}),
        n_sources=n_sources, confidence=confidence, reports=tuple(reports))


def build_incidents(reports: list[Report], opts: ResolveOptions,
                    areas: frozenset[str] = frozenset()) -> list[Incident]:
    """Incidents of a set of reports that is closed under links (see `resolve.stage`)."""
    return [summarise(c) for c in cluster(reports, opts, areas)]

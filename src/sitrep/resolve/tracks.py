"""Tracks: the successive positions of one force, chained from its incidents in time order.

An incident follows another of the same side when it is later (within `track_gap_days`), at
another place (further than `track_min_km`), no further than a force can travel in the time
between (`track_km_per_day`), and with compatible equipment. Each incident takes the nearest such
successor in time; a chain of two or more positions is a track.
"""

from __future__ import annotations

import hashlib

from sitrep.resolve.names import day_of, distance_km
from sitrep.resolve.records import Incident, ResolveOptions, Track, TrackPoint


def placed(inc: Incident) -> bool:
    return inc.lat is not None and inc.lon is not None and day_of(inc.first_seen) is not None


def gap_km(a: Incident, b: Incident) -> float:
    return distance_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0)


def can_follow(a: Incident, b: Incident, opts: ResolveOptions) -> bool:
    """`b` can be the same force as `a`, seen later at another place."""
    da, db = day_of(a.last_seen or a.first_seen), day_of(b.first_seen)
    if da is None or db is None or (b.first_seen or "") <= (a.first_seen or ""):
        return False
    days = db - da
    if days < 0 or days > opts.track_gap_days:
        return False
    km = gap_km(a, b)
    if km < opts.track_min_km or km > opts.track_km_per_day * max(days, 1):
        return False
    return not (a.equipment and b.equipment and not set(a.equipment) & set(b.equipment))


def successors(incidents: list[Incident], opts: ResolveOptions) -> dict[str, str]:
    """Incident id -> the id of the next position of the same force (each taken at most once)."""
    ordered = sorted((i for i in incidents if placed(i)), key=lambda i: (i.first_seen or "", i.id))
    taken: set[str] = set()
    nxt: dict[str, str] = {}
    days = [day_of(i.first_seen) or 0 for i in ordered]
    for x, a in enumerate(ordered):
        last = (day_of(a.last_seen) or days[x]) + opts.track_gap_days
        options = []
        for y in range(x + 1, len(ordered)):
            if days[y] > last:  # time-ordered: nothing further on is close enough
                break
            b = ordered[y]
            if b.id not in taken and can_follow(a, b, opts):
                options.append(b)
        if options:
            best = min(options, key=lambda b: (day_of(b.first_seen) or 0, gap_km(a, b), b.id))
            nxt[a.id] = best.id
            taken.add(best.id)
    return nxt


def points_of(chain: list[Incident], opts: ResolveOptions) -> list[TrackPoint]:
    """The positions of a chain: where the first report says it set out, then each place seen."""
    first = chain[0]
    out: list[TrackPoint] = []
    if first.origin_lat is not None and first.origin_lon is not None and first.lat is not None \
            and distance_km(first.origin_lat, first.origin_lon, first.lat,
                            first.lon or 0.0) >= opts.track_min_km:
        out.append(TrackPoint(first.id, "origin", first.origin, first.origin_lat,
                              first.origin_lon, first.first_seen, first.first_seen))
    for inc in chain:
        out.append(TrackPoint(inc.id, "seen", inc.place, inc.lat or 0.0, inc.lon or 0.0,
                              inc.first_seen, inc.last_seen))
    return out


def length_km(points: list[TrackPoint]) -> float:
    legs = zip(points, points[1:], strict=False)
    return round(sum(distance_km(a.lat, a.lon, b.lat, b.lon) for a, b in legs), 1)


def build_tracks(incidents: list[Incident], opts: ResolveOptions) -> list[Track]:
    """The tracks of one side's incidents (a single incident with a distinct origin is one too)."""
    by_id = {i.id: i for i in incidents}
    nxt = successors(incidents, opts)
    heads = sorted(i.id for i in incidents if placed(i) and i.id not in set(nxt.values()))
    out = []
    for head in heads:
        chain = [by_id[head]]
        while chain[-1].id in nxt:
            chain.append(by_id[nxt[chain[-1].id]])
        points = points_of(chain, opts)
        if len(points) < 2 or chain[0].actor_key is None:
            continue
        out.append(Track(
            id="trk-" + hashlib.sha256(head.encode()).hexdigest()[:20], actor=chain[0].actor,
            actor_key=chain[0].actor_key, first_seen=chain[0].first_seen,
            last_seen=chain[-1].last_seen or chain[-1].first_seen, points=tuple(points),
            km=length_km(points)))
    return out

"""Tracks: the successive positions of one force, chained from its incidents in time order.

An incident follows another of the same side when it is later (within `track_gap_days`), at
another place (further than `track_min_km`), no further than a force can travel in the time
between (`track_km_per_day`), and with compatible equipment. Each incident takes the nearest such
successor in time; a chain of two or more positions is a track.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left

import numpy as np

from sitrep.geodesy import km, km_to_many
from sitrep.records import EQUIPMENT
from sitrep.resolve.names import day_of
from sitrep.resolve.records import Incident, ResolveOptions, Track, TrackPoint


def placed(inc: Incident) -> bool:
    return inc.lat is not None and inc.lon is not None and day_of(inc.first_seen) is not None


def gear_mask(equipment: tuple[str, ...]) -> int:
    """Equipment as bits, so that "any in common" is one AND."""
    return sum(1 << EQUIPMENT.index(e) for e in set(equipment) if e in EQUIPMENT)


def successors(incidents: list[Incident], opts: ResolveOptions) -> dict[str, str]:
    """Incident id -> the id of the next position of the same force (each taken at most once).

    `b` can follow `a` when it starts later (on a later day, or later the same day), within
    `track_gap_days` of `a`'s end, further than `track_min_km` away but no further than
    `track_km_per_day` allows, and shares equipment with it when both name some.
    """
    ordered = sorted((i for i in incidents if placed(i)), key=lambda i: (i.first_seen or "", i.id))
    n = len(ordered)
    starts = [i.first_seen or "" for i in ordered]
    distinct = sorted(set(starts))
    rank = np.array([bisect_left(distinct, s) for s in starts], dtype=np.int64)
    first = np.array([day_of(i.first_seen) or 0 for i in ordered], dtype=np.int64)
    last = np.maximum(np.array([day_of(i.last_seen) or 0 for i in ordered], dtype=np.int64), first)
    lat = np.array([i.lat or 0.0 for i in ordered])
    lon = np.array([i.lon or 0.0 for i in ordered])
    gear = np.array([gear_mask(i.equipment) for i in ordered], dtype=np.int64)
    taken = np.zeros(n, dtype=bool)
    nxt: dict[str, str] = {}
    for x in range(n):
        # time-ordered: nothing past the gap can follow
        ys = np.arange(x + 1, int(np.searchsorted(first, last[x] + opts.track_gap_days, "right")))
        ys = ys[~taken[ys]]
        if not ys.size:
            continue
        days = first[ys] - last[x]
        dist = km_to_many(lat[x], lon[x], lat[ys], lon[ys])
        ok = ((rank[ys] > rank[x]) & (days >= 0) & (dist >= opts.track_min_km)
              & (dist <= opts.track_km_per_day * np.maximum(days, 1))
              & ((gear[x] == 0) | (gear[ys] == 0) | ((gear[ys] & gear[x]) != 0)))
        if not ok.any():
            continue
        ys, dist = ys[ok], dist[ok]
        best = int(ys[np.lexsort((ys, dist, first[ys]))[0]])  # soonest, then nearest
        nxt[ordered[x].id] = ordered[best].id
        taken[best] = True
    return nxt


def points_of(chain: list[Incident], opts: ResolveOptions) -> list[TrackPoint]:
    """The positions of a chain: where the first report says it set out, then each place seen."""
    first = chain[0]
    out: list[TrackPoint] = []
    if first.origin_lat is not None and first.origin_lon is not None and first.lat is not None \
            and km((first.origin_lat, first.origin_lon),
                   (first.lat, first.lon or 0.0)) >= opts.track_min_km:
        out.append(TrackPoint(first.id, "origin", first.origin, first.origin_lat,
                              first.origin_lon, first.first_seen, first.first_seen))
    for inc in chain:
        out.append(TrackPoint(inc.id, "seen", inc.place, inc.lat or 0.0, inc.lon or 0.0,
                              inc.first_seen, inc.last_seen))
    return out


def length_km(points: list[TrackPoint]) -> float:
    legs = zip(points, points[1:], strict=False)
    return round(sum(km((a.lat, a.lon), (b.lat, b.lon)) for a, b in legs), 1)


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

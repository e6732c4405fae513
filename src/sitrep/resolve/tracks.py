"""Tracks: the successive positions of one force, chained from its incidents in time order.

An incident follows another of the same force when it is later (within `track_gap_days`), at
another place (further than `track_min_km`) and reachable in the time between at a plausible
speed: `track_ground_kmh` for ground forces, `track_sea_kmh` for ships, `track_air_kmh` for
aircraft. The same force is the same unit (an actor that is not a side names a unit), or the same
side with the same equipment (both name none, or they share some) in the same theatre (ground
positions no further apart than `track_theatre_km`). Seas, oceans, continents, countries and
regions are areas, not points: a position there is unknown, so it is in no track and no track is
measured to its centre. Each incident takes the nearest such successor in time; a chain of two or
more positions is a track.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache

import numpy as np

from sitrep.geodesy import km, km_to_many
from sitrep.records import EQUIPMENT
from sitrep.resolve.names import day_of, name_key, side_keys
from sitrep.resolve.records import Incident, ResolveOptions, Track, TrackPoint

SEA_GEAR = ("warships",)
AIR_GEAR = ("aircraft", "helicopters")


def area_keys(names: Iterable[str | None]) -> frozenset[str]:
    """Keys of place names that are areas (as `records.AREA_KINDS` gives them), for
    `build_tracks`."""
    return frozenset(k for k in (name_key(n) for n in names) if k)


def is_area(place: str | None, areas: frozenset[str]) -> bool:
    return bool(areas) and name_key(place) in areas


def placed(inc: Incident, areas: frozenset[str] = frozenset()) -> bool:
    """The incident has a position (a point, not an area) and a date."""
    return (inc.lat is not None and inc.lon is not None and day_of(inc.first_seen) is not None
            and not is_area(inc.place, areas))


def gear_mask(equipment: Iterable[str]) -> int:
    """Equipment as bits, so that "any in common" is one AND."""
    return sum(1 << EQUIPMENT.index(e) for e in set(equipment) if e in EQUIPMENT)


@cache
def side_names() -> frozenset[str]:
    return frozenset(side_keys().values())


def is_unit(actor_key: str | None) -> bool:
    """An actor key that is not a side's names one unit ("1st guards tank army")."""
    return bool(actor_key) and actor_key not in side_names()


def speed_class(shared: np.ndarray) -> np.ndarray:
    """0 ground, 1 ships, 2 aircraft: the kind of force by the equipment two positions share."""
    sea, air = gear_mask(SEA_GEAR), gear_mask(AIR_GEAR)
    return np.where((shared & sea) != 0, 1, np.where((shared != 0) & ((shared & ~air) == 0), 2, 0))


def same_force(gear_x: int, gear_ys: np.ndarray, unit: bool) -> np.ndarray:
    """Same unit; or the same side with the same equipment (none named, or some shared)."""
    if unit:
        return np.ones(gear_ys.shape, dtype=bool)
    return ((gear_x == 0) & (gear_ys == 0)) | ((gear_ys & gear_x) != 0)


def successors(incidents: list[Incident], opts: ResolveOptions,
               areas: frozenset[str] = frozenset()) -> dict[str, str]:
    """Incident id -> the id of the next position of the same force (each taken at most once).

    `b` can follow `a` when it starts later (on a later day, or later the same day), within
    `track_gap_days` of `a`'s end, further than `track_min_km` away, is the same force (see the
    module) and is reachable at that force's top speed in the days between (a day at least).
    """
    ordered = sorted((i for i in incidents if placed(i, areas)),
                     key=lambda i: (i.first_seen or "", i.id))
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
        unit = is_unit(ordered[x].actor_key)
        days = first[ys] - last[x]
        dist = km_to_many(lat[x], lon[x], lat[ys], lon[ys])
        shared = gear[ys] & gear[x] if not unit else gear[ys] | gear[x]
        kind = speed_class(shared)
        kmh = np.array([opts.track_ground_kmh, opts.track_sea_kmh, opts.track_air_kmh])[kind]
        theatre = unit | (kind != 0) | (dist <= opts.track_theatre_km)
        ok = ((rank[ys] > rank[x]) & (days >= 0) & (dist >= opts.track_min_km)
              & (dist <= kmh * 24.0 * np.maximum(days, 1))
              & same_force(int(gear[x]), gear[ys], unit) & theatre)
        if not ok.any():
            continue
        ys, dist = ys[ok], dist[ok]
        best = int(ys[np.lexsort((ys, dist, first[ys]))[0]])  # soonest, then nearest
        nxt[ordered[x].id] = ordered[best].id
        taken[best] = True
    return nxt


def points_of(chain: list[Incident], opts: ResolveOptions,
              areas: frozenset[str] = frozenset()) -> list[TrackPoint]:
    """The positions of a chain: where the first report says it set out (a point, not an area),
    then each place seen."""
    first = chain[0]
    out: list[TrackPoint] = []
    if first.origin_lat is not None and first.origin_lon is not None and first.lat is not None \
            and not is_area(first.origin, areas) and km((first.origin_lat, first.origin_lon),
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


def build_tracks(incidents: list[Incident], opts: ResolveOptions,
                 areas: frozenset[str] = frozenset()) -> list[Track]:
    """The tracks of one side's incidents (a single incident with a distinct origin is one too);
    `areas` are the keys of place names that are areas (`area_keys`)."""
    by_id = {i.id: i for i in incidents}
    nxt = successors(incidents, opts, areas)
    followers = set(nxt.values())
    heads = sorted(i.id for i in incidents if placed(i, areas) and i.id not in followers)
    out = []
    for head in heads:
        chain = [by_id[head]]
        while chain[-1].id in nxt:
            chain.append(by_id[nxt[chain[-1].id]])
        points = points_of(chain, opts, areas)
        if len(points) < 2 or chain[0].actor_key is None:
            continue
        out.append(Track(
            id="trk-" + hashlib.sha256(head.encode()).hexdigest()[:20], actor=chain[0].actor,
            actor_key=chain[0].actor_key, first_seen=chain[0].first_seen,
            last_seen=chain[-1].last_seen or chain[-1].first_seen, points=tuple(points),
            km=length_km(points)))
    return out

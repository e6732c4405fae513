"""Great-circle distance on a spherical Earth, for one pair of points or one point to many."""

from __future__ import annotations

import math

import numpy as np

EARTH_KM = 6371.0
# compass bearings in degrees, as the text names them ("12 km northeast of X")
BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
            "southwest": 225, "west": 270, "northwest": 315}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def km_to_many(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances in kilometres from one point to many (the same formula as `km`)."""
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))

"""The seed articles' places are all found within 50 km of where they are."""

from __future__ import annotations

import pytest

from sitrep.geo.resolve import km

# true positions (regions: their centre)
EXPECTED = {
    "Izyum": (49.21, 37.28), "Donetsk": (48.02, 37.80), "Donbas": (48.3, 38.3),
    "Mariupol": (47.10, 37.54), "Kyiv": (50.45, 30.52), "Kiev": (50.45, 30.52),
    "Belarus": (53.0, 28.0), "Crimea": (45.0, 34.0), "Tsugaru Strait": (41.5, 140.5),
    "Sea of Japan": (40.0, 135.0), "Hokkaido": (43.5, 142.75), "Honshu": (36.5, 138.5),
    "Volnovakha": (47.60, 37.49), "Kharkiv": (49.98, 36.25), "Chernihiv": (51.51, 31.29),
    "Odessa": (46.49, 30.74), "Siberia": (60.0, 105.0),
}


@pytest.mark.slow
def test_seed_places_resolve_within_50_km(seed_docs) -> None:  # type: ignore[no-untyped-def]
    from sitrep.geo.names import place_key

    found: dict[str, tuple[float, float]] = {}
    for doc in seed_docs:
        for p in doc.places:
            if p.lat is not None and p.lon is not None:
                found.setdefault(place_key(p.mention), (p.lat, p.lon))
    for name, point in EXPECTED.items():
        got = found.get(place_key(name))
        assert got is not None, f"{name} not found"
        assert km(got, point) <= 50, f"{name} at {got}"

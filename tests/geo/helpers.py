"""Run the real pipeline on a text written for the tests and read its places."""

from __future__ import annotations

from sitrep.pipeline import Pipeline
from sitrep.records import Document, Place


def places_of(pipeline: Pipeline, text: str) -> list[Place]:
    return pipeline.process(Document.from_raw(text, name="t")).places


def by_mention(places: list[Place]) -> dict[str, Place]:
    return {p.mention: p for p in places}


def near(place: Place, lat: float, lon: float, km_max: float) -> bool:
    from sitrep.geo.resolve import km

    assert place.lat is not None and place.lon is not None
    return km((place.lat, place.lon), (lat, lon)) <= km_max

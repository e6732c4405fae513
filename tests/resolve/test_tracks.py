"""Tracks: successive positions of one force chained in time order."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from sitrep.records import Movement, PlaceRef
from sitrep.resolve.records import Incident, ResolveOptions
from sitrep.resolve.step import resolve_store
from sitrep.resolve.tracks import build_tracks
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from tests.resolve import corpus

IVANKIV = PlaceRef("Ivankiv", 50.9385, 29.8964)
KYIV = PlaceRef("Kyiv", 50.4501, 30.5234)
ODESA = PlaceRef("Odesa", 46.4825, 30.7233)


def incident(id_: str, place: PlaceRef, day: str, actor_key: str = "russia",
             equipment: tuple[str, ...] = ("tanks",)) -> Incident:
    return Incident(id=id_, actor="Russian", actor_key=actor_key, status="en_route",
                    equipment=equipment, place=place.mention, lat=place.lat, lon=place.lon,
                    origin=None, origin_lat=None, origin_lon=None, first_seen=day, last_seen=day,
                    observers=(), n_reports=1, n_documents=1, n_sources=1, confidence=0.5)


def test_a_convoy_seen_near_ivankiv_then_at_kyiv_is_one_track() -> None:
    first = incident("a", IVANKIV, "2022-02-25")
    then = incident("b", KYIV, "2022-02-27")
    [track] = build_tracks([then, first], ResolveOptions())
    assert [p.place for p in track.points] == ["Ivankiv", "Kyiv"]
    assert track.first_seen == "2022-02-25" and track.last_seen == "2022-02-27"
    assert 60 < track.km < 80


def test_positions_too_far_for_the_time_between_are_not_chained() -> None:
    first = incident("a", IVANKIV, "2022-02-25")
    odesa = incident("b", ODESA, "2022-02-26")  # ~500 km in a day
    assert build_tracks([first, odesa], ResolveOptions()) == []


def test_different_sides_or_equipment_are_different_forces() -> None:
    first = incident("a", IVANKIV, "2022-02-25")
    other_side = incident("b", KYIV, "2022-02-26", actor_key="ukraine")
    ships = incident("c", KYIV, "2022-02-26", equipment=("warships",))
    assert build_tracks([first, ships], ResolveOptions()) == []
    assert build_tracks([first], ResolveOptions()) == build_tracks([other_side], ResolveOptions())


def test_a_report_of_a_force_setting_out_draws_its_origin() -> None:
    inc = replace(incident("a", KYIV, "2022-02-27"), origin="Ivankiv", origin_lat=IVANKIV.lat,
                  origin_lon=IVANKIV.lon)
    [track] = build_tracks([inc], ResolveOptions())
    assert [(p.role, p.place) for p in track.points] == [("origin", "Ivankiv"), ("seen", "Kyiv")]


def test_tracks_are_stored_from_the_documents_movements(store: Store) -> None:
    docs = []
    for day, place, phrase in (("2022-02-25", IVANKIV, "tanks seen near Ivankiv"),
                               ("2022-02-27", KYIV, "tanks reached the outskirts of Kyiv")):
        raw = f"Residents said Russian {phrase} on the day this was written, officials said."
        doc = corpus.make_doc(raw, raw, name=place.mention, publisher="Polissia Post",
                              published=day)
        doc.movements = [Movement("Russian", ["tanks"], "en_route", corpus.span(raw, phrase),
                                  location=place)]
        docs.append(doc)
    store.upsert_many(docs)
    resolve_store(store)
    with store.engine.connect() as conn:
        [row] = conn.execute(select(rt.tracks)).all()
    assert [p["place"] for p in row.points] == ["Ivankiv", "Kyiv"]

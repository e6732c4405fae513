"""Tracks: successive positions of one force chained in time order."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from sitrep.geodesy import km
from sitrep.records import Movement, Place, PlaceRef
from sitrep.resolve.records import Incident, ResolveOptions
from sitrep.resolve.step import resolve_store
from sitrep.resolve.tracks import area_keys, build_tracks
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from tests.resolve import corpus

IVANKIV = PlaceRef("Ivankiv", 50.9385, 29.8964)
KYIV = PlaceRef("Kyiv", 50.4501, 30.5234)
ODESA = PlaceRef("Odesa", 46.4825, 30.7233)
KUPIANSK = PlaceRef("Kupiansk", 49.7100, 37.6158)
ZAPORIZHZHIA = PlaceRef("Zaporizhzhia", 47.8388, 35.1396)  # about 290 km south-west of Kupiansk
MELITOPOL = PlaceRef("Melitopol", 46.8489, 35.3653)  # about 330 km from Kupiansk
SEVASTOPOL = PlaceRef("Sevastopol", 44.6167, 33.5254)
NOVOROSSIYSK = PlaceRef("Novorossiysk", 44.7239, 37.7708)
EAST_CHINA_SEA = PlaceRef("East China Sea", 29.0, 125.0)
PACIFIC = PlaceRef("Pacific Ocean", 0.0, -160.0)


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


def test_another_sides_equipment_is_another_force() -> None:
    column = incident("a", KUPIANSK, "2023-11-10", equipment=("armored_vehicles",))
    guns = incident("b", ZAPORIZHZHIA, "2023-11-13", equipment=("artillery",))
    assert build_tracks([column, guns], ResolveOptions()) == []
    # named equipment and none named are not the same force either
    unnamed = incident("c", ZAPORIZHZHIA, "2023-11-13", equipment=())
    assert build_tracks([column, unnamed], ResolveOptions()) == []
    same = incident("d", ZAPORIZHZHIA, "2023-11-13", equipment=("armored_vehicles", "trucks"))
    [track] = build_tracks([column, same], ResolveOptions())
    assert [p.place for p in track.points] == ["Kupiansk", "Zaporizhzhia"]


def test_ground_positions_in_another_theatre_are_not_chained_however_long_the_gap() -> None:
    assert km((KUPIANSK.lat, KUPIANSK.lon), (MELITOPOL.lat, MELITOPOL.lon)) > 300
    column = incident("a", KUPIANSK, "2023-11-10")
    south = incident("b", MELITOPOL, "2023-11-17")  # 7 days: slow enough, but another theatre
    assert build_tracks([column, south], ResolveOptions()) == []
    assert len(build_tracks([column, south], ResolveOptions(track_theatre_km=500))) == 1


def test_the_top_speed_is_the_forces_own() -> None:
    # about 250 km in one day: too fast for tanks (6 km/h), easy for a ship or an aircraft
    assert 200 < km((SEVASTOPOL.lat, SEVASTOPOL.lon), (NOVOROSSIYSK.lat, NOVOROSSIYSK.lon)) < 400
    for gear, joined in ((("tanks",), False), (("warships",), True), (("aircraft",), True)):
        a = incident("a", SEVASTOPOL, "2023-05-01", equipment=gear)
        b = incident("b", NOVOROSSIYSK, "2023-05-02", equipment=gear)
        assert bool(build_tracks([a, b], ResolveOptions())) is joined, gear
    slow = ResolveOptions(track_sea_kmh=5.0)
    ships = [incident(i, p, d, equipment=("warships",))
             for i, p, d in (("a", SEVASTOPOL, "2023-05-01"), ("b", NOVOROSSIYSK, "2023-05-02"))]
    assert build_tracks(ships, slow) == []


def test_one_named_unit_is_one_force_whatever_equipment_each_report_names() -> None:
    key = "1st guards tank army"
    a = incident("a", KUPIANSK, "2023-11-10", actor_key=key, equipment=("tanks",))
    b = incident("b", ZAPORIZHZHIA, "2023-11-13", actor_key=key, equipment=("artillery",))
    [track] = build_tracks([a, b], ResolveOptions())
    assert [p.place for p in track.points] == ["Kupiansk", "Zaporizhzhia"]


def test_seas_and_oceans_are_areas_not_positions() -> None:
    ships = replace(incident("a", PACIFIC, "2023-06-01", actor_key="china",
                             equipment=("warships",)),
                    origin="East China Sea", origin_lat=EAST_CHINA_SEA.lat,
                    origin_lon=EAST_CHINA_SEA.lon)
    # measured centre to centre this would be a track of thousands of kilometres
    [naive] = build_tracks([ships], ResolveOptions())
    assert naive.km > 8000
    areas = area_keys(["Pacific Ocean", "East China Sea"])
    assert build_tracks([ships], ResolveOptions(), areas) == []
    # a ship seen at a port and then out at sea: the sea is no position either
    port = incident("b", SEVASTOPOL, "2023-05-01", equipment=("warships",))
    sea = incident("c", PlaceRef("Black Sea", 43.0, 34.0), "2023-05-02", equipment=("warships",))
    assert build_tracks([port, sea], ResolveOptions(), area_keys(["black sea"])) == []


def test_the_store_reads_which_places_are_areas(store: Store) -> None:
    raw = ("Chinese warships sailed from the East China Sea into the Pacific Ocean, the ministry "
           "in Tokyo said in a statement on the day.")
    doc = corpus.make_doc(raw, raw, name="ships", publisher="Harbour Watch", published="2023-06-01")
    doc.places = [Place(m, raw.index(m), raw.index(m) + len(m), m, p.lat, p.lon, kind=k)
                  for m, p, k in (("East China Sea", EAST_CHINA_SEA, "sea"),
                                  ("Pacific Ocean", PACIFIC, "ocean"))]
    doc.movements = [Movement("Chinese", ["warships"], "transiting",
                              corpus.span(raw, "warships sailed from the East China Sea"),
                              origin=EAST_CHINA_SEA, destination=PACIFIC)]
    store.upsert_many([doc])
    resolve_store(store)
    with store.engine.connect() as conn:
        assert conn.execute(select(rt.incidents)).all()  # the incident is there, with its place
        assert conn.execute(select(rt.tracks)).all() == []

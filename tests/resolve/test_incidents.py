"""Incidents: one movement told by several documents, with independent sources counted."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select

from sitrep.resolve.incidents import build_incidents, corroboration
from sitrep.resolve.records import Report, ResolveOptions
from sitrep.resolve.step import resolve_store
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from sitrep.store.schema import documents
from tests.resolve import corpus
from tests.resolve.conftest import snapshot


def incident_rows(store: Store) -> list[dict]:  # type: ignore[type-arg]
    with store.engine.connect() as conn:
        return [r._asdict() for r in conn.execute(select(rt.incidents))]


def test_two_independent_reports_of_one_movement_form_one_incident_with_two_sources(
        store: Store) -> None:
    store.upsert_many([corpus.original(), corpus.independent_report()])
    resolve_store(store)
    [inc] = incident_rows(store)
    assert inc["n_reports"] == 2 and inc["n_sources"] == 2
    assert inc["actor_key"] == "russia"
    assert set(inc["observers"]) == {"regional military administration", "residents"}


def test_an_original_and_its_copy_count_as_one_source(store: Store) -> None:
    store.upsert_many([corpus.original(), corpus.copy_with_source_line()])
    resolve_store(store)
    [inc] = incident_rows(store)
    assert inc["n_reports"] == 2 and inc["n_documents"] == 2 and inc["n_sources"] == 1


def test_copies_add_reports_but_not_sources_to_a_corroborated_incident(store: Store) -> None:
    store.upsert_many([corpus.original(), corpus.copy_with_source_line(),
                       corpus.copy_with_spam(), corpus.independent_report()])
    resolve_store(store)
    [inc] = incident_rows(store)
    assert inc["n_reports"] == 4 and inc["n_sources"] == 2


def test_confidence_grows_with_independent_sources_only() -> None:
    base = corpus_report("m1", "d1", "g1", 0.5)
    one = corroboration([base])
    copy = corroboration([base, replace(base, movement_id="m2", doc_id="d2")])
    two = corroboration([base, replace(base, movement_id="m2", doc_id="d2", group_id="g2")])
    assert one == copy == (1, 0.5)
    assert two[0] == 2 and two[1] > one[1]


def test_reports_far_apart_in_place_or_time_stay_separate() -> None:
    opts = ResolveOptions()
    base = corpus_report("m1", "d1", "g1", 0.5)
    far = replace(base, movement_id="m2", doc_id="d2", group_id="g2", lat=50.45, lon=30.52,
                  place="Kyiv", place_key="kyiv")
    later = replace(base, movement_id="m3", doc_id="d3", group_id="g3", date="2023-03-20")
    other_side = replace(base, movement_id="m4", doc_id="d4", group_id="g4", actor="Ukrainian",
                         actor_key="ukraine")
    assert len(build_incidents([base, far, later, other_side], opts)) == 4


def test_a_report_without_coordinates_joins_by_place_name() -> None:
    base = corpus_report("m1", "d1", "g1", 0.5)
    unplaced = replace(base, movement_id="m2", doc_id="d2", group_id="g2", lat=None, lon=None)
    [inc] = build_incidents([base, unplaced], ResolveOptions())
    assert inc.n_sources == 2


def test_a_copy_arriving_later_does_not_add_a_source(store: Store) -> None:
    store.upsert_many([corpus.original(), corpus.independent_report()])
    resolve_store(store)
    store.upsert(corpus.copy_with_spam())
    resolve_store(store)
    [inc] = incident_rows(store)
    assert inc["n_reports"] == 3 and inc["n_sources"] == 2


def test_the_result_does_not_depend_on_the_order_documents_arrive(tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = [corpus.original(), corpus.copy_with_source_line(), corpus.copy_with_spam(),
            corpus.independent_report(), corpus.unrelated()]
    snaps = []
    for n, order in enumerate([docs, docs[::-1], [docs[2], docs[4], docs[0], docs[3], docs[1]]]):
        store = Store(f"sqlite:///{tmp_path / f'o{n}.db'}")
        for doc in order:
            store.upsert(doc)
            resolve_store(store, [doc.id])
        snaps.append(snapshot(store))
        store.dispose()
    assert snaps[0] == snaps[1] == snaps[2]
    batch = Store(f"sqlite:///{tmp_path / 'batch.db'}")
    batch.upsert_many(docs)
    resolve_store(batch)
    assert snapshot(batch) == snaps[0]


def test_a_rerun_changes_nothing(store: Store) -> None:
    docs = [corpus.original(), corpus.copy_spun(), corpus.independent_report()]
    store.upsert_many(docs)
    resolve_store(store)
    before = snapshot(store)
    again = resolve_store(store)
    assert again.documents == 0 and snapshot(store) == before
    forced = resolve_store(store, [d.id for d in docs])  # redone on purpose: the same rows
    assert forced.documents == 3 and snapshot(store) == before


def test_a_reingested_document_with_fewer_facts_leaves_its_incident(store: Store) -> None:
    orig, indep = corpus.original(), corpus.independent_report()
    store.upsert_many([orig, indep])
    resolve_store(store)
    indep.movements = []
    store.upsert(indep)
    stats = resolve_store(store)
    assert stats.documents == 1
    [inc] = incident_rows(store)
    assert inc["n_reports"] == 1 and inc["n_sources"] == 1


def corpus_report(movement_id: str, doc_id: str, group_id: str, confidence: float) -> Report:
    b = corpus.BAKHMUT
    return Report(movement_id=movement_id, doc_id=doc_id, group_id=group_id, actor="Russian",
                  actor_key="russia", status="en_route", equipment=("tanks",), observed_by=None,
                  place=b.mention, place_key="bakhmut", lat=b.lat, lon=b.lon, origin=None,
                  origin_lat=None, origin_lon=None, date="2023-03-07", confidence=confidence,
                  start=0, end=1, evidence="x")



def test_a_document_deleted_from_the_store_leaves_its_group_incident_and_ledger(
        store: Store) -> None:
    orig, copy = corpus.original(), corpus.copy_with_source_line()
    indep = corpus.independent_report()
    store.upsert_many([orig, copy, indep])
    resolve_store(store)
    with store.engine.begin() as conn:
        conn.execute(delete(documents).where(documents.c.id == orig.id))
    stats = resolve_store(store)
    assert stats.removed == 1
    after = snapshot(store)
    assert not any(orig.id in repr(rows) for rows in after.values())
    [inc] = incident_rows(store)
    assert inc["n_reports"] == 2 and inc["n_sources"] == 2  # the copy now stands on its own
    with store.engine.connect() as conn:
        figures = conn.execute(select(rt.ledger.c.doc_id, rt.ledger.c.copy_of)).all()
    assert figures and all(d == copy.id and c is None for d, c in figures)


def test_an_area_corroborates_only_a_report_of_the_same_area() -> None:
    """A region's centre point is no position: a town near it is another incident."""
    town = corpus_report("m1", "d1", "d1", 0.6)
    region = replace(corpus_report("m2", "d2", "d2", 0.6), place="Donbas", place_key="donbas",
                     lat=town.lat + 0.1, lon=town.lon + 0.1)  # its centre ~15 km from the town
    again = replace(region, movement_id="m3", doc_id="d3", group_id="d3")
    opts, areas = ResolveOptions(), frozenset({"donbas"})
    # as points, all three are one incident within incident_km
    assert len(build_incidents([town, region, again], opts)) == 1
    incidents = build_incidents([town, region, again], opts, areas)
    assert sorted((i.place, i.n_sources) for i in incidents) == [("Bakhmut", 1), ("Donbas", 2)]

"""The real seeds and the bundled examples through the whole pipeline, then resolved."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from sitrep.resolve.step import resolve_store
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from sitrep.store.schema import documents
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resolved(tmp_path_factory, pipeline, seed_docs) -> Store:  # type: ignore[no-untyped-def]
    from sitrep.ingest.step import read_paths

    examples = [pipeline.process(d) for d in read_paths([str(EXAMPLES)])]
    store = Store(f"sqlite:///{Path(tmp_path_factory.mktemp('seeds')) / 's.db'}")
    store.upsert_many([*seed_docs, *examples])
    resolve_store(store)
    return store


def test_the_republished_example_is_grouped_under_its_original(resolved: Store) -> None:
    with resolved.engine.connect() as conn:
        rows = conn.execute(select(rt.doc_groups.c.doc_id, rt.doc_groups.c.original_id,
                                   rt.doc_groups.c.role)).all()
        names = dict(conn.execute(select(documents.c.id, documents.c.name)).all())
    by_name = {names[d]: (names[o], role) for d, o, role in rows}
    assert by_name["02_kupiansk_column_republished"] == ("01_kupiansk_column", "copy")
    assert by_name["01_kupiansk_column"] == ("01_kupiansk_column", "original")
    copies = [n for n, (_, role) in by_name.items() if role == "copy"]
    assert copies == ["02_kupiansk_column_republished"]


def test_seed_004s_russian_losses_are_lined_up_by_claimant_with_a_contradiction(
        resolved: Store) -> None:
    seed = next(d for d in resolved_docs(resolved) if d[1].startswith("004_"))[0]
    with resolved.engine.connect() as conn:
        rows = conn.execute(select(rt.ledger).where(
            rt.ledger.c.doc_id == seed, rt.ledger.c.subject_key == "russia",
            rt.ledger.c.metric.in_(("killed", "killed_or_wounded")))).all()
    claimants = {r.claimant_key for r in rows}
    assert {"oryx", "pentagon", "ukraine", "us and europe"} <= claimants
    assert claimants & {"moscow", "russia"}
    ukraine = next(r for r in rows if r.claimant_key == "ukraine" and r.low == 13800)
    us = next(r for r in rows if r.claimant_key == "us and europe")
    assert us.claim_id in ukraine.contradicts


def resolved_docs(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return [(r.id, r.name) for r in conn.execute(select(documents.c.id, documents.c.name))]


def test_an_incident_at_an_area_holds_only_reports_of_that_area(resolved: Store) -> None:
    """The seeds' Donbas is a region: Avdiivka's and Pokrovsk's columns, near its centre point,
    are not its corroboration."""
    from sitrep.records import AREA_KINDS
    from sitrep.resolve import store as rs

    with resolved.engine.connect() as conn:
        incidents = conn.execute(select(rt.incidents.c.id, rt.incidents.c.place)).all()
        areas = rs.read_area_names(conn, {p for _, p in incidents if p}, AREA_KINDS)
        reports = rs.read_reports(conn, incident_ids=[i for i, p in incidents if p in areas])
    assert "Donbas" in areas and reports
    at = {i: p for i, p in incidents}
    with resolved.engine.connect() as conn:
        owner = rs.incident_of(conn, [r.movement_id for r in reports])
    assert all(r.place == at[owner[r.movement_id]] for r in reports), [
        (r.place, at[owner[r.movement_id]]) for r in reports]

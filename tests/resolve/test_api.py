"""The resolve endpoints, in-process against a real SQLite store."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from sitrep.api import resolve_routes
from sitrep.api.errors import install_error_handlers
from sitrep.resolve.step import resolve_store
from sitrep.store.db import Store
from tests.resolve import corpus


def client_for(store: Store) -> TestClient:
    app = FastAPI()
    app.state.store = store
    install_error_handlers(app)
    app.include_router(resolve_routes.router)
    return TestClient(app)


def resolved(store: Store) -> TestClient:
    store.upsert_many([corpus.original(), corpus.copy_with_source_line(), corpus.copy_spun(),
                       corpus.copy_with_spam(), corpus.independent_report(), corpus.unrelated()])
    resolve_store(store)
    return client_for(store)


def test_groups_list_the_original_first_with_each_copys_evidence(store: Store) -> None:
    body = resolved(store).get("/api/groups").json()
    assert body["total"] == 1
    [group] = body["items"]
    assert group["size"] == 4 and group["members"][0]["role"] == "original"
    assert group["members"][0]["doc"]["name"] == "original"
    credited = [m for m in group["members"] if m["credit_text"]]
    assert {m["credit_text"] for m in credited} == {"Source: Donbas Courier", "via Donbas Courier"}


def test_incidents_show_independent_sources_and_their_evidence(store: Store) -> None:
    client = resolved(store)
    params = {"actor": "Russia", "min_sources": 2}
    [inc] = client.get("/api/incidents", params=params).json()["items"]
    assert inc["n_sources"] == 2 and inc["n_reports"] == 4
    assert all(r["evidence"] for r in inc["reports"])
    geo = client.get("/api/incidents.geojson").json()
    assert geo["features"][0]["geometry"]["type"] == "Point"
    assert client.get("/api/incidents", params={"min_sources": 3}).json()["total"] == 0


def test_the_ledger_endpoint_filters_by_claimant_and_hides_copies(store: Store) -> None:
    client = resolved(store)
    [q] = client.get("/api/ledger", params={"subject": "Russian troops"}).json()["quantities"][:1]
    assert q["contradictions"] >= 2
    all_figures = [f for q in client.get("/api/ledger").json()["quantities"] for f in q["figures"]]
    assert len(all_figures) == 3  # the copy's repeats are left out
    with_copies = client.get("/api/ledger", params={"with_copies": True}).json()["quantities"]
    assert sum(len(q["figures"]) for q in with_copies) == 6
    series = client.get("/api/ledger", params={"claimant": "kyiv"}).json()["quantities"]
    assert [f["claimant"] for q in series for f in q["figures"]] == ["Kyiv"]


def test_an_empty_store_answers_with_empty_lists(store: Store) -> None:
    client = client_for(store)
    assert client.get("/api/groups").json()["items"] == []
    assert client.get("/api/tracks.geojson").json()["features"] == []
    assert client.get("/api/ledger").json()["quantities"] == []


def test_a_bad_bbox_is_a_clear_400(store: Store) -> None:
    resp = client_for(store).get("/api/incidents", params={"bbox": "1,2,3"})
    assert resp.status_code == 400 and resp.json()["error"]["code"] == "bad_bbox"

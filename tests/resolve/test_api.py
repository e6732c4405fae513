"""The resolve endpoints, in-process against a real SQLite store."""

from __future__ import annotations

import csv
import io

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import insert

from sitrep.api import resolve_routes
from sitrep.api.errors import install_error_handlers
from sitrep.resolve.step import resolve_store
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from sitrep.store.resolve_tables import create_tables
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


def pages(client: TestClient, path: str, **params: object) -> list[list[str]]:
    """The item ids of every page of a list, following next_cursor to the end."""
    out, cursor = [], None
    while True:
        body = client.get(path, params={**params, "cursor": cursor}).json()
        out.append([it["id"] for it in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return out


def many_incidents(store: Store) -> TestClient:
    """Twelve incidents with ties on every sort column and some undated, written directly."""
    create_tables(store.engine)
    rows = [{"id": f"inc-{n:02d}", "actor": "Testland", "actor_key": "testland",
             "status": "massing", "equipment": [], "observers": [], "n_reports": 1,
             "n_documents": 1, "n_sources": 1 + n % 3, "confidence": 0.5 + 0.25 * (n % 2),
             "first_seen": None if n % 4 == 0 else f"2024-05-0{1 + n % 5}",
             "last_seen": None} for n in range(12)]
    with store.engine.begin() as conn:
        conn.execute(insert(rt.incidents), rows)
    return client_for(store)


def test_incidents_page_by_cursor_in_the_order_of_one_long_page(store: Store) -> None:
    client = many_incidents(store)
    whole = client.get("/api/incidents", params={"limit": 500}).json()
    assert whole["next_cursor"] is None and len(whole["items"]) == whole["total"] == 12
    in_order = [it["id"] for it in whole["items"]]
    for limit in (1, 5):
        got = pages(client, "/api/incidents", limit=limit)
        assert [len(p) for p in got[:-1]] == [limit] * (len(got) - 1)
        assert [i for p in got for i in p] == in_order
    sources = [it["n_sources"] for it in whole["items"]]
    assert sources == sorted(sources, reverse=True)


def test_groups_and_tracks_page_by_cursor_too(store: Store) -> None:
    client = resolved(store)
    body = client.get("/api/groups", params={"limit": 1}).json()
    assert body["next_cursor"] is None and body["total"] == 1 and "offset" not in body
    tracks = client.get("/api/tracks", params={"limit": 500}).json()
    assert [i for p in pages(client, "/api/tracks", limit=1) for i in p] == [
        t["id"] for t in tracks["items"]]


def test_a_cursor_from_another_list_or_a_made_up_one_is_a_clear_400(store: Store) -> None:
    client = many_incidents(store)
    cursor = client.get("/api/incidents", params={"limit": 1}).json()["next_cursor"]
    assert cursor
    for path, token in (("/api/tracks", cursor), ("/api/incidents", "not-a-cursor")):
        resp = client.get(path, params={"cursor": token})
        assert resp.status_code == 400 and resp.json()["error"]["code"] == "bad_cursor"


def test_the_tracks_csv_pages_through_every_track_in_the_lists_order(store: Store,
                                                                    monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Read a few tracks at a time (ties on the date included), the CSV holds every track the
    list holds, in its order, a row per position."""
    create_tables(store.engine)
    rows = [{"id": f"trk-{n:02d}", "actor": "Testland", "actor_key": "testland",
             "first_seen": None if n % 4 == 0 else f"2024-05-0{1 + n % 3}", "last_seen": None,
             "km": 10.0 * n, "points": [
                 {"incident_id": f"inc-{n}-{k}", "role": "seen", "place": f"Post {k}",
                  "lat": 50.0 + k, "lon": 30.0, "first_seen": None, "last_seen": None}
                 for k in range(1 + n % 2)]} for n in range(7)]
    with store.engine.begin() as conn:
        conn.execute(insert(rt.tracks), rows)
    client = client_for(store)
    listed = [t["id"] for t in client.get("/api/tracks", params={"limit": 500}).json()["items"]]
    monkeypatch.setattr(resolve_routes, "TRACK_CSV_PAGE", 2)
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/tracks.csv").text)))
    assert list(dict.fromkeys(r["track_id"] for r in csv_rows)) == listed
    assert len(listed) == 7 and len(csv_rows) == sum(len(r["points"]) for r in rows)

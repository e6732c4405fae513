"""A fact with no date of its own is stored with its article's date, and says so
(`date_source`); the evidence endpoint answers a fact's clean text."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.records import Movement, PlaceRef
from sitrep.store.db import Store
from tests.api.conftest import LOCAL, plain_doc, span

RAW = ("Harbour Gazette (dates fixture).\n\n"
       "Southland gunboats left Port Amber, a harbour pilot said.\n\n"
       "On 3 May the gunboats were seen off Cape Lumen, the coast guard said.\n")
AMBER = PlaceRef("Port Amber", 44.1, 33.2)
LUMEN = PlaceRef("Cape Lumen", 44.4, 33.9)


def client_for(tmp_path: Path) -> TestClient:
    url = f"sqlite:///{tmp_path / 'dates.db'}"
    store = Store(url)
    doc = plain_doc(RAW, "dates-fixture", "Harbour Gazette", "2024-05-06")
    doc.movements = [
        Movement("Southland", ["warships"], "en_route",
                 span(RAW, "Southland gunboats left Port Amber"), origin=AMBER, confidence=0.6),
        Movement("Southland", ["warships"], "transiting",
                 span(RAW, "the gunboats were seen off Cape Lumen"), location=LUMEN,
                 date="2024-05-03", confidence=0.6),
    ]
    store.upsert(doc)
    store.dispose()
    return TestClient(create_app(url, token=""), base_url=LOCAL)


def test_an_undated_fact_takes_its_articles_date_and_says_so(tmp_path: Path) -> None:
    with client_for(tmp_path) as client:
        items = client.get("/api/movements").json()["items"]
        by_status = {m["status"]: m for m in items}
        assert (by_status["en_route"]["date"], by_status["en_route"]["date_source"]) == (
            "2024-05-06", "article")
        assert (by_status["transiting"]["date"], by_status["transiting"]["date_source"]) == (
            "2024-05-03", "text")
        # a date filter keeps it, on its article's day
        day = client.get("/api/movements", params={"date_from": "2024-05-06",
                                                   "date_to": "2024-05-06"}).json()["items"]
        assert [m["status"] for m in day] == ["en_route"]
        timeline = client.get("/api/timeline").json()["days"]
        assert timeline == [{"day": "2024-05-03", "count": 1, "article": 0},
                            {"day": "2024-05-06", "count": 1, "article": 1}]
        csv_head = client.get("/api/movements.csv").text.splitlines()[0]
        assert csv_head.startswith("id,doc_id,date,date_source,")


def test_the_evidence_endpoint_checks_its_span(tmp_path: Path) -> None:
    with client_for(tmp_path) as client:
        m = client.get("/api/movements", params={"status": "en_route"}).json()["items"][0]
        ev = m["evidence"]
        got = client.get(f"/api/documents/{m['doc_id']}/evidence",
                         params={"start": ev["start"], "end": ev["end"]}).json()
        assert got["raw"] == got["clean"]["text"] == ev["text"] and got["folded"] == []
        bad = client.get(f"/api/documents/{m['doc_id']}/evidence",
                         params={"start": 5, "end": 10_000})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_span"
        assert client.get("/api/documents/nope/evidence",
                          params={"start": 0, "end": 1}).status_code == 404


def test_undated_keeps_the_facts_with_no_date_at_all_under_a_date_filter(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'undated.db'}"
    store = Store(url)
    doc = plain_doc(RAW, "undated-fixture", "Harbour Gazette", "2024-05-06")
    doc.source.published = None  # no date anywhere: the fact cannot be placed in time
    doc.movements = [Movement("Southland", ["warships"], "en_route",
                              span(RAW, "Southland gunboats left Port Amber"), origin=AMBER)]
    store.upsert(doc)
    store.dispose()
    window = {"date_from": "2024-05-01", "date_to": "2024-05-31"}
    with TestClient(create_app(url, token=""), base_url=LOCAL) as client:
        [m] = client.get("/api/movements").json()["items"]
        assert m["date"] is None and m["date_source"] is None
        assert client.get("/api/movements", params=window).json()["items"] == []
        kept = client.get("/api/movements", params={**window, "undated": "true"}).json()
        assert [x["id"] for x in kept["items"]] == [m["id"]]


def older_store(tmp_path: Path) -> Path:
    """A store as a sitrep before `date_source` (and before documents' `relevance`) left it."""
    import sqlite3

    client = client_for(tmp_path)  # the store as this sitrep writes it
    # every connection of its app closed now: one collected later would checkpoint the WAL
    # into the file under a test that hashes it
    client.app.state.store.dispose()
    client.close()
    path = tmp_path / "dates.db"
    with sqlite3.connect(path) as db:
        for table in ("movements", "claims", "quotes", "places"):
            db.execute(f"ALTER TABLE {table} DROP COLUMN date_source")
        db.execute("ALTER TABLE documents DROP COLUMN relevance")
    db.close()
    return path


MARKED = {"en_route": ("2024-05-06", "article"), "transiting": ("2024-05-03", "text")}
DAYS = [{"day": "2024-05-03", "count": 1, "article": 0},
        {"day": "2024-05-06", "count": 1, "article": 1}]


def test_a_store_written_before_date_source_gets_its_article_dates_marked(tmp_path: Path) -> None:
    path = older_store(tmp_path)
    with TestClient(create_app(f"sqlite:///{path}", token=""), base_url=LOCAL) as client:
        items = client.get("/api/movements").json()["items"]
        assert {m["status"]: (m["date"], m["date_source"]) for m in items} == MARKED
        assert client.get("/api/timeline").json()["days"] == DAYS


def test_an_older_store_served_read_only_shows_its_article_dates_marked(tmp_path: Path) -> None:
    """`sitrep serve` without a token and `sitrep export` open the store read-only: nothing can
    be added to it, so the marks are derived as it is read, and the file stays as it was."""
    import hashlib
    import subprocess
    import sys

    path = older_store(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    app = create_app(f"sqlite:///{path}", token="", read_only=True)
    with TestClient(app, base_url=LOCAL) as client:
        items = client.get("/api/movements").json()["items"]
        assert {m["status"]: (m["date"], m["date_source"]) for m in items} == MARKED
        assert client.get("/api/timeline").json()["days"] == DAYS
        undated = client.get("/api/movements", params={"date_from": "2024-05-06"}).json()
        assert [m["date_source"] for m in undated["items"]] == ["article"]
        [doc] = client.get("/api/documents").json()["items"]
        assert client.get(f"/api/documents/{doc['id']}").json()["movements"]
        rows = client.get("/api/movements.csv").text.splitlines()
        assert rows[0].startswith("id,doc_id,date,date_source,")
        assert sorted(r.split(",")[3] for r in rows[1:]) == ["article", "text"]
    out = subprocess.run([sys.executable, "-m", "sitrep.cli", "export", "--kind", "movements",
                          "--format", "jsonl", "--db", f"sqlite:///{path}"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert sorted(json.loads(line)["date_source"] for line in out.splitlines()) == [
        "article", "text"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_older_store_without_resolve_tables_says_how_to_build_them(tmp_path: Path) -> None:
    """Read-only, nothing can be added to it: the resolve lists answer a clear 409 naming the
    command, not a 500; opened writable, it gains the (empty) tables."""
    import sqlite3

    from sitrep.store.resolve_tables import TABLES

    path = older_store(tmp_path)
    with sqlite3.connect(path) as db:
        for table in TABLES:
            db.execute(f"DROP TABLE {table.name}")
    db.close()
    app = create_app(f"sqlite:///{path}", token="", read_only=True)
    with TestClient(app, base_url=LOCAL) as client:
        for path_ in ("/api/tracks", "/api/incidents", "/api/ledger", "/api/groups"):
            err = client.get(path_).json()["error"]
            assert (err["status"], err["code"]) == (409, "not_resolved"), path_
            assert "sitrep resolve --db" in err["message"]
        assert client.get("/api/movements").status_code == 200
    with TestClient(create_app(f"sqlite:///{path}", token=""), base_url=LOCAL) as client:
        assert client.get("/api/tracks").json()["items"] == []

"""Where a fact came from: the outlet the pipeline found, filters by it, and a text search that
goes through a place's other names."""

from __future__ import annotations

from pathlib import Path

from sitrep.geo.step import place_aliases
from sitrep.store import queries
from sitrep.store.db import Store
from sitrep.store.queries import FactFilter, Page
from tests.api.conftest import place, plain_doc
from tests.conftest import need_shared

SEED_OUTLETS = {"000_71e1585eceabb743": "Al Jazeera", "001_570e4b5328ffaf42": "ZeroHedge",
                "004_1c37168e199462a6": "MailOnline"}


def test_the_source_filter_lists_the_outlets_found_in_the_seeds(client) -> None:
    need_shared()
    outlets = {f["value"] for f in client.get("/api/facets").json()["publisher"]}
    assert set(SEED_OUTLETS.values()) <= outlets
    assert "Test Wire" in outlets  # a masthead set on the document itself


def test_filtering_by_an_outlet_gives_that_documents_facts_with_their_provenance(client) -> None:
    need_shared()
    for name, outlet in SEED_OUTLETS.items():
        doc = client.get(f"/api/documents/{name}").json()
        got = client.get("/api/claims", params={"publisher": outlet, "limit": 500}).json()
        assert {c["doc_id"] for c in got["items"]} <= {doc["id"]}
        assert len(got["items"]) == len(doc["claims"])
        for c in got["items"]:
            assert c["document"]["original_publisher"] == outlet
            assert c["document"]["author"] == doc["author"]
    docs = client.get("/api/documents", params={"publisher": "ZeroHedge"}).json()["items"]
    assert [d["name"] for d in docs] == ["001_570e4b5328ffaf42"]


def test_kiev_finds_the_facts_whose_evidence_says_kyiv(client) -> None:
    need_shared()
    every = client.get("/api/movements", params={"limit": 500}).json()["items"]
    kyiv = {m["id"] for m in every if "Kyiv" in m["evidence"]["text"]}
    assert kyiv and not any("Kiev" in m["evidence"]["text"] for m in every if m["id"] in kyiv)
    found = client.get("/api/movements", params={"q": "Kiev", "limit": 500}).json()["items"]
    assert kyiv <= {m["id"] for m in found}
    days = client.get("/api/timeline", params={"q": "Kiev"}).json()["days"]
    assert sum(d["count"] for d in days) == sum(1 for m in found if m["date"])


def test_a_short_other_name_only_matches_at_the_start_of_a_word(tmp_path: Path) -> None:
    aliases = place_aliases("Odessa")
    assert "odesa" in aliases and "ades" in aliases  # GeoNames lists "Ades" for Odesa
    raw = "Prices rose over the decades, traders said.\n\nTwo ships left Odesa at dawn.\n"
    doc = plain_doc(raw, "alias-fixture", "Alias Wire", "2024-01-01")
    doc.places = [place(raw, "decades", 0.0, 0.0, "city"), place(raw, "Odesa", 46.5, 30.7, "city")]
    store = Store(f"sqlite:///{tmp_path / 'alias.db'}")
    store.upsert_many([doc])
    f = FactFilter(text="Odessa", text_variants=aliases)
    with store.engine.connect() as conn:
        items, _ = queries.list_facts(conn, "places", f, Page("date", 50))
    store.dispose()
    assert [p["mention"] for p in items] == ["Odesa"]


def test_a_text_that_names_no_place_has_no_other_names() -> None:
    assert place_aliases("convoy of trucks near the river") == ()
    assert "kyiv" in place_aliases("Kiev") and "kharkiv" in place_aliases("Kharkov")


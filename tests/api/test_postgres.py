"""The same API over PostgreSQL: full-text search, JSON flag filters, expression indexes, paging."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import LOCAL, assert_error, post_doc, wire_doc

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_client(pg_empty: str):
    from sitrep.api.app import create_app
    from sitrep.store.db import Store

    pg_url = pg_empty
    store = Store(pg_url)
    for doc in (wire_doc(), post_doc()):
        store.upsert(doc)
    store.dispose()
    with TestClient(create_app(pg_url, token=""), raise_server_exceptions=False,
                    base_url=LOCAL) as c:
        yield c


def test_postgres_full_text_search_and_flags(pg_client) -> None:
    def names(**params) -> set[str]:
        return {d["name"] for d in pg_client.get("/api/documents", params=params).json()["items"]}

    assert names(q="soldiers killed") >= {"api-fixture-wire", "api-fixture-post"}
    assert "api-fixture-wire" in names(q="tanks", sort="relevance")
    assert "api-fixture-post" not in names(q="tanks")
    assert "api-fixture-post" in names(flag="spam") and "api-fixture-wire" not in names(flag="spam")
    assert "api-fixture-post" in names(flag="homoglyphs")


def test_postgres_fact_filters_paging_and_ledger(pg_client) -> None:
    body = pg_client.get("/api/movements", params={"equipment": "tanks", "bbox": "30,45,40,52",
                                                   "date_to": "2024-05-31"}).json()
    assert [m["actor"] for m in body["items"]] == ["Testland"]
    first = pg_client.get("/api/claims", params={"limit": 1, "sort": "date"}).json()
    second = pg_client.get("/api/claims", params={"limit": 1, "sort": "date",
                                                  "cursor": first["next_cursor"]}).json()
    assert first["items"][0]["id"] != second["items"][0]["id"]
    (group,) = pg_client.get("/api/claims/ledger", params={"subject": "Otherland"}).json()["groups"]
    assert group["disagree"] is True
    assert any(e["value"] == "warships" for e in pg_client.get("/api/facets").json()["equipment"])
    assert_error(pg_client.get("/api/documents/none"), 404)

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


def test_an_older_postgres_store_is_marked_when_opened_writable(pg_empty: str) -> None:
    """Read-only, PostgreSQL cannot stand in for the missing column: a clear reason, then a
    writable open adds it and marks the article dates."""
    from sqlalchemy import create_engine

    from sitrep.store.db import Store, StoreError

    store = Store(pg_empty)
    store.upsert(wire_doc())
    store.dispose()
    eng = create_engine(pg_empty)
    with eng.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE movements DROP COLUMN date_source")
    with pytest.raises(StoreError, match="older sitrep.*movements has no date_source"):
        Store(pg_empty, read_only=True)
    Store(pg_empty).dispose()
    with eng.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT m.date, m.date_source, d.published FROM movements m "
            "JOIN documents d ON d.id = m.doc_id").all()
    eng.dispose()
    assert rows and all(
        (src == "article") == (date == published) for date, src, published in rows if date)
    assert all(src is None for date, src, _ in rows if not date)

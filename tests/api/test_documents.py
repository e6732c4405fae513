"""The document endpoints: listing, full-text search, filters, paging and the document view."""

from __future__ import annotations

from tests.api.conftest import assert_error, ids


def all_pages(client, path: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        body = client.get(path, params={**params, "cursor": cursor}).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return items


def test_documents_list_every_example_seed_and_fixture(client) -> None:
    body = client.get("/api/documents", params={"limit": 500, "with_total": True}).json()
    names = {d["name"] for d in body["items"]}
    assert body["total"] == len(body["items"])
    assert {
        "01_kupiansk_column",
        "06_dzhankoi_helicopters_xss",
        "08_wire_briefs-2",
        "004_1c37168e199462a6",
        "api-fixture-wire",
        "api-fixture-post",
    } <= names
    assert all("raw_text" not in d for d in body["items"])  # lists stay light


def test_documents_full_text_search_finds_the_articles_with_the_word(client) -> None:
    names = {
        d["name"] for d in client.get("/api/documents", params={"q": "Kupiansk"}).json()["items"]
    }
    assert {"01_kupiansk_column", "02_kupiansk_column_republished"} <= names
    assert "05_belarus_massing" not in names
    assert client.get("/api/documents", params={"q": "zzqxwv"}).json()["items"] == []


def test_documents_search_text_is_never_parsed_as_query_syntax(client) -> None:
    for q in ['"', "AND OR NOT (", "Kupiansk*", "col:umn", "NEAR(a b)"]:
        assert client.get("/api/documents", params={"q": q}).status_code == 200


def test_documents_relevance_sort_ranks_matches_and_needs_a_query(client) -> None:
    body = client.get("/api/documents", params={"q": "Izyum", "sort": "relevance"}).json()
    assert body["items"] and body["sort"] == "relevance"
    assert_error(client.get("/api/documents", params={"sort": "relevance"}), 400)


def test_documents_filter_by_publisher_and_date(client) -> None:
    got = client.get("/api/documents", params={"publisher": "Test Wire"}).json()
    assert [d["name"] for d in got["items"]] == ["api-fixture-wire"]
    got = client.get("/api/documents", params={"date_from": "2024-06-01", "date_to": "2024-06-30"})
    assert "api-fixture-post" in {d["name"] for d in got.json()["items"]}
    assert "api-fixture-wire" not in {d["name"] for d in got.json()["items"]}


def test_documents_filter_by_integrity_flags(client) -> None:
    for flag in ("homoglyphs", "spam"):
        got = client.get("/api/documents", params={"flag": flag, "limit": 500}).json()["items"]
        assert "api-fixture-post" in {d["name"] for d in got}
        assert "api-fixture-wire" not in {d["name"] for d in got}
    for flag in ("boilerplate", "gaps", "truncated", "decoding", "errors"):
        assert client.get("/api/documents", params={"flag": flag}).status_code == 200
    low = client.get("/api/documents", params={"max_integrity": 0.8, "limit": 500}).json()["items"]
    assert all(d["integrity"] <= 0.8 for d in low) and "api-fixture-post" in {
        d["name"] for d in low
    }
    assert_error(client.get("/api/documents", params={"flag": "nonsense"}), 422)


def test_documents_pages_follow_the_cursor_without_repeats_or_gaps(client) -> None:
    whole = client.get("/api/documents", params={"limit": 500}).json()["items"]
    for sort in ("-published", "published", "name", "-integrity"):
        paged = all_pages(client, "/api/documents", limit=3, sort=sort)
        assert sorted(d["id"] for d in paged) == sorted(d["id"] for d in whole)
        assert len({d["id"] for d in paged}) == len(paged)


def test_document_view_has_texts_changes_and_facts_at_raw_offsets(client) -> None:
    for d in client.get("/api/documents", params={"limit": 500}).json()["items"]:
        doc = client.get(f"/api/documents/{d['id']}").json()
        raw, clean = doc["raw_text"], doc["clean_text"]
        assert {"removed", "folded", "replaced"} <= set(doc["changes"])
        for kind in ("movements", "claims", "quotes", "places"):
            for fact in doc[kind]:
                ev = fact["evidence"]
                assert raw[ev["start"] : ev["end"]] == ev["text"]
                if fact["clean"] is not None:
                    assert 0 <= fact["clean"]["start"] < fact["clean"]["end"] <= len(clean)


def test_document_view_maps_evidence_to_the_clean_text(client) -> None:
    doc = client.get("/api/documents/api-fixture-wire").json()
    (claim,) = doc["claims"]
    c = claim["clean"]
    assert doc["clean_text"][c["start"] : c["end"]] == "300 soldiers of Otherland were killed"


def test_document_view_accepts_the_name_and_answers_404_for_unknown(client) -> None:
    by_name = client.get("/api/documents/01_kupiansk_column").json()
    assert client.get(f"/api/documents/{by_name['id']}").json()["name"] == "01_kupiansk_column"
    err = assert_error(client.get("/api/documents/no-such-doc"), 404)
    assert "/api/documents" in err["message"]


def test_document_list_ids_are_stable_across_calls(client) -> None:
    a = ids(client.get("/api/documents", params={"limit": 5}).json())
    b = ids(client.get("/api/documents", params={"limit": 5}).json())
    assert a == b


def test_documents_show_their_relevance_and_filter_by_it(tmp_path) -> None:
    import sqlite3

    from fastapi.testclient import TestClient

    from sitrep.api.app import create_app
    from sitrep.store.db import Store
    from tests.api.conftest import LOCAL, plain_doc

    url = f"sqlite:///{tmp_path / 'relevance.db'}"
    store = Store(url)
    notice = plain_doc("Parish notice.\n\nThe bake sale moves to the school hall on Friday.\n",
                       "relevance-notice", "Parish Post", "2024-03-01")
    notice.relevance = "low"
    report = plain_doc("Front report.\n\nTanks crossed the river at dawn, officers said.\n",
                       "relevance-report", "Front Daily", "2024-03-02")
    older = plain_doc("Older report.\n\nArtillery fired on the bridge overnight.\n",
                      "relevance-older", "Front Daily", "2024-03-03")
    store.upsert_many([notice, report, older])
    store.dispose()
    with sqlite3.connect(tmp_path / "relevance.db") as db:  # stored before the gate existed
        db.execute("UPDATE documents SET relevance = NULL WHERE name = 'relevance-older'")
    with TestClient(create_app(url, token=""), base_url=LOCAL) as client:
        def names(**params) -> dict[str, str]:
            items = client.get("/api/documents", params=params).json()["items"]
            return {d["name"]: d["relevance"] for d in items}

        assert names() == {"relevance-notice": "low", "relevance-report": "high",
                           "relevance-older": "high"}
        assert names(relevance="low") == {"relevance-notice": "low"}
        assert set(names(relevance="high")) == {"relevance-report", "relevance-older"}
        assert names(relevance="low", q="bake") == {"relevance-notice": "low"}
        assert names(relevance="high", q="bake") == {}
        total = client.get("/api/documents", params={"relevance": "low", "with_total": True})
        assert total.json()["total"] == 1
        assert client.get(f"/api/documents/{notice.id}").json()["relevance"] == "low"
        assert_error(client.get("/api/documents", params={"relevance": "normal"}), 422)

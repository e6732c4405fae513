"""One error shape for every error, clear limits, and the token rule for write endpoints."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from tests.api.conftest import LOCAL, TOKEN, assert_error


@pytest.mark.parametrize(
    ("method", "path", "params", "status"),
    [
        ("get", "/api/movements", {"bbox": "1,2,3"}, 400),
        ("get", "/api/movements", {"bbox": "0,80,10,70"}, 400),
        ("get", "/api/movements", {"cursor": "@@@"}, 400),
        ("get", "/api/claims", {"date_from": "2024-05-02", "date_to": "2024-01-01"}, 400),
        ("get", "/api/nowhere", {}, 404),
        ("get", "/api/documents/0000000000000000", {}, 404),
        ("delete", "/api/movements", {}, 405),
        ("get", "/api/movements", {"min_confidence": "high"}, 422),
        ("get", "/api/quotes", {"date_from": "yesterday"}, 422),
        ("get", "/api/places", {"limit": 0}, 422),
    ],
)
def test_every_error_has_the_one_json_shape(client, method, path, params, status) -> None:
    assert_error(getattr(client, method)(path, params=params), status)


def test_a_page_larger_than_the_limit_says_how_to_page(client) -> None:
    err = assert_error(client.get("/api/movements", params={"limit": 501}), 422)
    assert "500" in err["message"] and "next_cursor" in err["message"]
    assert err["details"][0]["loc"] == ["query", "limit"]


def test_the_ui_and_the_openapi_spec_are_served(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "sitrep" in page.text
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/movements",
        "/api/claims",
        "/api/quotes",
        "/api/places",
        "/api/movements.geojson",
        "/api/places.geojson",
        "/api/{kind}.csv",
        "/api/ingest",
        "/api/timeline",
        "/api/claims/ledger",
    ):
        assert p in paths


# --- the token rule ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def writer(store_url: str):
    with TestClient(
        create_app(store_url, token=TOKEN, max_body_bytes=4096), raise_server_exceptions=False,
        base_url=LOCAL,
    ) as c:
        yield c


ARTICLE = (
    "Ferry traffic report (api test).\n\nA convoy of fuel trucks moved from Kerch toward "
    "Feodosia overnight, the regional navy spokesman Ivan Probe said."
)


def test_writes_are_off_without_a_configured_token(client) -> None:
    err = assert_error(
        client.post(
            "/api/ingest", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {TOKEN}"}
        ),
        403,
    )
    assert "SITREP_API_TOKEN" in err["message"]
    assert client.get("/api/config").json()["writes_enabled"] is False


def test_writes_need_the_right_token(writer) -> None:
    assert_error(writer.post("/api/ingest", json={"text": ARTICLE}), 401)
    assert_error(
        writer.post(
            "/api/ingest", json={"text": ARTICLE}, headers={"Authorization": "Bearer wrong"}
        ),
        401,
    )


def test_ingest_with_the_token_stores_and_returns_the_document(writer) -> None:
    resp = writer.post(
        "/api/ingest",
        json={"text": ARTICLE, "name": "api-ingest-test", "published": "2024-07-01"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert doc["raw_text"] == ARTICLE and doc["name"] == "api-ingest-test"
    assert writer.get(f"/api/documents/{doc['id']}").json()["id"] == doc["id"]
    for kind in ("movements", "claims", "quotes", "places"):
        for f in doc[kind]:
            assert ARTICLE[f["evidence"]["start"] : f["evidence"]["end"]] == f["evidence"]["text"]


def test_ingest_takes_plain_text_and_html_bodies(writer) -> None:
    headers = {"X-Sitrep-Token": TOKEN}
    r = writer.post(
        "/api/ingest",
        content=ARTICLE.replace("api test", "plain body"),
        headers={**headers, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 201 and r.json()["kind"] == "text"
    html = f"<html><body><article><p>{ARTICLE}</p></article></body></html>"
    r = writer.post("/api/ingest", content=html, headers={**headers, "Content-Type": "text/html"})
    assert r.status_code == 201 and r.json()["kind"] == "html"


def test_ingest_refuses_a_body_over_the_limit(writer) -> None:
    big = {"text": "word " * 2000}
    err = assert_error(
        writer.post("/api/ingest", json=big, headers={"Authorization": f"Bearer {TOKEN}"}), 413
    )
    assert "4,096" in err["message"]

    def chunks():  # no Content-Length: the limit is counted while reading
        for _ in range(10):
            yield b"x" * 1000

    err = assert_error(
        writer.post(
            "/api/ingest",
            content=chunks(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
        ),
        413,
    )


@pytest.mark.parametrize(
    ("body", "ctype", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"text": "   "}', "application/json", 422),
        (b'{"text": 5}', "application/json", 422),
        (b"\xff\xfe\x00", "text/plain", 400),
        (b"a,b,c", "text/csv", 415),
    ],
)
def test_ingest_explains_what_is_wrong_with_a_body(writer, body, ctype, status) -> None:
    resp = writer.post(
        "/api/ingest",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": ctype},
    )
    assert_error(resp, status)


def test_the_token_can_come_from_the_environment(store_url, monkeypatch) -> None:
    monkeypatch.setenv("SITREP_API_TOKEN", "from-env")
    with TestClient(create_app(store_url), raise_server_exceptions=False,
                    base_url=LOCAL) as c:
        assert c.get("/api/config").json()["writes_enabled"] is True
        assert_error(c.post("/api/ingest", json={"text": "x"}), 401)


def test_an_article_the_store_refuses_is_a_422_with_the_reason(writer, monkeypatch) -> None:
    from sitrep.store.db import Store

    def refuse(self, conn, doc):  # type: ignore[no-untyped-def]
        raise ValueError("a value this store cannot hold")

    monkeypatch.setattr(Store, "upsert_in", refuse)
    err = assert_error(
        writer.post("/api/ingest", json={"text": ARTICLE, "name": "api-refused-test"},
                    headers={"Authorization": f"Bearer {TOKEN}"}),
        422,
    )
    assert err["code"] == "not_stored" and "cannot hold" in err["message"]

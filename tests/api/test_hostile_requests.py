"""Requests a hostile client sends: each is refused in the JSON error shape, never with a 500."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from tests.api.conftest import LOCAL, TOKEN, assert_error

FACT_LISTS = ["/api/movements", "/api/claims", "/api/quotes", "/api/places",
              "/api/movements.geojson", "/api/places.geojson", "/api/timeline",
              "/api/claims/ledger", "/api/claims.csv", "/api/documents"]


def cursor(**obj: object) -> str:
    """A cursor as the server encodes one, around whatever the attacker put in it."""
    raw = json.dumps(obj, separators=(",", ":"), allow_nan=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize("path", FACT_LISTS)
def test_a_date_past_the_calendar_is_refused_with_the_range(client, path) -> None:
    err = assert_error(client.get(path, params={"date_to": "9999-12-31"}), 422)
    assert "2199-12-31" in err["message"]
    assert_error(client.get(path, params={"date_from": "0001-01-01"}), 422)
    assert client.get(path, params={"date_to": "2199-12-31"}).status_code == 200


@pytest.mark.parametrize("path,sort,token", [
    ("/api/movements", "-date", cursor(s="-date", k=10**30, i="x")),
    ("/api/movements", "-confidence", cursor(s="-confidence", k=10**30, i="x")),
    ("/api/movements", "confidence", cursor(s="confidence", k=True, i="x")),
    ("/api/claims", "confidence", cursor(s="confidence", k=float("nan"), i="x")),
    ("/api/claims", "confidence", cursor(s="confidence", k="0.5", i="x")),
    ("/api/quotes", "date", cursor(s="date", k=2024, i="x")),
    ("/api/places", "date", cursor(s="date", k="2024", i=7)),
    ("/api/places", "date", cursor(s="date", k="2024\x00", i="x")),
    ("/api/documents", "integrity", cursor(s="integrity", k=[0.5], i="x")),
    ("/api/documents", "name", cursor(s="name", k={"a": 1}, i="x")),
    ("/api/documents", "-published", cursor(s="-published", k="2024", i="x" * 5000)[:1000]),
    ("/api/documents", "-published", "bm90IGpzb24"),
    ("/api/documents", "-published", base64.urlsafe_b64encode(b"[" * 700).decode()),
    ("/api/movements.geojson", "-date", cursor(s="-date", k=None, i="x")),
    ("/api/incidents", "-", cursor(s="incidents", k=json.dumps([10**30]), i="x")),
    ("/api/groups", "-", cursor(s="groups", k="[true]", i="x")),
    ("/api/tracks", "-", cursor(s="tracks", k="[NaN]", i="x")),
    ("/api/incidents.geojson", "-", cursor(s="incidents", k='{"a": 1}', i="x")),
    ("/api/tracks.geojson", "-", cursor(s="tracks", k=3, i="x")),
])
def test_a_crafted_cursor_gets_400(client, path, sort, token) -> None:
    err = assert_error(client.get(path, params={"sort": sort, "cursor": token}), 400)
    assert err["code"] == "bad_cursor"


def test_a_real_cursor_still_pages_on_every_sort(client) -> None:
    for path, sorts in (("/api/claims", ("date", "-date", "confidence", "-confidence")),
                        ("/api/documents", ("published", "-published", "integrity", "name"))):
        for sort in sorts:
            first = client.get(path, params={"sort": sort, "limit": 2}).json()
            second = client.get(path, params={"sort": sort, "limit": 2,
                                              "cursor": first["next_cursor"]})
            assert second.status_code == 200, (sort, second.text)
            seen = {it["id"] for it in first["items"]}
            assert not seen & {it["id"] for it in second.json()["items"]}


@pytest.mark.parametrize("path,params", [
    ("/api/movements", {"q": "\x00"}),
    ("/api/documents", {"q": "tanks\x00"}),
    ("/api/claims", {"claimant": "Pentagon\x1b[2J"}),
    ("/api/movements.csv", {"actor": "\x7f"}),
    ("/api/incidents", {"actor": "a\x00b"}),
    ("/api/documents/a%00b", {}),
    ("/api/documents/%1b%5B2J", {}),
    ("/app.css%00.js", {}),
])
def test_a_control_character_in_a_filter_or_path_gets_400(client, path, params) -> None:
    err = assert_error(client.get(path, params=params), 400)
    assert err["code"] == "control_character"


def test_too_many_values_for_one_filter_are_refused(client) -> None:
    assert_error(client.get("/api/movements", params={"actor": [f"a{i}" for i in range(51)]}),
                 422)
    assert_error(client.get("/api/movements", params={"actor": "x" * 201}), 422)


def test_a_foreign_host_header_is_refused(store_url: str) -> None:
    app = create_app(store_url, token="", host="10.1.2.3")
    for base in ("http://evil.example", "http://127.0.0.1.evil.example:8000",
                 "http://localhost.evil.example"):
        with TestClient(app, base_url=base, raise_server_exceptions=False) as c:
            err = assert_error(c.get("/api/health"), 400)
            assert err["code"] == "bad_host" and "SITREP_ALLOWED_HOSTS" in err["message"]
            assert c.get("/").status_code == 400
    for base in ("http://127.0.0.1:8000", "http://localhost", "http://[::1]:9000",
                 "http://10.1.2.3:8000"):
        with TestClient(app, base_url=base, raise_server_exceptions=False) as c:
            assert c.get("/api/health").status_code == 200, base


def test_listed_host_names_are_answered(store_url: str, monkeypatch) -> None:
    monkeypatch.setenv("SITREP_ALLOWED_HOSTS", "sitrep.team.example, other.example")
    with TestClient(create_app(store_url, token=""), base_url="http://sitrep.team.example",
                    raise_server_exceptions=False) as c:
        assert c.get("/api/health").status_code == 200


SECURITY_HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options",
                    "referrer-policy")


@pytest.mark.parametrize("method,path", [
    ("GET", "/"), ("GET", "/app.css"), ("GET", "/vendor/leaflet/leaflet.js"), ("GET", "/docs"),
    ("GET", "/openapi.json"), ("GET", "/api/movements"), ("GET", "/api/claims.csv"),
    ("GET", "/api/nothing"), ("GET", "/api/movements?limit=0"), ("POST", "/api/ingest"),
    ("GET", "/api/documents?q=%00"),
])
def test_every_answer_carries_the_security_headers(client, method, path) -> None:
    resp = client.request(method, path)
    assert resp.status_code < 500
    for name in SECURITY_HEADERS:
        assert resp.headers.get(name), (name, path)
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["x-frame-options"] == "DENY"
    csp = resp.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_a_refused_host_still_gets_the_headers(store_url: str) -> None:
    with TestClient(create_app(store_url, token=""), base_url="http://evil.example",
                    raise_server_exceptions=False) as c:
        resp = c.get("/")
    assert resp.status_code == 400 and resp.headers["x-frame-options"] == "DENY"


def test_the_tile_server_is_the_only_other_image_source(store_url: str) -> None:
    app = create_app(store_url, token="", tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(app, base_url=LOCAL) as c:
        csp = c.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tiles.example.org;" in csp


def test_the_docs_page_loads_its_assets_from_this_server(client) -> None:
    html = client.get("/docs").text
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        assert client.get(f"/vendor/swagger-ui/{asset}").status_code == 200
    assert client.get("/redoc").status_code == 404  # it would load from a CDN


# --- writes --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def writer(store_url: str):
    with TestClient(create_app(store_url, token=TOKEN), raise_server_exceptions=False,
                    base_url=LOCAL, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


def post_json(writer: TestClient, text: str):  # type: ignore[no-untyped-def]
    return writer.post("/api/ingest", content=text.encode(),
                       headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("body,status,needle", [
    ("[" * 100_000 + "]" * 100_000, 400, "nested too deeply"),
    ('{"text": {"a": ' * 5_000 + "1" + "}" * 5_001, 400, "nested too deeply"),
    ('{"text": "Tanks moved \\ud800 west."}', 422, "lone surrogate"),
    ('{"text": "Tanks moved west.", "title": "\\udfff"}', 422, "lone surrogate"),
    ('{"text": "Tanks moved\\u0000 west."}', 422, "control character"),
    ('{"text": "Tanks moved west.", "name": "a\\u0000b"}', 422, "control character"),
    ('{"text": "Tanks moved west.", "uri": "http://x\\u001b"}', 422, "control character"),
    (json.dumps({"text": "Tanks moved west.", "title": "t" * 1001}), 422, "1,000 characters"),
    (json.dumps({"text": "Tanks moved west.", "name": "n" * 201}), 422, "200 characters"),
    (json.dumps({"text": "Tanks moved west.", "published": "yesterday"}), 422, "ISO date"),
    (json.dumps({"text": "Tanks moved west.", "published": "9999-12-31"}), 422, "ISO date"),
])
def test_a_hostile_article_is_refused_with_the_reason(writer, body, status, needle) -> None:
    err = assert_error(post_json(writer, body), status)
    assert needle in err["message"]


def test_the_longest_allowed_fields_are_stored(writer) -> None:
    art = {"text": "Four patrol boats left Odesa harbour at dawn, the port authority said.",
           "title": "T" * 1000, "name": "n" * 200, "published": "2024-03-05T06:00:00"}
    resp = writer.post("/api/ingest", json=art)
    assert resp.status_code == 201, resp.text
    assert resp.json()["name"] == "n" * 200

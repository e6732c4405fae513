"""The fact lists: every filter, sorting, stable cursors, GeoJSON, CSV, timeline and ledger."""

from __future__ import annotations

import csv
import io

import pytest

from tests.api.conftest import assert_error

KINDS = ("movements", "claims", "quotes", "places")


def names(body: dict) -> set[str]:
    return {it["document"]["name"] for it in body["items"]}


def get(client, path: str, **params) -> dict:
    resp = client.get(path, params={"limit": 500, **params})
    assert resp.status_code == 200, resp.text
    return resp.json()


@pytest.mark.parametrize(
    ("params", "kept", "dropped"),
    [
        ({"actor": "Testland"}, "api-fixture-wire", "api-fixture-post"),
        ({"equipment": "warships"}, "api-fixture-post", "api-fixture-wire"),
        ({"status": "en_route"}, "api-fixture-wire", "api-fixture-post"),
        ({"observed_by": "coast guard"}, "api-fixture-post", "api-fixture-wire"),
        ({"bbox": "30,45,40,52"}, "api-fixture-wire", "api-fixture-post"),
        ({"bbox": "130,35,150,45"}, "api-fixture-post", "api-fixture-wire"),
        ({"date_from": "2024-06-01"}, "api-fixture-post", "api-fixture-wire"),
        ({"date_to": "2024-05-31"}, "api-fixture-wire", "api-fixture-post"),
        ({"min_confidence": 0.8}, "api-fixture-wire", "api-fixture-post"),
        ({"q": "column of TANKS"}, "api-fixture-wire", "api-fixture-post"),
        ({"publisher": "Other Post"}, "api-fixture-post", "api-fixture-wire"),
    ],
)
def test_movement_filters_keep_only_matching_movements(client, params, kept, dropped) -> None:
    got = names(get(client, "/api/movements", **params))
    assert kept in got and dropped not in got


def test_movement_filter_by_document_id(client) -> None:
    doc_id = client.get("/api/documents/api-fixture-post").json()["id"]
    body = get(client, "/api/movements", doc_id=doc_id)
    assert [m["actor"] for m in body["items"]] == ["Otherland"]


def test_repeated_filter_values_are_alternatives(client) -> None:
    got = names(get(client, "/api/movements", actor=["Testland", "Otherland"]))
    assert {"api-fixture-wire", "api-fixture-post"} <= got


def test_a_box_across_the_antimeridian_wraps(client) -> None:
    got = names(get(client, "/api/movements", bbox="140,30,-170,50"))
    assert "api-fixture-post" in got and "api-fixture-wire" not in got


@pytest.mark.parametrize(
    ("path", "params", "kept", "dropped"),
    [
        (
            "/api/claims",
            {"metric": "killed", "claimant": "Other Ministry"},
            "api-fixture-post",
            "api-fixture-wire",
        ),
        (
            "/api/claims",
            {"subject": "Otherland", "min_confidence": 0.7},
            "api-fixture-wire",
            "api-fixture-post",
        ),
        ("/api/quotes", {"speaker": "Anna Testova"}, "api-fixture-wire", "api-fixture-post"),
        ("/api/places", {"kind": "strait"}, "api-fixture-post", "api-fixture-wire"),
        ("/api/places", {"bbox": "36,50.5,37,51"}, "api-fixture-wire", "api-fixture-post"),
    ],
)
def test_claim_quote_and_place_filters(client, path, params, kept, dropped) -> None:
    got = names(get(client, path, **params))
    assert kept in got and dropped not in got


def test_a_metric_outside_the_vocabulary_is_refused(client) -> None:
    err = assert_error(client.get("/api/claims", params={"metric": "bananas"}), 422)
    assert "metric" in err["message"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("sort", ["-date", "date", "confidence", "-confidence"])
def test_pages_follow_the_cursor_in_sort_order_without_repeats(client, kind, sort) -> None:
    whole = get(client, f"/api/{kind}", sort=sort, with_total=True)
    seen, cursor = [], None
    while True:
        body = client.get(
            f"/api/{kind}", params={"limit": 2, "sort": sort, "cursor": cursor}
        ).json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert [it["id"] for it in seen] == [it["id"] for it in whole["items"]]
    assert len(seen) == whole["total"]
    key = sort.lstrip("-")
    values = [it[key] or "" if key == "date" else it[key] for it in seen]
    assert values == sorted(values, reverse=sort.startswith("-"))


def test_a_cursor_only_serves_the_sort_it_was_made_for(client) -> None:
    cursor = client.get("/api/places", params={"limit": 1, "sort": "date"}).json()["next_cursor"]
    assert cursor
    err = assert_error(
        client.get("/api/places", params={"cursor": cursor, "sort": "-confidence"}), 400
    )
    assert "sort=date" in err["message"]
    assert_error(client.get("/api/places", params={"cursor": "not-a-cursor"}), 400)


def test_every_fact_carries_evidence_found_in_its_document(client) -> None:
    raws: dict[str, str] = {}
    for kind in KINDS:
        for it in get(client, f"/api/{kind}")["items"]:
            if it["doc_id"] not in raws:
                raws[it["doc_id"]] = client.get(f"/api/documents/{it['doc_id']}").json()["raw_text"]
            ev = it["evidence"]
            assert raws[it["doc_id"]][ev["start"] : ev["end"]] == ev["text"]


def test_movements_geojson_draws_lines_from_origin_to_destination_and_points_otherwise(
    client,
) -> None:
    fc = get(client, "/api/movements.geojson")
    assert fc["type"] == "FeatureCollection"
    by_actor = {f["properties"]["actor"]: f["geometry"] for f in fc["features"]}
    assert by_actor["Testland"] == {
        "type": "LineString",
        "coordinates": [[36.6, 50.6], [36.2, 50.0]],
    }
    assert by_actor["Otherland"] == {"type": "Point", "coordinates": [140.5, 41.5]}
    listed = get(client, "/api/movements")["items"]
    located = [m for m in listed if m["lat"] is not None]
    assert len(fc["features"]) == len(located)


def test_places_geojson_has_a_point_per_located_place(client) -> None:
    fc = get(client, "/api/places.geojson", kind="strait")
    assert fc["features"] and all(f["geometry"]["type"] == "Point" for f in fc["features"])


def test_csv_download_has_a_header_and_one_row_per_matching_fact(client) -> None:
    resp = client.get("/api/claims.csv", params={"subject": "Otherland"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert {r["claimant"] for r in rows} == {"Testland ministry", "Other Ministry"}
    assert {r["evidence_text"] for r in rows} >= {"only 50 of its soldiers were killed"}
    every = list(csv.DictReader(io.StringIO(client.get("/api/places.csv").text)))
    assert len(every) == get(client, "/api/places", with_total=True, limit=1)["total"]


def test_timeline_counts_facts_per_day(client) -> None:
    days = client.get("/api/timeline", params={"kind": "movements", "actor": "Otherland"}).json()[
        "days"
    ]
    assert days == [{"day": "2024-06-10", "count": 1, "article": 0}]


def test_claims_ledger_puts_contradicting_figures_side_by_side(client) -> None:
    groups = client.get("/api/claims/ledger", params={"subject": "Otherland"}).json()["groups"]
    (g,) = groups
    assert g["metric"] == "killed" and g["disagree"] is True
    assert {(f["claimant"], f["low"]) for f in g["figures"]} == {
        ("Testland ministry", 300),
        ("Other Ministry", 50),
    }


def test_claims_ledger_lists_the_claims_of_a_seed_by_claimant(client) -> None:
    doc = client.get("/api/documents/004_1c37168e199462a6").json()
    groups = client.get("/api/claims/ledger", params={"doc_id": doc["id"], "groups": 200}).json()[
        "groups"
    ]
    in_ledger = {f["id"] for g in groups for f in g["figures"]}
    assert in_ledger == {c["id"] for c in doc["claims"]}


def test_facets_give_each_filter_value_with_its_count(client) -> None:
    f = client.get("/api/facets").json()
    assert {"value": "Testland", "count": 1} in f["actor"]
    assert any(e["value"] == "warships" for e in f["equipment"])
    assert {"value": "Test Wire", "count": 1} in f["publisher"]
    assert f["counts"]["documents"] >= 16

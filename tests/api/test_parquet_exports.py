"""Parquet downloads (/api/{kind}.parquet, `sitrep export --format parquet`): typed columns that
pandas and pyarrow read, and GeoParquet 1.0 geometry for movements and places."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

SITREP = str(Path(sys.executable).parent / "sitrep")


def read_wkb(blob: bytes) -> tuple[str, list[tuple[float, float]]]:
    """A little-endian WKB Point or LineString, read by hand (no GIS library needed)."""
    order, kind = struct.unpack_from("<BI", blob)
    assert order == 1
    if kind == 1:
        return "Point", [struct.unpack_from("<dd", blob, 5)]
    assert kind == 2
    (n,) = struct.unpack_from("<I", blob, 5)
    return "LineString", [struct.unpack_from("<dd", blob, 9 + 16 * i) for i in range(n)]


def geo_metadata(data: bytes) -> dict[str, Any]:
    meta = pq.read_schema(io.BytesIO(data)).metadata
    return json.loads(meta[b"geo"])


def test_movements_parquet_has_the_list_rows_and_their_geometry(client) -> None:
    resp = client.get("/api/movements.parquet")
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(resp.content))
    items = client.get("/api/movements", params={"limit": 500}).json()["items"]
    listed = {m["id"]: m for m in items}
    rows = table.to_pylist()
    assert {r["id"] for r in rows} == set(listed)
    assert str(table.schema.field("equipment").type) == "list<element: string>"
    assert str(table.schema.field("confidence").type) == "double"
    assert str(table.schema.field("evidence_start").type) == "int64"
    geo = geo_metadata(resp.content)
    assert geo["version"] == "1.0.0" and geo["primary_column"] == "geometry"
    column = geo["columns"]["geometry"]
    assert column["encoding"] == "WKB"
    seen_types = set()
    for r in rows:
        m = listed[r["id"]]
        assert r["evidence_text"] == m["evidence"]["text"]
        assert r["equipment"] == m["equipment"]
        o, d = m["origin"] or {}, m["destination"] or {}
        if r["geometry"] is None:
            assert m["lat"] is None and not (o.get("lat") is not None and d.get("lat") is not None)
            continue
        kind, coords = read_wkb(r["geometry"])
        seen_types.add(kind)
        located = [p for p in (m["location"], d, o) if p and p.get("lat") is not None]
        if kind == "LineString":  # origin to destination, longitude first; neither an area
            assert coords == [(o["lon"], o["lat"]), (d["lon"], d["lat"])]
            assert not o["area"] and not d["area"]
        elif located:  # one of its places: an area's centre only when it names no other place
            points = [p for p in located if not p["area"]] or located
            assert coords[0] in {(p["lon"], p["lat"]) for p in points}
        else:
            assert coords == [(m["lon"], m["lat"])]
        west, south, east, north = column["bbox"]
        assert all(west <= x <= east and south <= y <= north for x, y in coords)
    assert "LineString" in seen_types  # the fixture's Belgorod -> Kharkiv column
    assert sorted(seen_types) == column["geometry_types"]


def test_a_filtered_parquet_download_holds_what_the_filter_lists(client) -> None:
    resp = client.get("/api/movements.parquet", params={"actor": "Testland"})
    rows = pq.read_table(io.BytesIO(resp.content)).to_pylist()
    assert [r["actor"] for r in rows] == ["Testland"]
    assert rows[0]["document_publisher"] == "Test Wire"


def test_claims_and_quotes_parquet_read_in_pandas(client) -> None:
    pd = pytest.importorskip("pandas")
    claims = pd.read_parquet(io.BytesIO(client.get("/api/claims.parquet").content))
    total = client.get("/api/claims", params={"with_total": "true"}).json()["total"]
    assert len(claims) == total
    assert claims["low"].dtype == "float64"
    assert "geometry" not in claims.columns  # claims have no place of their own
    quotes = pd.read_parquet(io.BytesIO(client.get("/api/quotes.parquet").content))
    assert "We will hold every road into the city" in " ".join(quotes["text"])


def test_places_parquet_is_points_with_an_empty_filter_answering_an_empty_file(client) -> None:
    data = client.get("/api/places.parquet").content
    geo = geo_metadata(data)
    assert geo["columns"]["geometry"]["geometry_types"] == ["Point"]
    rows = pq.read_table(io.BytesIO(data)).to_pylist()
    assert rows and all(read_wkb(r["geometry"])[1] == [(r["lon"], r["lat"])]
                        for r in rows if r["lat"] is not None)
    empty = client.get("/api/places.parquet", params={"q": "no place says this"})
    table = pq.read_table(io.BytesIO(empty.content))
    assert table.num_rows == 0 and "geometry" in table.column_names


def test_sitrep_export_writes_parquet_to_a_file_and_to_stdout(store_url: str,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "places.parquet"
    res = subprocess.run([SITREP, "export", "--format", "parquet", "--kind", "places", "--db",
                          store_url, "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    n = int(res.stderr.split()[1])  # "exported N places"
    assert pq.read_table(out).num_rows == n > 0
    assert b"geo" in pq.read_schema(out).metadata
    piped = subprocess.run([SITREP, "export", "--format", "parquet", "--kind", "claims", "--db",
                            store_url], capture_output=True, timeout=300)
    assert piped.returncode == 0
    assert pq.read_table(io.BytesIO(piped.stdout)).num_rows > 0

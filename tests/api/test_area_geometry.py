"""A sea, an ocean, a country or a region is an area: its centre point is no position of a force,
so no exported line ends there (GeoJSON and GeoParquet from the API, GeoJSON from `sitrep
export`), as no map arrow does."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.records import Movement, PlaceRef
from sitrep.store.db import Store
from tests.api.conftest import LOCAL, place, plain_doc, span

RAW = ("Quay Ledger (areas fixture).\n\n"
       "Westmark frigates left Port Rowan for the Grey Sea, a dock worker said.\n\n"
       "Westmark supply ships sailed from Port Rowan to Cape Holm, the ledger reported.\n\n"
       "Eastmark patrol boats were seen in the Grey Sea, fishermen said.\n")
ROWAN = (51.2, 3.1)
HOLM = (52.0, 4.4)
GREY_SEA = (55.0, 6.0)  # the gazetteer's centre point of the sea


def store_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'areas.db'}"
    doc = plain_doc(RAW, "areas-fixture", "Quay Ledger", "2024-07-01")
    doc.places = [place(RAW, "Port Rowan", *ROWAN, "city"), place(RAW, "Cape Holm", *HOLM, "city"),
                  place(RAW, "Grey Sea", *GREY_SEA, "sea")]
    rowan, sea = PlaceRef("Port Rowan", *ROWAN), PlaceRef("Grey Sea", *GREY_SEA)
    doc.movements = [
        Movement("Westmark", ["warships"], "en_route",
                 span(RAW, "Westmark frigates left Port Rowan for the Grey Sea"),
                 origin=rowan, destination=sea, confidence=0.7),
        Movement("Westmark", ["warships"], "en_route",
                 span(RAW, "Westmark supply ships sailed from Port Rowan to Cape Holm"),
                 origin=rowan, destination=PlaceRef("Cape Holm", *HOLM), confidence=0.7),
        Movement("Eastmark", ["warships"], "deployed",
                 span(RAW, "Eastmark patrol boats were seen in the Grey Sea"),
                 location=sea, confidence=0.7),
    ]
    store = Store(url)
    store.upsert(doc)
    store.dispose()
    return url


def lonlat(lat_lon: tuple[float, float]) -> list[float]:
    return [lat_lon[1], lat_lon[0]]


EXPECTED = {  # evidence's first words -> geometry
    "Westmark frigates": {"type": "Point", "coordinates": lonlat(ROWAN)},
    "Westmark supply": {"type": "LineString", "coordinates": [lonlat(ROWAN), lonlat(HOLM)]},
    "Eastmark patrol": {"type": "Point", "coordinates": lonlat(GREY_SEA)},
}


def by_evidence(features: list[dict], text_of) -> dict[str, dict]:
    return {" ".join(text_of(f).split()[:2]): f["geometry"] for f in features}


def test_no_exported_line_ends_at_an_areas_centre(tmp_path: Path) -> None:
    url = store_url(tmp_path)
    with TestClient(create_app(url, token="", read_only=True), base_url=LOCAL) as client:
        features = client.get("/api/movements.geojson").json()["features"]
        assert by_evidence(features, lambda f: f["properties"]["evidence"]["text"]) == EXPECTED
        [sea_only] = [f for f in features if f["properties"]["actor"] == "Eastmark"]
        assert sea_only["properties"]["location"]["area"] is True  # the point is a sea's centre
        table = pq.read_table(io.BytesIO(client.get("/api/movements.parquet").content))
        # WKB: a byte-order byte, then the type (1 Point, 2 LineString): one line, two points
        assert sorted(g[1] for g in table.column("geometry").to_pylist()) == [1, 1, 2]
    out = subprocess.run([sys.executable, "-m", "sitrep.cli", "export", "--kind", "movements",
                          "--format", "geojson", "--db", url],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    cli = json.loads(out)["features"]
    assert by_evidence(cli, lambda f: RAW[f["properties"]["start"]:f["properties"]["end"]]) == \
        EXPECTED

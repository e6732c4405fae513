"""Exports from the store: JSON Lines, CSV and GeoJSON of facts, streamed row by row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import select

from sitrep.store.db import Store
from sitrep.store.schema import FACT_TABLES, documents

KINDS = ("movements", "claims", "quotes", "places")
# what a spreadsheet reads as the start of a formula (OWASP, "CSV injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text and never runs: a text cell that begins like a
    formula gets a leading single quote. Numbers stay numbers (a longitude of -73.9 is one)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: objects and lists as JSON text, every text cell spreadsheet-safe."""
    return {k: spreadsheet_safe(json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list)
                                else v)
            for k, v in row.items()}


def iter_rows(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Fact rows of one kind with their document's name, publisher and date."""
    table = FACT_TABLES[kind]
    q = (
        select(
            table,
            documents.c.name.label("doc_name"),
            documents.c.publisher,
            documents.c.published,
            documents.c.uri,
        )
        .join(documents, documents.c.id == table.c.doc_id)
        .order_by(documents.c.published, table.c.doc_id, table.c.start)
    )
    with store.engine.connect() as conn:
        for row in conn.execute(q).mappings():
            yield dict(row)


def write_jsonl(store: Store, kind: str, out: IO[str]) -> int:
    n = 0
    for row in iter_rows(store, kind):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(store: Store, kind: str, out: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in iter_rows(store, kind):
        flat = csv_row(row)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def feature(kind: str, row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON feature: a movement with origin and destination is a LineString, else a Point."""
    props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
    if kind == "movements":
        o, d = row.get("origin") or {}, row.get("destination") or {}
        if o.get("lat") is not None and d.get("lat") is not None:
            geom = {
                "type": "LineString",
                "coordinates": [[o["lon"], o["lat"]], [d["lon"], d["lat"]]],
            }
            return {"type": "Feature", "geometry": geom, "properties": props}
    if row.get("lat") is None or row.get("lon") is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
        "properties": props,
    }


def write_geojson(store: Store, kind: str, out: IO[str]) -> int:
    if kind not in ("movements", "places"):
        raise ValueError("GeoJSON export is for movements and places")
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in iter_rows(store, kind):
        f = feature(kind, row)
        if f is None:
            continue
        out.write((",\n" if n else "") + json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}

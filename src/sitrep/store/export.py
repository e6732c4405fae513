"""Exports from the store: JSON Lines, CSV and GeoJSON of facts, streamed row by row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sitrep.store.db import Store
from sitrep.store.queries import mark_areas
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


MARK_BATCH = 500  # movement rows whose places are marked by one query of the area names


def iter_rows(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Fact rows of one kind with their document's name, publisher and date; a movement's
    places say whether they are areas (`queries.mark_areas`), as the API's do."""
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
        rows: list[dict[str, Any]] = []
        for row in conn.execute(q).mappings():
            rows.append(dict(row))
            if len(rows) >= MARK_BATCH:
                yield from _marked(conn, kind, rows)
                rows = []
        yield from _marked(conn, kind, rows)


def _marked(conn: Connection, kind: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return mark_areas(conn, rows) if kind == "movements" else rows


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


def _coords(ref: Any) -> list[float] | None:
    if not isinstance(ref, dict) or ref.get("lat") is None or ref.get("lon") is None:
        return None
    return [ref["lon"], ref["lat"]]


def _spot(ref: Any) -> list[float] | None:
    """Where a force can be: a place's point, unless the place is an area (a sea, an ocean, a
    country, a region), whose centre is no position of a force."""
    return None if isinstance(ref, dict) and ref.get("area") else _coords(ref)


def movement_geometry(row: dict[str, Any]) -> dict[str, Any] | None:
    """A movement's geometry, as the map draws it: a LineString from its origin to where it is
    heading only when both are points; an area is never a line's end. Else a Point where it
    is (or is heading, or set out from); an area's centre only when it names no other place,
    its `area` mark in the properties saying what that point is."""
    o, d, at = row.get("origin"), row.get("destination"), row.get("location")
    start, end = _spot(o), _spot(d)
    if start and end:
        return {"type": "LineString", "coordinates": [start, end]}
    where = _spot(at) or end or start or _coords(d) or _coords(at) or _coords(o)
    if where is None and row.get("lat") is not None and row.get("lon") is not None:
        where = [row["lon"], row["lat"]]
    return {"type": "Point", "coordinates": where} if where else None


def feature(kind: str, row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON feature: a movement as `movement_geometry`, any other fact a Point."""
    props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
    if kind == "movements":
        geom = movement_geometry(row)
    elif row.get("lat") is None or row.get("lon") is None:
        geom = None
    else:
        geom = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
    return {"type": "Feature", "geometry": geom, "properties": props} if geom else None


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

"""Facts as Parquet for pandas, DuckDB and GIS tools; movements and places as GeoParquet 1.0.

The columns are the API's (the CSV download's): the fact's own columns, then `evidence_*` and
`document_*`. Types follow the store's schema: texts, floats, integers; `equipment` is a list of
texts, a place a movement names (origin, destination, location) is JSON text. Movements and
places get a `geometry` column, WKB in longitude/latitude (OGC:CRS84), with the GeoParquet `geo`
file metadata: a LineString from origin to destination when a movement has both, else a Point
where it is (the same geometry as the GeoJSON export), null when it has no place.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Float, Integer

from sitrep.store.export import feature
from sitrep.store.queries import DOC_COLUMNS
from sitrep.store.schema import FACT_TABLES

GEO_KINDS = ("movements", "places")
GEOPARQUET_VERSION = "1.0.0"
_HIDDEN = {"start", "end", "evidence"}  # they become the evidence_* columns
_WKB_TYPES = {"Point": 1, "LineString": 2}


def flat_fact(item: dict[str, Any]) -> dict[str, Any]:
    """One fact as the API gives it, flat: evidence and document become prefixed columns."""
    out: dict[str, Any] = {}
    for k, v in item.items():
        if k in ("evidence", "document") and isinstance(v, dict):
            out.update({f"{k}_{k2}": v2 for k2, v2 in v.items()})
        else:
            out[k] = v
    return out


def arrow_schema(kind: str) -> pa.Schema:
    """The columns of one kind's Parquet file, typed from the store's table."""
    fields = []
    for col in FACT_TABLES[kind].columns:
        if col.name in _HIDDEN:
            continue
        if col.name == "equipment":
            typ: pa.DataType = pa.list_(pa.string())
        elif isinstance(col.type, Float):
            typ = pa.float64()
        elif isinstance(col.type, Integer):
            typ = pa.int64()
        else:  # texts, and JSON objects written as JSON text
            typ = pa.string()
        fields.append(pa.field(col.name, typ))
    fields += [pa.field("evidence_start", pa.int64()), pa.field("evidence_end", pa.int64()),
               pa.field("evidence_text", pa.string())]
    fields += [pa.field(f"document_{n}", pa.string()) for n in DOC_COLUMNS]
    if kind in GEO_KINDS:
        fields.append(pa.field("geometry", pa.binary()))
    return pa.schema(fields)


def wkb(geometry: dict[str, Any]) -> bytes:
    """A GeoJSON Point or LineString as little-endian WKB."""
    kind = _WKB_TYPES[geometry["type"]]
    coords = geometry["coordinates"]
    if kind == 1:
        return struct.pack("<BIdd", 1, kind, float(coords[0]), float(coords[1]))
    return struct.pack("<BII", 1, kind, len(coords)) + b"".join(
        struct.pack("<dd", float(x), float(y)) for x, y in coords)


def _json_columns(kind: str) -> set[str]:
    return {c.name for c in FACT_TABLES[kind].columns
            if isinstance(c.type, JSON) and c.name != "equipment"}


class GeoStats:
    """The geometry types and bounding box of what was written, for the `geo` metadata."""

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.bbox = [float("inf"), float("inf"), float("-inf"), float("-inf")]

    def add(self, geometry: dict[str, Any]) -> None:
        self.types.add(geometry["type"])
        coords = geometry["coordinates"]
        for x, y in [coords] if geometry["type"] == "Point" else coords:
            self.bbox = [min(self.bbox[0], x), min(self.bbox[1], y),
                         max(self.bbox[2], x), max(self.bbox[3], y)]

    def metadata(self) -> bytes:
        column: dict[str, Any] = {"encoding": "WKB", "geometry_types": sorted(self.types)}
        if self.types:
            column["bbox"] = self.bbox
        return json.dumps({"version": GEOPARQUET_VERSION, "primary_column": "geometry",
                           "columns": {"geometry": column}}).encode()


def parquet_row(kind: str, item: dict[str, Any], json_cols: set[str],
                geo: GeoStats | None) -> dict[str, Any]:
    row = flat_fact(item)
    for name in json_cols:
        if row.get(name) is not None:
            row[name] = json.dumps(row[name], ensure_ascii=False)
    if geo is not None:
        found = feature(kind, item)
        row["geometry"] = wkb(found["geometry"]) if found else None
        if found:
            geo.add(found["geometry"])
    return row


def write_parquet(kind: str, items: Iterable[dict[str, Any]], out: IO[bytes],
                  batch: int = 2000) -> int:
    """Facts (as the API lists them) to a Parquet file, in row groups of `batch`; the count."""
    schema = arrow_schema(kind)
    json_cols = _json_columns(kind)
    geo = GeoStats() if kind in GEO_KINDS else None
    rows: list[dict[str, Any]] = []
    n = 0
    # no ARROW:schema in the footer: readers then take their schema metadata from the file's
    # key-value metadata, where `geo` is added once every row is written
    with pq.ParquetWriter(out, schema, compression="zstd", store_schema=False) as writer:
        for item in items:
            rows.append(parquet_row(kind, item, json_cols, geo))
            n += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        if geo is not None:  # it holds every row's bbox: added to the footer, written last
            writer.add_key_value_metadata({"geo": geo.metadata().decode()})
    return n

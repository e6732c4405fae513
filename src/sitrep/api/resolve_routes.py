"""API endpoints over what the resolve stage built: groups of copies, incidents, tracks and the
claims ledger.

Mounted by the application (`app.include_router(resolve_routes.router)`); reads the store at
`request.app.state.store`, like every other endpoint. Lists page as the fact lists do: pass
`next_cursor` back as `cursor` for the next page.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from sitrep.api.errors import ApiError
from sitrep.api.params import (
    Cursor,
    GeoLimit,
    cursor_parts,
    decode_cursor,
    encode_cursor,
    parse_bbox,
)
from sitrep.api.routes import MovementFilter
from sitrep.records import METRICS
from sitrep.resolve import step as resolved
from sitrep.store import queries
from sitrep.store.export import csv_row
from sitrep.store.queries import FactFilter
from sitrep.store.resolve_tables import TABLES, create_tables

router = APIRouter(prefix="/api", tags=["resolve"])

Limit = Annotated[int, Query(ge=1, le=500, description="Page size, at most 500.")]
Metric = Annotated[Literal[METRICS] | None, Query()]  # type: ignore[valid-type]


def connection(request: Request) -> Iterator[Connection]:
    store = request.app.state.store
    if not getattr(request.app.state, "resolve_tables", False):
        if not store.read_only:
            create_tables(store.engine)  # an empty store answers with empty lists, not an error
        elif missing := [t.name for t in TABLES if not inspect(store.engine).has_table(t.name)]:
            # a store of a sitrep before the resolve stage, which nothing may be added to here
            raise ApiError(409, f"this store has no {', '.join(missing)} table(s): it was "
                                "written by an older sitrep; run `sitrep resolve --db <its URL>` "
                                "once to build them", code="not_resolved")
        request.app.state.resolve_tables = True
    with store.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


def read_cursor(token: str | None, kind: str, limit: int) -> resolved.Page:
    """The page a cursor asks for; a clear 400 when it is not one of this list's cursors."""
    after = decode_cursor(token, kind)  # checks the token and that it was made for this list
    if after is None:
        return resolved.Page(limit)
    head, last_id = after
    return resolved.Page(limit, (*cursor_parts(head), last_id))


def next_cursor(kind: str, nxt: tuple[Any, ...] | None) -> str | None:
    """The cursor of the page after the row whose sort key is `nxt` (None: no more pages)."""
    return encode_cursor(kind, (json.dumps(list(nxt[:-1])), nxt[-1])) if nxt else None


def page(kind: str, items: list[Any], total: int, nxt: tuple[Any, ...] | None) -> dict[str, Any]:
    """One page of a list: its items, the cursor of the next page and the total."""
    return {"items": [asdict(i) for i in items], "next_cursor": next_cursor(kind, nxt),
            "total": total}


@router.get("/groups", summary="Groups of republished copies, each with its original")
def list_groups(conn: Conn, min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
                doc_id: Annotated[str | None, Query(max_length=64)] = None,
                limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Copies point at the document they were taken from (`parent_id`) with the evidence: the
    share of their text found there and the "via X" / "Source: X" line they carry."""
    items, total, nxt = resolved.list_groups(conn, min_size=min_size, doc_id=doc_id,
                                             page=read_cursor(cursor, "groups", limit))
    return page("groups", items, total, nxt)


@router.get("/incidents", summary="Movements merged across documents, with independent sources")
def list_incidents(conn: Conn, actor: str | None = None,
                   min_sources: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                   date_from: str | None = None, date_to: str | None = None,
                   bbox: str | None = None, limit: Limit = 50,
                   cursor: Cursor = None) -> dict[str, Any]:
    """`n_sources` counts groups of copies once: a republished copy is not corroboration."""
    items, total, nxt = resolved.list_incidents(conn, actor=actor, min_sources=min_sources,
                                                date_from=date_from, date_to=date_to,
                                                bbox=parse_bbox(bbox),
                                                page=read_cursor(cursor, "incidents", limit))
    return page("incidents", items, total, nxt)


@router.get("/incidents.geojson", summary="Incidents as GeoJSON points")
def incidents_geojson(conn: Conn, actor: str | None = None,
                      min_sources: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                      date_from: str | None = None, date_to: str | None = None,
                      bbox: str | None = None,
                      limit: GeoLimit = 1000, cursor: Cursor = None) -> dict[str, Any]:
    items, _, nxt = resolved.list_incidents(conn, actor=actor, min_sources=min_sources,
                                            date_from=date_from, date_to=date_to,
                                            bbox=parse_bbox(bbox),
                                            page=read_cursor(cursor, "incidents", limit))
    features = []
    for inc in items:
        if inc.lat is None or inc.lon is None:
            continue
        props = {k: v for k, v in asdict(inc).items() if k not in ("lat", "lon", "reports")}
        props["documents"] = sorted({r.doc.name for r in inc.reports})
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [inc.lon, inc.lat]}})
    return {"type": "FeatureCollection", "features": features,
            "next_cursor": next_cursor("incidents", nxt)}


def read_tracks(conn: Connection, f: FactFilter, page: resolved.Page
                ) -> tuple[list[Any], int, tuple[Any, ...] | None]:
    """The tracks with a position reported by a movement the filter matches (every track when
    it matches every movement): one code path for the list and its GeoJSON; the CSV reads the
    same tracks through `iter_tracks`."""
    return resolved.list_tracks(conn, reports=reporting(f), page=page)


def reporting(f: FactFilter) -> Select[Any] | None:
    """The movements whose tracks a filter keeps: a select of their ids, None for all."""
    return None if f == FactFilter() else queries.fact_ids("movements", f)


@router.get("/tracks", summary="Successive positions of one force, in time order")
def list_tracks(conn: Conn, f: MovementFilter, limit: Limit = 50,
                cursor: Cursor = None) -> dict[str, Any]:
    """The movement list's filters apply: a track is listed when one of its positions was
    reported by a movement they match (dates: the report's own or its article's; `undated`
    keeps the reports with neither)."""
    items, total, nxt = read_tracks(conn, f, read_cursor(cursor, "tracks", limit))
    return page("tracks", items, total, nxt)


def track_features(items: list[Any]) -> list[dict[str, Any]]:
    return [{"type": "Feature",
             "properties": {k: v for k, v in asdict(t).items() if k != "points"}
             | {"places": [p.place for p in t.points], "times": [p.first_seen for p in t.points]},
             "geometry": {"type": "LineString",
                          "coordinates": [[p.lon, p.lat] for p in t.points]}}
            for t in items]


@router.get("/tracks.geojson", summary="Tracks as GeoJSON lines")
def tracks_geojson(conn: Conn, f: MovementFilter, limit: GeoLimit = 1000,
                   cursor: Cursor = None) -> dict[str, Any]:
    """The tracks `/api/tracks` lists under the same filters."""
    items, _, nxt = read_tracks(conn, f, read_cursor(cursor, "tracks", limit))
    return {"type": "FeatureCollection", "next_cursor": next_cursor("tracks", nxt),
            "features": track_features(items)}


TRACK_CSV_PAGE = 500  # tracks read per query while the CSV is written
TRACK_CSV = ["track_id", "actor", "km", "position", "role", "place", "lat", "lon",
             "first_seen", "last_seen", "incident_id"]


@router.get("/tracks.csv", summary="Tracks as CSV, one row per position",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row"}})
def tracks_csv(conn: Conn, f: MovementFilter) -> StreamingResponse:
    """Every track `/api/tracks` lists under the same filters, a row per position in time order.
    Text cells that begin like a spreadsheet formula get a leading '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TRACK_CSV)
    writer.writeheader()
    for t in resolved.iter_tracks(conn, reports=reporting(f), page_size=TRACK_CSV_PAGE):
        for n, p in enumerate(t.points, 1):
            writer.writerow(csv_row({
                "track_id": t.id, "actor": t.actor, "km": t.km, "position": n,
                "role": p.role, "place": p.place, "lat": p.lat, "lon": p.lon,
                "first_seen": p.first_seen, "last_seen": p.last_seen,
                "incident_id": p.incident_id}))
    headers = {"Content-Disposition": 'attachment; filename="sitrep-tracks.csv"'}
    return StreamingResponse(iter([out.getvalue()]), media_type="text/csv; charset=utf-8",
                             headers=headers)


@router.get("/ledger", summary="Figures by quantity, claimant and date; contradictions flagged")
def read_ledger(conn: Conn, metric: Metric = None, subject: str | None = None,
                claimant: str | None = None, with_copies: bool = False,
                limit: Limit = 50) -> dict[str, Any]:
    """One entry per quantity (subject, metric, period). With `claimant`, that claimant's series
    over time. Figures repeated by republished copies are left out unless `with_copies`."""
    items = resolved.read_ledger(conn, metric=metric, subject=subject, claimant=claimant,
                                 with_copies=with_copies, limit=limit)
    return {"quantities": [asdict(q) for q in items]}

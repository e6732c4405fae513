"""The read endpoints: documents, facts (movements, claims, quotes, places), maps and downloads."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.engine import Connection

from sitrep.api.changes import clean_span, cleaning_changes, evidence_view
from sitrep.api.errors import ApiError, ErrorResponse
from sitrep.api.params import (
    DEFAULT_PAGE,
    Common,
    Cursor,
    DateFrom,
    DateTo,
    DocSort,
    FactSort,
    GeoLimit,
    Limit,
    Many,
    WithTotal,
    check_dates,
    clean_values,
    common_params,
    decode_cursor,
    encode_cursor,
    parse_bbox,
)
from sitrep.geo.step import place_aliases
from sitrep.records import EQUIPMENT, METRICS, STATUSES
from sitrep.store import queries
from sitrep.store.export import csv_row, feature
from sitrep.store.parquet import flat_fact, write_parquet
from sitrep.store.queries import DocFilter, FactFilter, Page

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": why}
    for code, why in ((400, "A parameter's value cannot be used"), (404, "No such document"),
                      (422, "A parameter is missing or of the wrong type"))}

router = APIRouter(prefix="/api", responses=ERRORS)

Equipment = Annotated[list[Literal[EQUIPMENT]] | None, Query()]  # type: ignore[valid-type]
Status = Annotated[list[Literal[STATUSES]] | None, Query()]  # type: ignore[valid-type]
Metric = Annotated[list[Literal[METRICS]] | None, Query()]  # type: ignore[valid-type]
FactKind = Literal["movements", "claims", "quotes", "places"]
DocFlag = Literal[queries.DOC_FLAGS]  # type: ignore[valid-type]


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.store.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]
Commons = Annotated[Common, Depends(common_params)]


def fact_filter(c: Common, **by: list[str] | None) -> FactFilter:
    """A store filter from the common parameters and the endpoint's own ones. A search text
    that names a place also finds the place's other names ("Kiev" finds "Kyiv")."""
    text = c.q.strip() if c.q and c.q.strip() else None
    return FactFilter(date_from=c.date_from, date_to=c.date_to, bbox=parse_bbox(c.bbox),
                      text=text, text_variants=place_aliases(text) if text else (),
                      min_confidence=c.min_confidence, publisher=c.publisher, doc_id=c.doc_id,
                      undated=c.undated,
                      **{k: clean_values(v) for k, v in by.items()})


def fact_page(conn: Connection, kind: str, f: FactFilter, sort: str, limit: int,
              cursor: str | None, with_total: bool) -> dict[str, Any]:
    page = Page(sort, limit, decode_cursor(cursor, sort))
    items, nxt = queries.list_facts(conn, kind, f, page)
    return {"items": items, "next_cursor": encode_cursor(sort, nxt) if nxt else None,
            "limit": limit, "sort": sort,
            "total": queries.count_facts(conn, kind, f) if with_total else None}


def movement_filter(c: Commons, actor: Many = None, equipment: Equipment = None,
                    status: Status = None, observed_by: Many = None) -> FactFilter:
    """The movement list's filters; the tracks built from movements take the same ones."""
    return fact_filter(c, actor=actor, equipment=equipment, status=status, observed_by=observed_by)


MovementFilter = Annotated[FactFilter, Depends(movement_filter)]


# --- facts ---------------------------------------------------------------------------------
@router.get("/movements", summary="Military movements, filtered and paged")
def list_movements(conn: Conn, f: MovementFilter, sort: FactSort = "-date",
                   limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
                   with_total: WithTotal = False) -> dict[str, Any]:
    return fact_page(conn, "movements", f, sort, limit, cursor, with_total)


@router.get("/claims", summary="War-toll and force figures, by claimant")
def list_claims(conn: Conn, c: Commons, metric: Metric = None, claimant: Many = None,
                subject: Many = None, sort: FactSort = "-date", limit: Limit = DEFAULT_PAGE,
                cursor: Cursor = None, with_total: WithTotal = False) -> dict[str, Any]:
    f = fact_filter(c, metric=metric, claimant=claimant, subject=subject)
    return fact_page(conn, "claims", f, sort, limit, cursor, with_total)


@router.get("/quotes", summary="Direct quotations with their speakers")
def list_quotes(conn: Conn, c: Commons, speaker: Many = None, sort: FactSort = "-date",
                limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
                with_total: WithTotal = False) -> dict[str, Any]:
    f = fact_filter(c, speaker=speaker)
    return fact_page(conn, "quotes", f, sort, limit, cursor, with_total)


@router.get("/places", summary="Places mentioned in the articles, with coordinates")
def list_places(conn: Conn, c: Commons, kind: Many = None, sort: FactSort = "-date",
                limit: Limit = DEFAULT_PAGE, cursor: Cursor = None,
                with_total: WithTotal = False) -> dict[str, Any]:
    f = fact_filter(c, place_kind=kind)
    return fact_page(conn, "places", f, sort, limit, cursor, with_total)


def geojson_page(conn: Connection, kind: str, f: FactFilter, sort: str, limit: int,
                 cursor: str | None) -> dict[str, Any]:
    page = Page(sort, limit, decode_cursor(cursor, sort))
    items, nxt = queries.list_facts(conn, kind, f, page)
    features = [ft for ft in (feature(kind, it) for it in items) if ft is not None]
    return {"type": "FeatureCollection", "features": features,
            "next_cursor": encode_cursor(sort, nxt) if nxt else None}


@router.get("/movements.geojson", summary="Movements as GeoJSON (LineString origin→destination)")
def movements_geojson(conn: Conn, f: MovementFilter, sort: FactSort = "-date",
                      limit: GeoLimit = 1000, cursor: Cursor = None) -> dict[str, Any]:
    """A movement from one point to another is a LineString, otherwise a Point where it is; an
    area (a sea, a country...) is never a line's end."""
    return geojson_page(conn, "movements", f, sort, limit, cursor)


@router.get("/places.geojson", summary="Places as GeoJSON points")
def places_geojson(conn: Conn, c: Commons, kind: Many = None, sort: FactSort = "-date",
                   limit: GeoLimit = 1000, cursor: Cursor = None) -> dict[str, Any]:
    f = fact_filter(c, place_kind=kind)
    return geojson_page(conn, "places", f, sort, limit, cursor)


def flatten(item: dict[str, Any]) -> dict[str, Any]:
    """One fact as a CSV row: evidence and document become prefixed columns."""
    return csv_row(flat_fact(item))


CSV_COLUMNS: dict[str, list[str]] = {
    "movements": ["actor", "equipment", "status", "observed_by", "size", "origin", "destination",
                  "location", "lat", "lon"],
    "claims": ["claimant", "subject", "metric", "low", "high"],
    "quotes": ["speaker", "text"],
    "places": ["mention", "name", "kind", "country", "geonameid", "lat", "lon"],
}
CSV_IN_MEMORY = 8 * 1024 * 1024  # a larger download is written to a temporary file first


def csv_file(conn: Connection, kind: str, f: FactFilter) -> IO[str]:
    """Every matching fact as CSV, written out before a byte is sent: a query that fails is an
    error status, never a 200 with a cut body."""
    cols = ["id", "doc_id", "date", "date_source", "confidence", *CSV_COLUMNS[kind],
            "evidence_start", "evidence_end", "evidence_text", "document_name", "document_title",
            "document_publisher", "document_published", "document_uri"]
    # closed by read_chunks once sent, or here when writing fails
    out = tempfile.SpooledTemporaryFile(max_size=CSV_IN_MEMORY, mode="w+",  # noqa: SIM115
                                        encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for item in queries.iter_facts(conn, kind, f):
            writer.writerow(flatten(item))
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def read_chunks(out: IO[Any], size: int = 64_000) -> Iterator[Any]:
    with out:
        while chunk := out.read(size):
            yield chunk


def download_filter(c: Commons, actor: Many = None, equipment: Equipment = None,
                    status: Status = None, observed_by: Many = None, metric: Metric = None,
                    claimant: Many = None, subject: Many = None, speaker: Many = None,
                    place_kind: Many = None) -> FactFilter:
    """The filters a download takes: every list's, for any kind of fact."""
    return fact_filter(c, actor=actor, equipment=equipment, status=status,
                       observed_by=observed_by, metric=metric, claimant=claimant,
                       subject=subject, speaker=speaker, place_kind=place_kind)


DownloadFilter = Annotated[FactFilter, Depends(download_filter)]


@router.get("/{kind}.csv", summary="Download every matching fact as CSV",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header row"}})
def download_csv(conn: Conn, kind: FactKind, f: DownloadFilter) -> StreamingResponse:
    """The filters of the matching list apply; filters for another kind of fact are ignored.
    Text cells that begin like a spreadsheet formula (= + - @, tab, CR) get a leading '."""
    headers = {"Content-Disposition": f'attachment; filename="sitrep-{kind}.csv"'}
    return StreamingResponse(read_chunks(csv_file(conn, kind, f)),
                             media_type="text/csv; charset=utf-8", headers=headers)


def parquet_file(conn: Connection, kind: str, f: FactFilter) -> IO[bytes]:
    """Every matching fact as Parquet, written out before a byte is sent (as the CSV is)."""
    out = tempfile.SpooledTemporaryFile(max_size=CSV_IN_MEMORY)  # noqa: SIM115 - see csv_file
    try:
        write_parquet(kind, queries.iter_facts(conn, kind, f), out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


@router.get("/{kind}.parquet", summary="Download every matching fact as (Geo)Parquet",
            response_class=StreamingResponse,
            responses={200: {"content": {"application/vnd.apache.parquet": {}},
                             "description": "Parquet; movements and places as GeoParquet 1.0"}})
def download_parquet(conn: Conn, kind: FactKind, f: DownloadFilter) -> StreamingResponse:
    """The columns of the CSV download, typed (numbers, lists); movements and places carry a
    WKB `geometry` column with GeoParquet's `geo` metadata. The filters are the CSV's."""
    headers = {"Content-Disposition": f'attachment; filename="sitrep-{kind}.parquet"'}
    return StreamingResponse(read_chunks(parquet_file(conn, kind, f)),
                             media_type="application/vnd.apache.parquet", headers=headers)


@router.get("/timeline", summary="Facts per day, for the timeline histogram")
def get_timeline(conn: Conn, c: Commons, kind: FactKind = "movements", actor: Many = None,
                 equipment: Equipment = None, status: Status = None, observed_by: Many = None,
                 metric: Metric = None, claimant: Many = None, subject: Many = None,
                 speaker: Many = None) -> dict[str, Any]:
    f = fact_filter(c, actor=actor, equipment=equipment, status=status, observed_by=observed_by,
                    metric=metric, claimant=claimant, subject=subject, speaker=speaker)
    return {"kind": kind, "days": queries.timeline(conn, kind, f)}


@router.get("/claims/ledger", summary="Figures on the same quantity, by claimant and date")
def claims_ledger(conn: Conn, c: Commons, metric: Metric = None, claimant: Many = None,
                  subject: Many = None,
                  groups: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    """Claims grouped by metric and subject, so that contradicting figures stand side by side."""
    f = fact_filter(c, metric=metric, claimant=claimant, subject=subject)
    return {"groups": queries.claims_ledger(conn, f, max_groups=groups)}


@router.get("/facets", summary="The values each filter can take, with counts")
def get_facets(conn: Conn) -> dict[str, Any]:
    out: dict[str, Any] = queries.facets(conn)
    lo, hi = queries.date_range(conn, "movements")
    out["movement_dates"] = {"first": lo, "last": hi}
    out["counts"] = queries.counts(conn)
    return out


# --- documents -----------------------------------------------------------------------------
@router.get("/documents", summary="Documents: full-text search and filters")
def list_documents(
    conn: Conn,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search.")] = None,
    publisher: Many = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    flag: Annotated[list[DocFlag] | None, Query(description="Integrity flags all set.")] = None,
    max_integrity: Annotated[float | None, Query(ge=0, le=1)] = None,
    relevance: Annotated[Literal["high", "low"] | None, Query(description=(
        "high: analysed in full; low: the relevance gate found no conflict news in it (text, "
        "provenance and places only; `sitrep reprocess` analyses it in full)."))] = None,
    sort: DocSort = "-published",
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    with_total: WithTotal = False,
) -> dict[str, Any]:
    check_dates(date_from, date_to)
    if sort == "relevance" and not (q and q.strip()):
        raise ApiError(400, "sort=relevance needs a search text in q", code="bad_sort")
    f = DocFilter(text=q.strip() if q and q.strip() else None, publisher=clean_values(publisher),
                  date_from=date_from, date_to=date_to, flags=tuple(flag or ()),
                  max_integrity=max_integrity, relevance=relevance)
    page = Page(sort, limit, decode_cursor(cursor, sort))
    items, nxt = queries.list_documents(conn, f, page)
    return {"items": items, "next_cursor": encode_cursor(sort, nxt) if nxt else None,
            "limit": limit, "sort": sort,
            "total": queries.count_documents(conn, f) if with_total else None}


@router.get("/documents/{doc_id}", summary="One document: texts, cleaning changes, every fact")
def get_document(conn: Conn, doc_id: str) -> dict[str, Any]:
    """`doc_id` is the document's id, or its name (the input file's stem)."""
    doc = queries.get_document(conn, doc_id)
    if doc is None:
        by_name = queries.document_by_name(conn, doc_id)
        doc = queries.get_document(conn, by_name) if by_name else None
    if doc is None:
        raise ApiError(404, f"no document with id or name {doc_id!r}; list them with "
                            "/api/documents", code="document_not_found")
    offsets = doc.pop("offsets") or []
    doc["changes"] = cleaning_changes(doc["raw_text"], doc["clean_text"], offsets,
                                      doc["flags"] or {}, doc["kind"])
    for kind in queries.FACT_KINDS:
        for fact in doc[kind]:
            fact.pop("document", None)
            ev = fact["evidence"]
            span = (clean_span(offsets, ev["start"], ev["end"]) if offsets
                    else (ev["start"], ev["end"]))
            fact["clean"] = {"start": span[0], "end": span[1]} if span else None
    return doc


@router.get("/documents/{doc_id}/evidence", summary="A span of a document as its clean text")
def get_evidence(conn: Conn, doc_id: str, start: Annotated[int, Query(ge=0, le=2**31)],
                 end: Annotated[int, Query(ge=0, le=2**31)]) -> dict[str, Any]:
    """`start`/`end` are raw-text offsets (a fact's evidence). Answers the raw text, the clean
    text standing for it (through the document's offset map) and the lookalike letters folded
    in it (`folded`: offsets into the clean text of the span, and the raw letter)."""
    doc = queries.document_texts(conn, doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r}", code="document_not_found")
    raw = doc["raw_text"] or ""
    if end < start or end > len(raw):
        raise ApiError(400, f"the span {start}..{end} is not inside the document's raw text "
                            f"({len(raw)} characters)", code="bad_span")
    return {"doc_id": doc_id, "start": start, "end": end,
            **evidence_view(raw, doc["clean_text"] or "", doc["offsets"], start, end)}

"""Query parameters shared by the list endpoints: paging cursors, bounding boxes, common filters."""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query

from sitrep.api.errors import ApiError

MAX_PAGE = 500
MAX_GEO_PAGE = 5000
DEFAULT_PAGE = 50

FactSort = Literal["date", "-date", "confidence", "-confidence"]
DocSort = Literal["published", "-published", "integrity", "-integrity", "name", "-name",
                  "relevance"]


def encode_cursor(sort: str, after: tuple[Any, str]) -> str:
    """An opaque token for the row a page ended at (and the sort it was made for)."""
    raw = json.dumps({"s": sort, "k": after[0], "i": after[1]}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str | None, sort: str) -> tuple[Any, str] | None:
    """The (sort value, id) a cursor stands for; a clear 400 when it is not one of ours."""
    if not token:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        obj = json.loads(raw)
        value, last_id, made_for = obj["k"], obj["i"], obj["s"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise ApiError(400, "the cursor is not valid: pass next_cursor exactly as a previous "
                            "response gave it, or drop it to start from the first page",
                       code="bad_cursor") from exc
    if made_for != sort:
        raise ApiError(400, f"this cursor was made for sort={made_for}; pass the same sort, or "
                            "drop the cursor to start again", code="bad_cursor")
    if not isinstance(last_id, str) or not isinstance(value, str | int | float):
        raise ApiError(400, "the cursor is not valid: drop it to start from the first page",
                       code="bad_cursor")
    return value, last_id


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees, as Leaflet's map.getBounds().toBBoxString() gives it."""
    if text is None or not text.strip():
        return None
    parts = text.split(",")
    try:
        if len(parts) != 4:
            raise ValueError
        w, s, e, n = (float(p) for p in parts)
    except ValueError as exc:
        raise ApiError(400, f"bbox {text!r} is not four numbers: pass west,south,east,north in "
                            "degrees, e.g. bbox=30,45,40,52", code="bad_bbox") from exc
    if not all(map(math.isfinite, (w, s, e, n))) or not (-90 <= s <= n <= 90) \
            or not (-180 <= w <= 180 and -180 <= e <= 180):
        raise ApiError(400, f"bbox {text!r} is out of range: longitudes -180..180, latitudes "
                            "-90..90, south <= north", code="bad_bbox")
    return w, s, e, n


def check_dates(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, f"date_from {date_from} is after date_to {date_to}: swap them",
                       code="bad_date_range")


def clean_values(values: list[str] | None) -> tuple[str, ...]:
    """Repeated parameters without blanks (`?actor=Russia&actor=Belarus`)."""
    return tuple(v for v in (values or []) if v.strip())


# --- parameter declarations (shared so every list documents them the same way) -----------
Many = Annotated[list[str] | None, Query()]
DateFrom = Annotated[date | None, Query(description="Earliest date, YYYY-MM-DD (inclusive).")]
DateTo = Annotated[date | None, Query(description="Latest date, YYYY-MM-DD (inclusive).")]
Bbox = Annotated[str | None, Query(description="west,south,east,north in degrees.")]
Text = Annotated[str | None, Query(max_length=200, description="Words in the evidence.")]
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description="Lowest confidence, 0..1.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
GeoLimit = Annotated[int, Query(ge=1, le=MAX_GEO_PAGE,
                                description=f"Features per page, at most {MAX_GEO_PAGE}.")]
Cursor = Annotated[str | None, Query(max_length=1000,
                                     description="next_cursor of the previous page.")]
WithTotal = Annotated[bool, Query(description="Also count every matching row.")]


@dataclass(frozen=True, slots=True)
class Common:
    """Filters and paging every fact list takes."""

    date_from: date | None
    date_to: date | None
    bbox: str | None
    q: str | None
    min_confidence: float | None
    publisher: tuple[str, ...]
    doc_id: str | None


def common_params(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    bbox: Bbox = None,
    q: Text = None,
    min_confidence: MinConfidence = None,
    publisher: Many = None,
    doc_id: Annotated[str | None, Query(max_length=64, description="One document's id.")] = None,
) -> Common:
    check_dates(date_from, date_to)
    return Common(date_from, date_to, bbox, q, min_confidence, clean_values(publisher), doc_id)

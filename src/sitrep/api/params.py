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
from pydantic import AfterValidator, StringConstraints

from sitrep.api.edge import CONTROL
from sitrep.api.errors import ApiError

MAX_PAGE = 500
MAX_GEO_PAGE = 5000
DEFAULT_PAGE = 50
# the dates a filter may name: far wider than any news, narrow enough that a day more or less
# is still a date (date_to=9999-12-31 has no day after it)
MIN_DATE, MAX_DATE = date(1800, 1, 1), date(2199, 12, 31)
MAX_VALUES = 50  # values of one repeated filter (?actor=a&actor=b...)
MAX_VALUE_CHARS = 200

FactSort = Literal["date", "-date", "confidence", "-confidence"]
DocSort = Literal["published", "-published", "integrity", "-integrity", "name", "-name",
                  "relevance"]


def encode_cursor(sort: str, after: tuple[Any, str]) -> str:
    """An opaque token for the row a page ended at (and the sort it was made for)."""
    raw = json.dumps({"s": sort, "k": after[0], "i": after[1]}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# what each sort orders by: the type a cursor's value must have for it
SORT_VALUE_TYPES: dict[str, type] = {"date": str, "published": str, "name": str,
                                     "confidence": float, "integrity": float,
                                     "relevance": float,
                                     "speakers": float,  # minus a speaker's quote count
                                     # the resolve lists: their sort key as a JSON list
                                     "groups": str, "incidents": str, "tracks": str}
MAX_CURSOR_NUMBER = 1e12


def bad_cursor(why: str) -> ApiError:
    return ApiError(400, f"the cursor is not valid ({why}): pass next_cursor exactly as a "
                         "previous response gave it, or drop it to start from the first page",
                    code="bad_cursor")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def decode_cursor(token: str | None, sort: str) -> tuple[Any, str] | None:
    """The (sort value, id) a cursor stands for; a clear 400 when it is not one of ours."""
    if not token:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        obj = json.loads(raw, parse_constant=_refuse_constant)
        value, last_id, made_for = obj["k"], obj["i"], obj["s"]
    except (binascii.Error, ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
        raise bad_cursor("not a cursor this server made") from exc
    if made_for != sort:
        raise ApiError(400, f"this cursor was made for sort={str(made_for)[:40]}; pass the same "
                            "sort, or drop the cursor to start again", code="bad_cursor")
    return cursor_value(value, sort.lstrip("-")), cursor_text(last_id)


def cursor_value(value: Any, key: str) -> Any:
    """A cursor's sort value, checked against the type its sort orders by."""
    if SORT_VALUE_TYPES.get(key) is str:
        return cursor_text(value)
    return cursor_number(value)


def cursor_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_cursor("its sort pages by a number")
    if not (math.isfinite(value) and abs(value) <= MAX_CURSOR_NUMBER):
        raise bad_cursor("its number is out of range")
    return value


def cursor_parts(text: str) -> list[Any]:
    """A sort key of several values, kept in a cursor as a JSON list of texts and numbers."""
    try:
        values = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise bad_cursor("not a cursor this server made") from exc
    if not isinstance(values, list):
        raise bad_cursor("not a cursor this server made")
    return [cursor_text(v) if isinstance(v, str) else cursor_number(v) for v in values]


def cursor_text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 2 * MAX_VALUE_CHARS or CONTROL.search(value):
        raise bad_cursor("a text in it is not one a row can hold")
    return value


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


def in_date_range(day: date | None) -> date | None:
    if day is not None and not MIN_DATE <= day <= MAX_DATE:
        raise ValueError(f"{day} is outside {MIN_DATE}..{MAX_DATE}")
    return day


def clean_values(values: list[str] | None) -> tuple[str, ...]:
    """Repeated parameters without blanks (`?actor=Russia&actor=Belarus`)."""
    return tuple(v for v in (values or []) if v.strip())


# --- parameter declarations (shared so every list documents them the same way) -----------
Value = Annotated[str, StringConstraints(max_length=MAX_VALUE_CHARS)]
Many = Annotated[list[Value] | None,
                 Query(max_length=MAX_VALUES, description=f"Repeat for several, at most "
                                                          f"{MAX_VALUES}.")]
DateFrom = Annotated[date | None, AfterValidator(in_date_range),
                     Query(description=f"Earliest date, YYYY-MM-DD (inclusive), "
                                       f"{MIN_DATE}..{MAX_DATE}.")]
DateTo = Annotated[date | None, AfterValidator(in_date_range),
                   Query(description=f"Latest date, YYYY-MM-DD (inclusive), "
                                     f"{MIN_DATE}..{MAX_DATE}.")]
Bbox = Annotated[str | None, Query(description="west,south,east,north in degrees.")]
Text = Annotated[str | None, Query(max_length=200, description=(
    "Words in the evidence; a place name also finds its other names (Kiev: Kyiv)."))]
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
    undated: bool = False


def common_params(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    bbox: Bbox = None,
    q: Text = None,
    min_confidence: MinConfidence = None,
    publisher: Many = None,
    doc_id: Annotated[str | None, Query(max_length=64, description="One document's id.")] = None,
    undated: Annotated[bool, Query(description="With a date filter, keep the facts that have "
                                               "no date at all (neither their own nor their "
                                               "article's) too.")] = False,
) -> Common:
    check_dates(date_from, date_to)
    return Common(date_from, date_to, bbox, q, min_confidence, clean_values(publisher), doc_id,
                  undated)

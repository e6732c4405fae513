"""Metadata an input gives about itself (title, url, published, id), checked before it is kept.

Each field is coerced to what the store and the UI expect, or dropped; either way the reader
gets a note to turn into a W108 warning, so a bad field never costs the article.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from sitrep.ingest.storable import storable

MAX_TITLE = 1000
MAX_URL = 2000
MAX_ID = 200
YEARS = range(1900, 2101)  # a news article's date; anything outside is a typo or a sentinel
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def coerce_text(field: str, value: Any, limit: int) -> tuple[str | None, str]:
    """A short text field (title, id) as a string, and a note when it had to be changed."""
    if value is None or value == "":
        return None, ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, f"{field} is a JSON {_json_type(value)}, not text: dropped"
    if isinstance(value, float) and not math.isfinite(value):
        return None, f"{field} is {value}: dropped"
    text = " ".join(storable(str(value)).split())
    note = "" if isinstance(value, str) else f"{field} is a number: kept as the text {text!r}"
    if len(text) > limit:
        text, note = text[:limit], f"{field} is longer than {limit:,} characters: cut"
    return text or None, note


def coerce_url(value: Any) -> tuple[str | None, str]:
    """An http(s) URL, or None and the reason."""
    if value is None or value == "":
        return None, ""
    if not isinstance(value, str):
        return None, f"url is a JSON {_json_type(value)}, not a URL: dropped"
    url = storable(value).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or len(url) > MAX_URL
        or _SPACE_OR_CONTROL.search(url)
    ):
        return None, f"url {url[:80]!r} is not an http(s) URL: dropped"
    return url, ""


def coerce_published(value: Any) -> tuple[str | None, str]:
    """An ISO date (or date and time) from ISO 8601 or RFC 2822 text, or None and the reason."""
    if value is None or value == "":
        return None, ""
    if not isinstance(value, str):
        return None, f"published is a JSON {_json_type(value)}, not a date: dropped"
    text = storable(value).strip()
    when = _parse_date(text)
    if when is None:
        return None, f"published {text[:40]!r} is not a date (YYYY-MM-DD): dropped"
    if when.year not in YEARS:
        return None, f"published {text[:40]!r} is outside {YEARS.start}-{YEARS.stop - 1}: dropped"
    if isinstance(when, datetime):
        return when.isoformat(timespec="seconds"), ""
    return when.isoformat(), ""


def _parse_date(text: str) -> date | datetime | None:
    if len(text) > 64:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__

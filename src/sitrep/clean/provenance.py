"""Provenance read from the lines of a text: bylines, datelines, "Source:" and "via" lines.

Every parser takes one line and returns the value with its span inside that line, so the step
can map it to raw-text evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.dates import find_dates

_TIME = re.compile(r"\b[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|modified|on|at|date|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|gmt|utc|bst|est|edt|"
    r"cet|cest|et|pt|ist)\b\.?", re.I)

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|de|van|von|der|al|bin|da|di|la|le)){{1,3}}"
_OUTLET = r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z&][\w.&'’-]*|of|the|and)){0,4}"
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|reporting by|report by)\s+"
    rf"(?P<authors>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)"
    rf"(?:\s*(?:,|\bfor\b|\bin\b|\bat\b|\||-|–|—)\s*(?P<outlet>{_OUTLET}))?\s*[.,]?$")
_SOURCE = re.compile(
    r"^(?:\d{1,2}:\d\d\s*[-–—]\s*)?(?i:sources?|originally published (?:by|in|at|on)|"
    r"first published (?:by|in|at|on)|(?:this|the) (?:article|story|post) (?:was )?"
    r"(?:originally |first )?(?:appeared|published|posted) (?:in|on|at|by))"
    rf"\s*[:\-–—]?\s*(?P<outlet>{_OUTLET})\s*\.?$")
_VIA = re.compile(
    rf"^(?i:via)\s+(?P<outlet>{_OUTLET}?)(?:\s+https?://\S+)?(?:\s+(?P<author>{_NAME}))?\s*$")
_NAME_LINE = re.compile(rf"^{_NAME}$")
_ROLE_WORDS = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|journalist|analyst|"
    r"columnist|producer|bureau|chief)\b", re.I)


@dataclass(frozen=True, slots=True)
class Found:
    """A value read from a line and where it sits in that line."""

    value: str
    start: int
    end: int


def find_date(text: str) -> Found | None:
    """The first calendar date written in full in a text ("March 3, 2024", "2024-03-03")."""
    found = find_dates(text, None)  # no publication date: only dates with their year resolve
    return Found(found[0].iso, found[0].start, found[0].end) if found else None


def is_dateline(text: str) -> bool:
    """A line that holds a date (and time) and little else."""
    if len(text) > 80:
        return False
    found = find_date(text)
    if not found:
        return False
    rest = text[: found.start] + " " + text[found.end:]
    rest = _DATE_WORDS.sub(" ", _TIME.sub(" ", rest))
    return not re.search(r"[^\W\d_]{2,}", rest)


def parse_byline(text: str) -> tuple[Found, Found | None] | None:
    """Author(s) and, when named, the outlet of a "By ... for Outlet" line."""
    m = _BYLINE.match(text)
    if not m:
        return None
    author = Found(m.group("authors"), m.start("authors"), m.end("authors"))
    outlet = None
    if m.group("outlet") and not _ROLE_WORDS.search(m.group("outlet")):
        outlet = Found(tidy_outlet(m.group("outlet")), m.start("outlet"), m.end("outlet"))
    return author, outlet


def parse_source_line(text: str) -> Found | None:
    """The outlet of a "Source: X" or "Originally published by X" line."""
    m = _SOURCE.match(text)
    if not m:
        return None
    return Found(tidy_outlet(m.group("outlet")), m.start("outlet"), m.end("outlet"))


def parse_via_line(text: str) -> tuple[Found, Found | None] | None:
    """The outlet (and a trailing author name) of a "via X https://... Name" line."""
    m = _VIA.match(text)
    if not m or not m.group("outlet"):
        return None
    outlet = Found(tidy_outlet(m.group("outlet")), m.start("outlet"), m.end("outlet"))
    author = None
    if m.group("author"):
        author = Found(m.group("author"), m.start("author"), m.end("author"))
    return outlet, author


def is_name_line(text: str) -> bool:
    """A line that is only a person's name (two to four capitalised words)."""
    return bool(_NAME_LINE.match(text)) and not _ROLE_WORDS.search(text)


def tidy_outlet(name: str) -> str:
    """An outlet name without trailing punctuation; "BrandName News" feeds read as the brand."""
    name = name.strip(" .,;:-–—|")
    head, _, tail = name.rpartition(" ")
    # a one-word brand with an inner capital ("ZeroHedge News") names its feed with " News"
    if tail == "News" and head and " " not in head and re.search(r"[a-z][A-Z]", head):
        return head
    return name

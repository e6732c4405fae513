"""Dates in news text, resolved against the publication date: the project's one date resolver.

Bylines and datelines (clean), movements and claims (extract) all read dates here.

"on Monday" is the last Monday on or before publication (news reports the recent past),
"yesterday" the day before, "21 days ago" three weeks before, "March 14" / "14 March 2022" the
date itself (in the publication year when none is given). Pure functions; no date is guessed
without a publication date, except a fully written one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june",
                                          "july", "august", "september", "october", "november",
                                          "december"))}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# a month's name or abbreviation, longest first: for patterns (case-insensitive)
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# a dateline's date before a name ("June 2 - ", "4 Aug, "), which parsers hang on the story's
# first subject
_LEADING_DATE = re.compile(rf"^(?:(?:{MONTH_WORDS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|"
                           rf"\d{{1,2}}\s+(?:{MONTH_WORDS})\.?)[\s,()–—-]+", re.I)


def without_leading_date(name: str) -> str:
    """A name without a dateline's date glued before it ("June 2 - Ukraine's navy")."""
    return _LEADING_DATE.sub("", name)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|" \
         r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"

_PATTERNS = (
    ("md", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    # 03/14/2022, 14.03.2022: month first, as US outlets write it, unless it cannot be a month
    ("numeric", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+|this\s+)?({'|'.join(WEEKDAYS)})\b", re.I)),
    ("relative", re.compile(r"\b(yesterday|today|tonight|last\s+night|this\s+morning)\b", re.I)),
    ("ago", re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
                       r"(days?|weeks?)\s+ago\b", re.I)),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    iso: str


def parse_published(published: str | None) -> date | None:
    """The publication date of an ISO date or date-time string, or None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every resolvable date mention in `text`, in order."""
    pub = parse_published(published)
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            day = _resolve(kind, m, pub)
            if day is not None:
                out.append(DateMention(m.start(), m.end(), day.isoformat()))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


@lru_cache(maxsize=1024)
def resolve_date(text: str, published: str | None) -> str | None:
    """The first resolvable date in `text` as an ISO date, or None (remembered: the claims of
    one sentence ask about the same text)."""
    found = find_dates(text, published)
    return found[0].iso if found else None


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> date | None:
    try:
        if kind == "iso":
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if kind == "numeric":
            a, b = int(m.group(1)), int(m.group(2))
            month, day = (a, b) if a <= 12 else (b, a)
            return date(int(m.group(3)), month, day)
        if kind in ("md", "dm"):
            month_word, day_s = (m.group(1), m.group(2)) if kind == "md" else (m.group(2),
                                                                               m.group(1))
            month = MONTHS[month_word.lower().rstrip(".")]
            year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
            return date(year, month, int(day_s)) if year else None
    except (ValueError, KeyError):
        return None
    if pub is None:
        return None
    if kind == "weekday":
        wanted = WEEKDAYS.index(m.group(1).lower())
        return pub - timedelta(days=(pub.weekday() - wanted) % 7)
    if kind == "relative":
        word = m.group(1).lower()
        return pub - timedelta(days=1) if word in ("yesterday", "last night") else pub
    if kind == "ago":
        word = m.group(1).lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        days = n * (7 if m.group(2).lower().startswith("week") else 1)
        return pub - timedelta(days=days)
    return None

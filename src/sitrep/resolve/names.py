"""Keys for names: folded lookalike letters, no case or articles, demonyms as their country.

Different documents name the same side, outlet or claimant differently ("Russian forces",
"Russia's", "the Pentagon", "Pentagon"); the resolve stage compares these keys, never the raw names.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache, lru_cache

from sitrep.sides import SIDES as _SIDES

_WORD = re.compile(r"[^\W_]+")
# how transliterations of one Slavic name end differently ("Zelensky", "Zelenskyy", "Zelenskiy",
# "Kryvyi"): one spelling for each, on words long enough to be a name
_Y_ENDING = re.compile(r"(?<=\w{3})(?:yy|iy|yi|ii|ij|yj)$")

# words around a side's name that do not change which side it is ("Russian troops")
FORCE_WORDS = frozenset((
    "the", "a", "an", "forces", "force", "troops", "troop", "soldiers", "soldier", "army", "armed",
    "military", "units", "unit", "side", "servicemen", "men", "personnel", "convoy", "column",
    "naval", "navy", "fleet"))
# outlet-name words too common to tell two outlets apart on their own
GENERIC_OUTLET_WORDS = frozenset((
    "news", "daily", "times", "post", "press", "online", "media", "desk", "wire", "digest",
    "network", "agency", "service", "today", "world", "international", "herald", "journal",
    "tribune", "report"))


@cache
def fold_table() -> dict[int, str]:
    """Lookalike letters to the Latin letters they imitate, as a `str.translate` table."""
    try:
        from sitrep.clean.step import load_table
    except ImportError:  # the cleaning stage's table is optional here: plain text still works
        return {}
    return {ord(k): v for k, v in load_table().items() if len(k) == 1}


@cache
def combining_table() -> dict[int, None]:
    """Combining marks (accents once decomposed), to be deleted with `str.translate`."""
    return {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}


def fold(text: str) -> str:
    """Case-free skeleton of a text: lookalikes folded, accents dropped, Unicode normalised."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).translate(fold_table())
    return unicodedata.normalize("NFKD", text).translate(combining_table()).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text (possessive 's dropped)."""
    return [w for w in _WORD.findall(fold(text)) if w != "s"]


def spelling_key(word: str) -> str:
    """One spelling for a folded word's transliteration variants: "zelenskyy" -> "zelensky"."""
    return _Y_ENDING.sub("y", word)


def name_key(name: str | None) -> str | None:
    """A key for an outlet, a claimant or a speaker: folded words without articles ("The
    Pentagon"), transliteration variants as one ("Zelenskyy" is "Zelensky")."""
    if not name:
        return None
    ws = [spelling_key(w) for w in words(name) if w not in ("the", "a", "an")]
    return " ".join(ws) or None


@cache
def side_keys() -> dict[str, str]:
    """`sitrep.sides`' table keyed as `words()` splits a name ("U.S." -> "u")."""
    return {" ".join(words(k)): v.lower() for k, v in _SIDES.items()}


def side_key(name: str | None) -> str | None:
    """A key for the side that owns a force or suffers losses: "Russian troops" -> "russia"."""
    if not name:
        return None
    ws = [w for w in words(name) if w not in FORCE_WORDS]
    if not ws:
        return None
    joined = " ".join(ws)
    keys = side_keys()
    if joined in keys:
        return keys[joined]
    if ws[0] in keys:  # "Russian airborne" -> russia
        return keys[ws[0]]
    return joined


def same_outlet(a: str | None, b: str | None) -> bool:
    """Two outlet names name the same outlet: equal keys, or one's words all in the other's."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = set(ka.split()), set(kb.split())
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # "Reuters" is "Reuters UK", but "News" alone is not "BBC News"
    return small <= large and bool(small - GENERIC_OUTLET_WORDS)


@lru_cache(maxsize=65536)
def day_of(date: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date (or date and time); None when unreadable."""
    if not date or len(date) < 10:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None

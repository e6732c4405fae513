"""Who is quoted: `/api/quotes/speakers`, the speakers of the quotes a filter matches, most
quoted first, the spellings of one name ("Zelensky", "Zelenskyy") counted as one speaker.

Pages as every list does: pass `next_cursor` back as `cursor`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from fastapi import APIRouter

from sitrep.api.params import DEFAULT_PAGE, Cursor, Limit, decode_cursor, encode_cursor
from sitrep.api.routes import ERRORS, Commons, Conn, fact_filter
from sitrep.resolve.step import name_key
from sitrep.store import queries

router = APIRouter(prefix="/api", responses=ERRORS)
SORT = "speakers"  # what a cursor of this list is made for


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str  # the same for every spelling of the name
    name: str  # the spelling quoted most often
    names: list[str]  # every spelling, most quoted first: pass them all as `speaker` to /api/quotes
    count: int  # quotes, all spellings together


def group_speakers(counts: list[tuple[str, int]]) -> list[Speaker]:
    """Speakers by name key, most quoted first (ties by key)."""
    by_key: dict[str, list[tuple[str, int]]] = {}
    for name, n in counts:
        by_key.setdefault(name_key(name) or name, []).append((name, n))
    out = []
    for key, names in by_key.items():
        names.sort(key=lambda x: (-x[1], x[0]))
        out.append(Speaker(key, names[0][0], [n for n, _ in names], sum(n for _, n in names)))
    return sorted(out, key=lambda s: (-s.count, s.key))


@router.get("/quotes/speakers", summary="Speakers of the matching quotes, spellings grouped")
def list_speakers(conn: Conn, c: Commons, limit: Limit = DEFAULT_PAGE,
                  cursor: Cursor = None) -> dict[str, Any]:
    """The filters are /api/quotes' own (`q` finds words of a quote or a speaker's name)."""
    speakers = group_speakers(queries.speaker_counts(conn, fact_filter(c)))
    total = len(speakers)
    after = decode_cursor(cursor, SORT)
    if after is not None:
        speakers = [s for s in speakers if (-s.count, s.key) > (after[0], after[1])]
    page, more = speakers[:limit], len(speakers) > limit
    last = page[-1] if page else None
    return {"items": [asdict(s) for s in page], "limit": limit, "total": total,
            "next_cursor": encode_cursor(SORT, (-last.count, last.key)) if more and last else None}

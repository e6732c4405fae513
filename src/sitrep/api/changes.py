"""What cleaning did to a document, read back from its offset map, and raw-to-clean span mapping.

The offset map lists the pieces of the clean text and the raw range each stands for. Raw text no
piece stands for was removed (boilerplate, spam, markup); a piece whose text differs from its raw
range replaced it (a folded lookalike letter, a decoded entity, joined whitespace).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import Any

MAX_CHANGES = 500


def raw_pieces(offsets: list[list[int]]) -> list[tuple[int, int, int, int]]:
    """The offset map's pieces as (clean_start, clean_end, raw_start, raw_end), in raw order."""
    return sorted((tuple(p) for p in offsets), key=lambda p: (p[2], p[0]))  # type: ignore[misc]


def _overlaps(start: int, end: int, spans: list[dict[str, Any]]) -> bool:
    return any(s["start"] < end and start < s["end"] for s in spans)


def cleaning_changes(raw: str, clean: str, offsets: list[list[int]], flags: dict[str, Any],
                     kind: str = "text") -> dict[str, Any]:
    """Folded letters, removed spans (spam, boilerplate or markup) and other replacements."""
    spam = list(flags.get("spam_spans") or [])
    folded: Counter[tuple[str, str]] = Counter()
    fold_spans: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    replaced: list[dict[str, Any]] = []
    pos = 0
    for cs, ce, rs, re_ in raw_pieces(offsets):
        if rs > pos:
            _add_removed(raw, pos, rs, spam, kind, removed)
        pos = max(pos, re_)
        for at, _, before, after in piece_changes(raw, clean, (cs, ce, rs, re_)):
            _add_replacement(at, before, after, folded, fold_spans, replaced)
    if pos < len(raw):
        _add_removed(raw, pos, len(raw), spam, kind, removed)
    return {
        "folded": [{"raw": r, "clean": c, "count": n} for (r, c), n in folded.most_common()],
        "folded_spans": fold_spans[:MAX_CHANGES],
        "removed": removed[:MAX_CHANGES],
        "replaced": replaced[:MAX_CHANGES],
        "removed_chars": sum(r["end"] - r["start"] for r in removed),
    }


def piece_changes(raw: str, clean: str, piece: tuple[int, int, int, int]
                  ) -> Iterator[tuple[int, int, str, str]]:
    """(raw start, clean start, raw text, clean text) of each change one piece of the map makes."""
    cs, ce, rs, re_ = piece
    before, after = raw[rs:re_], clean[cs:ce]
    if before == after:
        return
    if len(before) == len(after):
        # a same-length replacement looks like a copy in the map: compare letter by letter
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            if a != b:
                yield rs + i, cs + i, a, b
        return
    if before.strip() or after.strip():  # else whitespace joined or normalised
        yield rs, cs, before, after


def is_fold(before: str, after: str) -> bool:
    """A lookalike letter folded to the Latin letter it imitates."""
    return len(before) <= 2 and len(after) == 1 and after.isascii() and not before.isascii()


def _add_replacement(start: int, before: str, after: str, folded: Counter[tuple[str, str]],
                     fold_spans: list[dict[str, Any]], replaced: list[dict[str, Any]]) -> None:
    span = {"start": start, "end": start + len(before), "raw": before, "clean": after}
    if is_fold(before, after):
        folded[(before, after)] += 1
        fold_spans.append(span)
    elif before.strip() or after.strip():
        replaced.append(span)


def _add_removed(raw: str, start: int, end: int, spam: list[dict[str, Any]], kind: str,
                 out: list[dict[str, Any]]) -> None:
    text = raw[start:end]
    if not text.strip():
        return
    if _overlaps(start, end, spam):
        why = "spam"
    elif kind == "html" and text.lstrip().startswith("<") and text.rstrip().endswith(">"):
        why = "markup"
    else:
        why = "boilerplate"
    out.append({"start": start, "end": end, "reason": why, "text": text[:400]})


def clean_span(offsets: list[list[int]], raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """The clean-text span standing for a raw span, or None when cleaning removed all of it."""
    pieces = raw_pieces(offsets)
    starts = [p[2] for p in pieces]
    i = max(bisect_right(starts, raw_start) - 1, 0)
    lo = hi = None
    for cs, ce, rs, re_ in pieces[i:]:
        if rs >= raw_end:
            break
        if re_ <= raw_start:
            continue
        copy = ce - cs == re_ - rs
        s = cs + (max(raw_start, rs) - rs if copy else 0)
        e = cs + (min(raw_end, re_) - rs if copy else ce - cs)
        lo = s if lo is None else min(lo, s)
        hi = e if hi is None else max(hi, e)
    if lo is None or hi is None or hi <= lo:
        return None
    return lo, hi


def evidence_view(raw: str, clean: str, offsets: list[list[int]] | None, start: int,
                  end: int) -> dict[str, Any]:
    """A raw span as the clean text shows it, with the letters cleaning folded in it.

    `folded` offsets are into the clean text of the span (0 = its first letter); with no offset
    map the clean text is the raw text."""
    if not offsets:
        return {"raw": raw[start:end], "clean": {"start": start, "end": end,
                                                  "text": raw[start:end]}, "folded": []}
    span = clean_span(offsets, start, end)
    if span is None:
        return {"raw": raw[start:end], "clean": None, "folded": []}
    cs0, ce0 = span
    folded: list[dict[str, Any]] = []
    for piece in raw_pieces(offsets):
        if piece[2] >= end or piece[3] <= start or piece[1] <= cs0 or piece[0] >= ce0:
            continue
        for _, at, before, after in piece_changes(raw, clean, piece):
            if cs0 <= at < ce0 and is_fold(before, after):
                folded.append({"start": at - cs0, "end": at - cs0 + len(after), "raw": before,
                               "clean": after})
    folded.sort(key=lambda f: int(f["start"]))
    return {"raw": raw[start:end], "clean": {"start": cs0, "end": ce0, "text": clean[cs0:ce0]},
            "folded": folded[:MAX_CHANGES]}

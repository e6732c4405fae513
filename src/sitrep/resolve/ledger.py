"""The claims ledger: figures on one quantity lined up by claimant and date, contradictions flagged.

A quantity is a subject (whose losses or forces), a metric and a period ("in the past day";
None: a running total). Figures are ranges ("up to 6,000" is 0..6,000, "at least 7,000" is
7,000..); two claimants contradict each other when their ranges miss each other by more than
`claim_margin`, within `claim_days` of each other. A part cannot exceed its whole either: more
killed than another claimant's killed-or-wounded is a contradiction too. A figure repeated by a
republished copy is lined up once, as a copy of the original's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sitrep.resolve.names import day_of, name_key, side_key
from sitrep.resolve.records import ClaimRow, LedgerEntry, ResolveOptions

# metrics that count a part of another metric's whole (a part's figure cannot exceed the whole's)
PART_OF: dict[str, tuple[str, ...]] = {
    "killed": ("killed_or_wounded", "out_of_action"),
    "wounded": ("killed_or_wounded", "out_of_action"),
    "captured": ("out_of_action",),
    "missing": ("out_of_action",),
    "killed_or_wounded": ("out_of_action",),
    "tanks_lost": ("vehicles_lost",),
}
PERIODS = (
    ("day", re.compile(r"\b(?:(?:in|over|during|for) the (?:past|last|previous|preceding) "
                       r"(?:day|24 hours|twenty-four hours)|overnight|(?:per|a|each) day|daily|"
                       r"in a single day)\b", re.I)),
    ("week", re.compile(r"\b(?:(?:in|over|during|for) the (?:past|last|previous|preceding) "
                        r"(?:week|seven days|7 days)|(?:per|a|each) week|weekly)\b", re.I)),
    ("month", re.compile(r"\b(?:(?:in|over|during|for) the (?:past|last|previous|preceding) "
                         r"(?:month|30 days|thirty days)|(?:per|a|each) month|monthly)\b", re.I)),
)
_STOP = re.compile(r"[.!?](?=\s)|\n")


def sentence_around(raw: str, start: int, end: int) -> str:
    """The sentence of the raw text that holds [start, end)."""
    left = max((m.end() for m in _STOP.finditer(raw, max(0, start - 600), start)), default=0)
    right = _STOP.search(raw, end)
    return raw[left:right.start() if right else len(raw)]


def read_period(sentence: str) -> str | None:
    """The span a figure is counted over when the sentence states one ("in the past day")."""
    for name, rx in PERIODS:
        if rx.search(sentence):
            return name
    return None


def claimant_key(claimant: str | None, group_id: str) -> str:
    """A claimant's key; an unattributed figure is the outlet's own (one per group of copies)."""
    return name_key(claimant) or f"outlet:{group_id}"


def to_claim(row: Any, group_id: str, raw: str) -> ClaimRow:
    """A stored claim fact as the ledger lines it up."""
    return ClaimRow(
        claim_id=row.id, doc_id=row.doc_id, group_id=group_id, claimant=row.claimant,
        claimant_key=claimant_key(row.claimant, group_id), subject=row.subject,
        subject_key=side_key(row.subject), metric=row.metric,
        period=read_period(sentence_around(raw, row.start, row.end)) if raw else None,
        low=row.low, high=row.high, date=row.date, start=row.start, end=row.end,
        evidence=row.evidence, confidence=float(row.confidence))


def bounds(c: ClaimRow) -> tuple[float, float]:
    """The range a figure allows: "up to" starts at 0, "at least" has no top."""
    low = c.low if c.low is not None else 0.0
    high = c.high if c.high is not None else float("inf")
    return low, high


def exceeds(part: ClaimRow, whole: ClaimRow, margin: float) -> bool:
    """`part`'s figure is surely larger than `whole`'s, by more than the margin."""
    return bounds(part)[0] > bounds(whole)[1] * (1.0 + margin)


def contradict(a: ClaimRow, b: ClaimRow, opts: ResolveOptions) -> bool:
    """Two claimants' figures that cannot both hold."""
    if a.claimant_key == b.claimant_key or a.subject_key != b.subject_key or a.period != b.period:
        return False
    da, db = day_of(a.date), day_of(b.date)
    if da is not None and db is not None and abs(da - db) > opts.claim_days:
        return False  # far apart in time: a series, not a contradiction
    m = opts.claim_margin
    if a.metric == b.metric:
        return exceeds(a, b, m) or exceeds(b, a, m)
    if b.metric in PART_OF.get(a.metric, ()):
        return exceeds(a, b, m)
    if a.metric in PART_OF.get(b.metric, ()):
        return exceeds(b, a, m)
    return False


def copy_key(c: ClaimRow) -> tuple[object, ...]:
    return (c.group_id, c.claimant_key, c.subject_key, c.metric, c.period, c.low, c.high)


def find_copies(claims: list[ClaimRow], originals: dict[str, str]) -> dict[str, str]:
    """Claim id -> the claim it repeats: the same figure in another document of its group.

    The figure as the group's original states it is kept; the others point at it.
    """
    by_key: dict[tuple[object, ...], list[ClaimRow]] = {}
    for c in claims:
        by_key.setdefault(copy_key(c), []).append(c)
    out: dict[str, str] = {}
    for same in by_key.values():
        if len({c.doc_id for c in same}) < 2:
            continue
        orig = originals.get(same[0].group_id)
        keep = min(same, key=lambda c: (c.doc_id != orig, c.doc_id, c.start, c.claim_id))
        for c in same:
            if c.doc_id != keep.doc_id:
                out[c.claim_id] = keep.claim_id
    return out


def related(metric: str) -> set[str]:
    """Metrics whose figures can contradict this one's."""
    out = {metric, *PART_OF.get(metric, ())}
    out.update(m for m, wholes in PART_OF.items() if metric in wholes)
    return out


def find_contradictions(claims: Iterable[ClaimRow], opts: ResolveOptions) -> dict[str, list[str]]:
    """Claim id -> ids of the claims it contradicts (only figures that are not copies)."""
    buckets: dict[tuple[str | None, str | None], list[ClaimRow]] = {}
    for c in claims:
        buckets.setdefault((c.subject_key, c.period), []).append(c)
    out: dict[str, list[str]] = {}
    for rows in buckets.values():
        by_metric: dict[str, list[ClaimRow]] = {}
        for c in rows:
            by_metric.setdefault(c.metric, []).append(c)
        for metric, own in by_metric.items():
            others = [c for m in sorted(related(metric)) for c in by_metric.get(m, ())]
            for a in own:
                hits = sorted(b.claim_id for b in others if b is not a and contradict(a, b, opts))
                if hits:
                    out[a.claim_id] = hits
    return out


def build_ledger(claims: list[ClaimRow], originals: dict[str, str],
                 opts: ResolveOptions) -> list[LedgerEntry]:
    """Ledger entries for every claim of a set of subjects (closed: all claims on them)."""
    copies = find_copies(claims, originals)
    kept = [c for c in claims if c.claim_id not in copies]
    flags = find_contradictions(kept, opts)
    return [LedgerEntry(c, copies.get(c.claim_id), tuple(flags.get(c.claim_id, ())))
            for c in sorted(claims, key=lambda c: c.claim_id)]

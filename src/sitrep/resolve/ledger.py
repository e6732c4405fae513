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
from dataclasses import dataclass
from typing import Any

import numpy as np

from sitrep.resolve.names import day_of, fold, name_key, side_key, words
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
# "a week earlier", "a day ago" place an event in time; they are not a span counted over
_NOT_A_SPAN = r"(?!\s+(?:earlier|ago|before|beforehand|later|after|or\b))"
PERIODS = (
    ("day", re.compile(r"\b(?:(?:in|over|during|for) the (?:past|last|previous|preceding) "
                       r"(?:day|24 hours|twenty-four hours)|overnight|(?:per|a|each) day"
                       + _NOT_A_SPAN + r"|daily|in a single day)\b", re.I)),
    ("week", re.compile(r"\b(?:(?:in|over|during|for) the (?:past|last|previous|preceding) "
                        r"(?:week|seven days|7 days)|(?:per|a|each) week" + _NOT_A_SPAN
                        + r"|weekly)\b", re.I)),
    ("month", re.compile(r"\b(?:(?:in|over|during|for) the (?:past|last|previous|preceding) "
                         r"(?:month|30 days|thirty days)|(?:per|a|each) month" + _NOT_A_SPAN
                         + r"|monthly)\b", re.I)),
)
MAX_LISTED = 50  # contradicting claims listed per claim (the count is kept in full)


def read_period(evidence: str) -> str | None:
    """The span a figure is counted over when its evidence states one ("in the past day")."""
    evidence = fold(evidence)  # spun copies hide "past day" behind lookalike letters
    for name, rx in PERIODS:
        if rx.search(evidence):
            return name
    return None


def stated_unit(unit: str | None, evidence: str) -> str | None:
    """The noun a figure counts, when its evidence says it ("2,300 people"); None when the
    extraction's noun is not in the evidence, so that no unit is shown that the text lacks."""
    wanted = words(unit) if unit else []
    said = set(words(evidence))
    return unit if wanted and all(w in said for w in wanted) else None


def claimant_key(claimant: str | None, group_id: str) -> str:
    """A claimant's key; an unattributed figure is the outlet's own (one per group of copies)."""
    return name_key(claimant) or f"outlet:{group_id}"


def to_claim(row: Any, group_id: str) -> ClaimRow:
    """A stored claim fact as the ledger lines it up; its period is read from its own evidence,
    never from the sentences around it."""
    return ClaimRow(
        claim_id=row.id, doc_id=row.doc_id, group_id=group_id, claimant=row.claimant,
        claimant_key=claimant_key(row.claimant, group_id), subject=row.subject,
        subject_key=side_key(row.subject), metric=row.metric,
        period=read_period(row.evidence),
        low=row.low, high=row.high, date=row.date, start=row.start, end=row.end,
        evidence=row.evidence, confidence=float(row.confidence))


def bounds(c: ClaimRow) -> tuple[float, float]:
    """The range a figure allows: "up to" starts at 0, "at least" has no top."""
    low = c.low if c.low is not None else 0.0
    high = c.high if c.high is not None else float("inf")
    return low, high


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


@dataclass(slots=True)
class Quantity:
    """One subject and period's figures as arrays, for testing each against all the others."""

    rows: list[ClaimRow]
    metric: np.ndarray  # metric index of each row
    claimant: np.ndarray  # claimant index
    low: np.ndarray
    high: np.ndarray
    day: np.ndarray  # day number, -1 when undated
    group: np.ndarray  # group-of-copies index of each row's document
    part_of: np.ndarray  # part_of[i, j]: metric i counts a part of metric j
    by_day: np.ndarray  # dated rows in day order
    undated: np.ndarray
    other: int  # index of the catch-all metric "other" (-1 when absent)

    @classmethod
    def of(cls, rows: list[ClaimRow]) -> Quantity:
        metrics = sorted({c.metric for c in rows}
                         | {w for c in rows for w in PART_OF.get(c.metric, ())})
        at = {m: i for i, m in enumerate(metrics)}
        part_of = np.zeros((len(metrics), len(metrics)), dtype=bool)
        for part, wholes in PART_OF.items():
            for whole in wholes:
                if part in at and whole in at:
                    part_of[at[part], at[whole]] = True
        claimants = {k: i for i, k in enumerate(sorted({c.claimant_key for c in rows}))}
        day = np.array([day_of(c.date) or -1 for c in rows], dtype=np.int64)
        groups = {g: i for i, g in enumerate(sorted({c.group_id for c in rows}))}
        dated = np.flatnonzero(day >= 0)
        return cls(rows, np.array([at[c.metric] for c in rows]),
                   np.array([claimants[c.claimant_key] for c in rows]),
                   np.array([bounds(c)[0] for c in rows], dtype=float),
                   np.array([bounds(c)[1] for c in rows], dtype=float), day,
                   np.array([groups[c.group_id] for c in rows]), part_of,
                   dated[np.argsort(day[dated], kind="stable")], np.flatnonzero(day < 0),
                   at.get("other", -1))

    def around(self, a: int, days: int) -> np.ndarray:
        """Rows whose dates can meet row `a`'s.

        An undated figure cannot be placed in time against other articles' figures: it meets
        only the figures of its own article (and of that article's copies).
        """
        if self.day[a] < 0:
            return np.flatnonzero(self.group == self.group[a])
        sorted_days = self.day[self.by_day]
        lo = np.searchsorted(sorted_days, self.day[a] - days, side="left")
        hi = np.searchsorted(sorted_days, self.day[a] + days, side="right")
        undated = self.undated[self.group[self.undated] == self.group[a]]
        return np.concatenate([self.by_day[lo:hi], undated])

    def contradicted_by(self, a: int, opts: ResolveOptions) -> np.ndarray:
        """Rows from other claimants whose figures cannot hold together with row `a`'s."""
        b = self.around(a, opts.claim_days)
        grow = 1.0 + opts.claim_margin
        above = self.low[b] > self.high[a] * grow  # b's figure is surely larger than a's
        below = self.low[a] > self.high[b] * grow
        # "other" gathers unlike things (helicopters, trucks, drones): never compared as one
        same = (self.metric[b] == self.metric[a]) & (self.metric[a] != self.other)
        a_is_part = self.part_of[self.metric[a], self.metric[b]]
        b_is_part = self.part_of[self.metric[b], self.metric[a]]
        hit = (self.claimant[b] != self.claimant[a]) & (
            (same & (above | below)) | (a_is_part & below) | (b_is_part & above))
        return b[hit]


def find_contradictions(claims: Iterable[ClaimRow],
                        opts: ResolveOptions) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Claim id -> how many claims it contradicts and the ids of the nearest in time (at most
    `MAX_LISTED`). Only figures that are not copies are given."""
    buckets: dict[tuple[str | None, str | None], list[ClaimRow]] = {}
    for c in sorted(claims, key=lambda c: c.claim_id):
        buckets.setdefault((c.subject_key, c.period), []).append(c)
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    for rows in buckets.values():
        if len(rows) < 2:
            continue
        q = Quantity.of(rows)
        for a, c in enumerate(rows):
            hits = q.contradicted_by(a, opts)
            if len(hits):
                undated = (q.day[hits] < 0) | (q.day[a] < 0)
                gap = np.where(undated, 0, np.abs(q.day[hits] - q.day[a]))
                nearest = hits[np.lexsort((hits, gap))[:MAX_LISTED]]  # rows are in id order
                out[c.claim_id] = (len(hits), tuple(rows[h].claim_id for h in nearest))
    return out


def build_ledger(claims: list[ClaimRow], originals: dict[str, str],
                 opts: ResolveOptions) -> list[LedgerEntry]:
    """Ledger entries for every claim of a set of subjects (closed: all claims on them)."""
    copies = find_copies(claims, originals)
    kept = [c for c in claims if c.claim_id not in copies]
    flags = find_contradictions(kept, opts)
    return [LedgerEntry(c, copies.get(c.claim_id), *flags.get(c.claim_id, (0, ())))
            for c in sorted(claims, key=lambda c: c.claim_id)]

"""The typed records the resolve stage reads and writes: groups, incidents, tracks, the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """Every threshold of the resolve stage in one place."""

    num_perm: int = 128  # MinHash permutations (512 bytes a document)
    shingle_words: int = 5  # word shingles of the folded clean text
    threshold: float = 0.5  # estimated Jaccard at which two documents are copies
    min_words: int = 8  # shorter texts are too small to call copies
    incident_km: float = 50.0  # two reports of one movement name places this close
    incident_days: int = 3  # ... and are dated this close
    track_gap_days: int = 10  # the longest pause between two positions of one track
    track_min_km: float = 10.0  # positions closer than this are the same place
    track_ground_kmh: float = 6.0  # ground forces: at most this average speed between positions
    track_sea_kmh: float = 40.0  # ships (about 22 knots, sustained)
    track_air_kmh: float = 900.0  # aircraft and helicopters
    track_theatre_km: float = 300.0  # a side's ground positions further apart: another theatre
    claim_margin: float = 0.1  # ranges must miss each other by this share to contradict
    claim_days: int = 14  # figures further apart in time are a series, not a contradiction


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What grouping needs to know about one stored document."""

    id: str
    name: str
    publisher: str | None
    original_publisher: str | None
    published: str | None
    homoglyphs: int
    spam: int
    boilerplate: int
    integrity: float
    credit_start: int | None = None  # raw span of the "via X" / "Source: X" line, if read
    credit_end: int | None = None
    credit_text: str | None = None


@dataclass(frozen=True, slots=True)
class GroupMember:
    """One document's place in its group: the original, or a copy and the document it copies."""

    doc_id: str
    group_id: str
    original_id: str
    role: str  # "original" or "copy"
    parent_id: str | None  # the document this one was copied from (None for the original)
    share: float | None  # share of this document's text found in the parent
    jaccard: float | None  # estimated Jaccard similarity to the parent
    credits: str | None  # the outlet this document names as its source ("via X", "Source: X")
    credit_start: int | None  # raw-text span of that credit line
    credit_end: int | None
    credit_text: str | None
    reasons: tuple[str, ...]  # why the parent is taken as the source
    size: int


@dataclass(frozen=True, slots=True)
class Report:
    """One movement fact as incidents and tracks see it."""

    movement_id: str
    doc_id: str
    group_id: str
    actor: str | None
    actor_key: str | None
    status: str
    equipment: tuple[str, ...]
    observed_by: str | None
    place: str | None  # the main place's mention (destination, else location, else origin)
    place_key: str | None
    lat: float | None
    lon: float | None
    origin: str | None
    origin_lat: float | None
    origin_lon: float | None
    date: str | None
    confidence: float
    start: int
    end: int
    evidence: str


@dataclass(frozen=True, slots=True)
class Incident:
    """One movement as several reports tell it; sources are counted once per group of copies."""

    id: str
    actor: str | None
    actor_key: str | None
    status: str
    equipment: tuple[str, ...]
    place: str | None
    lat: float | None
    lon: float | None
    origin: str | None
    origin_lat: float | None
    origin_lon: float | None
    first_seen: str | None
    last_seen: str | None
    observers: tuple[str, ...]
    n_reports: int
    n_documents: int
    n_sources: int  # independent sources: distinct groups of copies
    confidence: float
    reports: tuple[Report, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class TrackPoint:
    incident_id: str
    role: str  # "origin" (where the force set out) or "seen" (where it was reported)
    place: str | None
    lat: float
    lon: float
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class Track:
    """Successive positions of one force, in time order."""

    id: str
    actor: str | None
    actor_key: str
    first_seen: str | None
    last_seen: str | None
    points: tuple[TrackPoint, ...]
    km: float  # length along the points


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim fact as the ledger sees it."""

    claim_id: str
    doc_id: str
    group_id: str
    claimant: str | None
    claimant_key: str
    subject: str | None
    subject_key: str | None
    metric: str
    period: str | None  # "day", "week", "month" for figures over a stated span; None: to date
    low: float | None
    high: float | None
    date: str | None
    start: int
    end: int
    evidence: str
    confidence: float


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """A claim lined up with the others on its quantity."""

    claim: ClaimRow
    copy_of: str | None  # the same figure in the original of this document's group
    n_contradicts: int  # claims from other claimants whose ranges this one's cannot meet
    contradicts: tuple[str, ...]  # their ids, the nearest in time first (at most 50)


@dataclass(frozen=True, slots=True)
class ResolveStats:
    """What one resolve run did."""

    documents: int = 0  # documents (re)resolved in this run
    removed: int = 0  # documents gone from the store, dropped from the results
    groups_changed: int = 0  # documents whose group or original changed
    copies: int = 0  # documents now in a group as a copy (whole store)
    incidents_written: int = 0
    tracks_written: int = 0
    ledger_written: int = 0
    contradictions: int = 0  # ledger entries flagged (whole store)
    seconds: float = 0.0
    group_seconds: float = 0.0  # of which: signatures, LSH and groups of copies
    incident_seconds: float = 0.0  # incidents and tracks
    ledger_seconds: float = 0.0

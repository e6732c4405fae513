"""Reads of the resolve tables for the API: groups, incidents, tracks and the ledger, as records.

Lists page by key, as the store's fact lists do: a page ends at a row, and the next page starts
strictly after that row's sort key (`Page.after`), so pages stay stable while documents arrive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from sitrep.resolve import ledger
from sitrep.resolve import store as rs
from sitrep.resolve.names import name_key, side_key, words
from sitrep.resolve.records import TrackPoint
from sitrep.store import resolve_tables as rt
from sitrep.store.paging import read_page
from sitrep.store.schema import claims, documents


@dataclass(frozen=True, slots=True)
class DocRef:
    """Where a member, report or figure was read."""

    id: str
    name: str
    title: str | None
    publisher: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class MemberView:
    doc: DocRef
    role: str
    parent_id: str | None
    share: float | None
    jaccard: float | None
    credits: str | None
    credit_start: int | None
    credit_end: int | None
    credit_text: str | None
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class GroupView:
    group_id: str
    size: int
    original_id: str
    members: list[MemberView]


@dataclass(frozen=True, slots=True)
class ReportView:
    movement_id: str
    doc: DocRef
    group_id: str
    actor: str | None
    status: str
    equipment: list[str]
    observed_by: str | None
    place: str | None
    lat: float | None
    lon: float | None
    date: str | None
    confidence: float
    start: int
    end: int
    evidence: str


@dataclass(frozen=True, slots=True)
class IncidentView:
    id: str
    actor: str | None
    status: str
    equipment: list[str]
    place: str | None
    lat: float | None
    lon: float | None
    origin: str | None
    origin_lat: float | None
    origin_lon: float | None
    first_seen: str | None
    last_seen: str | None
    observers: list[str]
    n_reports: int
    n_documents: int
    n_sources: int
    confidence: float
    reports: list[ReportView]


@dataclass(frozen=True, slots=True)
class TrackView:
    id: str
    actor: str | None
    first_seen: str | None
    last_seen: str | None
    km: float
    points: list[TrackPoint]  # the stored points as they are


@dataclass(frozen=True, slots=True)
class FigureView:
    claim_id: str
    doc: DocRef
    claimant: str | None
    claimant_key: str
    low: float | None
    high: float | None
    date: str | None
    start: int
    end: int
    evidence: str
    confidence: float
    copy_of: str | None
    n_contradicts: int
    contradicts: list[str]
    unit: str | None  # the noun the figure counts, only when its evidence says it


@dataclass(frozen=True, slots=True)
class QuantityView:
    """Every figure on one quantity, by claimant then date, and how many contradict another."""

    key: str  # stable across reads: subject, metric, period (and unit for "other")
    subject: str | None
    subject_key: str | None
    metric: str
    period: str | None
    unit: str | None  # for metric "other": the noun its figures count (None: not stated)
    claimants: list[str]  # one name per claimant ("Zelensky" and "Zelenskyy" are one)
    contradictions: int
    figures: list[FigureView]


@dataclass(frozen=True, slots=True)
class Page:
    """How much to read, and the sort key of the previous page's last row (None: the first)."""

    limit: int = 50
    after: tuple[Any, ...] | None = None


def doc_refs(conn: Connection, ids: set[str]) -> dict[str, DocRef]:
    d = documents.c
    out: dict[str, DocRef] = {}
    for batch in rs.chunks(sorted(ids)):
        # the outlet, as the fact lists name it: the masthead, else the credited original
        outlet = func.coalesce(d.publisher, d.original_publisher).label("publisher")
        q = select(d.id, d.name, d.title, outlet, d.published).where(d.id.in_(batch))
        out.update((r.id, DocRef(r.id, r.name, r.title, r.publisher, r.published))
                   for r in conn.execute(q))
    return out


def ref(refs: dict[str, DocRef], doc_id: str) -> DocRef:
    return refs.get(doc_id) or DocRef(doc_id, doc_id, None, None, None)


# --- groups ---------------------------------------------------------------------------------
def list_groups(conn: Connection, *, min_size: int = 2, doc_id: str | None = None,
                page: Page = Page()) -> tuple[list[GroupView], int, tuple[Any, ...] | None]:
    """Groups of copies, largest first, with every member and the evidence linking it; the
    total, and the key to continue after."""
    g = rt.doc_groups.c
    nxt = None
    if doc_id is not None:
        gid = conn.execute(select(g.group_id).where(g.doc_id == doc_id)).scalar()
        ids = [gid] if gid is not None else []
        total = len(ids)
    else:
        q = select(g.size, g.group_id).where(g.size >= min_size, g.role == "original")
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
        heads, nxt = read_page(conn, q, [(g.size, True), (g.group_id, False)], page,
                               lambda r: (r.size, r.group_id))
        ids = [r.group_id for r in heads]
    rows: list[Any] = []
    for batch in rs.chunks(ids):
        rows.extend(conn.execute(select(rt.doc_groups).where(g.group_id.in_(batch))).all())
    refs = doc_refs(conn, {r.doc_id for r in rows})
    by_group: dict[str, list[Any]] = {}
    for r in rows:
        by_group.setdefault(r.group_id, []).append(r)
    out = []
    for gid in ids:
        members = sorted(by_group.get(gid, []), key=lambda r: (r.role != "original", r.doc_id))
        out.append(GroupView(gid, len(members), members[0].original_id if members else gid, [
            MemberView(ref(refs, r.doc_id), r.role, r.parent_id, r.share, r.jaccard, r.credits,
                       r.credit_start, r.credit_end, r.credit_text, list(r.reasons or []))
            for r in members]))
    return out, total, nxt


# --- incidents ------------------------------------------------------------------------------
def list_incidents(conn: Connection, *, actor: str | None = None, min_sources: int = 1,
                   date_from: str | None = None, date_to: str | None = None,
                   bbox: tuple[float, float, float, float] | None = None,
                   page: Page = Page()) -> tuple[list[IncidentView], int, tuple[Any, ...] | None]:
    """Incidents, best corroborated first, each with its reports and their evidence; the total,
    and the key to continue after."""
    i = rt.incidents.c
    q = select(rt.incidents).where(i.n_sources >= min_sources)
    if actor:
        q = q.where(i.actor_key == side_key(actor))
    if date_from:
        q = q.where(i.last_seen >= date_from)
    if date_to:
        q = q.where(i.first_seen <= date_to + "~")
    if bbox is not None:
        w, s, e, n = bbox
        q = q.where(i.lon >= w, i.lon <= e, i.lat >= s, i.lat <= n)
    total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
    first = func.coalesce(i.first_seen, "")  # undated last, on SQLite and PostgreSQL alike
    order = [(i.n_sources, True), (i.confidence, True), (first, True), (i.id, False)]
    rows, nxt = read_page(conn, q, order, page,
                          lambda r: (r.n_sources, r.confidence, r.first_seen or "", r.id))
    reports = rs.read_reports(conn, incident_ids=[r.id for r in rows])
    refs = doc_refs(conn, {r.doc_id for r in reports})
    owner = rs.incident_of(conn, [r.movement_id for r in reports])
    by_inc: dict[str, list[ReportView]] = {}
    for rep in reports:
        by_inc.setdefault(owner[rep.movement_id], []).append(ReportView(
            rep.movement_id, ref(refs, rep.doc_id), rep.group_id, rep.actor, rep.status,
            list(rep.equipment), rep.observed_by, rep.place, rep.lat, rep.lon, rep.date,
            rep.confidence, rep.start, rep.end, rep.evidence))
    out = [IncidentView(
        r.id, r.actor, r.status, list(r.equipment or []), r.place, r.lat, r.lon, r.origin,
        r.origin_lat, r.origin_lon, r.first_seen, r.last_seen, list(r.observers or []),
        r.n_reports, r.n_documents, r.n_sources, r.confidence,
        sorted(by_inc.get(r.id, []), key=lambda v: (v.date or "", v.movement_id)))
        for r in rows]
    return out, total, nxt


# --- tracks ---------------------------------------------------------------------------------
def list_tracks(conn: Connection, *, reports: Select[Any] | None = None,
                page: Page = Page()) -> tuple[list[TrackView], int, tuple[Any, ...] | None]:
    """Tracks, latest first; with `reports` (a select of movement ids: the movement list's own
    filters), those with a position one of these movements reported. The total, and the key to
    continue after."""
    q = _tracks_select(conn, reports)
    total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
    items, nxt = _track_page(conn, q, page)
    return items, total, nxt


def iter_tracks(conn: Connection, *, reports: Select[Any] | None = None,
                page_size: int = 500) -> Iterator[TrackView]:
    """Every track `list_tracks` lists, in its order, read `page_size` at a time; the tracks
    the `reports` gave are looked up once, not once per page, and nothing is counted."""
    q = _tracks_select(conn, reports)
    page = Page(page_size)
    while True:
        items, nxt = _track_page(conn, q, page)
        yield from items
        if nxt is None:
            return
        page = Page(page_size, nxt)


def _tracks_select(conn: Connection, reports: Select[Any] | None) -> Select[Any]:
    q = select(rt.tracks)
    if reports is not None:
        q = q.where(rt.tracks.c.id.in_(tracks_reported_by(conn, reports)))
    return q


def _track_page(conn: Connection, q: Select[Any], page: Page
                ) -> tuple[list[TrackView], tuple[Any, ...] | None]:
    t = rt.tracks.c
    order = [(func.coalesce(t.first_seen, ""), True), (t.id, False)]
    rows, nxt = read_page(conn, q, order, page, lambda r: (r.first_seen or "", r.id))
    return [TrackView(r.id, r.actor, r.first_seen, r.last_seen, r.km,
                      [TrackPoint(**p) for p in (r.points or [])]) for r in rows], nxt


def tracks_reported_by(conn: Connection, reports: Select[Any]) -> list[str]:
    """The tracks with a position (an incident) that one of these movements reported."""
    ir = rt.incident_reports.c
    incidents = {r[0] for r in conn.execute(
        select(ir.incident_id).where(ir.movement_id.in_(reports)).distinct())}
    if not incidents:
        return []
    return [r.id for r in conn.execute(select(rt.tracks.c.id, rt.tracks.c.points))
            if any(p["incident_id"] in incidents for p in r.points or [])]


# --- the ledger -----------------------------------------------------------------------------
def read_ledger(conn: Connection, *, metric: str | None = None, subject: str | None = None,
                claimant: str | None = None, with_copies: bool = False,
                limit: int = 50) -> list[QuantityView]:
    """Quantities with their figures by claimant and date (a claimant's series with `claimant`).

    Figures of the catch-all metric "other" are lined up by the noun they count (helicopters
    with helicopters), and one whose evidence names no noun stands alone.
    """
    lg = rt.ledger.c
    q = select(rt.ledger, claims.c.unit).outerjoin(claims, claims.c.id == lg.claim_id)
    if metric:
        q = q.where(lg.metric == metric)
    if subject:
        q = q.where(lg.subject_key == side_key(subject))
    if claimant:
        q = q.where(lg.claimant_key == name_key(claimant))
    if not with_copies:
        q = q.where(lg.copy_of.is_(None))
    rows = conn.execute(q.order_by(lg.subject_key, lg.metric, lg.claim_id).limit(20_000)).all()
    refs = doc_refs(conn, {r.doc_id for r in rows})
    groups: dict[tuple[str | None, str, str | None, str | None], list[Any]] = {}
    for r in rows:
        groups.setdefault((r.subject_key, r.metric, r.period, unit_key(r)), []).append(r)
    out = [quantity_view(key, rs_, refs) for key, rs_ in groups.items()]
    out.sort(key=lambda v: (-v.contradictions, -len(v.claimants), -len(v.figures),
                            v.subject_key or "", v.metric, v.key))
    return out[:limit]


def unit_key(r: Any) -> str | None:
    """What tells the quantities of metric "other" apart: the noun counted, as its evidence
    states it, or the figure itself (with its copies) when it states none."""
    if r.metric != "other":
        return None
    unit = ledger.stated_unit(r.unit, r.evidence)
    if unit is None:
        return f"claim:{r.copy_of or r.claim_id}"
    return " ".join(w.removesuffix("s") for w in words(unit))


def quantity_view(key: tuple[str | None, str, str | None, str | None], rows: list[Any],
                  refs: dict[str, DocRef]) -> QuantityView:
    skey, metric, period, ukey = key
    rows.sort(key=lambda r: (r.claimant_key, r.date or "", r.claim_id))
    figures = [FigureView(r.claim_id, ref(refs, r.doc_id), r.claimant, r.claimant_key, r.low,
                          r.high, r.date, r.start, r.end, r.evidence, r.confidence, r.copy_of,
                          r.n_contradicts, list(r.contradicts or []),
                          ledger.stated_unit(r.unit, r.evidence))
               for r in rows]
    names: dict[str, str] = {}  # claimant key -> the name it is first given
    for f in figures:
        names.setdefault(f.claimant_key, f.claimant or (f.doc.publisher or "(outlet)"))
    unit = next((f.unit for f in figures if f.unit), None) if ukey else None
    subject = next((r.subject for r in rows if r.subject), None)
    return QuantityView("|".join(k or "" for k in key), subject, skey, metric, period, unit,
                        sorted(set(names.values())), sum(1 for f in figures if f.contradicts),
                        figures)

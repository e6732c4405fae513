"""The reads and writes the resolve stage makes on its tables (`sitrep.store.resolve_tables`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Column, delete, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from sitrep.resolve.names import name_key, side_key
from sitrep.resolve.records import (
    ClaimRow,
    DocInfo,
    GroupMember,
    Incident,
    LedgerEntry,
    Report,
    Track,
    TrackPoint,
)
from sitrep.store.resolve_tables import (
    doc_groups,
    incident_reports,
    incidents,
    ledger,
    resolved_docs,
    tracks,
)
from sitrep.store.schema import claims, documents, movements, places

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits

def chunks(ids: Iterable[str], n: int = CHUNK) -> Iterator[list[str]]:
    batch: list[str] = []
    for i in ids:
        batch.append(i)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def delete_in(conn: Connection, column: Column[Any], ids: Iterable[str]) -> None:
    """Delete the rows of `column`'s table whose `column` is one of `ids`, a batch at a time."""
    for batch in chunks(ids):
        conn.execute(delete(column.table).where(column.in_(batch)))


# --- documents ------------------------------------------------------------------------------
def fingerprint(row: Any) -> str:
    """What, in a stored document row, changes when re-ingesting changed what resolve reads."""
    parts = (row.n_facts, row.integrity, row.published, row.publisher, row.original_publisher,
             row.text_len)
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:24]


def read_fingerprints(conn: Connection) -> dict[str, str]:
    """Every stored document's fingerprint (no text is read)."""
    q = select(documents.c.id, documents.c.n_facts, documents.c.integrity, documents.c.published,
               documents.c.publisher, documents.c.original_publisher,
               func.length(documents.c.clean_text).label("text_len"))
    return {r.id: fingerprint(r) for r in conn.execute(q)}


def read_resolved(conn: Connection) -> dict[str, str]:
    """Fingerprints of the documents resolved so far."""
    return dict(conn.execute(select(resolved_docs.c.doc_id, resolved_docs.c.fingerprint)).all())


def read_signatures(conn: Connection, exclude: set[str]) -> Iterator[tuple[str, bytes]]:
    q = select(resolved_docs.c.doc_id, resolved_docs.c.signature).where(
        resolved_docs.c.signature.is_not(None))
    for doc_id, sig in conn.execute(q):
        if doc_id not in exclude:
            yield doc_id, bytes(sig)


def read_signatures_of(conn: Connection, ids: Iterable[str]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for batch in chunks(ids):
        q = select(resolved_docs.c.doc_id, resolved_docs.c.signature).where(
            resolved_docs.c.doc_id.in_(batch), resolved_docs.c.signature.is_not(None))
        out.update((d, bytes(s)) for d, s in conn.execute(q))
    return out


def _credit(source_evidence: Any) -> tuple[int | None, int | None, str | None]:
    ev = (source_evidence or {}).get("original_publisher")
    if isinstance(ev, dict) and "start" in ev:
        return ev["start"], ev["end"], ev.get("text")
    return None, None, None


def read_docs(conn: Connection, ids: Iterable[str]) -> dict[str, DocInfo]:
    """Provenance and cleaning findings of documents (no text)."""
    out: dict[str, DocInfo] = {}
    d = documents.c
    for batch in chunks(ids):
        q = select(d.id, d.name, d.publisher, d.original_publisher, d.published, d.flags,
                   d.integrity, d.source_evidence).where(d.id.in_(batch))
        for r in conn.execute(q):
            flags = r.flags or {}
            s, e, t = _credit(r.source_evidence)
            out[r.id] = DocInfo(
                id=r.id, name=r.name, publisher=r.publisher,
                original_publisher=r.original_publisher, published=r.published,
                homoglyphs=int(flags.get("homoglyphs_folded") or 0),
                spam=len(flags.get("spam_spans") or []),
                boilerplate=int(flags.get("boilerplate_chars") or 0),
                integrity=float(r.integrity if r.integrity is not None else 1.0),
                credit_start=s, credit_end=e, credit_text=t)
    return out


def read_texts(conn: Connection, ids: Iterable[str],
               column: str = "clean_text") -> Iterator[tuple[str, str]]:
    """(id, text) of documents, a batch at a time so memory stays flat."""
    col = documents.c[column]
    for batch in chunks(ids):
        yield from conn.execute(select(documents.c.id, col).where(documents.c.id.in_(batch))).all()


def write_resolved(conn: Connection, rows: list[dict[str, Any]]) -> None:
    ids = [r["doc_id"] for r in rows]
    delete_in(conn, resolved_docs.c.doc_id, ids)
    if rows:
        conn.execute(resolved_docs.insert(), rows)


def forget_docs(conn: Connection, ids: list[str]) -> None:
    """Drop the signatures of documents gone from the store (their groups, incidents and ledger
    rows are redone by the stages, which need to see them first)."""
    delete_in(conn, resolved_docs.c.doc_id, ids)


# --- groups ---------------------------------------------------------------------------------
def read_groups_of(conn: Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc id -> group id for the documents that have one."""
    out: dict[str, str] = {}
    for batch in chunks(doc_ids):
        q = select(doc_groups.c.doc_id, doc_groups.c.group_id).where(doc_groups.c.doc_id.in_(batch))
        out.update(conn.execute(q).all())
    return out


def read_group_rows(conn: Connection, doc_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """doc id -> (group id, original id)."""
    out: dict[str, tuple[str, str]] = {}
    for batch in chunks(doc_ids):
        q = select(doc_groups.c.doc_id, doc_groups.c.group_id, doc_groups.c.original_id).where(
            doc_groups.c.doc_id.in_(batch))
        out.update((d, (g, o)) for d, g, o in conn.execute(q))
    return out


def read_members(conn: Connection, group_ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for batch in chunks(group_ids):
        q = select(doc_groups.c.doc_id).where(doc_groups.c.group_id.in_(batch))
        out.update(conn.execute(q).scalars())
    return out


def member_row(m: GroupMember) -> dict[str, Any]:
    return {"doc_id": m.doc_id, "group_id": m.group_id, "original_id": m.original_id,
            "role": m.role, "parent_id": m.parent_id, "share": m.share, "jaccard": m.jaccard,
            "credits": m.credits, "credit_start": m.credit_start, "credit_end": m.credit_end,
            "credit_text": m.credit_text, "reasons": list(m.reasons), "size": m.size}


def write_members(conn: Connection, doc_ids: Iterable[str], members: list[GroupMember]) -> None:
    delete_in(conn, doc_groups.c.doc_id, doc_ids)
    if members:
        conn.execute(doc_groups.insert(), [member_row(m) for m in members])


def count_copies(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(doc_groups).where(
        doc_groups.c.role == "copy")).scalar_one()


# --- movements and incidents ----------------------------------------------------------------
def _main(row: Any) -> tuple[str | None, float | None, float | None]:
    for ref in (row.destination, row.location, row.origin):
        if isinstance(ref, dict) and ref.get("mention"):
            return ref.get("mention"), ref.get("lat"), ref.get("lon")
    return None, None, None


def read_movements(conn: Connection, doc_ids: Iterable[str],
                   groups: dict[str, str]) -> list[Report]:
    """The movement facts of documents, as reports (group ids from `groups`, else the doc id)."""
    out: list[Report] = []
    m = movements.c
    for batch in chunks(doc_ids):
        q = select(m.id, m.doc_id, m.actor, m.status, m.equipment, m.observed_by, m.origin,
                   m.destination, m.location, m.date, m.confidence, m.start, m.end,
                   m.evidence).where(m.doc_id.in_(batch))
        for r in conn.execute(q):
            place, lat, lon = _main(r)
            origin = r.origin if isinstance(r.origin, dict) else {}
            out.append(Report(
                movement_id=r.id, doc_id=r.doc_id, group_id=groups.get(r.doc_id, r.doc_id),
                actor=r.actor, actor_key=side_key(r.actor), status=r.status,
                equipment=tuple(sorted(set(r.equipment or []))), observed_by=r.observed_by,
                place=place, place_key=name_key(place), lat=lat, lon=lon,
                origin=origin.get("mention"), origin_lat=origin.get("lat"),
                origin_lon=origin.get("lon"), date=r.date, confidence=float(r.confidence),
                start=r.start, end=r.end, evidence=r.evidence))
    return sorted(out, key=lambda x: x.movement_id)


def report_from_row(r: Any) -> Report:
    return Report(
        movement_id=r.movement_id, doc_id=r.doc_id, group_id=r.group_id, actor=r.actor,
        actor_key=r.actor_key, status=r.status, equipment=tuple(r.equipment or ()),
        observed_by=r.observed_by, place=r.place, place_key=r.place_key, lat=r.lat, lon=r.lon,
        origin=r.origin, origin_lat=r.origin_lat, origin_lon=r.origin_lon, date=r.date,
        confidence=r.confidence, start=r.start, end=r.end, evidence=r.evidence)


def report_row(rep: Report, incident_id: str) -> dict[str, Any]:
    return {"movement_id": rep.movement_id, "incident_id": incident_id, "doc_id": rep.doc_id,
            "group_id": rep.group_id, "actor": rep.actor, "actor_key": rep.actor_key,
            "status": rep.status, "equipment": list(rep.equipment),
            "observed_by": rep.observed_by, "place": rep.place, "place_key": rep.place_key,
            "lat": rep.lat, "lon": rep.lon, "origin": rep.origin, "origin_lat": rep.origin_lat,
            "origin_lon": rep.origin_lon, "date": rep.date, "confidence": rep.confidence,
            "start": rep.start, "end": rep.end, "evidence": rep.evidence}


def read_reports(conn: Connection, *, incident_ids: Iterable[str] = (),
                 doc_ids: Iterable[str] = ()) -> list[Report]:
    """Stored reports of some incidents and/or of some documents."""
    out: dict[str, Report] = {}
    for col, ids in ((incident_reports.c.incident_id, incident_ids),
                     (incident_reports.c.doc_id, doc_ids)):
        for batch in chunks(ids):
            for r in conn.execute(select(incident_reports).where(col.in_(batch))):
                out[r.movement_id] = report_from_row(r)
    return [out[k] for k in sorted(out)]


def read_reports_near(conn: Connection, actor_keys: Iterable[str], day_from: str | None,
                      day_to: str | None, undated: bool) -> list[Report]:
    """Stored reports of some sides dated between two days, and the undated ones if asked."""
    ir = incident_reports.c
    out: list[Report] = []
    for batch in chunks(sorted(actor_keys)):
        when: list[ColumnElement[bool]] = []
        if day_from and day_to:
            when.append((ir.date >= day_from) & (ir.date <= day_to + "~"))  # "~" sorts after times
        if undated:
            when.append(ir.date.is_(None))
        if not when:
            continue
        q = select(incident_reports).where(ir.actor_key.in_(batch), or_(*when))
        out.extend(report_from_row(r) for r in conn.execute(q))
    return out


def incident_of(conn: Connection, movement_ids: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for batch in chunks(movement_ids):
        q = select(incident_reports.c.movement_id, incident_reports.c.incident_id).where(
            incident_reports.c.movement_id.in_(batch))
        out.update(conn.execute(q).all())
    return out


def incident_row(inc: Incident) -> dict[str, Any]:
    return {"id": inc.id, "actor": inc.actor, "actor_key": inc.actor_key, "status": inc.status,
            "equipment": list(inc.equipment), "place": inc.place, "lat": inc.lat,
            "lon": inc.lon, "origin": inc.origin, "origin_lat": inc.origin_lat,
            "origin_lon": inc.origin_lon, "first_seen": inc.first_seen,
            "last_seen": inc.last_seen, "observers": list(inc.observers),
            "n_reports": inc.n_reports, "n_documents": inc.n_documents,
            "n_sources": inc.n_sources, "confidence": inc.confidence}


def replace_incidents(conn: Connection, old_ids: Iterable[str], new: list[Incident]) -> None:
    """Delete incidents (and their reports) and write the new ones with their reports."""
    old = sorted(set(old_ids) | {i.id for i in new})
    delete_in(conn, incident_reports.c.incident_id, old)
    delete_in(conn, incidents.c.id, old)
    moved = [r.movement_id for i in new for r in i.reports]  # a report leaves its former incident
    delete_in(conn, incident_reports.c.movement_id, moved)
    if new:
        conn.execute(incidents.insert(), [incident_row(i) for i in new])
        conn.execute(incident_reports.insert(),
                     [report_row(r, i.id) for i in new for r in i.reports])


def incident_from_row(r: Any, reports: tuple[Report, ...] = ()) -> Incident:
    return Incident(
        id=r.id, actor=r.actor, actor_key=r.actor_key, status=r.status,
        equipment=tuple(r.equipment or ()), place=r.place, lat=r.lat, lon=r.lon,
        origin=r.origin, origin_lat=r.origin_lat, origin_lon=r.origin_lon,
        first_seen=r.first_seen, last_seen=r.last_seen, observers=tuple(r.observers or ()),
        n_reports=r.n_reports, n_documents=r.n_documents, n_sources=r.n_sources,
        confidence=r.confidence, reports=reports)


def read_incidents_of_actors(conn: Connection, actor_keys: Iterable[str]) -> list[Incident]:
    out: list[Incident] = []
    for batch in chunks(sorted(actor_keys)):
        q = select(incidents).where(incidents.c.actor_key.in_(batch))
        out.extend(incident_from_row(r) for r in conn.execute(q))
    return out


def incidents_of_groups(conn: Connection, group_ids: Iterable[str],
                        doc_ids: Iterable[str]) -> set[str]:
    """Incidents holding a report of these documents or groups (their source counts may move)."""
    out: set[str] = set()
    ir = incident_reports.c
    for col, ids in ((ir.group_id, group_ids), (ir.doc_id, doc_ids)):
        for batch in chunks(ids):
            out.update(conn.execute(select(ir.incident_id).where(col.in_(batch))).scalars())
    return out


# --- tracks ---------------------------------------------------------------------------------
def read_area_names(conn: Connection, names: Iterable[str], kinds: Iterable[str]) -> set[str]:
    """The place mentions among `names` that the gazetteer read as one of these (area) kinds."""
    out: set[str] = set()
    kinds = list(kinds)
    for batch in chunks(sorted(set(names))):
        q = select(places.c.mention).where(places.c.mention.in_(batch),
                                            places.c.kind.in_(kinds)).distinct()
        out.update(conn.execute(q).scalars())
    return out


def track_row(t: Track) -> dict[str, Any]:
    return {"id": t.id, "actor": t.actor, "actor_key": t.actor_key, "first_seen": t.first_seen,
            "last_seen": t.last_seen, "km": t.km,
            "points": [{"incident_id": p.incident_id, "role": p.role, "place": p.place,
                        "lat": p.lat, "lon": p.lon, "first_seen": p.first_seen,
                        "last_seen": p.last_seen} for p in t.points]}


def track_from_row(r: Any) -> Track:
    return Track(id=r.id, actor=r.actor, actor_key=r.actor_key, first_seen=r.first_seen,
                 last_seen=r.last_seen, km=r.km,
                 points=tuple(TrackPoint(**p) for p in (r.points or [])))


def replace_tracks(conn: Connection, actor_keys: Iterable[str], new: list[Track]) -> None:
    delete_in(conn, tracks.c.actor_key, sorted(actor_keys))
    if new:
        conn.execute(tracks.insert(), [track_row(t) for t in new])


# --- claims and the ledger ------------------------------------------------------------------
def read_claims(conn: Connection, doc_ids: Iterable[str]) -> list[Any]:
    """Raw claim rows of documents (the ledger turns them into `ClaimRow`s)."""
    c = claims.c
    out: list[Any] = []
    for batch in chunks(doc_ids):
        q = select(c.id, c.doc_id, c.claimant, c.subject, c.metric, c.low, c.high, c.date,
                   c.start, c.end, c.evidence, c.confidence).where(c.doc_id.in_(batch))
        out.extend(conn.execute(q).all())
    return sorted(out, key=lambda r: r.id)


def claim_from_row(r: Any) -> ClaimRow:
    return ClaimRow(
        claim_id=r.claim_id, doc_id=r.doc_id, group_id=r.group_id, claimant=r.claimant,
        claimant_key=r.claimant_key, subject=r.subject, subject_key=r.subject_key,
        metric=r.metric, period=r.period, low=r.low, high=r.high, date=r.date, start=r.start,
        end=r.end, evidence=r.evidence, confidence=r.confidence)


def read_ledger_window(conn: Connection, subject_keys: Iterable[str | None],
                       days: tuple[str, str] | None, group_ids: Iterable[str]) -> list[ClaimRow]:
    """Ledger claims about some subjects dated between two days, or in some groups."""
    lg = ledger.c
    out: dict[str, ClaimRow] = {}
    keys = set(subject_keys)
    named = sorted(k for k in keys if k is not None)
    about = [lg.subject_key.in_(batch) for batch in chunks(named)]
    if None in keys:
        about.append(lg.subject_key.is_(None))
    if days is not None:
        for cond in about:
            q = select(ledger).where(cond, lg.date >= days[0], lg.date <= days[1] + "~")
            out.update((r.claim_id, claim_from_row(r)) for r in conn.execute(q))
    for batch in chunks(sorted(set(group_ids))):
        for r in conn.execute(select(ledger).where(lg.group_id.in_(batch))):
            if r.subject_key in keys:
                out[r.claim_id] = claim_from_row(r)
    return [out[k] for k in sorted(out)]


def read_ledger_docs(conn: Connection, doc_ids: Iterable[str]) -> list[ClaimRow]:
    out: list[ClaimRow] = []
    for batch in chunks(doc_ids):
        out.extend(claim_from_row(r) for r in conn.execute(
            select(ledger).where(ledger.c.doc_id.in_(batch))))
    return out


def ledger_row(e: LedgerEntry) -> dict[str, Any]:
    c = e.claim
    return {"claim_id": c.claim_id, "doc_id": c.doc_id, "group_id": c.group_id,
            "claimant": c.claimant, "claimant_key": c.claimant_key, "subject": c.subject,
            "subject_key": c.subject_key, "metric": c.metric, "period": c.period,
            "low": c.low, "high": c.high, "date": c.date, "start": c.start, "end": c.end,
            "evidence": c.evidence, "confidence": c.confidence, "copy_of": e.copy_of,
            "n_contradicts": e.n_contradicts, "contradicts": list(e.contradicts)}


def replace_ledger_rows(conn: Connection, claim_ids: Iterable[str], doc_ids: Iterable[str],
                        entries: list[LedgerEntry]) -> None:
    """Delete some ledger rows and the rows of some documents, then write the new entries."""
    gone = sorted(set(claim_ids) | {e.claim.claim_id for e in entries})
    delete_in(conn, ledger.c.claim_id, gone)
    delete_in(conn, ledger.c.doc_id, doc_ids)
    if entries:
        conn.execute(ledger.insert(), [ledger_row(e) for e in entries])


def count_contradictions(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(ledger).where(
        ledger.c.n_contradicts > 0)).scalar_one()

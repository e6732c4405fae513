"""`resolve_store`: bring groups, incidents, tracks and the ledger up to date with the store.

Incremental: only documents that are new or changed since the last run (or the ones named) are
read; what they touch is redone - the groups they join or leave, the incidents their reports link
to, the tracks of the sides those incidents belong to, the ledger of the subjects their claims are
about. The result does not depend on the order documents arrive in, and a re-run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, replace

import numpy as np
from datasketch import MinHashLSH
from sqlalchemy.engine import Connection

from sitrep.records import AREA_KINDS
from sitrep.resolve import dedup, incidents, ledger, tracks
from sitrep.resolve import store as rs
from sitrep.resolve.names import words
from sitrep.resolve.records import (
    ClaimRow,
    GroupMember,
    Incident,
    Report,
    ResolveOptions,
    ResolveStats,
    Track,
)
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Regrouped:
    """What grouping changed: the documents whose group or original moved, and current groups."""

    changed: frozenset[str]
    groups: dict[str, str]  # doc id -> group id, for every document grouping looked at


def resolve_store(store: Store, doc_ids: list[str] | None = None,
                  opts: ResolveOptions | None = None) -> ResolveStats:
    """Resolve new and changed documents (or exactly `doc_ids`) against the whole store."""
    opts = opts or ResolveOptions()
    t0 = time.perf_counter()
    rt.create_tables(store.engine)
    with store.engine.begin() as conn:
        current = rs.read_fingerprints(conn)
        done = rs.read_resolved(conn)
        removed = sorted(set(done) - set(current))
        if doc_ids is None:
            todo = sorted(d for d, fp in current.items() if done.get(d) != fp)
        else:
            todo = sorted(set(doc_ids) & set(current))
        if not todo and not removed:
            return ResolveStats(seconds=time.perf_counter() - t0)
        log.info("resolving %d documents (%d removed)", len(todo), len(removed))
        t1 = time.perf_counter()
        regrouped = regroup(conn, todo, removed, current, opts)
        t2 = time.perf_counter()
        touched_actors, n_incidents = update_incidents(conn, todo, removed, regrouped, opts)
        n_tracks = update_tracks(conn, touched_actors, opts)
        t3 = time.perf_counter()
        n_ledger = update_ledger(conn, todo, removed, regrouped, opts)
        t4 = time.perf_counter()
        rs.forget_docs(conn, removed)
        return ResolveStats(
            documents=len(todo), removed=len(removed), groups_changed=len(regrouped.changed),
            copies=rs.count_copies(conn), incidents_written=n_incidents, tracks_written=n_tracks,
            ledger_written=n_ledger, contradictions=rs.count_contradictions(conn),
            seconds=round(time.perf_counter() - t0, 3), group_seconds=round(t2 - t1, 3),
            incident_seconds=round(t3 - t2, 3), ledger_seconds=round(t4 - t3, 3))


# --- groups of copies -----------------------------------------------------------------------
def sign_documents(conn: Connection, todo: list[str], fingerprints: dict[str, str],
                   opts: ResolveOptions) -> dict[str, np.ndarray]:
    """MinHash signatures of the documents to resolve, stored with their fingerprints."""
    sigs: dict[str, np.ndarray] = {}
    for batch in rs.chunks(todo):
        rows = []
        for doc_id, text in rs.read_texts(conn, batch):
            ws = words(text or "")
            sh = dedup.shingles(ws, opts.shingle_words)
            sig = dedup.signature(sh, opts.num_perm) if len(ws) >= opts.min_words else None
            if sig is not None:
                sigs[doc_id] = sig
            rows.append({"doc_id": doc_id, "fingerprint": fingerprints[doc_id],
                         "signature": dedup.to_bytes(sig) if sig is not None else None,
                         "n_shingles": int(sh.size)})
        rs.write_resolved(conn, rows)
    return sigs


def similar(lsh: MinHashLSH, sigs: dict[str, np.ndarray], doc_id: str, opts: ResolveOptions,
            within: set[str] | None = None) -> list[str]:
    """Documents whose estimated Jaccard similarity to `doc_id` reaches the threshold."""
    sig = sigs[doc_id]
    out = []
    for other in lsh.query(dedup.lean(sig)):
        if other != doc_id and (within is None or other in within) \
                and dedup.jaccard(sig, sigs[other]) >= opts.threshold:
            out.append(other)
    return out


def regroup(conn: Connection, todo: list[str], removed: list[str], fingerprints: dict[str, str],
            opts: ResolveOptions) -> Regrouped:
    """Put new and changed documents into groups of copies; redo the groups they touch."""
    old = rs.read_group_rows(conn, [*todo, *removed])
    skip = set(todo) | set(removed)
    lsh = dedup.make_lsh(opts)
    sigs: dict[str, np.ndarray] = {}
    with lsh.insertion_session() as session:
        for doc_id, data in rs.read_signatures(conn, skip):
            sigs[doc_id] = dedup.from_bytes(data)
            session.insert(doc_id, dedup.lean(sigs[doc_id]), check_duplication=False)
        fresh = sign_documents(conn, todo, fingerprints, opts)
        for doc_id, sig in fresh.items():
            sigs[doc_id] = sig
            session.insert(doc_id, dedup.lean(sig), check_duplication=False)
    neighbours = {d: similar(lsh, sigs, d, opts) for d in fresh}
    # the groups to redo: the ones these documents were in and the ones they now reach
    reached = {g for g, _ in old.values()}
    reached |= set(rs.read_groups_of(conn, {n for ns in neighbours.values() for n in ns}).values())
    members = (rs.read_members(conn, reached) | set(todo)) - set(removed)
    old_rows = rs.read_group_rows(conn, members)
    old.update(old_rows)
    edges = [(d, n) for d, ns in neighbours.items() for n in ns if n in members]
    for d in sorted(members - set(fresh)):
        if d in sigs:
            edges.extend((d, n) for n in similar(lsh, sigs, d, opts, members))
    comps = dedup.find_components(members, edges)
    grouped = write_groups(conn, comps, sigs, opts, removed)
    changed = {m.doc_id for m in grouped if old.get(m.doc_id) != (m.group_id, m.original_id)}
    return Regrouped(frozenset(changed | set(todo) | set(removed)),
                     {m.doc_id: m.group_id for m in grouped})


def write_groups(conn: Connection, comps: list[list[str]], sigs: dict[str, np.ndarray],
                 opts: ResolveOptions, removed: list[str]) -> list[GroupMember]:
    """Each component's original, chain and evidence, written over the members' old rows
    (and the rows of removed documents dropped)."""
    ids = [d for c in comps for d in c]
    infos = rs.read_docs(conn, ids)
    multi = [d for c in comps if len(c) > 1 for d in c]
    sets = {d: dedup.shingles(words(t or ""), opts.shingle_words)
            for d, t in rs.read_texts(conn, multi)}
    out: list[GroupMember] = []
    for comp in comps:
        members = [infos[d] for d in comp if d in infos]
        if members:
            out.extend(dedup.build_group(members, sigs, sets))
    rs.write_members(conn, [*ids, *removed], out)
    return out


# --- incidents and tracks -------------------------------------------------------------------
def with_groups(reports: list[Report], groups: dict[str, str]) -> list[Report]:
    return [replace(r, group_id=groups[r.doc_id]) if groups.get(r.doc_id, r.group_id) != r.group_id
            else r for r in reports]


def update_incidents(conn: Connection, todo: list[str], removed: list[str], regrouped: Regrouped,
                     opts: ResolveOptions) -> tuple[set[str], int]:
    """Redo the incidents that the documents' reports were in, link to, or count as sources."""
    gone = set(todo) | set(removed)
    old = rs.read_reports(conn, doc_ids=gone)
    touched = {i for i in rs.incident_of(conn, [r.movement_id for r in old]).values()}
    touched |= rs.incidents_of_groups(conn, (), regrouped.changed - gone)
    groups = {**rs.read_groups_of(conn, todo), **regrouped.groups}
    new = rs.read_movements(conn, todo, groups)
    keys = {r.actor_key for r in new if r.actor_key}
    days = sorted(r.date for r in new if r.date)
    if keys:
        day_from = shift(days[0], -opts.incident_days) if days else None
        day_to = shift(days[-1], opts.incident_days) if days else None
        undated = any(r.date is None for r in new)
        near = [r for r in rs.read_reports_near(conn, keys, day_from, day_to, undated)
                if r.doc_id not in gone]
        linked = {r.movement_id for c in incidents.cluster([*new, *near], opts,
                                                           area_places(conn, [*new, *near]))
                  if any(x.doc_id in gone for x in c) for r in c}
        touched |= set(rs.incident_of(conn, linked).values())
    pool = [r for r in rs.read_reports(conn, incident_ids=touched) if r.doc_id not in gone]
    pool_groups = rs.read_groups_of(conn, {r.doc_id for r in pool})
    result = incidents.build_incidents(with_groups([*pool, *new], pool_groups), opts,
                                       area_places(conn, [*pool, *new]))
    rs.replace_incidents(conn, touched, result)
    actors = {r.actor_key for r in [*old, *pool, *new] if r.actor_key}
    return actors, len(result)


def area_places(conn: Connection, reports: list[Report]) -> frozenset[str]:
    """The place keys of these reports that name areas (a sea, a country, a region)."""
    names = {r.place for r in reports if r.place}
    return tracks.area_keys(rs.read_area_names(conn, names, AREA_KINDS)) if names else frozenset()


def shift(date: str, days: int) -> str:
    """An ISO day `days` away from a date."""
    try:
        return (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return date[:10]


def update_tracks(conn: Connection, actors: set[str], opts: ResolveOptions) -> int:
    """Redo the tracks of the sides whose incidents changed."""
    found: list[Track] = []
    by_actor: dict[str, list[Incident]] = {}
    for inc in rs.read_incidents_of_actors(conn, actors):
        by_actor.setdefault(inc.actor_key or "", []).append(inc)
    names = {n for incs in by_actor.values() for i in incs for n in (i.place, i.origin) if n}
    areas = tracks.area_keys(rs.read_area_names(conn, names, AREA_KINDS))
    for key in sorted(by_actor):
        found.extend(tracks.build_tracks(by_actor[key], opts, areas))
    rs.replace_tracks(conn, actors, found)
    return len(found)


# --- the ledger -----------------------------------------------------------------------------
def update_ledger(conn: Connection, todo: list[str], removed: list[str], regrouped: Regrouped,
                  opts: ResolveOptions) -> int:
    """Redo the ledger rows the documents' claims can change, and no others.

    A figure's flags depend only on figures of its subject within `claim_days` of it (undated
    ones: on its own group's), and its copy link on its group; so the rows redone are those of
    the touched subjects dated within `claim_days` of a touched figure, or in a touched group,
    each judged against everything within twice that distance.
    """
    gone = set(todo) | set(removed)
    old = rs.read_ledger_docs(conn, gone | (regrouped.changed - gone))
    groups = {**rs.read_groups_of(conn, todo), **regrouped.groups}
    rows = rs.read_claims(conn, todo)
    new = [ledger.to_claim(r, groups.get(r.doc_id, r.doc_id)) for r in rows]
    touched = [*old, *new]
    if not touched:
        return 0
    subjects = {c.subject_key for c in touched}
    days = sorted(c.date[:10] for c in touched if c.date and len(c.date) >= 10)
    touched_groups = {c.group_id for c in touched} | {groups.get(c.doc_id, c.group_id)
                                                      for c in touched}
    w = opts.claim_days
    window = (shift(days[0], -w), shift(days[-1], w)) if days else None
    targets = [c for c in rs.read_ledger_window(conn, subjects, window, touched_groups)
               if c.doc_id not in gone and c.doc_id not in regrouped.changed]
    target_ids = {c.claim_id for c in [*targets, *old]}
    wide = (shift(days[0], -2 * w), shift(days[-1], 2 * w)) if days else None
    context_groups = touched_groups | {c.group_id for c in targets}
    context = [c for c in rs.read_ledger_window(conn, subjects, wide, context_groups)
               if c.doc_id not in gone]
    cur = rs.read_groups_of(conn, {c.doc_id for c in context})
    claims = [regroup_claim(c, cur.get(c.doc_id, c.group_id)) for c in context] + new
    originals = {g: o for g, o in rs.read_group_rows(conn, {c.doc_id for c in claims}).values()}
    fresh = {c.claim_id for c in new} | target_ids
    entries = [e for e in ledger.build_ledger(claims, originals, opts)
               if e.claim.claim_id in fresh]
    rs.replace_ledger_rows(conn, target_ids, gone, entries)
    return len(entries)


def regroup_claim(c: ClaimRow, group_id: str) -> ClaimRow:
    """A stored claim with its document's current group (its outlet key follows the group)."""
    if c.group_id == group_id:
        return c
    return replace(c, group_id=group_id, claimant_key=ledger.claimant_key(c.claimant, group_id))

"""The resolve stage's tables, on the store's shared metadata.

State kept so that a run only touches what changed: each resolved document's MinHash signature
and a fingerprint of its stored row (`resolved_docs`), groups of copies (`doc_groups`), incidents
with a copy of each report (`incidents`, `incident_reports`), tracks and the claims `ledger`.
The resolve stage reads and writes them (`sitrep.resolve.store`); the API reads them
(`sitrep.resolve.queries`).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Engine, Float, Index, Integer, LargeBinary, String, Table, Text

from sitrep.store.schema import metadata

resolved_docs = Table(
    "resolved_docs", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("fingerprint", String(32), nullable=False),
    Column("signature", LargeBinary),  # MinHash values, little-endian uint32; None: too short
    Column("n_shingles", Integer, nullable=False, default=0),
)

doc_groups = Table(
    "doc_groups", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("group_id", String(32), nullable=False),
    Column("original_id", String(32), nullable=False),
    Column("role", String(16), nullable=False),
    Column("parent_id", String(32)),
    Column("share", Float),
    Column("jaccard", Float),
    Column("credits", Text),
    Column("credit_start", Integer),
    Column("credit_end", Integer),
    Column("credit_text", Text),
    Column("reasons", JSON, nullable=False),
    Column("size", Integer, nullable=False),
    Index("ix_doc_groups_group", "group_id"),
    Index("ix_doc_groups_size", "size"),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(40), primary_key=True),
    Column("actor", Text),
    Column("actor_key", Text),
    Column("status", String(16), nullable=False),
    Column("equipment", JSON, nullable=False),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("origin", Text),
    Column("origin_lat", Float),
    Column("origin_lon", Float),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    Column("observers", JSON, nullable=False),
    Column("n_reports", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Index("ix_incidents_actor", "actor_key"),
    Index("ix_incidents_first", "first_seen"),
    Index("ix_incidents_sources", "n_sources"),
)

incident_reports = Table(
    "incident_reports", metadata,
    Column("movement_id", String(32), primary_key=True),
    Column("incident_id", String(40), nullable=False),
    Column("doc_id", String(32), nullable=False),
    Column("group_id", String(32), nullable=False),
    Column("actor", Text),
    Column("actor_key", Text),
    Column("status", String(16), nullable=False),
    Column("equipment", JSON, nullable=False),
    Column("observed_by", Text),
    Column("place", Text),
    Column("place_key", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("origin", Text),
    Column("origin_lat", Float),
    Column("origin_lon", Float),
    Column("date", String(32)),
    Column("confidence", Float, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Index("ix_incident_reports_incident", "incident_id"),
    Index("ix_incident_reports_doc", "doc_id"),
    Index("ix_incident_reports_group", "group_id"),
    Index("ix_incident_reports_actor_date", "actor_key", "date"),
)

tracks = Table(
    "tracks", metadata,
    Column("id", String(48), primary_key=True),
    Column("actor", Text),
    Column("actor_key", Text, nullable=False),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    Column("km", Float, nullable=False),
    Column("points", JSON, nullable=False),
    Index("ix_tracks_actor", "actor_key"),
)

ledger = Table(
    "ledger", metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("doc_id", String(32), nullable=False),
    Column("group_id", String(32), nullable=False),
    Column("claimant", Text),
    Column("claimant_key", Text, nullable=False),
    Column("subject", Text),
    Column("subject_key", Text),
    Column("metric", String(32), nullable=False),
    Column("period", String(16)),
    Column("low", Float),
    Column("high", Float),
    Column("date", String(32)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("copy_of", String(32)),
    Column("n_contradicts", Integer, nullable=False, default=0),
    Column("contradicts", JSON, nullable=False),
    Index("ix_ledger_doc", "doc_id"),
    Index("ix_ledger_quantity", "subject_key", "metric"),
    Index("ix_ledger_claimant", "claimant_key"),
)

TABLES = (resolved_docs, doc_groups, incidents, incident_reports, tracks, ledger)


def create_tables(engine: Engine) -> None:
    """Create the resolve tables next to the store's own (idempotent)."""
    metadata.create_all(engine, tables=list(TABLES))

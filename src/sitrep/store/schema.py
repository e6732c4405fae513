"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Ids are deterministic: a document's id is the hash of its raw text, a fact's id is the hash of its
document id, kind and evidence span, so re-ingesting the same input upserts the same rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("uri", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("original_publisher", Text),
    Column("author", Text),
    Column("published", String(32)),
    Column("language", String(8)),
    # "high": analysed in full; "low": the relevance gate skipped the NLP (NULL: stored by a
    # sitrep that had no gate, analysed in full)
    Column("relevance", String(8)),
    Column("raw_text", Text, nullable=False),
    Column("clean_text", Text, nullable=False),
    Column("offsets", JSON, nullable=False),  # [[clean_start, clean_end, raw_start, raw_end], ...]
    Column("flags", JSON, nullable=False),
    Column("source_evidence", JSON, nullable=False),
    Column("integrity", Float, nullable=False, default=1.0),
    Column("n_facts", Integer, nullable=False, default=0),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_publisher", "publisher"),
)


# columns every fact table shares
def _fact_columns() -> list[Column]:
    return [
        Column("id", String(32), primary_key=True),
        Column(
            "doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("evidence", Text, nullable=False),
        Column("date", String(32)),
        # "text": the fact's own date; "article": its article's, the fact having none
        Column("date_source", String(8)),
        Column("confidence", Float, nullable=False, default=0.5),
        Column("rule", String(64)),
    ]


places = Table(
    "places",
    metadata,
    *_fact_columns(),
    Column("mention", Text, nullable=False),
    Column("name", Text),
    Column("geonameid", Integer),
    Column("kind", String(32)),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_places_doc", "doc_id"),
    Index("ix_places_name", "name"),
)

movements = Table(
    "movements",
    metadata,
    *_fact_columns(),
    Column("actor", Text),
    Column("equipment", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("observed_by", Text),
    Column("size", Text),
    Column("origin", JSON),
    Column("destination", JSON),
    Column("location", JSON),
    # the main point (destination, else location, else origin) for bounding-box filters
    Column("lat", Float),
    Column("lon", Float),
    Index("ix_movements_doc", "doc_id"),
    Index("ix_movements_actor", "actor"),
    Index("ix_movements_latlon", "lat", "lon"),
)

claims = Table(
    "claims",
    metadata,
    *_fact_columns(),
    Column("claimant", Text),
    Column("subject", Text),
    Column("metric", String(32), nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("unit", Text),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_metric_subject", "metric", "subject"),
)

quotes = Table(
    "quotes",
    metadata,
    *_fact_columns(),
    Column("speaker", Text),
    Column("text", Text, nullable=False),
    Index("ix_quotes_doc", "doc_id"),
    Index("ix_quotes_speaker", "speaker"),
)

errors = Table(
    "errors",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("uri", Text),
    Column("step", String(32), nullable=False),
    Column("code", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Index("ix_errors_doc", "doc_id"),
)

FACT_TABLES = {"places": places, "movements": movements, "claims": claims, "quotes": quotes}

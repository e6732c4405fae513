"""The store: an embedded SQLite file by default, PostgreSQL by URL; upserts keep re-runs safe."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select, text
from sqlalchemy.engine import Connection

from sitrep.offsets import OffsetMap, Piece
from sitrep.records import Document, Evidence, Flags, Movement
from sitrep.store.schema import FACT_TABLES, documents, errors, metadata

FATAL_PREFIX = "E1"  # read errors: the document has no text to store


def normalise_url(url: str) -> str:
    """Accept a bare file path or postgres:// URLs as well as SQLAlchemy URLs."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def fact_id(doc_id: str, table: str, n: int) -> str:
    return hashlib.sha256(f"{doc_id}:{table}:{n}".encode()).hexdigest()[:24]


class Store:
    """Tables, connection and the write path. Reads for the API live in `store.queries`."""

    def __init__(self, url: str = "sqlite:///sitrep.db") -> None:
        self.url = normalise_url(url)
        self.engine: Engine = create_engine(self.url, future=True)
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.tables = {"documents": documents, "errors": errors, **FACT_TABLES}
        self.create()

    def create(self) -> None:
        metadata.create_all(self.engine)
        self._add_missing_columns()
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                    "id UNINDEXED, title, clean_text, tokenize='unicode61 remove_diacritics 2')"
                )
            elif self.dialect == "postgresql":
                conn.exec_driver_sql(
                    "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN "
                    "(to_tsvector('english', coalesce(title, '') || ' ' || clean_text))"
                )

    def _add_missing_columns(self) -> None:
        """A store made by an older sitrep gains the nullable columns added since."""
        from sqlalchemy import inspect

        insp = inspect(self.engine)
        with self.engine.begin() as conn:
            for table in metadata.sorted_tables:
                if not insp.has_table(table.name):
                    continue
                have = {c["name"] for c in insp.get_columns(table.name)}
                for col in table.columns:
                    if col.name not in have and col.nullable:
                        kind = col.type.compile(dialect=self.engine.dialect)
                        conn.exec_driver_sql(
                            f'ALTER TABLE {table.name} ADD COLUMN "{col.name}" {kind}'
                        )

    # --- writing ---------------------------------------------------------------------------
    def upsert(self, doc: Document) -> dict[str, int]:
        """Write one document and its facts, replacing what an earlier run wrote for it."""
        with self.engine.begin() as conn:
            return self.upsert_in(conn, doc)

    def upsert_many(self, docs: list[Document]) -> dict[str, int]:
        totals = {"documents": 0, "places": 0, "facts": 0, "errors": 0}
        with self.engine.begin() as conn:
            for doc in docs:
                for k, v in self.upsert_in(conn, doc).items():
                    totals[k] += v
        return totals

    def upsert_in(self, conn: Connection, doc: Document) -> dict[str, int]:
        conn.execute(delete(errors).where(errors.c.doc_id == doc.id))
        for i, e in enumerate(doc.errors):
            conn.execute(
                errors.insert().values(
                    id=fact_id(doc.id, "errors", i),
                    doc_id=doc.id,
                    name=doc.name,
                    uri=doc.source.uri,
                    step=e.step,
                    code=str(e.code),
                    message=e.message,
                )
            )
        if any(str(e.code).startswith(FATAL_PREFIX) for e in doc.errors) and not doc.raw_text:
            return {"documents": 0, "places": 0, "facts": 0, "errors": len(doc.errors)}
        for table in FACT_TABLES.values():
            conn.execute(delete(table).where(table.c.doc_id == doc.id))
        row = _document_row(doc)
        self._upsert_row(conn, documents, row)
        if self.dialect == "sqlite":
            conn.execute(text("DELETE FROM documents_fts WHERE id = :id"), {"id": doc.id})
            conn.execute(
                text("INSERT INTO documents_fts (id, title, clean_text) VALUES (:id, :t, :c)"),
                {"id": doc.id, "t": doc.source.title or "", "c": doc.clean_text},
            )
        for name, rows in _fact_rows(doc).items():
            if rows:
                conn.execute(FACT_TABLES[name].insert(), rows)
        return {
            "documents": 1,
            "places": len(doc.places),
            "facts": len(doc.facts),
            "errors": len(doc.errors),
        }

    def _upsert_row(self, conn: Connection, table: Any, row: dict[str, Any]) -> None:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(table).values(row)
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            stmt = sqlite_insert(table).values(row)  # type: ignore[assignment]
        update = {k: stmt.excluded[k] for k in row if k not in ("id", "ingested_at")}
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=update))

    # --- reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in self.tables.items()
            }

    def known_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(documents.c.id)).scalars())

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _document_row(doc: Document) -> dict[str, Any]:
    flags = asdict(doc.flags)
    return {
        "id": doc.id,
        "name": doc.name,
        "kind": doc.kind,
        "uri": doc.source.uri,
        "title": doc.source.title,
        "publisher": doc.source.publisher,
        "original_publisher": doc.source.original_publisher,
        "author": doc.source.author,
        "published": doc.source.published,
        "language": doc.language,
        "raw_text": doc.raw_text,
        "clean_text": doc.clean_text,
        "offsets": [[p.start, p.end, p.src_start, p.src_end] for p in doc.offsets.pieces],
        "flags": flags,
        "source_evidence": {k: asdict(v) for k, v in doc.source.evidence.items()},
        "integrity": doc.flags.integrity,
        "n_facts": len(doc.movements) + len(doc.claims) + len(doc.quotes),
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _main_point(m: Movement) -> tuple[float | None, float | None]:
    for ref in (m.destination, m.location, m.origin):
        if ref is not None and ref.lat is not None:
            return ref.lat, ref.lon
    return None, None


def _base(doc: Document, table: str, i: int, ev: Evidence, fact: Any) -> dict[str, Any]:
    return {
        "id": fact_id(doc.id, table, i),
        "doc_id": doc.id,
        "start": ev.start,
        "end": ev.end,
        "evidence": ev.text,
        "date": getattr(fact, "date", None) or doc.source.published,
        "confidence": getattr(fact, "confidence", 0.5),
        "rule": getattr(fact, "rule", None),
    }


def _fact_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    out["places"] = [
        {
            **_base(doc, "places", i, Evidence(p.start, p.end, p.mention), p),
            "evidence": doc.raw_text[p.start : p.end],
            "rule": p.resolved_by,
            "mention": p.mention,
            "name": p.name,
            "geonameid": p.geonameid,
            "kind": p.kind,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
        }
        for i, p in enumerate(doc.places)
    ]
    out["movements"] = []
    for i, m in enumerate(doc.movements):
        lat, lon = _main_point(m)
        out["movements"].append(
            {
                **_base(doc, "movements", i, m.evidence, m),
                "actor": m.actor,
                "equipment": list(m.equipment),
                "status": m.status,
                "observed_by": m.observed_by,
                "size": m.size,
                "lat": lat,
                "lon": lon,
                **{
                    k: (asdict(v) if v is not None else None)
                    for k, v in (
                        ("origin", m.origin),
                        ("destination", m.destination),
                        ("location", m.location),
                    )
                },
            }
        )
    out["claims"] = [
        {
            **_base(doc, "claims", i, c.evidence, c),
            "claimant": c.claimant,
            "subject": c.subject,
            "metric": c.metric,
            "low": c.low,
            "high": c.high,
            "unit": c.unit,
        }
        for i, c in enumerate(doc.claims)
    ]
    out["quotes"] = [
        {**_base(doc, "quotes", i, q.evidence, q), "speaker": q.speaker, "text": q.text}
        for i, q in enumerate(doc.quotes)
    ]
    return out


def offsets_from_json(rows: list[list[int]], source_len: int) -> OffsetMap:
    return OffsetMap([Piece(*r) for r in rows], source_len)


def flags_from_json(d: dict[str, Any]) -> Flags:
    f = Flags(**{k: v for k, v in d.items() if k in Flags.__slots__})  # type: ignore[attr-defined]
    f.spam_spans = [Evidence(**e) for e in d.get("spam_spans", [])]
    f.gaps = [Evidence(**e) for e in d.get("gaps", [])]
    return f


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)

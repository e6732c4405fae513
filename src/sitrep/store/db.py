"""The store: an embedded SQLite file by default, PostgreSQL by URL; upserts keep re-runs safe.

Writes are isolated per document: a batch that fails because of one document is written again
one document at a time, and the document the store refuses is set aside with its error record
(E130). A store that cannot be reached, is full, corrupt or read-only raises `StoreError`, which
the command line reports with exit code 3.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    exists,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    DBAPIError,
    IntegrityError,
    SQLAlchemyError,
    StatementError,
)

from sitrep.errors import Code, message
from sitrep.ingest.step import storable
from sitrep.offsets import OffsetMap, Piece
from sitrep.records import Document, ErrorRecord, Evidence, Flags, Movement, Source
from sitrep.store.resolve_tables import create_tables as create_resolve_tables
from sitrep.store.schema import FACT_TABLES, documents, errors, metadata

log = logging.getLogger(__name__)

FATAL_PREFIX = "E1"  # read errors: the document has no text to store
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db3")
BUSY_TIMEOUT_MS = 30_000
TOTALS = ("documents", "places", "facts", "errors", "set_aside")  # what a write reports
# raised by one document's values, not by the store: the batch is retried one by one
_DOCUMENT_FAULTS = (UnicodeError, ValueError, TypeError, OverflowError, RecursionError)


class StoreError(Exception):
    """The store cannot be opened or written: unreachable, missing, full, corrupt or read-only."""


class StoreUrlError(ValueError):
    """The --db value is not a store URL (a usage error)."""


def normalise_url(url: str) -> str:
    """Accept a SQLite file path (ending .db, .sqlite, ... or existing) and postgres:// URLs as
    well as SQLAlchemy URLs; anything else is a `StoreUrlError` with the reason."""
    if "://" not in url:
        path = Path(url).expanduser()
        if path.suffix.lower() not in SQLITE_SUFFIXES and not path.is_file():
            raise StoreUrlError(
                f"{url!r} is not a store URL: pass sqlite:///path/file.db, a file path ending in "
                ".db, or postgresql+psycopg://user@host/dbname"
            )
        return f"sqlite:///{path}"
    if url.startswith(("postgres://", "postgresql://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise StoreUrlError(f"{url!r} is not a store URL: {exc}") from exc
    if backend not in ("sqlite", "postgresql"):
        raise StoreUrlError(
            f"{url!r}: sitrep stores to SQLite (sqlite:///file.db) or PostgreSQL "
            f"(postgresql+psycopg://...), not {backend}"
        )
    return url


def fact_id(doc_id: str, table: str, n: int) -> str:
    return hashlib.sha256(f"{doc_id}:{table}:{n}".encode()).hexdigest()[:24]


class Store:
    """Tables, connection and the write path. Reads for the API live in `store.queries`.

    `read_only` opens an existing store without writing anything (a read-only SQLite file
    works); `must_exist` refuses a store that is not there instead of creating it.
    """

    def __init__(
        self, url: str = "sqlite:///sitrep.db", *, read_only: bool = False, must_exist: bool = False
    ) -> None:
        self.url = normalise_url(url)
        # `?mode=ro` on a SQLite URL asks for what `read_only` does
        self.read_only = read_only or make_url(self.url).query.get("mode") == "ro"
        read_only = self.read_only
        self.tables = {"documents": documents, "errors": errors, **FACT_TABLES}
        sqlite_path = _sqlite_path(self.url)
        if (must_exist or read_only) and sqlite_path is not None and not sqlite_path.is_file():
            raise StoreError(
                f"no store at {sqlite_path}: ingest into it first (sitrep ingest ... --db {url})"
            )
        self.engine: Engine = self._engine(sqlite_path)
        self.dialect = self.engine.dialect.name
        try:
            if read_only or must_exist:
                self._check_tables()
            if not read_only:
                self._create_retrying()
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open the store {self.shown_url}: {reason(exc)}") from exc

    @property
    def shown_url(self) -> str:
        """The URL without its password, for messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    def _engine(self, sqlite_path: Path | None) -> Engine:
        if sqlite_path is None:  # PostgreSQL
            args = {"options": "-c default_transaction_read_only=on"} if self.read_only else {}
            return create_engine(self.url, future=True, connect_args=args)
        url = self.url
        if self.read_only:
            url = _read_only_sqlite_url(sqlite_path)
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", _sqlite_pragmas(self.read_only))
        return engine

    def _check_tables(self) -> None:
        insp = inspect(self.engine)
        if not insp.has_table("documents"):
            raise StoreError(
                f"{self.shown_url} holds no sitrep store (no documents table): "
                "ingest into it first or check the URL"
            )
        if self.read_only and self.dialect != "sqlite":
            self._refuse_older_tables(insp)

    def _refuse_older_tables(self, insp: Any) -> None:
        """Read-only PostgreSQL cannot shadow an older table as SQLite does (a read-only
        transaction creates no view): say how to bring the store up to date."""
        for table in metadata.sorted_tables:
            have = {c["name"] for c in insp.get_columns(table.name)} if insp.has_table(
                table.name) else set()
            if missing := _older_columns(have, table):
                raise StoreError(
                    f"{self.shown_url} was written by an older sitrep ({table.name} has no "
                    f"{', '.join(missing)}): open it once writable (sitrep ingest, or sitrep "
                    "serve --token) to bring it up to date")

    def _create_retrying(self, attempts: int = 5) -> None:
        """`create`, tried again when another process created the same tables meanwhile."""
        for attempt in range(attempts):
            try:
                self.create()
                return
            except DBAPIError as exc:
                if attempt == attempts - 1 or not _lost_create_race(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))

    def create(self) -> None:
        metadata.create_all(self.engine, tables=[documents, errors, *FACT_TABLES.values()])
        # the resolve tables too, empty until resolve runs: a store ingested with --no-resolve
        # can then be served read-only
        create_resolve_tables(self.engine)
        self._add_missing_columns()
        self._mark_article_dates()
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

    def _mark_article_dates(self) -> None:
        """Facts a sitrep before `date_source` stored: an undated fact was given its article's
        date, unmarked. They get the mark `article_mark_sql` derives. Only rows with a date and
        no mark are touched, so a store already marked is only read."""
        for table in FACT_TABLES.values():
            unmarked = (table.c.date_source.is_(None), table.c.date.is_not(None))
            with self.engine.begin() as conn:
                if not conn.execute(select(exists().where(*unmarked))).scalar():
                    continue
                conn.execute(text(
                    f"UPDATE {table.name} SET date_source = {article_mark_sql(table.name)} "
                    "WHERE date_source IS NULL AND date IS NOT NULL"))

    # --- writing ---------------------------------------------------------------------------
    def upsert(self, doc: Document) -> dict[str, int]:
        """Write one document and its facts, replacing what an earlier run wrote for it; a
        document the store refuses is set aside (see `set_aside`)."""
        try:
            with self.engine.begin() as conn:
                return self.upsert_in(conn, doc)
        except (SQLAlchemyError, *_DOCUMENT_FAULTS) as exc:
            if not _document_fault(exc):
                raise self._failed(exc) from exc
            return self.set_aside(doc, exc)

    def upsert_many(self, docs: list[Document]) -> dict[str, int]:
        """Write documents in one transaction; when one of them makes it fail, write them one by
        one, so only that document is set aside and the others are kept."""
        totals = dict.fromkeys(TOTALS, 0)
        try:
            with self.engine.begin() as conn:
                for doc in docs:
                    _add(totals, self.upsert_in(conn, doc))
            return totals
        except (SQLAlchemyError, *_DOCUMENT_FAULTS) as exc:
            if not _document_fault(exc):
                raise self._failed(exc) from exc
            log.info("batch of %d refused (%s): writing one by one", len(docs), reason(exc))
        totals = dict.fromkeys(TOTALS, 0)
        for doc in docs:
            _add(totals, self.upsert(doc))
        return totals

    def set_aside(self, doc: Document, exc: BaseException) -> dict[str, int]:
        """Keep only the error records of a document the store refused, with the reason (E130)."""
        detail = f"{storable(doc.source.uri or doc.name)}: {reason(exc)}"
        doc.fail("store", Code.WRITE_FAILED, message(Code.WRITE_FAILED, detail))
        log.warning("document %s set aside: %s", storable(doc.name), reason(exc))
        try:
            with self.engine.begin() as conn:
                self._replace_errors(conn, doc)
        except (SQLAlchemyError, *_DOCUMENT_FAULTS) as again:
            if not _document_fault(again):
                raise self._failed(again) from again
            log.error("the error records of %s could not be stored either: %s", doc.id, again)
        return {**dict.fromkeys(TOTALS, 0), "errors": len(doc.errors), "set_aside": 1}

    def _failed(self, exc: BaseException) -> StoreError:
        return StoreError(f"the store {self.shown_url} could not be written: {reason(exc)}")

    def _replace_errors(self, conn: Connection, doc: Document) -> None:
        conn.execute(delete(errors).where(errors.c.doc_id == doc.id))
        for i, e in enumerate(doc.errors):
            conn.execute(
                errors.insert().values(
                    id=fact_id(doc.id, "errors", i),
                    doc_id=doc.id,
                    name=storable(doc.name),
                    uri=storable(doc.source.uri) if doc.source.uri else None,
                    step=e.step,
                    code=str(e.code),
                    message=storable(e.message),
                )
            )

    def upsert_in(self, conn: Connection, doc: Document) -> dict[str, int]:
        """Write one document inside the caller's transaction (raises on a refused value)."""
        self._replace_errors(conn, doc)
        if any(str(e.code).startswith(FATAL_PREFIX) for e in doc.errors) and not doc.raw_text:
            return {**dict.fromkeys(TOTALS, 0), "errors": len(doc.errors)}
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
            "set_aside": 0,
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

    def documents_of_relevance(self, relevance: str, batch: int = 200) -> Iterator[Document]:
        """The stored documents of one relevance ("low"), rebuilt as their reader gave them (raw
        text, source, decoding, read warnings), `batch` rows in memory at a time, to be
        analysed again."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(documents.c.id).where(
                documents.c.relevance == relevance).order_by(documents.c.id)).scalars())
        for i in range(0, len(ids), batch):
            part = ids[i:i + batch]
            with self.engine.connect() as conn:
                rows = conn.execute(select(documents).where(documents.c.id.in_(part))).mappings()
                found = conn.execute(select(errors).where(
                    errors.c.doc_id.in_(part), errors.c.step == "read")).mappings().all()
                for row in rows:
                    yield _as_read(row, [e for e in found if e["doc_id"] == row["id"]])

    def known_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(documents.c.id)).scalars())

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(read_only: bool) -> Any:
    """The connect hook: busy_timeout first, so that a second process creating the same new
    store waits for the first one's locks (the WAL switch included) instead of failing."""

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if read_only:
            _read_older_tables(cur)  # before query_only, which refuses even a temporary view
            cur.execute("PRAGMA query_only=ON")
        else:
            _switch_to_wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return on_connect


def article_mark_sql(fact: str, docs: str = "documents") -> str:
    """SQL for the `date_source` of a fact stored before sitrep marked its dates: an undated
    fact was given its article's date, so a date equal to the article's is "article" (the date
    shown is the article's), another one "text"; no date, no mark. `fact` names the fact table
    (or its alias), `docs` the documents table."""
    return (f"CASE WHEN {fact}.date IS NULL THEN NULL "
            f"WHEN {fact}.date = (SELECT d.published FROM {docs} AS d WHERE d.id = {fact}.doc_id) "
            "THEN 'article' ELSE 'text' END")


def _older_columns(have: set[str], table: Any) -> list[str]:
    """The columns of this sitrep's `table` that a store made by an older one lacks."""
    return [c.name for c in table.columns if c.name not in have] if have else []


def _read_older_tables(cur: Any) -> None:
    """A SQLite store made by an older sitrep, opened read-only (nothing can be added to it):
    each table that lacks columns is read through a temporary view of the same name, which
    shadows it for this connection only and gives the missing columns: `date_source` derived as
    the migration would write it (`article_mark_sql`), any other one empty (as
    `_add_missing_columns` adds them when the store is opened writable)."""
    for table in metadata.sorted_tables:
        have = {row[1] for row in cur.execute(f"PRAGMA main.table_info({table.name})")}
        missing = _older_columns(have, table)
        if not missing:
            continue
        derived = [article_mark_sql("t", "main.documents") + " AS date_source"
                   if name == "date_source" else f'NULL AS "{name}"' for name in missing]
        cur.execute(f"CREATE TEMP VIEW IF NOT EXISTS {table.name} AS "
                    f"SELECT t.*, {', '.join(derived)} FROM main.{table.name} AS t")


def _switch_to_wal(cur: Any) -> None:
    """WAL mode; SQLite answers "database is locked" at once, without its busy handler, while
    another process switches the same new file, so wait and retry up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:  # noqa: BLE001 - sqlite3's OperationalError, driver-neutral
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL and in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database.startswith("file:"):
        database = database[5:].split("?", 1)[0]
    if not database or database == ":memory:":
        return None
    return Path(database).expanduser()


def _read_only_sqlite_url(path: Path) -> str:
    """A URL that opens the file read-only; `immutable` when nobody here can write it, since a
    WAL store in a read-only folder cannot otherwise be opened."""
    path = path.resolve()
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    query = "mode=ro&uri=true" + ("" if writable else "&immutable=1")
    return f"sqlite:///file:{quote(str(path))}?{query}"


def reason(exc: BaseException) -> str:
    """The first line of what the database (or driver) said, without SQLAlchemy's wrapping."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    if isinstance(exc, StatementError) and not isinstance(exc, DBAPIError) and exc.orig:
        inner = exc.orig
    lines = str(inner).strip().splitlines() or [type(inner).__name__]
    return storable(f"{type(inner).__name__}: {lines[0]}")[:300]


def _document_fault(exc: BaseException) -> bool:
    """Whether a failed write is caused by a document's values (not by the store itself)."""
    if isinstance(exc, (DataError, IntegrityError, *_DOCUMENT_FAULTS)):
        return True
    # a value a column type could not convert, before the database saw it
    return isinstance(exc, StatementError) and not isinstance(exc, DBAPIError)


def _lost_create_race(exc: DBAPIError) -> bool:
    """Whether creating the tables failed because another process just created them."""
    said = str(exc.orig).lower()
    return "already exists" in said or "duplicate key" in said


def _add(totals: dict[str, int], more: dict[str, int]) -> None:
    for k, v in more.items():
        totals[k] = totals.get(k, 0) + v


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
        "relevance": doc.relevance,
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


def date_source(own: str | None, published: str | None) -> str | None:
    """Where a fact's stored date comes from: its own text, or (it has none) its article."""
    if own:
        return "text"
    return "article" if published else None


def _base(doc: Document, table: str, i: int, ev: Evidence, fact: Any) -> dict[str, Any]:
    return {
        "id": fact_id(doc.id, table, i),
        "doc_id": doc.id,
        "start": ev.start,
        "end": ev.end,
        "evidence": ev.text,
        "date": getattr(fact, "date", None) or doc.source.published,
        "date_source": date_source(getattr(fact, "date", None), doc.source.published),
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


def _as_read(row: Any, read_errors: list[Any]) -> Document:
    """A stored document as its reader made it, before any step ran."""
    evidence = {k: Evidence(**v) for k, v in (row["source_evidence"] or {}).items()}
    source = Source(uri=row["uri"], title=row["title"], publisher=row["publisher"],
                    original_publisher=row["original_publisher"], author=row["author"],
                    published=row["published"], evidence=evidence)
    doc = Document(id=row["id"], raw_text=row["raw_text"], name=row["name"], kind=row["kind"],
                   source=source, flags=Flags(decoding=(row["flags"] or {}).get("decoding")))
    doc.errors = [ErrorRecord(e["step"], e["code"], e["message"]) for e in read_errors]
    return doc


def offsets_from_json(rows: list[list[int]], source_len: int) -> OffsetMap:
    return OffsetMap([Piece(*r) for r in rows], source_len)


def flags_from_json(d: dict[str, Any]) -> Flags:
    f = Flags(**{k: v for k, v in d.items() if k in Flags.__slots__})  # type: ignore[attr-defined]
    f.spam_spans = [Evidence(**e) for e in d.get("spam_spans", [])]
    f.gaps = [Evidence(**e) for e in d.get("gaps", [])]
    return f


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)

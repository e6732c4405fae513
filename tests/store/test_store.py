"""The store contract, on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from sitrep.store.db import Store


def _contract(store: Store, docs) -> None:  # type: ignore[no-untyped-def]
    store.upsert_many(docs)
    first = store.counts()
    assert first["documents"] == len([d for d in docs if d.raw_text])
    assert first["places"] > 0 and first["quotes"] > 0
    store.upsert_many(docs)  # the same input again: same rows, none doubled
    assert store.counts() == first


def test_sqlite_store_upserts_without_duplicates(tmp_path: Path, seed_docs) -> None:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    _contract(store, seed_docs)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        hits = conn.execute(
            text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'convoy'")
        ).scalar()
    assert hits >= 2


def test_bare_path_means_a_sqlite_file(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "bare.db"))
    assert store.dialect == "sqlite" and (tmp_path / "bare.db").exists()


@pytest.mark.postgres
def test_postgres_store_upserts_without_duplicates(pg_url: str, seed_docs) -> None:  # type: ignore[no-untyped-def]
    store = Store(pg_url)
    with store.engine.begin() as conn:
        for t in ("errors", "places", "movements", "claims", "quotes", "documents"):
            conn.execute(text(f"DELETE FROM {t}"))
    _contract(store, seed_docs)
    store.dispose()


def test_stored_evidence_matches_the_stored_raw_text(tmp_path: Path, seed_docs) -> None:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 'e.db'}")
    store.upsert_many(seed_docs)
    with store.engine.connect() as conn:
        raw = dict(conn.execute(text("SELECT id, raw_text FROM documents")).all())
        for table in ("movements", "claims", "quotes", "places"):
            for doc_id, s, e, ev in conn.execute(
                text(f'SELECT doc_id, start, "end", evidence FROM {table}')
            ):
                assert raw[doc_id][s:e] == ev


def test_an_older_store_gains_new_columns(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, inspect

    db = tmp_path / "old.db"
    Store(f"sqlite:///{db}")
    eng = create_engine(f"sqlite:///{db}")
    with eng.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE claims DROP COLUMN unit")
    assert "unit" not in {c["name"] for c in inspect(eng).get_columns("claims")}
    Store(f"sqlite:///{db}")
    assert "unit" in {c["name"] for c in inspect(eng).get_columns("claims")}

"""The resolve stage on a real PostgreSQL server gives what it gives on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete

from sitrep.resolve.step import resolve_store
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from sitrep.store.schema import metadata
from tests.resolve import corpus
from tests.resolve.conftest import snapshot


@pytest.mark.postgres
def test_postgres_resolves_like_sqlite(pg_url: str, tmp_path: Path) -> None:
    docs = [corpus.original(), corpus.copy_with_source_line(), corpus.copy_spun(),
            corpus.copy_with_spam(), corpus.independent_report(), corpus.unrelated()]
    results = []
    for url in (pg_url, f"sqlite:///{tmp_path / 'lite.db'}"):
        store = Store(url)
        rt.create_tables(store.engine)
        with store.engine.begin() as conn:
            for table in reversed(metadata.sorted_tables):
                conn.execute(delete(table))
        store.upsert_many(docs)
        resolve_store(store)
        snap = snapshot(store)
        results.append({k: snap[k] for k in ("doc_groups", "incidents", "incident_reports",
                                             "tracks", "ledger")})
        store.dispose()
    assert results[0] == results[1]

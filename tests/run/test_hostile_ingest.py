"""Issue 17's acceptance: one bad input never stops `sitrep ingest`, on SQLite and PostgreSQL.

A folder of 60 good articles and one of each hostile input is ingested by the real command:
it exits 0, every good article is stored, each hostile input has its own error record naming
the input (and its line or record), resolve runs, and a second run adds no row anywhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from sitrep.store.db import Store
from tests.run.hostile import HOSTILE, write_good, write_hostile

SITREP = str(Path(sys.executable).parent / "sitrep")


def _ingest(folder: Path, db: str) -> subprocess.CompletedProcess[str]:
    # the time limit only stops a hang (a FIFO opened for reading would block forever)
    return subprocess.run(
        [SITREP, "ingest", str(folder), "--db", db],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
    )


def _rows(db: str) -> tuple[set[str], list[tuple[str, str, str, str]], dict[str, int]]:
    store = Store(db)
    try:
        with store.engine.connect() as conn:
            names = set(conn.execute(text("SELECT name FROM documents")).scalars())
            errors = [tuple(r) for r in conn.execute(
                text("SELECT name, code, message, coalesce(uri, '') FROM errors"))]
            resolved = conn.execute(text("SELECT count(*) FROM resolved_docs")).scalar_one()
        return names, errors, {**store.counts(), "resolved_docs": resolved}  # type: ignore[return-value]
    finally:
        store.dispose()


def _acceptance(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = write_good(folder)
    write_hostile(folder)

    first = _ingest(folder, db)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Traceback" not in first.stderr
    assert "resolved " in first.stderr

    names, errors, counts = _rows(db)
    assert set(good) <= names, sorted(set(good) - names)
    for what, (name, code, where) in HOSTILE.items():
        mine = [
            e for e in errors
            if (e[0] == name or name == "locked" and e[0].startswith("locked")) and e[1] == code
        ]
        assert mine, f"no {code} record for {what} ({name})"
        assert any(where in e[2] or where in e[3] for e in mine), (what, mine)
    # the Atom feed behind a DOCTYPE over 2 KB is read as a feed, not stored as plain text
    assert {"atom-1", "atom-2"} <= names and "atom" not in names
    assert counts["resolved_docs"] == counts["documents"]  # resolve saw every stored document

    second = _ingest(folder, db)
    assert second.returncode == 0, second.stderr[-3000:]
    assert _rows(db)[2] == counts  # nothing doubled, in any table


@pytest.mark.slow
def test_hostile_folder_ingests_on_sqlite(tmp_path: Path) -> None:
    _acceptance(tmp_path, f"sqlite:///{tmp_path / 'hostile.db'}")


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("SITREP_TEST_PG_URL"), reason="SITREP_TEST_PG_URL is not set"
)
def test_hostile_folder_ingests_on_postgres(tmp_path: Path, pg_empty: str) -> None:
    _acceptance(tmp_path, pg_empty)

"""A fresh SQLite store per test, and a way to read the resolve tables back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'resolve.db'}")


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every resolve table, sorted: equal snapshots mean equal results."""
    out = {}
    with store.engine.connect() as conn:
        for t in rt.TABLES:
            rows = conn.execute(select(t)).all()
            out[t.name] = sorted(tuple(repr(v) for v in r) for r in rows)
    return out

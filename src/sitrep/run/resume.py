"""Which documents a store already holds: how every runner skips work already done."""

from __future__ import annotations

from typing import Any


def stored_among(store: Any, ids: list[str]) -> set[str]:
    """The subset of `ids` whose documents `store` already holds (one query)."""
    from sqlalchemy import select

    from sitrep.store.schema import documents

    if not ids:
        return set()
    with store.engine.connect() as conn:
        return set(conn.execute(select(documents.c.id).where(documents.c.id.in_(ids))).scalars())

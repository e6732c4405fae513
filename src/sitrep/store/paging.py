"""Keyset paging, the one model of every list: rows in a fixed order whose last column is
unique, a page ends at its last row's sort key, and the next page starts strictly after it, so
pages stay stable while new rows are written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, and_, or_
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql import ColumnElement

# a list's order: each sort column and whether it descends; the last column is unique
Order = Sequence[tuple[ColumnElement[Any], bool]]
Key = TypeVar("Key", bound=tuple[Any, ...])


class PageRequest(Protocol):
    """How much to read, and the sort key of the previous page's last row (None: the first)."""

    @property
    def limit(self) -> int: ...

    @property
    def after(self) -> tuple[Any, ...] | None: ...


def after_key(order: Order, key: tuple[Any, ...]) -> ColumnElement[bool]:
    """Rows that come strictly after the row whose sort key is `key`."""
    steps = []
    for i, (col, descending) in enumerate(order):
        same = [c == v for (c, _), v in zip(order[:i], key[:i], strict=True)]
        steps.append(and_(*same, col < key[i] if descending else col > key[i]))
    return or_(*steps)


def read_page(conn: Connection, q: Select[Any], order: Order, page: PageRequest,
              key_of: Callable[[Row[Any]], Key]) -> tuple[list[Row[Any]], Key | None]:
    """One page of `q` in `order`, and the key to continue after (None on the last page)."""
    if page.after is not None:
        if len(page.after) != len(order):
            raise ValueError(f"a key of {len(order)} values was expected")
        q = q.where(after_key(order, page.after))
    # one row more than asked tells whether there is a next page
    q = q.order_by(*(c.desc() if d else c.asc() for c, d in order)).limit(page.limit + 1)
    rows = list(conn.execute(q).all())
    if len(rows) <= page.limit:
        return rows, None
    return rows[:page.limit], key_of(rows[page.limit - 1])

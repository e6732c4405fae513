"""Requests generated from the OpenAPI spec (schemathesis), plus the hostile values a probe of
the API found 500s with, on SQLite and PostgreSQL: none gets a 500 or a cut body."""

from __future__ import annotations

import base64
import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from sitrep.api.app import create_app  # noqa: E402
from tests.api.conftest import LOCAL, TOKEN, post_doc, wire_doc  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def cursor(**obj: Any) -> str:
    raw = json.dumps(obj, separators=(",", ":"), allow_nan=True)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


CONTROL = ["\x00", "tanks\x00", "\x1b[2J", "a\x7fb", "\x85"]
TEXT = ["\u202eevil", "' OR 1=1 --", "%_\\", "\U0001f600", "x" * 200, " "]
DATES = ["9999-12-31", "0001-01-01", "2024-02-30", "1800-01-01", "2199-12-31"]
NUMBERS = ["1e309", "NaN", "-Infinity", "99999999999999999999999", "-0", "0x10"]
CURSORS = [cursor(s="-date", k=10**30, i="x"), cursor(s="confidence", k=True, i="x"),
           cursor(s="confidence", k=float("nan"), i="x"), cursor(s="-date", k=7, i="x"),
           cursor(s="confidence", k="high", i="x"), cursor(s="-date", k="2024", i=None),
           cursor(s="-published", k="2024\x00", i="x"), "bm90IGpzb24", "%%%", "A" * 1000,
           cursor(s="incidents", k=json.dumps([10**30]), i="x"),
           cursor(s="groups", k="[true, NaN]", i="x"), cursor(s="tracks", k="[[[]]]", i="x"),
           base64.urlsafe_b64encode(b"[" * 700).decode()]
DOC_PATHS = ["\x00", "a\x00b", "\x1b", "../../etc/passwd", "x" * 3000, "\u202e", "%00"]
ARTICLE = "Four patrol boats left Odesa harbour at dawn, the port authority said."
BODIES: list[tuple[Any, str]] = [
    (b"[" * 100_000, "application/json"),
    (b'{"text": ' + b'{"a": ' * 3_000 + b"1" + b"}" * 3_001, "application/json"),
    (b'{"text": "Tanks \\ud800 moved."}', "application/json"),
    (b'{"text": "' + ARTICLE.encode() + b'", "title": "\\udc00"}', "application/json"),
    (b'{"text": "Tanks\\u0000 moved."}', "application/json"),
    ({"text": ARTICLE, "name": "a\x00b"}, "application/json"),
    ({"text": ARTICLE, "title": "t" * 1001}, "application/json"),
    ({"text": ARTICLE, "uri": "u" * 2001}, "application/json"),
    ({"text": ARTICLE, "published": "9999-12-31"}, "application/json"),
    ({"text": ARTICLE, "published": "\x00"}, "application/json"),
    ("Tanks\x00 moved west.", "text/plain"),
    ("<p>\x00</p>", "text/html"),
    (b"\xff\xfe\x00", "text/plain"),
]


def hostile_values(param: dict[str, Any]) -> list[Any]:
    """The values a hostile client tries in one parameter, by its name and type."""
    name, schema = param["name"], param.get("schema", {})
    kinds = {s.get("type") for s in schema.get("anyOf", [schema])}
    formats = {s.get("format") for s in schema.get("anyOf", [schema])}
    if param["in"] == "path":
        return DOC_PATHS
    values = list(CONTROL)
    if name == "cursor":
        values += CURSORS
    elif "date" in formats or name.startswith("date_"):
        values += DATES
    elif kinds & {"integer", "number"}:
        values += NUMBERS
    elif kinds & {"string", "array"}:
        values += TEXT
    return values


def hostile_cases(op: Any, spec: dict[str, Any]) -> Iterator[Any]:
    """One case per hostile value per parameter (and per hostile body for the write)."""
    method = op.method.lower()
    params = spec["paths"][op.path][method].get("parameters", [])
    path_defaults = {p["name"]: "movements" if p["name"] == "kind" else "x"
                     for p in params if p["in"] == "path"}
    for p in params:
        for value in hostile_values(p):
            if p["in"] == "path":
                yield op.Case(path_parameters={**path_defaults, p["name"]: value})
            else:
                yield op.Case(path_parameters=path_defaults or None, query={p["name"]: value})
    if method == "post":
        for body, media in BODIES:
            yield op.Case(body=body, media_type=media)


def assert_whole_body(resp: Any) -> None:
    """A 2xx body is complete: JSON parses, a CSV ends its last row and every row is whole."""
    if resp.status_code >= 300 or resp.request.method == "HEAD":
        return
    ctype = resp.headers.get("content-type", "")
    if "json" in ctype:
        json.loads(resp.content)
    elif "text/csv" in ctype:
        text = resp.content.decode("utf-8")
        assert text.endswith("\n"), "the CSV stops mid-row"
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(len(r) == len(rows[0]) for r in rows)


def fuzz(app: Any, max_examples: int) -> Counter[int]:
    """Every operation: generated cases, then the hostile ones. Returns the statuses seen."""
    # the schemathesis pytest plugin does not load under pytest 9, so each operation's
    # strategy is driven by hypothesis directly
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers={"Host": "127.0.0.1"})
    spec = app.openapi()
    operations = [result.ok() for result in schema.get_all_operations()]
    statuses: Counter[int] = Counter()

    def check(case: Any) -> None:
        resp = case.call(base_url=LOCAL, headers=AUTH)
        statuses[resp.status_code] += 1
        case.validate_response(resp, checks=[not_a_server_error])
        assert_whole_body(resp)

    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=max_examples, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def generated(case: Any) -> None:
            check(case)

        generated()
        for case in hostile_cases(op, spec):
            check(case)
    assert len(operations) >= 14
    return statuses


@pytest.mark.slow
def test_no_request_gets_a_server_error_on_sqlite(store_url: str) -> None:
    statuses = fuzz(create_app(store_url, token=TOKEN, max_body_bytes=20_000), max_examples=40)
    # the generated requests reached the handlers, reads and writes alike; the hostile ones
    # were refused at the edge
    assert statuses[200] and statuses[201] and statuses[400] and statuses[422]
    assert not any(s >= 500 for s in statuses)


@pytest.mark.slow
@pytest.mark.postgres
def test_no_request_gets_a_server_error_on_postgres(pg_empty: str) -> None:
    from sitrep.resolve import resolve_store
    from sitrep.store.db import Store

    store = Store(pg_empty)
    store.upsert_many([wire_doc(), post_doc()])
    resolve_store(store)
    store.dispose()
    statuses = fuzz(create_app(pg_empty, token=TOKEN, max_body_bytes=20_000), max_examples=20)
    assert statuses[200] and statuses[201] and statuses[400] and statuses[422]
    assert not any(s >= 500 for s in statuses)

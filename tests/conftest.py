"""Shared fixtures: paths to ../shared, one pipeline per test session, a real PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "eval" / "dev"
EXAMPLES = ROOT / "src" / "sitrep" / "examples" / "articles"


# Markers by what a test needs, so that `make test-fast` (-m "not slow and not postgres and not
# browser and not ray") can leave out the tests that need a server, a browser or a Ray instance
# without each file remembering to say so. `slow` stays explicit (@pytest.mark.slow).
NEEDS = {
    "postgres": {"pg_url", "pg_empty"},  # a real PostgreSQL server
    "browser": {"browser"},  # Chromium driven by Playwright
}
RAY_TESTS = "test_ray*.py"  # the Ray runner's tests start a local Ray instance


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in NEEDS.items():
            if used & fixtures:
                item.add_marker(marker)
        if item.path.match(RAY_TESTS):
            item.add_marker("ray")


def need_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is not beside the project ({SHARED} missing)")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The full analysis on every text: the tests' short texts need not read like war news
    (the relevance gate has its own tests, tests/nlp/test_relevance.py)."""
    from sitrep.config import Config
    from sitrep.pipeline import Pipeline

    return Pipeline(Config(relevance_gate=False)).setup()


@pytest.fixture(scope="session")
def seed_docs(pipeline):  # type: ignore[no-untyped-def]
    from sitrep.ingest.step import read_paths

    need_shared()
    return [pipeline.process(d) for d in read_paths([str(SEEDS)])]


def _pg_bin() -> Path | None:
    base = Path("/usr/lib/postgresql")
    if base.is_dir():
        for v in sorted(base.iterdir(), reverse=True):
            if (v / "bin" / "postgres").exists():
                return v / "bin"
    found = shutil.which("postgres")
    return Path(found).parent if found else None


def _fresh_database(url: str) -> Iterator[str]:
    """A new, empty database on the server `url` points at, dropped after the session, so runs
    never see each other's rows."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"sitrep_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_empty(pg_url: str) -> str:
    """The session's PostgreSQL database with every sitrep table emptied."""
    from sqlalchemy import delete

    from sitrep.store.db import Store
    from sitrep.store.resolve_tables import create_tables
    from sitrep.store.schema import metadata

    store = Store(pg_url)
    create_tables(store.engine)
    with store.engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(delete(table))
    store.dispose()
    return pg_url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A real PostgreSQL: SITREP_TEST_PG_URL when CI started one, else a throwaway cluster."""
    url = os.environ.get("SITREP_TEST_PG_URL")
    if url:
        yield from _fresh_database(url)
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binary on this machine (install the postgresql package)")
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(tmp, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = tmp / "data", _free_port()
    subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "sitrep", "--auth=trust"],
        check=True,
        capture_output=True,
    )
    proc = subprocess.Popen(
        [
            *prefix,
            str(bindir / "postgres"),
            "-D",
            str(data),
            "-p",
            str(port),
            "-k",
            str(tmp),
            "-h",
            "127.0.0.1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"postgresql+psycopg://sitrep@127.0.0.1:{port}/postgres"
    import psycopg

    for _ in range(100):
        try:
            psycopg.connect(f"host=127.0.0.1 port={port} user=sitrep dbname=postgres").close()
            break
        except psycopg.OperationalError:
            time.sleep(0.1)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)

"""The store under stress: a document it refuses, read-only and missing stores, a full disk, a
corrupt file, a URL that is not one, and two processes creating the same new store at once."""

from __future__ import annotations

import hashlib
import io
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from sitrep.records import Document, Evidence, Quote
from sitrep.store.db import Store, StoreError, StoreUrlError
from sitrep.store.export import write_jsonl

SITREP = str(Path(sys.executable).parent / "sitrep")


def _doc(body: str, name: str) -> Document:
    """A document as the pipeline leaves it: clean text and one quote with its evidence."""
    doc = Document.from_raw(body, name=name)
    doc.clean_text = body
    start = body.index("\u201c")
    end = body.index("\u201d") + 1
    doc.quotes.append(Quote("the mayor", body[start + 1 : end - 1], Evidence.of(body, start, end)))
    return doc


def _docs(n: int) -> list[Document]:
    return [
        _doc(f"Report {i}: \u201cThe bridge at Izium is open again,\u201d the mayor said.", f"d{i}")
        for i in range(n)
    ]


def _sqlite(tmp_path: Path, name: str = "s.db") -> str:
    return f"sqlite:///{tmp_path / name}"


def _run(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [SITREP, *args], capture_output=True, text=True, cwd=cwd, timeout=600, **kw
    )


# --- one refused document in a batch --------------------------------------------------------
def _one_bad_in_a_batch(url: str, bad_text: str) -> None:
    store = Store(url)
    docs = _docs(5)
    bad = Document.from_raw(bad_text, name="bad")  # made without the readers' repair
    bad.clean_text = bad_text
    docs.insert(2, bad)
    totals = store.upsert_many(docs)
    assert totals["documents"] == 5 and totals["set_aside"] == 1
    assert [e.code for e in bad.errors] == ["E130"]
    with store.engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM documents")).scalars())
        codes = list(conn.execute(text("SELECT code FROM errors WHERE name = 'bad'")).scalars())
    assert names == {f"d{i}" for i in range(5)}
    assert codes == ["E130"]
    store.dispose()


def test_a_document_sqlite_refuses_is_set_aside_and_the_batch_kept(tmp_path: Path) -> None:
    _one_bad_in_a_batch(_sqlite(tmp_path), "A lone surrogate \ud800 no UTF-8 encoder accepts.")


@pytest.mark.postgres
def test_a_document_postgres_refuses_is_set_aside_and_the_batch_kept(pg_empty: str) -> None:
    _one_bad_in_a_batch(pg_empty, "A NUL \x00 byte, which PostgreSQL text cannot hold.")


# --- URLs and missing stores ----------------------------------------------------------------
def test_a_db_value_that_is_not_a_url_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(StoreUrlError, match="not a store URL"):
        Store("notaurl")
    with pytest.raises(StoreUrlError, match="mysql"):
        Store("mysql://me@host/db")
    res = _run("ingest", "-", "--db", "notaurl", cwd=tmp_path, input="Convoy seen.")
    assert res.returncode == 2 and "not a store URL" in res.stderr
    assert not (tmp_path / "notaurl").exists()


def test_export_from_a_missing_store_fails_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    res = _run("export", "--db", f"sqlite:///{missing}", cwd=tmp_path)
    assert res.returncode == 3
    assert "no store at" in res.stderr and "Traceback" not in res.stderr
    assert not missing.exists()
    with pytest.raises(StoreError, match="no store at"):
        Store(f"sqlite:///{missing}", read_only=True)
    assert not missing.exists()


# --- read-only ------------------------------------------------------------------------------
def _filled(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "ro" / "r.db"
    path.parent.mkdir()
    store = Store(f"sqlite:///{path}")
    store.upsert_many(_docs(3))
    store.dispose()
    return f"sqlite:///{path}", path


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_read_only_store_is_read_and_never_written(tmp_path: Path) -> None:
    url, path = _filled(tmp_path)
    before = _digest(path.parent)
    store = Store(url, read_only=True)
    out = io.StringIO()
    assert write_jsonl(store, "quotes", out) == 3
    with pytest.raises(StoreError, match="could not be written"):
        store.upsert_many(_docs(1))
    store.dispose()
    after = _digest(path.parent)
    assert after.pop("r.db") == before.pop("r.db")
    empty = hashlib.sha256(b"").hexdigest()
    assert after.get("r.db-wal", empty) == empty  # SQLite may leave an empty log beside it
    for db in (url, f"{url}?mode=ro"):
        res = _run("export", "--kind", "quotes", "--db", db, cwd=tmp_path)
        assert res.returncode == 0, res.stderr
        assert len(res.stdout.splitlines()) == 3
    assert Store(f"{url}?mode=ro").read_only
    res = _run("ingest", "-", "--db", f"{url}?mode=ro", cwd=tmp_path, input="Tanks seen.")
    assert res.returncode == 3 and "readonly" in res.stderr.replace("read-only", "readonly")


def test_export_works_on_a_file_its_user_cannot_write(tmp_path: Path) -> None:
    """Run as a user without write access: `nobody` when the tests run as root (who can write
    anything), else the current user with the file and folder made read-only."""
    import shutil
    import tempfile

    # pytest's own folders are private to the user; `nobody` must be able to reach this one
    base = Path(tempfile.mkdtemp(prefix="sitrep-ro-"))
    base.chmod(0o755)
    try:
        url, path = _filled(base)
        path.chmod(0o444)
        path.parent.chmod(0o555)
        got, status = _in_child_without_write_access(url, path)
        path.parent.chmod(0o755)
        assert status == 0 and got == "3", got
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _in_child_without_write_access(url: str, path: Path) -> tuple[str, int]:
    """Export the quotes in a forked child that cannot write `path`: (what it said, status)."""
    Store(url, read_only=True).dispose()  # load every module and the dialect while still root
    for side in (".db-wal", ".db-shm"):  # as a store copied here read-only would be: no WAL index
        path.with_suffix(side).unlink(missing_ok=True)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pytest machinery past this point
        code = 1
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            assert not os.access(path, os.W_OK)
            n = write_jsonl(Store(url, read_only=True), "quotes", io.StringIO())
            os.write(write, str(n).encode())
            code = 0
        except BaseException as exc:  # noqa: BLE001 - reported through the pipe
            os.write(write, repr(exc).encode())
        finally:
            os._exit(code)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    got = os.read(read, 2000).decode()
    os.close(read)
    return got, os.WEXITSTATUS(status)


# --- broken stores ------------------------------------------------------------------------
def test_a_corrupt_store_file_gives_exit_3_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"this is no database, only text pretending to be one " * 200)
    for args in (("export",), ("ingest", "-")):
        res = _run(*args, "--db", f"sqlite:///{bad}", cwd=tmp_path, input="Tanks seen.")
        assert res.returncode == 3, res.stderr
        assert "not a database" in res.stderr and "Traceback" not in res.stderr


def _limit_file_size(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.slow
def test_a_full_disk_gives_exit_3_with_the_reason(tmp_path: Path) -> None:
    """The file size limit (RLIMIT_FSIZE) makes every write past it fail as a full disk does."""
    url = _sqlite(tmp_path, "full.db")
    warm = _run("ingest", "-", "--db", url, "--no-resolve", cwd=tmp_path,
                input="A convoy reached Izium on Monday, the governor said.")
    assert warm.returncode == 0, warm.stderr  # the store and the caches exist before the limit
    folder = tmp_path / "big"
    folder.mkdir()
    # pages a megabyte long with a short article: much to store, little to analyse
    padding = "<!-- " + "layout " * 150_000 + "-->"
    for i in range(2):
        (folder / f"page-{i}.html").write_text(
            f"<html><body>{padding}<article><p>Dispatch {i}: trucks moved along the highway "
            "towards Sumy, officials said.</p></article></body></html>"
        )
    limit = (tmp_path / "full.db").stat().st_size + 64 * 1024
    res = _run("ingest", str(folder), "--db", url, "--no-resolve", cwd=tmp_path,
               preexec_fn=_limit_file_size(limit))
    assert res.returncode == 3, res.stderr[-2000:]
    assert "could not be written" in res.stderr and "Traceback" not in res.stderr
    # SQLite names it by where the write failed: the database file or its write-ahead log
    assert "disk is full" in res.stderr or "disk I/O error" in res.stderr


# --- two creators ---------------------------------------------------------------------------
CREATE = """
import os, sys, time
from pathlib import Path
go = Path(sys.argv[2])
from sitrep.store.db import Store
while not go.exists():
    time.sleep(0.001)
Store(sys.argv[1]).dispose()
"""


@pytest.mark.slow
def test_two_processes_creating_a_new_store_at_once_both_succeed(tmp_path: Path) -> None:
    for trial in range(6):
        url, go = _sqlite(tmp_path, f"new-{trial}.db"), tmp_path / f"go-{trial}"
        procs = [
            subprocess.Popen([sys.executable, "-c", CREATE, url, str(go)], stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        time.sleep(1.5)  # both have imported the store and wait for the signal
        go.touch()
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, f"trial {trial}: {err.decode()[-1500:]}"
        store = Store(url)
        assert store.counts()["documents"] == 0
        store.dispose()


def test_the_api_serves_a_read_only_store(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.api.app import create_app

    url, path = _filled(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    app = create_app(url, token="", read_only=True)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/health").json()["counts"]["documents"] == 3
        assert len(client.get("/api/quotes").json()["items"]) == 3
        assert client.get("/api/incidents").status_code == 200  # resolve never ran: empty
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, need_shared

SITREP = [str(Path(sys.executable).parent / "sitrep")]
CONTRACT_KEYS = {"id", "text", "source", "flags", "places", "movements", "claims", "quotes"}


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run([*SITREP, *args], capture_output=True, input=input, cwd=ROOT, timeout=600)


def test_extract_prints_one_contract_line_per_seed() -> None:
    need_shared()
    res = run("extract", "--format", "jsonl", *sorted(str(p) for p in SEEDS.glob("*.txt")))
    assert res.returncode == 0, res.stderr.decode()
    lines = res.stdout.decode().splitlines()
    assert len(lines) == 3
    for line in lines:
        obj = json.loads(line)
        assert obj.keys() >= CONTRACT_KEYS
        assert obj["id"] in {p.stem for p in SEEDS.glob("*.txt")}
        assert {"homoglyphs_folded", "spam_spans", "boilerplate_chars"} <= obj["flags"].keys()
        for p in obj["places"]:
            assert {"mention", "lat", "lon", "start", "end"} <= p.keys()
        for c in obj["claims"]:
            assert {"claimant", "subject", "metric", "low", "high", "evidence"} <= c.keys()


def test_extract_reads_stdin() -> None:
    res = run(
        "extract", "-", input="“We are holding the line,” General Oleh Marchenko said.".encode()
    )
    assert res.returncode == 0
    assert json.loads(res.stdout)["id"] == "stdin"


@pytest.mark.slow  # runs `sitrep ingest` in a fresh process
def test_ingest_survives_bad_files_and_reports_them(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.bin").write_bytes(bytes(range(256)) * 64)
    (bad / "latin.txt").write_bytes(
        "Ukrainian forces massed near Zaporizhzhia, the café owner said.".encode("latin-1")
    )
    para = "Russian troops moved towards Kupiansk on Monday, officials said. " * 20 + "\n\n"
    with (bad / "big.txt").open("w") as fh:
        while fh.tell() < 20_000_000:
            fh.write(para)
    (bad / "good.txt").write_text("A Russian convoy is heading towards Izium, the governor said.")
    db = f"sqlite:///{tmp_path / 'b.db'}"
    res = run("ingest", str(bad), "--db", db)
    err = res.stderr.decode()
    assert res.returncode == 0, err
    assert "E101" in err and "E102" in err and "W103" in err and "W105" in err
    from sitrep.store.db import Store

    counts = Store(db).counts()
    assert counts["documents"] == 3  # latin, big (analysed in part), good
    assert counts["errors"] >= 4
    again = run("ingest", str(bad), "--db", db, "--reprocess")
    assert again.returncode == 0
    assert Store(db).counts() == counts


@pytest.mark.slow  # runs `sitrep ingest` in a fresh process
def test_export_writes_csv_and_geojson(tmp_path: Path) -> None:
    need_shared()
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert run("ingest", str(SEEDS), "--db", db).returncode == 0
    res = run("export", "--format", "geojson", "--kind", "places", "--db", db)
    fc = json.loads(res.stdout)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    res = run("export", "--format", "csv", "--kind", "quotes", "--db", db)
    assert res.stdout.decode().splitlines()[0].startswith("id,doc_id,start,end,evidence")


def test_unknown_export_kind_exits_with_usage_error(tmp_path: Path) -> None:
    res = run("export", "--kind", "rumours", "--db", f"sqlite:///{tmp_path / 'y.db'}")
    assert res.returncode == 2
    assert "unknown kind" in res.stderr.decode()


def test_version_prints_the_package_version() -> None:
    from sitrep import __version__

    res = run("--version")
    assert res.returncode == 0
    assert res.stdout.decode().strip() == f"sitrep {__version__}"


@pytest.mark.parametrize("command", ["extract", "ingest", "serve", "export", "demo"])
def test_help_of_the_main_commands_shows_examples(command: str) -> None:
    res = run(command, "--help")
    assert res.returncode == 0
    text = res.stdout.decode()
    after = text[text.index("Examples:"):]
    assert f"sitrep {command}" in after


def test_export_with_a_db_that_is_not_a_url_is_a_usage_error(tmp_path: Path) -> None:
    res = subprocess.run([*SITREP, "export", "--db", "notaurl"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=300)
    assert res.returncode == 2
    assert "not a store URL" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "notaurl").exists()


def _empty_store(tmp_path: Path) -> str:
    from sitrep.store.db import Store

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(url).dispose()
    return url


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_a_taken_port_is_said_and_has_its_own_exit_code(command: str, tmp_path: Path) -> None:
    import socket

    db = _empty_store(tmp_path) if command == "serve" else f"sqlite:///{tmp_path / 'demo.db'}"
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        res = subprocess.run([*SITREP, command, "--db", db, "--port", str(port)],
                             capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert res.returncode == 4, res.stderr
    assert f"port {port} on 127.0.0.1 is taken" in " ".join(res.stderr.split())
    assert "store" not in res.stderr.lower()
    if command == "demo":  # said before ingesting anything
        assert not (tmp_path / "demo.db").exists()


def test_make_demo_takes_its_port_from_port() -> None:
    import shutil

    if shutil.which("make") is None:
        pytest.skip("needs make")
    # -n: what make would run, nothing run
    res = subprocess.run(["make", "-n", "demo", "PORT=8123"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert res.returncode == 0, res.stderr
    [line] = [x for x in res.stdout.splitlines() if "sitrep demo" in x]
    assert line.split()[-2:] == ["--port", "8123"]


def test_serve_listens_on_the_port_it_is_given(tmp_path: Path) -> None:
    import time

    import httpx

    from tests.web.conftest import free_port

    port = free_port()
    proc = subprocess.Popen([*SITREP, "serve", "--db", _empty_store(tmp_path), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/facets", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    said = proc.stderr.read() if proc.stderr else ""
                    pytest.fail(f"serve did not answer on {port}: {said}")
                time.sleep(0.2)
        assert resp.status_code == 200
        assert resp.json()["counts"]["documents"] == 0
    finally:
        proc.terminate()
        proc.wait(30)


@pytest.mark.slow
def test_the_demo_analyses_its_articles_afresh_over_a_store_an_older_run_left(
        tmp_path: Path) -> None:
    """A store written by an earlier run (here: one whose movements were lost, as a store
    from an older version would hold older ones) is brought up to date by the next demo, with
    no document stored twice."""
    import sqlite3

    db = tmp_path / "demo.db"

    def counts() -> tuple[int, int]:
        with sqlite3.connect(db) as conn:
            return (conn.execute("select count(*) from documents").fetchone()[0],
                    conn.execute("select count(*) from movements").fetchone()[0])

    first = subprocess.run([*SITREP, "demo", "--no-serve", "--db", f"sqlite:///{db}"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert first.returncode == 0, first.stderr
    docs, moves = counts()
    assert docs >= 5 and moves >= 5
    with sqlite3.connect(db) as conn:
        conn.execute("delete from movements")
    again = subprocess.run([*SITREP, "demo", "--no-serve", "--db", f"sqlite:///{db}"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert again.returncode == 0, again.stderr
    assert counts() == (docs, moves)

"""A run killed with SIGKILL halfway and run again ends with exactly a clean run's rows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.store.db import Store

pytestmark = pytest.mark.slow
SITREP = str(Path(sys.executable).parent / "sitrep")

PLACES = ["Kharkiv", "Izium", "Kupiansk", "Sumy", "Poltava", "Dnipro", "Zaporizhzhia", "Kherson"]


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        (folder / f"a{i:03d}.txt").write_text(
            f"Report {i}. A Russian convoy of {10 + i} trucks was seen moving from {a} towards {b} "
            f"on Monday, the regional governor said.\n\n"
            f"\u201cWe counted {20 + i} vehicles in the column,\u201d "
            f"the governor told reporters. Officials said {i + 3} soldiers were wounded.\n"
        )


def test_sigkill_then_rerun_gives_exactly_the_clean_rows(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _corpus(src, 120)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run(
        [SITREP, "ingest", str(src), "--db", f"sqlite:///{clean_db}"],
        check=True,
        capture_output=True,
        timeout=900,
    )
    want = Store(str(clean_db)).counts()
    assert want["documents"] == 120

    proc = subprocess.Popen(
        [SITREP, "ingest", str(src), "--db", f"sqlite:///{killed_db}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 300
    while time.time() < deadline:
        time.sleep(0.3)
        if killed_db.exists():
            try:
                done = Store(str(killed_db)).counts()["documents"]
            except Exception:  # noqa: BLE001 - the writer may hold the file mid-transaction
                continue
            if done >= 20:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = Store(str(killed_db)).counts()["documents"]
    assert 0 < partial < 120, "the kill must land halfway"

    res = subprocess.run(
        [SITREP, "ingest", str(src), "--db", f"sqlite:///{killed_db}"],
        capture_output=True,
        timeout=900,
    )
    assert res.returncode == 0
    assert "already in the store" in res.stderr.decode()
    assert Store(str(killed_db)).counts() == want

"""The peak memory the benchmark and the Ray driver report is the process's own."""

from __future__ import annotations

import subprocess
import sys

from sitrep.run.memory import peak_rss_mb

CHILD = "from sitrep.run.memory import peak_rss_mb; print(peak_rss_mb())"


def test_a_process_started_by_a_big_parent_reports_its_own_peak() -> None:
    held = bytearray(300 * 1024 * 1024)
    for i in range(0, len(held), 4096):
        held[i] = 1  # touch every page so the parent's resident memory is really 300 MB more
    assert peak_rss_mb() > 300
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                         check=True)
    assert float(out.stdout) < 200  # not the parent's 300 MB and more
    del held

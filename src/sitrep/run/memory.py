"""Peak memory of this process, as the benchmark and the Ray driver report it."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """Peak resident memory of this process's own address space, in MB.

    Linux's `VmHWM` starts afresh at `exec`, while `ru_maxrss` keeps the high-water mark of the
    process that forked it (a driver started from a 1 GB test runner would report 1 GB).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

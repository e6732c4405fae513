"""Soak: mixed, bounded reads against a local server for a while, its memory sampled as it goes.

    .venv/bin/python scripts/soak_api.py [--minutes 10] [--every 30] [--clients 4] [--db URL]

Without --db it builds a SQLite store: the bundled example articles through the pipeline
(`sitrep ingest`) plus synthetic movements (scripts/bench_api.py's filler). The server runs in
its own process on 127.0.0.1 (as `sitrep serve` does); the clients send only to it, a bounded
number of requests for a bounded time: every list with filters and cursor pages, maps, CSV
downloads, the ledger, facets, search, document pages, the UI and /docs, and some refused
requests. The server's resident memory (VmRSS) is printed at the start, every --every seconds
and at the end, with the request count, the statuses and the latency percentiles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import ACTORS, fill, free_port, percentile, serve, wait_until_up  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "sitrep" / "examples" / "articles"
MAX_REQUESTS = 500_000  # a bound besides the time

Request = Callable[[random.Random, dict[str, Any]], tuple[str, dict[str, Any]]]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def build_store(facts: int) -> str:
    path = Path(tempfile.mkdtemp(prefix="sitrep-soak-")) / "soak.db"
    url = f"sqlite:///{path}"
    fill(url, facts)
    sitrep = Path(sys.executable).parent / "sitrep"
    subprocess.run([str(sitrep), "ingest", str(EXAMPLES), "--db", url], check=True,
                   capture_output=True)
    return url


def day(rnd: random.Random) -> str:
    return f"2022-{rnd.randint(2, 12):02d}-{rnd.randint(1, 28):02d}"


def fact_list(kind: str) -> Request:
    def make(rnd: random.Random, seen: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {"limit": rnd.choice([10, 50, 200]),
                                  "sort": rnd.choice(["date", "-date", "confidence"])}
        if kind == "movements" and rnd.random() < 0.6:
            params["actor"] = rnd.choice(ACTORS)
        if rnd.random() < 0.5:
            params["date_from"] = day(rnd)
        if rnd.random() < 0.3:
            params["q"] = rnd.choice(["tanks", "troops", "ministry", "border"])
        if rnd.random() < 0.2:
            params["bbox"] = "30,44,40,52"
        cursor = seen.get(kind)
        if cursor and rnd.random() < 0.5:
            params = {**seen[kind + ":params"], "cursor": cursor}
        return f"/api/{kind}", params
    return make


def fixed(path: str, **params: Any) -> Request:
    return lambda _rnd, _seen: (path, params)


def document_page(rnd: random.Random, seen: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    ids = seen.get("doc_ids") or ["none"]
    return f"/api/documents/{rnd.choice(ids)}", {}


REQUESTS: list[tuple[float, Request]] = [
    (6, fact_list("movements")), (3, fact_list("claims")), (2, fact_list("quotes")),
    (2, fact_list("places")), (2, fixed("/api/movements.geojson", limit=1000)),
    (1, fixed("/api/claims.csv")), (1, fixed("/api/movements.csv", actor="Belarus")),
    (2, fixed("/api/timeline")), (1, fixed("/api/claims/ledger")), (2, fixed("/api/facets")),
    (2, fixed("/api/documents", q="troops", limit=20)), (2, document_page),
    (1, fixed("/api/incidents")), (1, fixed("/api/groups")), (1, fixed("/api/tracks")),
    (1, fixed("/")), (1, fixed("/docs")), (1, fixed("/api/health")),
    (1, fixed("/api/movements", date_to="9999-12-31")), (1, fixed("/api/documents", q="\x00")),
]


class Soak:
    """Client threads sending a weighted mix of requests until the deadline or the bound."""

    def __init__(self, base: str, clients: int, deadline: float) -> None:
        self.base, self.clients, self.deadline = base, clients, deadline
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self.failures = 0
        self.latencies: list[float] = []

    @property
    def count(self) -> int:
        return sum(self.statuses.values()) + self.failures

    def client(self, seed: int) -> None:
        import httpx

        rnd = random.Random(seed)
        seen: dict[str, Any] = {}
        weights = [w for w, _ in REQUESTS]
        with httpx.Client(base_url=self.base, timeout=60) as http:
            docs = http.get("/api/documents", params={"limit": 100}).json()["items"]
            seen["doc_ids"] = [d["id"] for d in docs]
            while time.monotonic() < self.deadline and self.count < MAX_REQUESTS:
                (make,) = rnd.choices([r for _, r in REQUESTS], weights)
                path, params = make(rnd, seen)
                t0 = time.perf_counter()
                try:
                    resp = http.get(path, params=params)
                except httpx.HTTPError:
                    with self.lock:
                        self.failures += 1
                    continue
                with self.lock:
                    self.latencies.append(time.perf_counter() - t0)
                    self.statuses[resp.status_code] += 1
                if path.startswith("/api/") and path.split("/")[2] in (
                        "movements", "claims", "quotes", "places") and resp.status_code == 200:
                    kind = path.split("/")[2]
                    seen[kind] = resp.json().get("next_cursor")
                    seen[kind + ":params"] = {k: v for k, v in params.items() if k != "cursor"}

    def run(self, pid: int, every: float) -> list[tuple[float, float, int]]:
        threads = [threading.Thread(target=self.client, args=(i,), daemon=True)
                   for i in range(self.clients)]
        t0 = time.monotonic()
        samples = [(0.0, rss_mb(pid), 0)]
        for t in threads:
            t.start()
        next_sample = t0 + every
        while any(t.is_alive() for t in threads):
            time.sleep(0.2)
            if time.monotonic() >= next_sample:
                samples.append((time.monotonic() - t0, rss_mb(pid), self.count))
                print(f"  {samples[-1][0]:6.0f} s  RSS {samples[-1][1]:7.1f} MB  "
                      f"{samples[-1][2]:,} requests", flush=True)
                next_sample += every
        samples.append((time.monotonic() - t0, rss_mb(pid), self.count))
        return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--every", type=float, default=30, help="seconds between memory samples")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--facts", type=int, default=20_000, help="synthetic movements to add")
    ap.add_argument("--db", help="an existing store URL (default: build one)")
    args = ap.parse_args()
    url = args.db or build_store(args.facts)
    port = free_port()
    proc = serve(url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        with httpx.Client(base_url=base, timeout=30) as client:
            wait_until_up(client)
        print(f"store {url}; server pid {proc.pid} on {base}; {args.clients} clients for "
              f"{args.minutes:g} min; RSS every {args.every:g} s", flush=True)
        soak = Soak(base, args.clients, time.monotonic() + args.minutes * 60)
        samples = soak.run(proc.pid, args.every)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    ms = [t * 1000 for t in soak.latencies]
    rss = [mb for _, mb, _ in samples]
    print(f"RSS start {rss[0]:.1f} MB, end {rss[-1]:.1f} MB, min {min(rss):.1f}, "
          f"max {max(rss):.1f}; after the first sample: {rss[1]:.1f} -> {rss[-1]:.1f} MB")
    print("samples (s, MB): " + ", ".join(f"{t:.0f}:{mb:.1f}" for t, mb, _ in samples))
    print(f"{soak.count:,} requests, statuses {dict(sorted(soak.statuses.items()))}, "
          f"{soak.failures} transport failures; latency p50 {statistics.median(ms):.1f} ms, "
          f"p95 {percentile(ms, 95):.1f} ms, max {max(ms):.0f} ms")


if __name__ == "__main__":
    main()

"""API latency with a large store: p50/p95 of a filtered, paginated movement list.

    .venv/bin/python scripts/bench_api.py [--facts 100000] [--requests 300] [--db PATH]

Fills a fresh SQLite store with synthetic documents and movements (bulk inserts through the
store's own tables), serves it with uvicorn in its own process, and times HTTP requests (one
keep-alive client) that filter by actor, date range and confidence and follow next_cursor for
up to five pages.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ACTORS = ["Russia", "Ukraine", "Belarus", "NATO", "China", "Wagner Group"]
EQUIPMENT = ["troops", "tanks", "armored_vehicles", "artillery", "trucks", "warships", "aircraft"]
STATUSES = ["en_route", "arrived", "deployed", "massing", "withdrawing", "transiting"]


def fill(db_url: str, n_facts: int, per_doc: int = 50, seed: int = 7) -> None:
    """Synthetic documents and movements, inserted in bulk."""
    from sitrep.store.db import Store
    from sitrep.store.schema import documents, movements

    rnd = random.Random(seed)
    store = Store(db_url)
    start = date(2022, 2, 1)
    n_docs = max(1, n_facts // per_doc)
    with store.engine.begin() as conn:
        docs = []
        for d in range(n_docs):
            day = (start + timedelta(days=rnd.randrange(700))).isoformat()
            docs.append({"id": f"d{d:015d}", "name": f"bench-{d}", "kind": "text",
                         "publisher": rnd.choice(["Wire A", "Wire B", "Daily C"]),
                         "published": day, "raw_text": "x" * 200, "clean_text": "x" * 200,
                         "offsets": [], "flags": {}, "source_evidence": {}, "integrity": 1.0,
                         "n_facts": per_doc, "ingested_at": "2026-01-01T00:00:00"})
        conn.execute(documents.insert(), docs)
        rows = []
        for i in range(n_facts):
            doc = docs[i % n_docs]
            lat, lon = 44 + rnd.random() * 8, 30 + rnd.random() * 10
            rows.append({"id": f"m{i:023d}", "doc_id": doc["id"], "start": 0, "end": 10,
                         "evidence": "x" * 10, "date": doc["published"],
                         "confidence": round(rnd.random(), 3), "rule": "bench",
                         "actor": rnd.choice(ACTORS), "equipment": rnd.sample(EQUIPMENT, 2),
                         "status": rnd.choice(STATUSES), "observed_by": "Bench Ministry",
                         "origin": None, "destination": {"mention": "Somewhere", "lat": lat,
                                                         "lon": lon},
                         "location": None, "lat": lat, "lon": lon})
            if len(rows) == 10_000:
                conn.execute(movements.insert(), rows)
                rows = []
        if rows:
            conn.execute(movements.insert(), rows)
    store.dispose()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def serve(db_url: str, port: int) -> subprocess.Popen[bytes]:
    """The API in its own process (uvicorn), as `sitrep serve` runs it."""
    code = ("import sys, uvicorn; from sitrep.api.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1], token=''), host='127.0.0.1', "
            "port=int(sys.argv[2]), log_level='warning')")
    return subprocess.Popen([sys.executable, "-c", code, db_url, str(port)])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(client: Any, tries: int = 600) -> None:
    """Polls /api/health until the server answers (it loads the store's indexes first)."""
    import httpx

    for _ in range(tries):
        try:
            client.get("/api/health")
            return
        except httpx.TransportError:
            time.sleep(0.1)


def run(db_url: str, n_requests: int, seed: int = 11) -> list[float]:
    """Seconds per request for filtered list requests, following cursors up to 5 pages deep."""
    import httpx

    port = free_port()
    proc = serve(db_url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            wait_until_up(client)
            return _time_requests(client, n_requests, random.Random(seed))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _time_requests(client: Any, n_requests: int, rnd: random.Random) -> list[float]:
    timings: list[float] = []
    while len(timings) < n_requests:
        d0 = date(2022, 2, 1) + timedelta(days=rnd.randrange(600))
        params = {"actor": rnd.choice(ACTORS), "date_from": d0.isoformat(),
                  "date_to": (d0 + timedelta(days=60)).isoformat(),
                  "min_confidence": 0.3, "limit": 50, "sort": "-date"}
        cursor = None
        for _ in range(5):
            t0 = time.perf_counter()
            resp = client.get("/api/movements", params={**params, "cursor": cursor})
            timings.append(time.perf_counter() - t0)
            resp.raise_for_status()
            cursor = resp.json()["next_cursor"]
            if not cursor:
                break
    return timings[:n_requests]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--db", help="SQLite file to create (default: a temporary one)")
    args = ap.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "b.db"
    if path.exists():
        path.unlink()
    url = f"sqlite:///{path}"
    t0 = time.perf_counter()
    fill(url, args.facts)
    print(f"stored {args.facts:,} movements in {time.perf_counter() - t0:.1f} s ({path})")
    timings = run(url, args.requests)
    ms = [t * 1000 for t in timings]
    print(f"{len(ms)} filtered, paginated GET /api/movements requests over HTTP: "
          f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
          f"max {max(ms):.1f} ms")


if __name__ == "__main__":
    main()

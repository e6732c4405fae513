"""How `POST /api/ingest` copes with one huge one-line article, and what a small write waits.

    .venv/bin/python scripts/probe_ingest_limit.py [--limit 60]

Serves an empty SQLite store with a token on 127.0.0.1 (its own process, as `sitrep serve`
runs it) and posts: a 5 MB one-line article (over the body limit), then a 1.9 MB one-line
article (under it, so it is analysed until the per-document limit stops it) and, a second
after it, a small article. Prints each answer's status, code and seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import free_port, wait_until_up  # noqa: E402

TOKEN = "probe-token"
SENTENCE = ("A column of armoured vehicles moved from Belgorod toward Kharkiv overnight, the "
            "regional governor said, and 40 soldiers were wounded near the border. ")
SMALL = ("Patrol report.\n\nTwo frigates sailed from Sevastopol toward Novorossiysk on Tuesday, "
         "the navy said.")


def one_line(n_bytes: int) -> bytes:
    return (SENTENCE * (n_bytes // len(SENTENCE) + 1))[:n_bytes].encode()


def serve(db_url: str, port: int, limit: float) -> subprocess.Popen[bytes]:
    code = ("import sys, uvicorn; from sitrep.api.app import create_app; "
            "from sitrep.config import Config; "
            "uvicorn.run(create_app(sys.argv[1], config=Config(doc_timeout_s=float(sys.argv[3]))),"
            " host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
    env = {**os.environ, "SITREP_API_TOKEN": TOKEN}
    return subprocess.Popen([sys.executable, "-c", code, db_url, str(port), str(limit)], env=env)


def post(client: Any, body: bytes, ctype: str = "text/plain") -> tuple[int, str, float]:
    t0 = time.perf_counter()
    resp = client.post("/api/ingest", content=body, headers={"Content-Type": ctype})
    code = resp.json().get("error", {}).get("code", "") if resp.status_code >= 400 else ""
    return resp.status_code, code, time.perf_counter() - t0


def report(label: str, result: tuple[int, str, float]) -> None:
    status, code, seconds = result
    print(f"{label:<52} {status} {code or '':<18} {seconds:7.2f} s", flush=True)


def main() -> None:
    import httpx

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=float, default=60.0, help="per-document limit, seconds")
    args = ap.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='sitrep-probe-')) / 'probe.db'}"
    port = free_port()
    proc = serve(url, port, args.limit)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600,
                          headers=headers) as client:
            wait_until_up(client)
            report("warm-up small article (workers load their models)",
                   post(client, SMALL.encode()))
            report("small article, workers ready", post(client, SMALL.encode()))
            report("5 MB one-line article", post(client, one_line(5_000_000)))
            slow: dict[str, tuple[int, str, float]] = {}
            thread = threading.Thread(
                target=lambda: slow.setdefault("r", post(client, one_line(1_900_000))))
            thread.start()
            time.sleep(1.0)
            report("small article sent 1 s after a 1.9 MB one", post(client, SMALL.encode()))
            thread.join()
            report(f"1.9 MB one-line article (limit {args.limit:g} s)", slow["r"])
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()

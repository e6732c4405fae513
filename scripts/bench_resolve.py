"""Benchmark the resolve stage: group N synthetic documents (with copies) and time it.

    .venv/bin/python scripts/bench_resolve.py --docs 10000
    .venv/bin/python scripts/bench_resolve.py --docs 2500 5000 10000   # memory should grow linearly

Documents are generated (random words, deterministic seed): one in ten is a republished copy of
another with boilerplate, lookalike letters and spam added; each carries one movement and one
claim so incidents and the ledger are exercised too. The store is built first (not timed); then a
fresh process runs `resolve_store` and reports its time and the memory it added (peak RSS).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitrep.records import Claim, Document, Evidence, Flags, Movement, PlaceRef, Source
from sitrep.store.db import Store

LOOKALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "i": "\u0456", "c": "\u0441"}
SIDES = ("Russian", "Ukrainian", "Belarusian")
CLAIMANTS = ("Kyiv", "Moscow", "Pentagon", "London", "Oryx")


def make_vocabulary(rng: random.Random, n: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(n)]


def spin(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for i in range(0, len(words), 5):
        for latin, fake in LOOKALIKES.items():
            if latin in words[i]:
                words[i] = words[i].replace(latin, fake, 1)
                break
    return " ".join(words)


def make_docs(n: int, seed: int = 7, months: tuple[int, int] = (3, 5)) -> list[Document]:
    """`n` documents dated within `months` of 2023 (one in ten a copy of an earlier one)."""
    rng = random.Random(seed)
    prefix = "" if seed == 7 else f"s{seed}-"
    vocab = make_vocabulary(rng)
    places = [(rng.uniform(44, 53), rng.uniform(22, 40)) for _ in range(300)]
    bodies: list[str] = []
    docs = []
    for i in range(n):
        if bodies and rng.random() < 0.1:  # a republished copy of an earlier document
            body = spin(rng.choice(bodies), rng) + " Best price Cheap Roof Repair call today."
            raw = "Share | Tweet\n\n" + body + "\n\nSource: Wire Service\nYou may also like: " \
                + " ".join(rng.choices(vocab, k=20))
            flags = Flags(homoglyphs_folded=30, boilerplate_chars=200, integrity=0.8)
            publisher, original = f"Outlet {i % 97}", "Wire Service"
        else:
            body = " ".join(rng.choices(vocab, k=rng.randint(300, 700))) + "."
            raw = body
            flags = Flags()
            publisher, original = "Wire Service" if i % 3 == 0 else f"Outlet {i % 97}", None
            bodies.append(body)
        side, claimant = rng.choice(SIDES), rng.choice(CLAIMANTS)
        town = rng.randrange(len(places))
        lat, lon = places[town]
        day = f"2023-{rng.randint(*months):02d}-{rng.randint(1, 28):02d}"
        figure = str(rng.randint(1, 90) * 100)
        raw = raw + f"\n{side} troops moved toward the town. {claimant} said {figure} soldiers " \
            "were killed."
        doc = Document.from_raw(raw, name=f"bench-{prefix}{i}")
        doc.clean_text = raw
        doc.flags = flags
        doc.source = Source(publisher=publisher, original_publisher=original, published=day)
        m_at = raw.index(f"{side} troops")
        doc.movements = [Movement(side, ["troops"], "en_route",
                                  Evidence.of(raw, m_at, m_at + len(side) + 7),
                                  destination=PlaceRef(f"Town {town}", lat, lon), date=day)]
        c_at = raw.rindex(figure)
        doc.claims = [Claim(claimant, "Russia", "killed", float(figure), float(figure),
                            Evidence.of(raw, c_at, c_at + len(figure)), date=day)]
        docs.append(doc)
    return docs


def build(db: str, n: int) -> None:
    store = Store(db)
    docs = make_docs(n)
    for i in range(0, len(docs), 500):
        store.upsert_many(docs[i:i + 500])
    store.dispose()


def forget_resolved(db: str) -> None:
    """Drop the resolve tables, so a kept store is resolved from nothing again."""
    from sitrep.store.resolve_tables import TABLES

    store = Store(db)
    for table in reversed(TABLES):
        table.drop(store.engine, checkfirst=True)
    store.dispose()


def measure(db: str) -> dict[str, float]:
    """Run in a fresh process: resolve everything, re-run, then add 100 documents; time each."""
    from sitrep.resolve.step import resolve_store

    store = Store(db)
    t0 = time.perf_counter()
    stats = resolve_store(store)
    wall = time.perf_counter() - t0
    again = resolve_store(store)
    # the next month's news: only these documents, and what they touch, are redone
    extra = make_docs(100, seed=8, months=(6, 6))
    store.upsert_many(extra)
    t1 = time.perf_counter()
    added = resolve_store(store, [d.id for d in extra])
    return {"added": added.documents, "added_seconds": round(time.perf_counter() - t1, 2),
            "documents": stats.documents, "copies": stats.copies, "seconds": round(wall, 2),
            "group_seconds": stats.group_seconds, "incident_seconds": stats.incident_seconds,
            "ledger_seconds": stats.ledger_seconds, "incidents": stats.incidents_written,
            "rerun_documents": again.documents}


def measure_memory(db: str) -> dict[str, float]:
    """Run in a fresh process: the peak of memory allocated while resolving everything."""
    import tracemalloc

    from sitrep.resolve.step import resolve_store

    store = Store(db)
    tracemalloc.start()
    resolve_store(store)
    _, peak = tracemalloc.get_traced_memory()
    return {"peak_mb": round(peak / 2**20, 1)}


def run_child(flag: str, built_at: Path, tmp: str) -> dict[str, float]:
    """Measure in a fresh process, on a copy of the built store with nothing resolved."""
    path = Path(tmp) / f"measured{flag}.db"
    for suffix in ("", "-wal"):
        if Path(f"{built_at}{suffix}").exists():
            shutil.copyfile(f"{built_at}{suffix}", f"{path}{suffix}")
    db = f"sqlite:///{path}"
    forget_resolved(db)
    child = subprocess.run([sys.executable, __file__, flag, db], capture_output=True, text=True)
    if child.returncode:
        sys.exit(f"the measuring process failed:\n{child.stderr}")
    return json.loads(child.stdout)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[10_000])
    ap.add_argument("--keep", help="Folder to keep the built stores in and reuse them from.")
    ap.add_argument("--measure", help=argparse.SUPPRESS)  # internal: the child processes
    ap.add_argument("--memory", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure or args.memory:
        print(json.dumps(measure(args.measure) if args.measure else measure_memory(args.memory)))
        return
    for n in args.docs:
        with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
            folder = Path(args.keep) if args.keep else Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            built_at = folder / f"bench-{n}.db"
            t0 = time.perf_counter()
            if not built_at.exists():
                build(f"sqlite:///{built_at}", n)
            built = time.perf_counter() - t0
            result = run_child("--measure", built_at, tmp)
            memory = run_child("--memory", built_at, tmp)
            print(f"{n:>6} docs (store built in {built:.0f} s): resolve {result['seconds']} s "
                  f"[groups {result['group_seconds']} s, incidents+tracks "
                  f"{result['incident_seconds']} s, ledger {result['ledger_seconds']} s], "
                  f"{result['copies']} copies grouped, {result['incidents']} incidents; "
                  f"peak allocated {memory['peak_mb']} MB; re-run resolved "
                  f"{result['rerun_documents']}; {result['added']} more documents resolved in "
                  f"{result['added_seconds']} s", flush=True)


if __name__ == "__main__":
    main()

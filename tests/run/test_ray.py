"""The Ray runner gives exactly the local runner's results (on a real local Ray instance)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.store.db import Store
from tests.conftest import SEEDS, need_shared

pytestmark = [pytest.mark.ray, pytest.mark.slow]


def _facts(store: Store) -> dict[str, set[tuple]]:  # type: ignore[type-arg]
    from sqlalchemy import text

    out = {}
    with store.engine.connect() as conn:
        for t in ("documents", "places", "movements", "claims", "quotes", "errors"):
            cols = (
                "id, clean_text"
                if t == "documents"
                else ("id, message" if t == "errors" else 'id, "start", "end", evidence')
            )
            out[t] = set(conn.execute(text(f"SELECT {cols} FROM {t}")).all())
    return out


def test_ray_runner_matches_local_runner(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    need_shared()
    from sitrep.ingest.step import read_paths
    from sitrep.run.local import run_local
    from sitrep.run.ray_runner import load_parquet, run_ray

    inputs = tmp_path / "in"
    inputs.mkdir()
    for p in SEEDS.glob("*.txt"):
        (inputs / p.name).write_bytes(p.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    cfg = Config()
    local = Store(f"sqlite:///{tmp_path / 'local.db'}")
    run_local(read_paths([str(inputs)], cfg), cfg, sink=local.upsert_many)
    ray_store = Store(f"sqlite:///{tmp_path / 'ray.db'}")
    stats = run_ray([str(inputs)], cfg, store_url=ray_store.url, batch_size=2, concurrency=1)
    assert stats.documents == 3 and stats.errors >= 1
    assert _facts(ray_store) == _facts(local)
    # Parquet shards imported by `load` give the same rows again, and re-loading adds nothing
    pq_store = Store(f"sqlite:///{tmp_path / 'pq.db'}")
    run_ray([str(inputs)], cfg, parquet_dir=tmp_path / "shards", batch_size=2, concurrency=1)
    load_parquet(tmp_path / "shards", pq_store)
    load_parquet(tmp_path / "shards", pq_store)
    got, want = _facts(pq_store), _facts(local)
    assert {k: v for k, v in got.items() if k != "errors"} == {
        k: v for k, v in want.items() if k != "errors"
    }
    import ray

    ray.shutdown()

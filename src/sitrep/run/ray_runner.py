"""Run the pipeline on Ray Data: the only module that imports Ray.

Each Ray actor builds the same `Pipeline` once (models loaded once per actor) and maps batches
of serialized documents; results come back to one writer (the store) or go to Parquet shards
that `sitrep load` imports. Re-running is safe: ids are content hashes and writes are upserts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.config import Config
from sitrep.ingest.readers import read_paths
from sitrep.run.local import RunStats, process_safely
from sitrep.serialize import document_from_json, document_to_json

# keep a laptop run offline and quiet: no usage reporting, no dashboard
OFFLINE_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_DISABLE_DOCKER_CPU_WARNING": "1",
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
}


class PipelineActor:
    """A Ray Data callable class: one pipeline per actor, documents in and out as JSON."""

    def __init__(self, config: Config) -> None:
        from sitrep.pipeline import Pipeline

        self.pipe = Pipeline(config).setup()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = [
            document_to_json(process_safely(self.pipe, document_from_json(s))) for s in batch["doc"]
        ]
        return {"id": list(batch["id"]), "doc": out}


def start_ray(address: str | None, num_cpus: int | None = None) -> None:
    import ray

    for k, v in OFFLINE_ENV.items():
        os.environ.setdefault(k, v)
    if ray.is_initialized():
        return
    kwargs: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "configure_logging": False,
        # one BLAS thread per actor: actors are the unit of parallelism
        "runtime_env": {"env_vars": {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                                       "MKL_NUM_THREADS")}},
    }
    if address:
        ray.init(address=address, **kwargs)
    else:
        ray.init(num_cpus=num_cpus or os.cpu_count(), **kwargs)


def run_ray(
    paths: Iterable[str],
    config: Config,
    *,
    store: Any = None,
    address: str | None = None,
    skip_ids: set[str] | None = None,
    parquet_dir: str | Path | None = None,
    batch_size: int = 8,
    concurrency: int | None = None,
) -> RunStats:
    """Read inputs on the driver, analyse on Ray actors, write to the store or Parquet shards."""
    import ray

    start_ray(address)
    stats = RunStats()
    t0 = time.perf_counter()
    rows, failed = [], []
    for doc in read_paths(paths, config):
        if skip_ids and doc.id in skip_ids and doc.raw_text:
            stats.skipped += 1
        elif doc.raw_text:
            rows.append({"id": doc.id, "doc": document_to_json(doc)})
        else:
            failed.append(doc)  # read errors need no analysis: record them directly
    for doc in failed:
        stats.add(doc)
    if store is not None and failed:
        store.upsert_many(failed)
    if rows:
        n = concurrency or max(1, int(ray.available_resources().get("CPU", 1)))
        ds = ray.data.from_items(rows).map_batches(
            PipelineActor,
            fn_constructor_args=(config,),
            batch_size=batch_size,
            concurrency=n,
            batch_format="default",
        )
        if parquet_dir is not None:
            ds.write_parquet(str(parquet_dir))
            for row in ray.data.read_parquet(str(parquet_dir)).iter_rows():
                stats.add(document_from_json(row["doc"]))
        else:
            batch = []
            for row in ds.iter_rows():
                doc = document_from_json(row["doc"])
                stats.add(doc)
                batch.append(doc)
                if len(batch) >= 64 and store is not None:
                    store.upsert_many(batch)
                    batch = []
            if batch and store is not None:
                store.upsert_many(batch)
    stats.seconds = time.perf_counter() - t0
    return stats


def load_parquet(folder: str | Path, store: Any) -> RunStats:
    """Import Parquet shards written by a Ray run into the store (idempotent)."""
    import pyarrow.parquet as pq

    stats = RunStats()
    t0 = time.perf_counter()
    for path in sorted(Path(folder).rglob("*.parquet")):
        table = pq.read_table(path, columns=["doc"])
        docs = [document_from_json(s) for s in table.column("doc").to_pylist()]
        for d in docs:
            stats.add(d)
        store.upsert_many(docs)
    stats.seconds = time.perf_counter() - t0
    return stats

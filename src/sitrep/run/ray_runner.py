"""Run the pipeline on Ray Data, end to end on the workers.

The driver lists the input files and then only adds up counters. Read tasks open the inputs on
the workers and split them into documents (`ray_inputs`); actors, each with one pipeline
(models loaded once per actor), analyse batches and skip documents already in the store;
writer tasks upsert bounded batches into the store with the local runner's `Store.upsert_many`,
or write Parquet shards that `sitrep load` imports. Each writer hands back one small summary
row per batch (counts, the first error rows, which nodes did the analysis). Re-running is safe:
ids are content hashes and writes are upserts.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.config import Config
from sitrep.records import Document
from sitrep.run.local import RunStats, batches, process_batch_safely
from sitrep.run.memory import peak_rss_mb
from sitrep.run.resume import stored_among
from sitrep.serialize import document_from_json, document_to_json

# keep a laptop run offline and quiet: no usage reporting, no dashboard
OFFLINE_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_DISABLE_DOCKER_CPU_WARNING": "1",
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
}
ERROR_ROWS_KEPT = 50  # the driver keeps this many error rows for the summary; the rest are counted
STORE_BATCH = 64  # documents per store transaction (and per Parquet shard)


@dataclass
class RayStats(RunStats):
    """The local runner's counters, plus documents analysed per Ray node and the driver's peak."""

    nodes: Counter[str] = field(default_factory=Counter)
    driver_peak_mb: float = 0.0

    def merge(self, row: dict[str, Any]) -> None:
        """Add one writer summary row."""
        for k in ("documents", "places", "facts", "errors", "skipped"):
            setattr(self, k, getattr(self, k) + int(row[k]))
        room = ERROR_ROWS_KEPT - len(self.error_rows)
        self.error_rows.extend(tuple(r) for r in json.loads(row["error_rows"])[: max(room, 0)])
        self.nodes.update(json.loads(row["nodes"]))


class PipelineActor:
    """A Ray Data callable class: one pipeline per actor; skips documents already stored."""

    def __init__(self, config: Config, skip_url: str | None = None) -> None:
        import ray

        from sitrep.pipeline import Pipeline

        self.pipe = Pipeline(config).setup()
        self.node = ray.get_runtime_context().get_node_id()
        self.skip_url = skip_url

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        ids = [str(i) for i in batch["id"]]
        stored = stored_among(open_store(self.skip_url), ids) if self.skip_url else set()
        docs = [document_from_json(s) for s in batch["doc"]]
        # as the local runner: a document whose text is known and already stored is skipped
        skips = [i in stored and bool(d.raw_text) for i, d in zip(ids, docs, strict=True)]
        todo = [d for d, skip in zip(docs, skips, strict=True) if not skip]
        # a few documents at a time through spaCy together
        done = (d for b in batches(todo) for d in process_batch_safely(self.pipe, b))
        return {
            "id": ids,
            "doc": ["" if skip else document_to_json(next(done)) for skip in skips],
            "skipped": skips,
            "node": [self.node] * len(ids),
        }


_stores: dict[str, Any] = {}


def open_store(url: str) -> Any:
    """One `Store` per worker process and URL (opened on first use)."""
    from sitrep.store.db import Store

    if url not in _stores:
        _stores[url] = Store(url)
    return _stores[url]


def _analysed(batch: dict[str, Any]) -> tuple[list[Document], dict[str, Any]]:
    """The analysed documents of a batch and its summary row."""
    docs = [document_from_json(s) for s, skip in zip(batch["doc"], batch["skipped"], strict=True)
            if not skip]
    counts = RunStats()
    for d in docs:
        counts.add(d)
    nodes = Counter(n for n, skip in zip(batch["node"], batch["skipped"], strict=True) if not skip)
    summary = {
        "documents": [counts.documents],
        "places": [counts.places],
        "facts": [counts.facts],
        "errors": [counts.errors],
        "skipped": [int(sum(bool(s) for s in batch["skipped"]))],
        "error_rows": [json.dumps(counts.error_rows[:ERROR_ROWS_KEPT])],
        "nodes": [json.dumps(nodes)],
    }
    return docs, summary


def write_to_store(batch: dict[str, Any], url: str) -> dict[str, Any]:
    """Writer task: upsert one bounded batch with the local runner's write path."""
    docs, summary = _analysed(batch)
    if docs:
        open_store(url).upsert_many(docs)
    return summary


def write_shard(batch: dict[str, Any], folder: str) -> dict[str, Any]:
    """Writer task: one Parquet shard ({id, doc}) per batch, under a local folder or a URI."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyarrow import fs

    docs, summary = _analysed(batch)
    if docs:
        filesystem, base = fs.FileSystem.from_uri(folder)
        filesystem.create_dir(base, recursive=True)
        table = pa.table({"id": [d.id for d in docs], "doc": [document_to_json(d) for d in docs]})
        pq.write_table(table, f"{base}/{uuid.uuid4().hex}.parquet", filesystem=filesystem)
    return summary


def start_ray(address: str | None, num_cpus: int | None = None) -> None:
    import ray
    import ray.data

    for k, v in OFFLINE_ENV.items():
        os.environ.setdefault(k, v)
    if ray.is_initialized():
        return
    kwargs: dict[str, Any] = {
        "log_to_driver": False,
        "configure_logging": False,
        # one BLAS thread per actor: actors are the unit of parallelism
        "runtime_env": {
            "env_vars": {
                v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
            }
        },
    }
    if address:
        ray.init(address=address, **kwargs)
    else:
        ray.init(num_cpus=num_cpus or os.cpu_count(), include_dashboard=False, **kwargs)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.wait_for_min_actors_s = 600  # all actors have their models before work is handed out


def _absolute(folder: str | Path) -> str:
    from sitrep.run.ray_inputs import is_uri

    return str(folder) if is_uri(str(folder)) else str(Path(folder).absolute())


# how long the pool's actors may take to load the pipeline before the run fails with a clear error
ACTOR_START_TIMEOUT_S = 600
READ_TASKS_PER_ACTOR = 4  # input files are shared among at most this many read tasks per actor


def run_ray(
    paths: Iterable[str],
    config: Config,
    *,
    store_url: str | None = None,
    parquet_dir: str | Path | None = None,
    skip_url: str | None = None,
    address: str | None = None,
    batch_size: int = 8,
    concurrency: int | None = None,
    on_progress: Callable[[RayStats], None] | None = None,
) -> RayStats:
    """Read, analyse and write on the Ray workers; the driver only adds up counters.

    Writes to the store at `store_url`, or to Parquet shards in `parquet_dir`; documents already
    in the store at `skip_url` are skipped (pass None to reprocess everything).
    """
    import ray

    from sitrep.run.ray_inputs import document_datasource, list_inputs

    if (store_url is None) == (parquet_dir is None):
        raise ValueError("give exactly one of store_url and parquet_dir")
    stats = RayStats()
    t0 = time.perf_counter()
    inputs = list_inputs(paths)
    if inputs:
        start_ray(address)
        n = concurrency or max(1, int(ray.cluster_resources().get("CPU", 1)))
        light = {"num_cpus": 0}  # reading and writing are I/O: the actors hold the CPUs
        # Start analysing only once every actor of the pool has loaded its models: otherwise the
        # first actor ready (on a busy node, seconds before the others) takes the whole input.
        ray.data.DataContext.get_current().wait_for_min_actors_s = ACTOR_START_TIMEOUT_S
        # Each read task's output reaches the actors as one block, analysed by one actor; several
        # read tasks per actor let an idle actor take the next block while another is busy
        ds = ray.data.read_datasource(
            document_datasource(inputs, config, rows_per_block=batch_size),
            override_num_blocks=READ_TASKS_PER_ACTOR * n,
            **light,
        ).map_batches(
            PipelineActor,
            fn_constructor_args=(config, skip_url),
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(size=n, max_tasks_in_flight_per_actor=1),
            num_cpus=1,
            batch_format="default",
        )
        if store_url is not None:
            writer: Callable[..., dict[str, Any]] = write_to_store
            target = {"url": store_url}
        else:
            writer, target = write_shard, {"folder": _absolute(parquet_dir)}  # type: ignore[arg-type]
        summaries = ds.map_batches(
            writer,
            fn_kwargs=target,
            batch_size=STORE_BATCH,
            batch_format="default",
            **light,
        )
        for row in summaries.iter_rows():
            stats.merge(row)
            if on_progress:
                on_progress(stats)
    stats.seconds = time.perf_counter() - t0
    stats.driver_peak_mb = peak_rss_mb()
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

"""Posted articles run in worker processes, under the same per-document limit as `sitrep ingest`.

Each worker is a one-process pool set up by the local runner's own initializer, and runs a
document with the runner's `process_safely` (the per-document alarm, error E201 when it rings).
A worker that has not answered by the limit plus a grace period (the alarm cannot interrupt
every C call) is ended and replaced. With two workers a slow article holds one of them for at
most that long while the other keeps answering; the server process never loads the models.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import os
import queue
import threading
from multiprocessing.pool import AsyncResult, Pool

from sitrep.config import Config
from sitrep.errors import Code, message
from sitrep.records import Document
from sitrep.run.local import _init_worker, _work

STARTUP_S = 300.0  # loading the models, once per worker, is not counted in the document's limit
GRACE_S = 5.0


class WorkersBusy(Exception):
    """Every worker stayed busy for longer than one document may take."""


class _Worker:
    """One process with the pipeline loaded (spawned: the server's threads are not copied)."""

    def __init__(self, config: Config) -> None:
        self.pool: Pool = mp.get_context("spawn").Pool(1, initializer=_init_worker,
                                                       initargs=(config,))
        self.ready: AsyncResult[int] = self.pool.apply_async(os.getpid)

    def run(self, doc: Document, timeout: float) -> Document:
        self.ready.get(timeout=STARTUP_S)
        return self.pool.apply_async(_work, (doc,)).get(timeout=timeout)

    def stop(self) -> None:
        self.pool.terminate()
        self.pool.join()


class PipelineWorkers:
    """A fixed number of pipeline processes; each request takes a free one."""

    def __init__(self, config: Config, size: int = 2) -> None:
        self.config = config
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(size):
            self._idle.put(_Worker(config))

    @property
    def limit_s(self) -> float:
        return self.config.doc_timeout_s

    def wait_ready(self) -> None:
        """Wait until every idle worker has loaded its models."""
        for worker in list(self._idle.queue):
            worker.ready.get(timeout=STARTUP_S)

    @property
    def busy(self) -> int:
        """How many workers are analysing a document now."""
        return self.size - self._idle.qsize()

    def process(self, doc: Document) -> Document:
        """`doc` analysed, or carrying error E201 when it took longer than the limit."""
        wait = self.limit_s + GRACE_S
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty as exc:
            raise WorkersBusy(f"every worker stayed busy for {wait:g} s") from exc
        try:
            return worker.run(doc, wait)
        except mp.TimeoutError:
            worker.stop()
            worker = _Worker(self.config)
            doc.fail("pipeline", Code.TIMEOUT,
                     message(Code.TIMEOUT, f"stopped after {self.limit_s:g} s"))
            return doc
        finally:
            self._idle.put(worker)

    def stop(self) -> None:
        """End the idle workers (a busy one is ended by multiprocessing at exit)."""
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return


_shared: dict[Config, PipelineWorkers] = {}
_shared_lock = threading.Lock()


def shared_workers(config: Config) -> PipelineWorkers:
    """The workers for `config`, started on first use and kept for the life of the process (the
    models take seconds to load; every app built in this process with that config shares them)."""
    with _shared_lock:
        if config not in _shared:
            _shared[config] = PipelineWorkers(config)
        return _shared[config]


@atexit.register
def _stop_shared() -> None:
    with _shared_lock:
        for workers in _shared.values():
            workers.stop()
        _shared.clear()

"""The local runner: N worker processes, models loaded once per worker, one writer.

Documents stream from the readers in bounded chunks; each worker runs the whole pipeline on a
document under a time limit; the parent writes results to the store in batches. Ctrl-C stops
cleanly and keeps everything already written.
"""

from __future__ import annotations

import copy
import multiprocessing as mp
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sitrep.config import Config
from sitrep.errors import Code, message
from sitrep.pipeline import Pipeline
from sitrep.records import Document

_worker_pipeline: Pipeline | None = None


class DocTimeout(BaseException):
    """Raised by the alarm; a BaseException so a step's `except Exception` cannot swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocTimeout after `seconds` (main thread of a process only; no-op elsewhere)."""
    import threading

    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(_sig: int, _frame: Any) -> None:
        raise DocTimeout()

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def process_safely(pipe: Pipeline, doc: Document) -> Document:
    """Run the pipeline on one document within the configured time limit."""
    try:
        with time_limit(pipe.config.doc_timeout_s):
            return pipe.process(doc)
    except DocTimeout:
        doc.nlp = None
        doc.fail(
            "pipeline",
            Code.TIMEOUT,
            message(Code.TIMEOUT, f"stopped after {pipe.config.doc_timeout_s:g} s"),
        )
        return doc


BATCH_DOCS = 8  # documents a worker analyses together (one spaCy call for all of them)


def process_batch_safely(pipe: Pipeline, docs: list[Document]) -> list[Document]:
    """`process_safely` of each document, the batch analysed together (`Pipeline.process_batch`)
    within the sum of its documents' time limits. A batch that overruns it runs again one
    document at a time, each under its own limit, so only a slow document gets E201."""
    if len(docs) <= 1:
        return [process_safely(pipe, d) for d in docs]
    spare = copy.deepcopy(docs)  # unprocessed copies for the one-by-one rerun
    try:
        with time_limit(pipe.config.doc_timeout_s * len(docs)):
            return pipe.process_batch(docs)
    except DocTimeout:
        return [process_safely(pipe, d) for d in spare]


def batches(docs: Iterable[Document], size: int = BATCH_DOCS) -> Iterator[list[Document]]:
    """`docs` in lists of `size` (the last one shorter), read lazily."""
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def _init_worker(config: Config) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _worker_pipeline = Pipeline(config).setup()


def _work(doc: Document) -> Document:
    assert _worker_pipeline is not None
    return process_safely(_worker_pipeline, doc)


def _work_batch(docs: list[Document]) -> list[Document]:
    assert _worker_pipeline is not None
    return process_batch_safely(_worker_pipeline, docs)


@dataclass
class RunStats:
    documents: int = 0
    places: int = 0
    facts: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    error_rows: list[tuple[str, str, str]] = field(default_factory=list)
    interrupted: bool = False

    def add(self, doc: Document) -> None:
        if doc.raw_text and not any(e.code == Code.WRITE_FAILED for e in doc.errors):
            self.documents += 1
        self.places += len(doc.places)
        self.facts += len(doc.facts)
        self.errors += len(doc.errors)
        self.error_rows.extend((doc.name, str(e.code), e.message) for e in doc.errors)


def run_local(
    docs: Iterable[Document],
    config: Config,
    *,
    workers: int = 1,
    sink: Callable[[list[Document]], None] | None = None,
    batch_size: int = 32,
    on_progress: Callable[[Document], None] | None = None,
) -> RunStats:
    """Run the pipeline over `docs`, handing finished documents to `sink` in batches.

    Documents are counted after the sink has written them, so one the store set aside (E130)
    counts as an error, not as a document. A store failure (`StoreError`) ends the run.
    """
    stats = RunStats()
    t0 = time.perf_counter()
    batch: list[Document] = []

    def emit(doc: Document) -> None:
        batch.append(doc)
        if on_progress:
            on_progress(doc)
        if len(batch) >= batch_size:
            flush()

    def flush() -> None:
        if batch and sink:
            sink(list(batch))
        for doc in batch:
            stats.add(doc)
        batch.clear()

    try:
        if workers <= 1:
            pipe = Pipeline(config).setup()
            for batch_in in batches(docs):
                for doc in process_batch_safely(pipe, batch_in):
                    emit(doc)
        else:
            ctx = mp.get_context("fork")
            with ctx.Pool(
                workers, initializer=_init_worker, initargs=(config,), maxtasksperchild=2000
            ) as pool:
                # Pool would drain a generator eagerly; feed it bounded windows instead
                for window in batches(docs, workers * 4 * BATCH_DOCS):
                    for done in pool.imap_unordered(_work_batch, list(batches(window))):
                        for doc in done:
                            emit(doc)
    except KeyboardInterrupt:
        stats.interrupted = True
    # not in a `finally`: after a store failure the batch must not be written again
    flush()
    stats.seconds = time.perf_counter() - t0
    return stats

"""A pipeline is a list of small named steps over a stream of documents.

Each step loads what it needs once per worker in `setup()` and then turns a `Document` into the
same `Document` with more filled in (`process`). A step that raises records an error on the
document and the run goes on. A document the relevance gate marks "low" skips the steps of
`steps.FULL_ANALYSIS_ONLY`. Steps never import Ray or know how they are run.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.records import Document
from sitrep.steps import FULL_ANALYSIS_ONLY, Step, build_steps, check_order

log = logging.getLogger(__name__)


class Pipeline:
    """Runs the configured steps on documents, counting time and failures per step.

    Building one checks the steps' contract (`sitrep.steps.check_order`): a step whose
    required fields no earlier step assigns raises `StepOrderError` here, not an empty result
    later.
    """

    def __init__(self, config: Config | None = None, steps: list[Step] | None = None) -> None:
        self.config = config or Config()
        self.steps = steps if steps is not None else build_steps(self.config)
        check_order(self.steps)
        self.seconds: dict[str, float] = {}
        self.failures: Counter[str] = Counter()
        self._ready = False

    def setup(self) -> Pipeline:
        if not self._ready:
            for step in self.steps:
                step.setup()
            # the models and the gazetteer are millions of long-lived objects: kept out of the
            # collector's full passes, which otherwise walk them all a few times a minute
            gc.freeze()
            self._ready = True
        return self

    def process(self, doc: Document) -> Document:
        """Every step over one document (a read error stops it; a low-relevance document skips
        the full analysis); the spaCy parse is dropped at the end."""
        return self.process_batch([doc])[0]

    def process_batch(self, docs: list[Document]) -> list[Document]:
        """`process` of each document, step after step over the whole batch, so that a step
        with a `process_batch` of its own (the spaCy parse) handles the documents together.
        Each document comes out as `process` alone makes it; when a step's batch call fails,
        the step runs again on each document on its own, so the failure lands on its document."""
        self.setup()
        docs = list(docs)
        for step in self.steps:
            todo = [i for i, d in enumerate(docs) if self._runs(step, d)]
            batch = getattr(step, "process_batch", None)
            if batch is not None and len(todo) > 1 and self._process_many(step, docs, todo):
                continue
            for i in todo:
                docs[i] = self._process_one(step, docs[i])
        for doc in docs:
            doc.nlp = None  # the spaCy parse stays in the worker
        return docs

    @staticmethod
    def _runs(step: Step, doc: Document) -> bool:
        if doc.errors and any(e.code.startswith("E1") for e in doc.errors):
            return False  # a read error: nothing to analyse
        # the relevance gate found no sign of conflict news
        return not (doc.relevance == "low" and step.name in FULL_ANALYSIS_ONLY)

    def _process_one(self, step: Step, doc: Document) -> Document:
        t0 = time.perf_counter()
        try:
            doc = step.process(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            log.exception("step %s failed on %s", step.name, doc.name)
            doc.fail(step.name, Code.STEP_FAILED, f"{type(exc).__name__}: {exc}")
            self.failures[step.name] += 1
        self._count(step, t0)
        return doc

    def _process_many(self, step: Step, docs: list[Document], todo: list[int]) -> bool:
        """The step's `process_batch` over `docs[i] for i in todo`; False when it failed."""
        t0 = time.perf_counter()
        try:
            done = step.process_batch([docs[i] for i in todo])  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - the documents go through one by one instead
            log.exception("step %s failed on a batch; running it per document", step.name)
            return False
        finally:
            self._count(step, t0)
        for i, doc in zip(todo, done, strict=True):
            docs[i] = doc
        return True

    def _count(self, step: Step, t0: float) -> None:
        self.seconds[step.name] = self.seconds.get(step.name, 0.0) + time.perf_counter() - t0

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.process(doc)

"""A pipeline is a list of small named steps over a stream of documents.

Each step loads what it needs once per worker in `setup()` and then turns a `Document` into the
same `Document` with more filled in (`process`). A step that raises records an error on the
document and the run goes on. A document the relevance gate marks "low" skips the steps of
`steps.FULL_ANALYSIS_ONLY`. Steps never import Ray or know how they are run.
"""

from __future__ import annotations

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
            self._ready = True
        return self

    def process(self, doc: Document) -> Document:
        self.setup()
        for step in self.steps:
            if doc.errors and any(e.code.startswith("E1") for e in doc.errors):
                break  # a read error: nothing to analyse
            if doc.relevance == "low" and step.name in FULL_ANALYSIS_ONLY:
                continue  # the relevance gate found no sign of conflict news
            t0 = time.perf_counter()
            try:
                doc = step.process(doc)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
                log.exception("step %s failed on %s", step.name, doc.name)
                doc.fail(step.name, Code.STEP_FAILED, f"{type(exc).__name__}: {exc}")
                self.failures[step.name] += 1
            spent = time.perf_counter() - t0
            self.seconds[step.name] = self.seconds.get(step.name, 0.0) + spent
        doc.nlp = None  # the spaCy parse stays in the worker
        return doc

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.process(doc)

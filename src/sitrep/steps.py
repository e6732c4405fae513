"""Every pipeline step, registered by a stable name in one place, and the contract they keep.

A step says which `Document` fields it needs filled in (`requires`) and which it fills in
(`assigns`), as spaCy components do. `check_order` reads those declarations when a pipeline is
built, so a step placed before the step it depends on fails at once with a clear message
instead of silently finding nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Protocol, runtime_checkable

from sitrep.clean.step import CleanStep
from sitrep.config import Config
from sitrep.extract.step import ExtractStep
from sitrep.geo.step import GeoStep
from sitrep.ingest.step import ASSIGNS as READ_ASSIGNS
from sitrep.nlp.step import AnnotateStep, RelevanceStep
from sitrep.records import Document


@runtime_checkable
class Step(Protocol):
    name: str

    @property
    def requires(self) -> tuple[str, ...]:
        """Document fields that must be filled in before this step runs."""

    @property
    def assigns(self) -> tuple[str, ...]:
        """Document fields this step fills in."""

    def setup(self) -> None: ...

    def process(self, doc: Document) -> Document: ...


REGISTRY: dict[str, Callable[[Config], Step]] = {
    "clean": CleanStep,
    "relevance": RelevanceStep,
    "annotate": AnnotateStep,
    "geo": GeoStep,
    "extract": ExtractStep,
}

# steps that only documents of high relevance go through (see `sitrep.nlp.relevance`)
FULL_ANALYSIS_ONLY = frozenset({"extract"})

# what every Document holds before the first step: a reader or `Document.from_raw` fills it in
GIVEN = READ_ASSIGNS
DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))


class StepOrderError(ValueError):
    """The steps of a pipeline do not run in an order that gives each what it requires."""


def build_steps(config: Config) -> list[Step]:
    """The steps named by the config, in order."""
    unknown = [s for s in config.steps if s not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown step(s) {unknown}; known: {sorted(REGISTRY)}")
    return [REGISTRY[name](config) for name in config.steps]


def check_order(steps: Sequence[Step]) -> None:
    """Raise `StepOrderError` unless every step comes after the steps that assign what it
    requires, and every declared field is a `Document` field."""
    have = set(GIVEN)
    for step in steps:
        declared = [*step.requires, *step.assigns]
        unknown = sorted(set(declared) - DOCUMENT_FIELDS)
        if unknown:
            raise StepOrderError(f"step {step.name!r} declares {unknown}, which are not Document "
                                 f"fields; use names from {sorted(DOCUMENT_FIELDS)}")
        missing = [f for f in step.requires if f not in have]
        if missing:
            raise StepOrderError(
                f"step {step.name!r} requires {missing}, which no earlier step assigns "
                f"(order: {[s.name for s in steps]}); put {providers(missing)} before it")
        have.update(step.assigns)


def providers(missing: list[str]) -> list[str]:
    """The registered steps that assign any of the missing fields (for the error message)."""
    return [name for name, make in REGISTRY.items()
            if set(getattr(make, "assigns", ())) & set(missing)] or ["a step that assigns them"]

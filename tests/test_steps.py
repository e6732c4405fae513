"""The step contract: each step says what it requires and assigns; a pipeline checks the order."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sitrep.config import DEFAULT_STEPS, Config
from sitrep.pipeline import Pipeline
from sitrep.records import Document
from sitrep.steps import REGISTRY, StepOrderError, check_order


@dataclass
class Fake:
    """A step that only declares its contract."""

    name: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def setup(self) -> None:
        pass

    def process(self, doc: Document) -> Document:
        return doc


def test_the_default_order_gives_every_step_what_it_requires() -> None:
    pipe = Pipeline(Config())
    assert [s.name for s in pipe.steps] == list(DEFAULT_STEPS)


def test_extract_without_the_parse_and_the_places_is_refused_when_built() -> None:
    with pytest.raises(StepOrderError) as err:
        Pipeline(Config(steps=("clean", "extract")))
    text = str(err.value)
    assert "'extract' requires" in text and "'nlp'" in text and "'places'" in text
    assert "annotate" in text and "geo" in text  # says which steps to put first


def test_a_step_placed_before_the_step_it_needs_is_refused() -> None:
    with pytest.raises(StepOrderError, match="'geo' requires"):
        Pipeline(Config(steps=("clean", "geo", "annotate", "extract")))


def test_a_hand_built_order_is_checked_like_a_configured_one() -> None:
    reader = Fake("reader", requires=("raw_text",), assigns=("clean_text",))
    needs_places = Fake("mapper", requires=("clean_text", "places"))
    with pytest.raises(StepOrderError, match="'mapper' requires \\['places'\\]"):
        Pipeline(steps=[reader, needs_places])
    Pipeline(steps=[reader, Fake("gazetteer", assigns=("places",)), needs_places])


def test_a_declared_field_that_the_document_lacks_is_refused() -> None:
    with pytest.raises(StepOrderError, match="not Document fields"):
        check_order([Fake("typo", requires=("clean_txt",))])


def test_every_registered_step_declares_document_fields() -> None:
    for name, make in REGISTRY.items():
        step = make(Config())
        assert step.name == name
        assert step.assigns, f"{name} assigns nothing"
        check_order([Fake("all", assigns=tuple(step.requires)), step])

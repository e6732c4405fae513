"""The learned movement judge: its committed weights load, and it separates reported movements
from plans, denials and other senses of war words (sentences written for this test)."""

from __future__ import annotations

import pytest

from sitrep.extract import judge
from sitrep.extract.movements.frames import is_trigger
from sitrep.nlp.annotate import load_model


def _verdicts(text: str) -> list[judge.Verdict]:
    model = judge.load()
    assert model is not None, "extract/data/movement_judge.json is missing: run `make train`"
    sdoc = load_model("en_core_web_sm")(text)
    return [model.judge(t) for t in sdoc if is_trigger(t)]


def test_weights_are_committed_with_their_training_record() -> None:
    model = judge.load()
    assert model is not None
    assert model.meta["corpus_sentences"] >= 2000
    assert 0.0 < model.threshold < 1.0
    assert set(model.statuses) == {"en_route", "arrived", "deployed", "massing", "withdrawing",
                                   "transiting"}


@pytest.mark.parametrize("text", [
    "Chadian soldiers arrived in the border town of Adre late on Sunday.",
    "A column of Sudanese army trucks withdrew from the outskirts of El Obeid overnight.",
])
def test_reported_movements_pass(text: str) -> None:
    model = judge.load()
    assert model is not None
    verdicts = _verdicts(text)
    assert verdicts and max(v.p_movement for v in verdicts) >= model.threshold


@pytest.mark.parametrize("text", [
    "Berlin plans to send another brigade to Lithuania in 2027.",
    "The government denied that its troops had crossed into Guyana.",
    "The striker marched into the penalty area and scored twice.",
])
def test_plans_denials_and_other_senses_are_vetoed(text: str) -> None:
    model = judge.load()
    assert model is not None
    assert all(v.p_movement < model.threshold for v in _verdicts(text))


def test_the_extract_step_uses_the_judge_only_when_asked() -> None:
    from sitrep.config import Config
    from sitrep.extract.step import ExtractStep

    off = ExtractStep(Config(movement_judge=False))
    off.setup()
    on = ExtractStep(Config(movement_judge=True))
    on.setup()
    assert off.judge is None and on.judge is judge.load()

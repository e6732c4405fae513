"""The learned movement sentence model: its features, what it proposes, and that the rules still
fill and gate what it proposes. Every sentence here was written for this file."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

import sitrep
from sitrep.config import Config
from sitrep.extract.movements.model import WEIGHTS, SentenceModel, load, terms
from sitrep.records import Document, Movement

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=64)
def run(text: str) -> Document:
    return sitrep.process(text)


def by_model(doc: Document) -> list[Movement]:
    return [m for m in doc.movements if m.rule == "move-model"]


def test_terms_are_lower_case_words_and_word_pairs_without_figures() -> None:
    got = terms("Some 4,500 Troops moved; troops 2nd")
    assert got["troops"] == 2 and got["troops moved"] == 1
    assert got["some troops"] == 1  # a figure is no term: the words around it pair up
    assert got["0nd"] == 1  # digits inside a word fold to 0
    assert not any(len(t) < 2 for t in got)


def test_weights_load_and_their_vector_is_unit_length() -> None:
    model = load()
    assert isinstance(model, SentenceModel)
    v = model.vector("Armoured columns crawled towards the river crossing before dawn.")
    assert v and abs(sum(x * x for x in v.values()) - 1.0) < 1e-9
    assert model.meta["corpus_sentences"] > 2000


MOVING = [
    "Hundreds of Ugandan soldiers crossed the frontier into Ituri on Sunday, local officials said.",
    "Two Chinese destroyers sailed through the Miyako Strait on Thursday, the Japanese defence "
    "ministry said.",
    "A column of Sudanese army trucks was seen heading west from El Obeid towards Bara, residents "
    "said.",
    "Israeli troops pulled back from the outskirts of Khan Younis overnight, the military said.",
]
CIVIL = [
    "The retailer's shares climbed after a strong quarter, traders said.",
    "The striker moved to a rival club in the summer transfer window.",
    "Heavy rain pushed the river over its banks in the north of the country on Sunday.",
    "The central bank held interest rates steady, the governor said.",
]


def test_movement_sentences_score_above_the_threshold_and_above_civil_news() -> None:
    model = load()
    assert model is not None
    moving = [model.p_movement(t) for t in MOVING]
    civil = [model.p_movement(t) for t in CIVIL]
    assert all(p >= model.threshold for p in moving)
    assert min(moving) > sum(civil) / len(civil)


def test_civil_news_yields_no_movement_even_where_the_model_leans_to_one() -> None:
    # the model reads sentences, the rules still need a force: rain and rates are none
    for text in CIVIL:
        assert run(text).movements == [], text


def test_the_model_reads_a_movement_no_trigger_word_names_and_the_rules_fill_it() -> None:
    doc = run("A battalion of Chadian troops was bussed to Abeche on Tuesday, the army said.")
    got = by_model(doc)
    assert len(got) == 1
    m = got[0]
    assert m.actor == "Chad"
    assert m.destination is not None and m.destination.mention == "Abeche"
    assert m.equipment == ["troops"]
    raw = doc.raw_text
    assert raw[m.evidence.start:m.evidence.end] == m.evidence.text


def test_a_force_the_model_s_sentence_cites_as_source_is_not_the_one_moving() -> None:
    doc = run("According to the Chadian army, a battalion of troops was bussed to Abeche on "
              "Tuesday.")
    (m,) = by_model(doc)
    assert m.equipment == ["troops"]
    assert m.destination is not None and m.destination.mention == "Abeche"
    assert m.observed_by is not None and "army" in m.observed_by


def test_the_rules_gates_hold_for_what_the_model_proposes() -> None:
    # a plan, a negation and history, each in a sentence the model alone would take
    for text in ("The cabinet is weighing whether to bus two battalions to the coast next month.",
                 "No Eritrean units were bussed across the frontier on Monday, monitors said.",
                 "In 1998 Eritrean units were bussed across the frontier to Badme."):
        assert by_model(run(text)) == [], text


def test_a_sentence_without_a_force_is_not_a_movement() -> None:
    doc = run("Prices rolled back across the region on Monday as the currency steadied.")
    assert doc.movements == []


def test_without_the_model_the_rules_run_alone(tmp_path: Path) -> None:
    doc = run("A battalion of Chadian troops was bussed to Abeche on Tuesday, the army said.")
    assert by_model(doc)
    assert load(str(tmp_path / "none.json")) is None  # no weights installed: no model
    alone = sitrep.process(doc.raw_text, config=Config(movement_model=False))
    assert alone.relevance == "high" and by_model(alone) == []


def test_the_evaluation_only_part_is_scored_and_not_fitted() -> None:
    model = load()
    assert model is not None
    parts = [ROOT / "train" / "corpus" / name for name in model.meta["eval_only_parts"]]
    rows = [json.loads(line) for part in parts for line in part.open(encoding="utf-8")
            if line.strip()]
    assert model.meta["eval_only"]["sentences"] == len(rows)
    assert 0.0 < model.meta["eval_only"]["f1"] <= 1.0
    assert set(model.meta["eval_only_by_part"]) == {p.name for p in parts}
    part = parts[0]
    spec = importlib.util.spec_from_file_location(
        "train_movement_model", ROOT / "scripts" / "train_movement_model.py")
    assert spec is not None and spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    mixed = [("Tanks rolled north.", 1, "en_route", part.name),
             ("Rain fell.", 0, None, "movements-01.jsonl"),
             ("Ships sailed south.", 1, "en_route", "tune")]
    fitted, scored = trainer.split_eval_only(mixed)
    assert [r[0] for r in scored] == ["Tanks rolled north."]
    assert [r[0] for r in fitted] == ["Rain fell.", "Ships sailed south."]


@pytest.mark.slow
def test_make_train_rebuilds_the_committed_weights(tmp_path: Path) -> None:
    out = tmp_path / "weights.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_movement_model.py"),
                    "--out", str(out)], check=True, capture_output=True, timeout=600)
    built = json.loads(out.read_text(encoding="utf-8"))
    committed = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    # the same terms and settings; weights equal up to the last rounded digit (another CPU's
    # floating point may flip one)
    assert built["idf"].keys() == committed["idf"].keys()
    assert built["statuses"] == committed["statuses"]
    assert built["threshold"] == committed["threshold"]
    assert built["meta"]["corpus_sentences"] == committed["meta"]["corpus_sentences"]
    assert abs(built["bias"] - committed["bias"]) < 1e-3
    for term, w in committed["weights"].items():
        assert abs(built["weights"].get(term, 0.0) - w) < 1e-3, term
    for term, ws in committed["status_weights"].items():
        got = built["status_weights"].get(term, [0.0] * len(ws))
        assert all(abs(a - b) < 1e-3 for a, b in zip(got, ws, strict=True)), term

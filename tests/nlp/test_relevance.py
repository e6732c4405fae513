"""The relevance gate: which documents get the full NLP, and what the others keep."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.nlp.relevance import HIGH, LOW, relevance, why_relevant
from sitrep.pipeline import Pipeline
from sitrep.records import Document
from sitrep.run.bench import generate_corpus
from tests.conftest import ROOT, SHARED

EVAL = SHARED / "eval"
SITREP = str(Path(sys.executable).parent / "sitrep")

GENERAL = (
    "The city council approved the budget for the new tram line on Tuesday in Lyon. The mayor "
    "said the first trams would run in 2028, and shop owners on the route welcomed the plan."
)
PLAIN_MOVE = "Troops crossed into the Donbas overnight, the governor said."


@pytest.mark.parametrize("text", [
    PLAIN_MOVE,
    "A column of Israeli tanks entered the town before dawn.",
    "Government forces pulled back from the river crossing.",
    "The blast left 14 people dead near the market.",
    "Hundreds of refugees reached the border post by Friday.",
    "“We will not give up an inch,” the foreign minister told reporters.",
    "“Talks will go on,” the spokesman said after Armenia and Azerbaijan met in Abu Dhabi.",
    "HMS Dauntless left port at first light.",
    "Hezbollah said the bridge had been hit.",
    "The Chinese carrier Fujian sailed south of Okinawa on Sunday.",
    "Two frigates shadowed the ships, Japan's Joint Staff said in a statement.",
    "Elements of the Russian 20th Motor Rifle Division reached Kreminna overnight.",
    "Belarus has moved more Polonez launchers to Grodno, Lithuania said.",
    "The IDF pulled its 98th Division out of the camp after a four-day raid.",
])
def test_conflict_news_passes_the_gate(text: str) -> None:
    assert relevance(text) == HIGH, text


@pytest.mark.parametrize("text", [
    GENERAL,
    "The home side came from two goals down to draw with the league leaders on Saturday.",
    "Shares rose 6 percent after the company reported higher sales over the holidays.",
    "Police closed the bridge for the marathon. 3,000 runners took part.",  # figure far from toll
    "Heavy rain is expected from Thursday, with up to 80 millimetres on higher ground.",
    "The carrier cut its fares on routes to Lisbon, and the staff welcomed the new rota.",
    "The company's sales division moved its billing systems to a new data centre last year.",
])
def test_general_news_does_not(text: str) -> None:
    assert relevance(text) == LOW, why_relevant(text)


def test_the_gate_passes_every_conflict_text_of_the_tune_and_check_sets() -> None:
    """Recall 1.0: every text with a gold movement, claim or quote gets the full analysis."""
    if not EVAL.is_dir():
        pytest.skip(f"{EVAL} missing")
    pipe = Pipeline(Config(steps=("clean", "relevance")))
    missed, seen = [], 0
    for path in sorted([*EVAL.glob("dev/*.json"), *EVAL.glob("check/*.json")]):
        item = json.loads(path.read_text(encoding="utf-8"))
        gold = item["gold"]
        if not any(gold.get(k) for k in ("movements", "claims", "quotes")):
            continue
        seen += 1
        if pipe.process(Document.from_raw(item["text"])).relevance != HIGH:
            missed.append(path.stem)
    assert seen >= 70
    assert missed == []


def test_the_bench_general_news_is_low_and_its_conflict_news_high() -> None:
    pipe = Pipeline(Config(steps=("clean", "relevance")))
    general = [pipe.process(d).relevance for d in generate_corpus(20, mix=0.0)]
    conflict = [pipe.process(d).relevance for d in generate_corpus(20, mix=1.0)]
    assert set(general) == {LOW}
    assert set(conflict) == {HIGH}


def test_a_low_document_keeps_text_provenance_and_places_but_gets_no_nlp() -> None:
    raw = "Tram plans approved\n\nBy Anna Weber\n\n" + GENERAL + " " + PLAIN_MOVE.replace(
        "Troops crossed into the Donbas overnight", "Buses will cross into Geneva")
    doc = Pipeline().process(Document.from_raw(raw))
    assert doc.relevance == LOW
    assert doc.clean_text and doc.source.title == "Tram plans approved"
    assert doc.source.author == "Anna Weber"
    assert {"Lyon", "Geneva"} <= {p.mention for p in doc.places}
    for p in doc.places:
        assert raw[p.start:p.end] == p.mention
    assert doc.entities == [] and doc.facts == []
    assert doc.sentences and doc.to_contract()["relevance"] == LOW


def test_without_the_gate_every_document_is_analysed_in_full() -> None:
    text = "“The budget is fair,” Mayor Anna Weber said in Lyon on Tuesday."
    gated = Pipeline().process(Document.from_raw(text))
    full = Pipeline(replace(Config(), relevance_gate=False)).process(Document.from_raw(text))
    assert gated.relevance == LOW and gated.quotes == []
    assert full.relevance == HIGH and [q.speaker for q in full.quotes] == ["Anna Weber"]


@pytest.mark.slow  # three CLI processes
def test_reprocess_analyses_the_low_documents_of_the_store_in_full(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "budget.txt").write_text(
        "“The budget is fair,” Mayor Anna Weber said in Lyon on Tuesday.\n", encoding="utf-8")
    (folder / "war.txt").write_text(PLAIN_MOVE + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 's.db'}"

    def sitrep(*args: str) -> None:
        res = subprocess.run([SITREP, *args, "--db", db], capture_output=True, cwd=ROOT,
                             timeout=600)
        assert res.returncode == 0, res.stderr.decode()

    def stored() -> dict[str, tuple[str, int]]:
        import sqlite3

        with sqlite3.connect(tmp_path / "s.db") as conn:
            rows = conn.execute("SELECT name, relevance, "
                                "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) "
                                "FROM documents d").fetchall()
        return {name: (rel, n) for name, rel, n in rows}

    sitrep("ingest", str(folder), "--no-resolve")
    assert stored() == {"budget": ("low", 0), "war": ("high", 0)}
    sitrep("reprocess", "--relevance", "low", "--no-resolve")
    assert stored() == {"budget": ("high", 1), "war": ("high", 0)}

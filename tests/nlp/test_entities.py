"""The batched entity decoder finds exactly the entities spaCy's own recogniser finds."""

from __future__ import annotations

import pytest

from sitrep.nlp.annotate import add_line_breaks, analyse, load_model, load_stock
from sitrep.nlp.entities import FastEntities, Unsupported, check_model, install

# written for this test: entities of many labels, at the start and end of texts and sentences,
# next to spaces, line breaks and punctuation, and texts of very different lengths in one batch
TEXTS = [
    "Lt. Gen. Maria Okonkwo-Delacroix of the 3rd Rapid Reaction Brigade flew into Port Harcourt "
    "on 14 March 2024, two days after Nigeria's defence ministry paid $4.5 million for fuel.",
    "Kherson",
    "  \n\n  Greece   and\nTurkey\n\nsigned it at 9:30 a.m. ; about 40 percent of the 1,200 "
    "Dutch marines left.",
    "The Black Sea Fleet moved three frigates from Sevastopol to Novorossiysk last week, "
    "the Institute for the Study of War said in its Friday assessment.",
    "no capital letters here at all, just some words and 17 numbers",
    "He said: \u201cWe will hold Bakhmut until the end of the year.\u201d Then he left for Kyiv.",
    "A.\nB.\nC.",
    "The envoy landed near San\nDiego on Monday and met Joe\nBiden.",  # a name cut by a line
    "The World Health Organization counted 3,400 cases in Khartoum, Omdurman and El Fasher "
    "between June and August, while the United Nations appealed for $2.6bn.",
    "",
    "Ships of the People's Liberation Army Navy sailed through the Taiwan Strait on Sunday.",
]


@pytest.fixture(scope="module")
def stock():  # type: ignore[no-untyped-def]
    nlp = load_stock("en_core_web_sm")
    add_line_breaks(nlp)  # the pipeline's own sentence rule, so both see the same sentences
    return nlp


def entities(doc) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_pipeline_uses_the_batched_decoder() -> None:
    assert isinstance(load_model("en_core_web_sm").get_pipe("ner"), FastEntities)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_the_entities_are_spacys_own(stock, batch_size) -> None:  # type: ignore[no-untyped-def]
    ours = load_model("en_core_web_sm")
    got = list(ours.pipe(TEXTS, batch_size=batch_size))
    want = list(stock.pipe(TEXTS, batch_size=batch_size))
    for a, b in zip(got, want, strict=True):
        assert entities(a) == entities(b), a.text
        assert [t.ent_iob_ for t in a] == [t.ent_iob_ for t in b], a.text
    found = {label for d in got for _, _, label in entities(d)}
    assert {"PERSON", "GPE", "ORG", "DATE", "MONEY", "CARDINAL", "NORP"} <= found


def test_one_document_at_a_time_and_without_the_parser(stock) -> None:  # type: ignore[no-untyped-def]
    ours = load_model("en_core_web_sm")
    text = TEXTS[0]
    assert entities(ours(text)) == entities(stock(text))
    light = ["tagger", "parser", "attribute_ruler", "lemmatizer"]
    with ours.select_pipes(disable=light), stock.select_pipes(disable=light):
        ours.enable_pipe("senter")
        stock.enable_pipe("senter")
        try:
            assert entities(ours(TEXTS[3])) == entities(stock(TEXTS[3]))
        finally:
            ours.disable_pipe("senter")
            stock.disable_pipe("senter")


def test_entities_already_set_go_to_spacys_decoder(stock) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    ours = load_model("en_core_web_sm")
    with ours.select_pipes(disable=["ner"]), stock.select_pipes(disable=["ner"]):
        a, b = ours(TEXTS[3]), stock(TEXTS[3])
    for doc in (a, b):  # a preset entity the recogniser must keep
        doc.set_ents([Span(doc, 1, 4, label="FAC")], default="unmodified")
    ours.get_pipe("ner")(a)
    stock.get_pipe("ner")(b)
    assert (1, 4, "FAC") in entities(a)
    assert entities(a) == entities(b)


def test_the_pipeline_documents_keep_their_entities() -> None:
    tally = next(t for t in TEXTS if t.startswith("The World Health"))
    doc = analyse(load_model("en_core_web_sm"), tally + "\n" + TEXTS[0])
    assert ("Khartoum", "GPE") in {(e.text, e.label_) for e in doc.ents}


def test_a_recogniser_of_another_kind_keeps_spacys_decoder() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("beam_ner")
    nlp.initialize()
    with pytest.raises(Unsupported):
        check_model(nlp.get_pipe("beam_ner"))
    nlp.rename_pipe("beam_ner", "ner")
    assert install(nlp) is False
    assert not isinstance(nlp.get_pipe("ner"), FastEntities)

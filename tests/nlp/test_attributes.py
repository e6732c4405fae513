"""The fast attribute matcher gives exactly what spaCy's attribute ruler gives."""

from __future__ import annotations

import pytest

from sitrep.nlp.annotate import add_line_breaks, load_model, load_stock
from sitrep.nlp.attributes import FastAttributeMatch, Unsupported, install

TEXTS = [
    "Ukrainian officials said on Tuesday that they'd seen two columns of tanks heading west.",
    "I can't say whether it was them, but there's no doubt we are gonna find out, he told us.",
    "Y'all got ta see this: the convoy hasn't moved since Monday and it's not going anywhere.",
    "Do you think she'd have left if they had not been warned? Let's ask him ourselves.",
    "That is what those who were there said; this one, however, was somethin' else.",
    "   \n\nA headline without a stop\nand a line below it, with   odd   spacing.",
    "",
]


@pytest.fixture(scope="module")
def stock():  # type: ignore[no-untyped-def]
    return load_stock("en_core_web_sm")


def test_the_matches_are_spacys_own(stock) -> None:  # type: ignore[no-untyped-def]
    ruler = stock.get_pipe("attribute_ruler")
    fast = FastAttributeMatch(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(TEXTS))
    for doc in docs:
        assert fast(doc) == [tuple(m) for m in ruler.match(doc)], doc.text
    assert any(len(fast(d)) > len(d) for d in docs)  # several patterns per token, not one


def test_the_pipeline_model_tags_as_the_stock_model_does() -> None:
    ours = load_model("en_core_web_sm")
    stock = load_stock("en_core_web_sm")
    add_line_breaks(stock)  # the one change the pipeline makes on purpose
    assert isinstance(ours.get_pipe("attribute_ruler").match, FastAttributeMatch)
    for text in TEXTS:
        a, b = ours(text), stock(text)
        assert [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in a] == \
            [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in b]


def test_a_ruler_with_patterns_of_another_shape_keeps_spacys_matcher() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(Unsupported):
        FastAttributeMatch(ruler)
    assert install(nlp) is False
    assert "match" not in vars(ruler)

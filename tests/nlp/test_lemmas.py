"""The cached lemmatizer loop gives exactly the lemmas of spaCy's rule lemmatizer, and the
attribute ruler's merged writes (`nlp.attributes.MergedAnnotations`) spaCy's parts of speech."""

from __future__ import annotations

from sitrep.nlp.annotate import add_line_breaks, load_model, load_stock
from sitrep.nlp.lemmas import install

TEXTS = [
    "The soldiers were moving towards the cities; he has said that the troops ran away.",
    "Officials denied reports that better-armed units had been withdrawn from the ports.",
    "She'd seen fewer convoys, but the biggest ones were spotted by satellites again.",
    "Refugees fled. Refugees flee. Shelling continues, and the shells keep falling.",
    "   \n\nA HEADLINE IN CAPITALS\nand lines below it, with   odd   spacing.",
    "",
]


def _lemmas(nlp, texts):  # type: ignore[no-untyped-def]
    return [[(t.text, t.lemma_, t.pos_, str(t.morph)) for t in doc] for doc in nlp.pipe(texts)]


def test_cached_lemmas_are_spacys_own() -> None:
    stock = load_stock("en_core_web_sm")
    add_line_breaks(stock)  # the same parse as the project's model, the stock lemmatizer
    ours = load_model("en_core_web_sm")
    assert type(ours.get_pipe("lemmatizer")).__name__ == "CachedRuleLemmatizer"
    want = _lemmas(stock, TEXTS)
    assert _lemmas(ours, TEXTS) == want
    assert _lemmas(ours, TEXTS[::-1]) == want[::-1]  # from the cache, the second time
    assert ("were", "be", "AUX", "Mood=Ind|Tense=Past|VerbForm=Fin") in want[0]
    assert ("cities", "city", "NOUN", "Number=Plur") in want[0]


def test_install_is_done_once_and_only_for_a_rule_lemmatizer() -> None:
    stock = load_stock("en_core_web_sm")
    assert install(stock) and not install(stock)
    stock.remove_pipe("lemmatizer")
    assert not install(stock)


def test_a_verb_with_a_hyphenated_prefix_is_one_word_read_by_its_stem() -> None:
    # the stock tokenizer cuts at the hyphen, and "re" becomes the sentence's subject
    doc = load_model("en_core_web_sm")("The rebels re-took the town, and two battalions were "
                                       "re-deployed to the coast.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["re-took"] == "re-take"
    assert lemmas["re-deployed"] == "re-deploy"
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["rebels"]

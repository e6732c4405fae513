"""The one rule-based sentence splitter (used where there is no parse: spam, the ledger)."""

from __future__ import annotations

from sitrep.sentences import sentence_around, split_sentences


def test_sentences_end_at_a_stop_before_a_capital_and_at_line_breaks() -> None:
    text = "Convoys left at 5 p.m. on Monday. They reached No. 3 camp! \"Go,\" he said.\nNext line"
    got = [text[s:e].strip() for s, e in split_sentences(text)]
    assert got == ["Convoys left at 5 p.m. on Monday.", "They reached No. 3 camp!",
                   "\"Go,\" he said.", "Next line"]


def test_a_part_of_the_text_is_split_in_text_coordinates() -> None:
    text = "First one here. Second one there. Third."
    start = text.index("Second")
    assert split_sentences(text, start) == [(start, text.index("Third")), (text.index("Third"),
                                                                           len(text))]


def test_the_sentence_around_a_figure_is_the_one_holding_it() -> None:
    raw = "Shelling went on. The ministry said 180 troops were lost in the past day. More later."
    at = raw.index("180")
    assert sentence_around(raw, at, at + 3).strip() == (
        "The ministry said 180 troops were lost in the past day.")

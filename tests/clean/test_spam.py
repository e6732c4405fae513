from __future__ import annotations

from sitrep.clean.spam import find_keywords, find_spam_sentences, remove_spam

SPUN = (
    "Engineers began repairs on the damaged Dutch Roofing Company to stop rain reaching the "
    "wards. The Dutch Roofing Company-designed shelters arrived on Friday.\n"
    "Aid came from Poland, Dutch Roofing Company Austria and Hungary.\n"
    "If you have any questions regarding where and how to use Dutch Roofing Company, you can "
    "contact us at our own web site. Volunteers stayed through the night.\n"
)


def test_spam_sentence_with_calls_to_action_is_cut() -> None:
    out, _, cuts = remove_spam(SPUN)
    assert "contact us" not in out and "web site" not in out
    assert "Volunteers stayed through the night." in out
    assert cuts


def test_stuffed_keyword_gives_back_the_word_it_replaced() -> None:
    out, _, _ = remove_spam(SPUN)
    assert "Dutch Roofing Company" not in out
    assert "the damaged roofing to stop rain" in out
    assert "The Dutch-designed shelters" in out
    assert "Poland, Austria and Hungary" in out


def test_cut_text_maps_back_to_the_spun_text() -> None:
    out, omap, _ = remove_spam(SPUN)
    at = out.index("Poland, Austria")
    s, e = omap.to_source(at, at + len("Poland, Austria"))
    assert SPUN[s:e] == "Poland, Dutch Roofing Company Austria"


def test_another_keyword_without_a_spam_sentence_is_found() -> None:
    text = (
        "Shelling hit the old Harbor Payday Loans on Monday. Residents left the Harbor Payday "
        "Loans-run district, Harbor Payday Loans the mayor said, as fires spread.\n"
    )
    assert find_keywords(text, []) == ["Harbor Payday Loans"]


def test_names_that_recur_in_news_are_not_taken_for_spam() -> None:
    text = (
        "The Pacific Fleet sent two frigates north. Vladimir Putin said the Pacific Fleet would "
        "stay on alert. Officials of the Wagner Group denied it, and Vladimir Putin spoke again "
        "on Tuesday. The Black Sea Fleet, the Pacific Fleet and the Northern Fleet held drills.\n"
        "For more on the drills, the ministry said, see the statement published on Tuesday.\n"
    )
    out, _, cuts = remove_spam(text)
    assert out == text and cuts == []
    assert find_spam_sentences(text) == []


def test_seed_004_loses_its_injected_phrase_and_spam_sentence(seed) -> None:
    doc = seed("004")
    text = doc.clean_text
    assert "Turkish Law Firm" not in text
    assert "martial law to stop men" in text
    assert "Turkish-made Bayraktar drones" in text
    assert "e mail us" not in text and "internet site" not in text
    assert len(doc.flags.spam_spans) >= 4
    for ev in doc.flags.spam_spans:
        assert doc.raw_text[ev.start:ev.end] == ev.text

from __future__ import annotations

from sitrep.clean.gaps import find_gaps


def test_words_lost_with_stripped_links_are_found() -> None:
    text = "Columns were seen moving toward . Towns such as , , Kharkiv and Sumy were shelled."
    found = [text[s:e] for s, e in find_gaps(text)]
    assert found == ["toward .", "as , ,"]


def test_ordinary_punctuation_numbers_and_ellipses_are_not_gaps() -> None:
    text = "Losses rose 3.5 percent, officials said. Then ... silence; and at 9 a.m. a convoy left."
    assert find_gaps(text) == []


def test_seed_004_gaps_are_flagged_with_raw_evidence(seed) -> None:
    doc = seed("004")
    texts = [g.text for g in doc.flags.gaps]
    assert "to ." in texts and any(", ," in t for t in texts)
    for g in doc.flags.gaps:
        assert doc.raw_text[g.start:g.end] == g.text

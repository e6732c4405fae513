"""Mojibake (UTF-8 read with the wrong codec) is repaired, and every repair maps back to raw."""

from __future__ import annotations

import re

import sitrep
from sitrep.clean.mojibake import repair_mojibake

# written for these tests: UTF-8 punctuation and letters read back as Windows-1252
GARBLED = ("The ministry said its units donâ€™t plan to leave KyÃ¯v.\n\n"
           "â€œWe will not give up a single street,â€\x9d said Oleh Synehubov, "
           "the regionâ€™s governor.\n")


def test_garbled_punctuation_and_letters_are_repaired() -> None:
    text, _, repaired = repair_mojibake(GARBLED)
    assert "don’t" in text and "Kyïv" in text and "region’s" in text
    assert "“We will not give up a single street,” said" in text
    assert "â" not in text and "Ã" not in text
    assert repaired == 5


def test_each_repaired_word_maps_to_its_garbled_raw_word() -> None:
    text, omap, _ = repair_mojibake(GARBLED)
    pairs = {"don’t": "donâ€™t", "Kyïv": "KyÃ¯v", "region’s": "regionâ€™s",
             "“We": "â€œWe", "street,”": "street,â€\x9d"}
    for fixed, raw in pairs.items():
        i = text.index(fixed)
        s, e = omap.to_source(i, i + len(fixed))
        assert GARBLED[s:e] == raw


def test_text_in_its_own_right_is_left_alone() -> None:
    for text in ("Zelensky met the mayor at a café in Lviv.",
                 "Москва заявила о переброске войск.",  # Russian, not mojibake
                 "Rսssian troops moved north.",  # a lookalike letter is the fold's job
                 "Plain ASCII text only."):
        out, omap, repaired = repair_mojibake(text)
        assert (out, repaired) == (text, 0)
        assert omap.to_source(0, len(out)) == (0, len(text))


def test_a_garbled_line_beside_a_clean_one_keeps_the_clean_one_exact() -> None:
    raw = "Troops crossed near Kupiansk.\nThe governorâ€™s office confirmed it.\n"
    text, omap, _ = repair_mojibake(raw)
    assert text == "Troops crossed near Kupiansk.\nThe governor’s office confirmed it.\n"
    i = text.index("office confirmed")
    assert omap.to_source(i, i + 16) == (raw.index("office"), raw.index("office") + 16)


def test_the_clean_step_repairs_and_counts_and_words_map_to_raw(clean) -> None:
    doc = clean(GARBLED)
    assert "Kyïv" in doc.clean_text and "don’t" in doc.clean_text
    assert doc.flags.mojibake_repaired == 5
    for m in re.finditer(r"\S+", doc.clean_text):
        ev = doc.evidence(m.start(), m.end())
        assert doc.raw_text[ev.start:ev.end] == ev.text
        assert repair_mojibake(ev.text)[0] == m.group()  # the raw word, repaired


def test_facts_read_from_a_garbled_article_keep_raw_evidence() -> None:
    doc = sitrep.process("Russian tanks moved toward Kharkiv on Monday, the Pentagon said.\n\n"
                         + GARBLED)
    quote = next(q for q in doc.quotes if q.speaker == "Oleh Synehubov")
    assert quote.text == "We will not give up a single street"
    for fact in doc.facts:
        ev = fact.evidence
        assert doc.raw_text[ev.start:ev.end] == ev.text


def test_cyrillic_read_as_windows_1252_or_1251_is_repaired() -> None:
    for garbled in ("Ð¢Ð°Ð½ÐºÐ¸ near the border", "РўР°РЅРєРё near the border"):
        text, _, repaired = repair_mojibake(garbled)
        assert (text, repaired) == ("Танки near the border", 1)

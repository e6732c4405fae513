from __future__ import annotations

import re
import unicodedata

from sitrep.clean.homoglyphs import fold_homoglyphs


def test_lookalikes_from_many_scripts_fold_inside_english_words() -> None:
    # Cyrillic а/е/о, Greek ο/ν, Armenian ս, Cherokee Ꭺ, small capital ᴛ, Roman numeral ⅿ
    raw = "Тhе cοnvοy ᴛravelled tο Ꭺleppo with fսel, ⅿortars and ѕupplies νia the cοast."
    out, _, n = fold_homoglyphs(raw)
    assert out == "The convoy travelled to Aleppo with fuel, mortars and supplies via the coast."
    assert n == 12


def test_letters_the_unicode_table_misses_still_fold() -> None:
    out, _, _ = fold_homoglyphs("Тhe ʀebels tooҝ the bridge and ᴍoved oп")
    assert out == "The rebels took the bridge and moved on"


def test_ukrainian_russian_and_greek_sentences_pass_unchanged() -> None:
    for raw in (
        "Збройні сили України відбили атаку біля Харкова.",
        "Министерство обороны сообщило о перемещении войск.",
        "Ο στρατός ανακοίνωσε νέα άσκηση στο Αιγαίο.",
    ):
        out, _, n = fold_homoglyphs(raw)
        assert out == raw and n == 0


def test_accented_latin_names_pass_unchanged() -> None:
    raw = "Zelenskyy met officials in Kyiv, then a café in Dnipró, Zürich and São Paulo."
    out, _, n = fold_homoglyphs(raw)
    assert out == raw and n == 0


def test_a_short_word_wholly_of_lookalikes_folds_among_english_words() -> None:
    out, _, _ = fold_homoglyphs("The report was written Ьу analysts at а think tank.")
    assert out == "The report was written by analysts at a think tank."


def test_folded_letters_map_back_to_the_raw_letters() -> None:
    raw = "Tаnks moved to Kherѕon."
    out, omap, _ = fold_homoglyphs(raw)
    start = out.index("Kherson")
    s, e = omap.to_source(start, start + len("Kherson"))
    assert raw[s:e] == "Kherѕon"


def test_invisible_characters_inside_words_are_dropped() -> None:
    out, omap, _ = fold_homoglyphs("art\u200billery fire")
    assert out == "artillery fire"
    assert omap.to_source(0, 9) == (0, 10)


def test_seed_004_has_no_foreign_letter_inside_english_words(seed) -> None:
    doc = seed("004")
    for word in re.findall(r"[^\W\d_]+", doc.clean_text):
        assert all(c.isascii() or unicodedata.normalize("NFD", c)[0].isascii() for c in word), word
    assert doc.flags.homoglyphs_folded > 100

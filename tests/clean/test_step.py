from __future__ import annotations

import re

from sitrep.clean.homoglyphs import load_table


def fold_chars(text: str) -> str:
    table = load_table()
    return "".join(table.get(c, c) for c in text)


def test_every_clean_word_maps_to_its_raw_word(seed) -> None:
    for prefix in ("000", "001", "004"):
        doc = seed(prefix)
        for m in re.finditer(r"[A-Za-z]+", doc.clean_text):
            ev = doc.evidence(m.start(), m.end())
            assert doc.raw_text[ev.start:ev.end] == ev.text
            # the raw word, once its lookalikes are folded, is the clean word (or holds it,
            # where a stuffed phrase gave back the word it had replaced)
            assert m.group().lower() in fold_chars(ev.text).lower(), (m.group(), ev.text)


def test_raw_text_never_changes_and_paragraphs_are_blank_line_separated(seed) -> None:
    doc = seed("004")
    assert "Rսssian" in doc.raw_text
    assert "\n\n" in doc.clean_text and "\n\n\n" not in doc.clean_text
    assert "fighting. Some" in doc.clean_text  # a sentence glued to the next is split


def test_flags_say_what_was_done(seed) -> None:
    spun, plain = seed("004"), seed("000")
    assert spun.flags.homoglyphs_folded > 0 and spun.flags.spam_spans and spun.flags.gaps
    assert 0.0 <= spun.flags.integrity < plain.flags.integrity <= 1.0
    assert plain.flags.boilerplate_chars > 0


def test_plain_text_without_noise_passes_unchanged(clean) -> None:
    raw = "Convoys moved north on Monday.\n\nThe ministry confirmed it on Tuesday.\n"
    doc = clean(raw)
    assert doc.clean_text == raw.strip()
    assert doc.flags.integrity == 1.0

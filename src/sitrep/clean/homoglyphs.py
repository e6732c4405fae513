"""Lookalike letters: fold letters of other scripts that sit inside Latin-script words.

Spun copies swap single letters for lookalikes from Cyrillic, Greek, Armenian, Cherokee, small
capitals or Roman numerals so that copy detectors miss them. The table is derived from UTS #39
(`data/confusables.txt`, built by scripts/build_confusables.py) plus a small supplement of
lookalikes that the table leaves out. Words wholly in another script stay, unless they stand
alone among English words and every letter of them is a lookalike ("Ьү" for "by").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from sitrep.offsets import OffsetMap, TextBuilder

# lookalikes that UTS #39 does not map to a Latin letter (small capitals, some Cyrillic)
SUPPLEMENT = {
    "ᴀ": "a", "ʙ": "b", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ᴊ": "j", "ʟ": "l",
    "ᴍ": "m", "ɴ": "n", "ᴘ": "p", "ꞯ": "q", "ʀ": "r", "ᴛ": "t", "ƅ": "b", "Ɍ": "R", "Ԁ": "D",
    "ҝ": "k", "т": "t", "н": "h", "м": "m", "п": "n", "ь": "b", "ߋ": "o", "ᥙ": "u", "᧐": "o",
    "Ꮟ": "b", "Ꮃ": "W",
}
# characters that are neither letters nor separators inside a word: dropped by the fold
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_WORD = re.compile(r"[^\W_]+(?:[\u200b\u200c\u200d\u2060\ufeff\u00ad][^\W_]+)*")
# a line is English-like when this share of its words hold ASCII letters
LATIN_LINE_SHARE = 0.6


@cache
def load_table() -> dict[str, str]:
    """The lookalike table: one character to the Latin letter(s) it imitates (loaded once)."""
    text = resources.files("sitrep.clean").joinpath("data/confusables.txt").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, latin = line.split("\t")
            table[chr(int(code, 16))] = latin
    table.update(SUPPLEMENT)
    return table


def has_ascii_letter(word: str) -> bool:
    """True when the word has at least one a-z or A-Z."""
    return any("a" <= c <= "z" or "A" <= c <= "Z" for c in word)


def is_latin_letter(ch: str) -> bool:
    """ASCII and accented Latin letters (é, ó) - never folded."""
    base = unicodedata.normalize("NFD", ch)[0]
    return "a" <= base <= "z" or "A" <= base <= "Z"


def fold_char(ch: str, table: dict[str, str]) -> str | None:
    """The Latin letters a lookalike stands for, or None for a letter to keep."""
    if ch.isascii() or is_latin_letter(ch):
        return None
    return table.get(ch)


def should_fold_word(word: str, latin_line: bool, table: dict[str, str]) -> bool:
    """Mixed-script words fold; a wholly foreign word folds only inside English text."""
    if has_ascii_letter(word):
        return True
    if not latin_line:
        return False
    letters = [c for c in word if c not in INVISIBLE]
    return bool(letters) and all(fold_char(c, table) for c in letters) and len(letters) <= 4


def is_latin_line(words: list[str]) -> bool:
    """Most words of the line are written with Latin letters."""
    if not words:
        return True
    latin = sum(1 for w in words if has_ascii_letter(w))
    return latin / len(words) >= LATIN_LINE_SHARE


def match_case(latin: str, ch: str, word: str, i: int) -> str:
    """Keep the look of the word: an uncased lookalike inside a lower-case word is lower case."""
    if i > 0 and latin.isupper() and not ch.isupper() and word[i - 1].islower():
        return latin.lower()
    return latin


@cache
def foldable_pattern() -> re.Pattern[str]:
    """One character class of every lookalike and invisible character (built once)."""
    chars = "".join(sorted(c for c in load_table() if not c.isascii() and ord(c) < 0x10000))
    # characters past the BMP are matched as a range and checked one by one: a class holding
    # them would be compiled into a slow list instead of a bitmap
    return re.compile("[" + re.escape(chars + "".join(INVISIBLE)) + "\U00010000-\U0010ffff]")


def word_around(text: str, pos: int) -> tuple[int, int]:
    """The word (letters, digits, marks, invisible characters) that holds text[pos]."""
    start, end = pos, pos + 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in INVISIBLE
                         or unicodedata.category(text[start - 1]).startswith("M")):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in INVISIBLE
                               or unicodedata.category(text[end]).startswith("M")):
        end += 1
    return start, end


def line_around(text: str, pos: int) -> tuple[int, int]:
    """The line that holds text[pos]."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def fold_homoglyphs(text: str) -> tuple[str, OffsetMap, int]:
    """Fold lookalike letters and drop invisible characters inside words.

    Returns the new text, its map back to `text`, and how many letters were folded.
    Only the few lookalike characters are visited, so plain English text costs one scan.
    """
    table = load_table()
    if text.isascii():
        return text, OffsetMap.identity(len(text)), 0
    b = TextBuilder(text)
    folded = 0
    pos = 0
    done_until = 0  # the end of the last word already handled
    latin_lines: dict[int, bool] = {}
    for m in foldable_pattern().finditer(text):
        if m.start() < done_until:
            continue
        ws, we = word_around(text, m.start())
        done_until = we
        word = text[ws:we]
        latin_line = True
        if not has_ascii_letter(word):
            ls, le = line_around(text, ws)
            if ls not in latin_lines:
                latin_lines[ls] = is_latin_line(_WORD.findall(text, ls, le))
            latin_line = latin_lines[ls]
        if not should_fold_word(word, latin_line, table):
            continue
        for i, ch in enumerate(word):
            at = ws + i
            if ch in INVISIBLE:
                b.copy(pos, at)
                pos = at + 1
                continue
            latin = fold_char(ch, table)
            if latin is None:
                continue
            b.copy(pos, at)
            b.replace(at, at + 1, match_case(latin, ch, word, i))
            pos = at + 1
            folded += 1
    b.copy(pos, len(text))
    out, omap = b.build()
    return out, omap, folded

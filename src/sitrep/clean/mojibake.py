"""Mojibake: UTF-8 text that was once decoded with the wrong codec ("donâ€™t", "KyÃ¯v").

ftfy decides what is mojibake and what it stood for, one line at a time (as its own `fix_text`
does); only its encoding repair is used, so quotes, ligatures and widths stay as written. Each
repaired line is lined up with the original (difflib) so that every repaired character maps
back to the exact characters it was read from.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import ftfy

from sitrep.offsets import OffsetMap, TextBuilder

# A UTF-8 lead byte followed by a continuation byte, as Latin-1, Windows-1252 or Windows-1251
# show them ("Ã¯", "â€™", "Ð¢", "Ð\x9f", "Ñ€", "РџС"): a line without such a pair holds no mojibake
# of theirs, and ftfy's own test is too slow to run on every line with a curly quote or a
# lookalike letter in it.
_LEAD = "\u00c2-\u00f4\u0412-\u0444"
_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                 "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2116"
                 "\u2122\u0400-\u040f\u0450-\u045f\u0490\u0491")
_GARBLED_PAIR = re.compile(f"[{_LEAD}][{_CONTINUATION}]")


def repair_line(line: str) -> str:
    """The line with its mojibake undone (the same string when there is none)."""
    return ftfy.fix_encoding(line) if _GARBLED_PAIR.search(line) else line


def copy_repaired(b: TextBuilder, start: int, line: str, fixed: str) -> int:
    """Append `fixed` to `b` as a repair of `line` (at `start` in the source); return how many
    runs of characters were repaired."""
    repaired = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes():
        if op == "equal":
            b.copy(start + i1, start + i2)
        else:  # the repaired run stands for the whole garbled run (a deleted run adds nothing)
            b.replace(start + i1, start + i2, fixed[j1:j2])
            repaired += 1
    return repaired


def repair_mojibake(text: str) -> tuple[str, OffsetMap, int]:
    """Undo mojibake line by line.

    Returns the new text, its map back to `text`, and how many garbled runs were repaired.
    Plain ASCII text costs one scan.
    """
    if text.isascii():
        return text, OffsetMap.identity(len(text)), 0
    b = TextBuilder(text)
    repaired = 0
    start = 0
    for line in text.splitlines(keepends=True):
        fixed = line if line.isascii() else repair_line(line)
        if fixed == line:
            b.copy(start, start + len(line))
        else:
            repaired += copy_repaired(b, start, line, fixed)
        start += len(line)
    out, omap = b.build()
    return out, omap, repaired

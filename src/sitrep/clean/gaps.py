"""Gaps: places where words are missing because links were stripped from the page.

"could be on their way to ." and "cities like , , Odessa" lost the linked names. A word followed
by a space and then a comma or full stop, or an empty list item, marks such a gap.
"""

from __future__ import annotations

import re

# spaces, then , . ; or : that does not start a number or an ellipsis, after a word
_GAP = re.compile(r"[ \t\u00a0]+[,.;:](?![\d.])")
_WORD_BEFORE = re.compile(r"[^\W\d_][\w’']*$")
_EMPTY_ITEM = re.compile(r",[ \t\u00a0]*,")


def find_gaps(text: str) -> list[tuple[int, int]]:
    """Spans around missing words, in text order."""
    spans = []
    for m in _GAP.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if word:
            spans.append((word.start(), m.end()))
    spans += [m.span() for m in _EMPTY_ITEM.finditer(text)]
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out

"""The article body: kept lines joined as paragraphs, with spacing made regular."""

from __future__ import annotations

import re
from bisect import bisect_left

from sitrep.clean.lines import Line
from sitrep.offsets import OffsetMap, TextBuilder

_SPACES = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACE = re.compile(rf"[ {_SPACES}]{{2,}}|[{_SPACES}]")
# "the fighting.Some units": a sentence glued to the next where a line break was lost
# (not after a quote mark: "said X.’There" may open a quote with the wrong mark)
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
PARAGRAPH_BREAK = "\n\n"


def find_edits(text: str) -> list[tuple[int, int]]:
    """Spans to write as one space: odd or repeated spaces, and the seam of glued sentences."""
    edits = [m.span() for m in _ODD_SPACE.finditer(text)]
    edits += [(m.start(), m.start()) for m in _GLUED.finditer(text)]
    return sorted(edits)


def copy_line(b: TextBuilder, start: int, end: int, edits: list[tuple[int, int]]) -> None:
    """Copy source[start:end], writing each edit span inside it as one space."""
    pos = start
    for s, e in edits[bisect_left(edits, (start, start)):]:
        if s >= end:
            break
        e = min(e, end)
        b.copy(pos, s)
        b.replace(s, e, " ")
        pos = e
    b.copy(pos, end)


def assemble_body(text: str, lines: list[Line], keep: list[bool]) -> tuple[str, OffsetMap]:
    """The kept lines as paragraphs separated by a blank line, and the map back to `text`."""
    b = TextBuilder(text)
    edits = find_edits(text)
    prev_end: int | None = None
    for line, kept in zip(lines, keep, strict=True):
        if not kept:
            continue
        if prev_end is not None:
            gap = re.match(r"\s*", text[prev_end:line.start]).end()  # type: ignore[union-attr]
            b.replace(prev_end, prev_end + gap, PARAGRAPH_BREAK)
        copy_line(b, line.start, line.end, edits)
        prev_end = line.end
    return b.build()

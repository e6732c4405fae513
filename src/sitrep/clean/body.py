"""The article body: kept lines joined as paragraphs, with spacing made regular."""

from __future__ import annotations

import re

from sitrep.clean.lines import Line
from sitrep.offsets import OffsetMap, TextBuilder

_SPACES = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACE = re.compile(rf"[ {_SPACES}]{{2,}}|[{_SPACES}]")
# "the fighting.Some units": a sentence glued to the next where a line break was lost
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][”\"’])(?=[A-Z][a-z])")
PARAGRAPH_BREAK = "\n\n"


def copy_line(b: TextBuilder, text: str, start: int, end: int) -> None:
    """Copy text[start:end] with odd or repeated spaces as one space and glued sentences split."""
    edits = [(m.start(), m.end(), " ") for m in _ODD_SPACE.finditer(text, start, end)]
    edits += [(m.start(), m.start(), " ") for m in _GLUED.finditer(text, start, end)]
    pos = start
    for s, e, rep in sorted(edits):
        b.copy(pos, s)
        b.replace(s, e, rep)
        pos = e
    b.copy(pos, end)


def assemble_body(text: str, lines: list[Line], keep: list[bool]) -> tuple[str, OffsetMap]:
    """The kept lines as paragraphs separated by a blank line, and the map back to `text`."""
    b = TextBuilder(text)
    prev_end: int | None = None
    for line, kept in zip(lines, keep, strict=True):
        if not kept:
            continue
        if prev_end is not None:
            gap = re.match(r"\s*", text[prev_end:line.start]).end()  # type: ignore[union-attr]
            b.replace(prev_end, prev_end + gap, PARAGRAPH_BREAK)
        copy_line(b, text, line.start, line.end)
        prev_end = line.end
    return b.build()

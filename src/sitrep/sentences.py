"""Rough sentence spans of plain text, for the places that work before or without the parse:
spam sentences in the clean stage, and the sentence of a stored figure in its raw text.

A sentence ends at a line break, or at . ! ? (and a closing quote) followed by space and a
capital letter, so "5 p.m. on Monday" and "No. 3" do not end one.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"”’']?\s+(?=[\"“‘']?[A-Z])")
_LINE = re.compile(r"[^\n]+")
REACH = 600  # how far `sentence_around` looks either side: longer "sentences" are not prose


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentence spans of text[start:end], in text coordinates (trailing space included)."""
    spans = []
    for line in _LINE.finditer(text, start, len(text) if end is None else end):
        begin = line.start()
        for m in _END.finditer(text, line.start(), line.end()):
            spans.append((begin, m.end()))
            begin = m.end()
        spans.append((begin, line.end()))
    return spans


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of `text` that hold [start, end)."""
    spans = split_sentences(text, max(0, start - REACH), min(len(text), end + REACH))
    inside = [(s, e) for s, e in spans if s < max(end, start + 1) and e > start]
    if not inside:
        return text[start:end]
    return text[inside[0][0]:inside[-1][1]]

"""The passage of a document that a full-text search matched, with where each searched word is.

Full-text search finds documents; a result list also has to show why each was found. The
passage is cut around the first place a searched word stands (whole words, any case; a word
with an ending the English stemmer would drop, "convoys" for "convoy", counts too), and the
offsets of every searched word inside it are given so a page can mark them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PASSAGE_CHARS = 240
_TERM = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_ENDINGS = ("ing", "es", "ed", "s")


@dataclass(frozen=True, slots=True)
class Passage:
    text: str
    start: int  # where it begins in the whole text
    marks: list[tuple[int, int]]  # the searched words, as offsets into `text`


def stem(term: str) -> str:
    """The searched word without an ending a stemmer would drop (kept when that leaves little)."""
    for end in _ENDINGS:
        if term.endswith(end) and len(term) - len(end) >= 3:
            return term[: -len(end)]
    return term


def search_pattern(query: str) -> re.Pattern[str] | None:
    """Any of the query's words as a whole word, with or without an ending; None: no words."""
    terms = sorted({stem(t.lower()) for t in _TERM.findall(query)}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, terms)) + r")[^\W_]*",
                      re.IGNORECASE)


def word_edge(text: str, at: int, forward: bool) -> int:
    """`at` moved to the nearest space in the given direction (a few words at most)."""
    step = 1 if forward else -1
    for _ in range(30):
        if at <= 0 or at >= len(text) or text[at].isspace():
            break
        at += step
    return max(0, min(len(text), at))


def passage(text: str, pattern: re.Pattern[str] | None,
            chars: int = PASSAGE_CHARS) -> Passage:
    """The `chars` around the first match (a third before it), else the text's beginning."""
    first = pattern.search(text) if pattern is not None else None
    if pattern is None or first is None:
        return Passage(text[:chars], 0, [])
    start = word_edge(text, max(0, first.start() - chars // 3), forward=False)
    end = word_edge(text, min(len(text), start + chars), forward=True)
    if start > 0 and text[start].isspace():
        start += 1
    marks = [(m.start() - start, m.end() - start) for m in pattern.finditer(text, start, end)]
    return Passage(text[start:end], start, marks)

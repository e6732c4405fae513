"""Lines of a plain text and the features that tell article lines from page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_WORDS = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_FINAL_PUNCT = re.compile(r"[.!?…:;”\"’')\]]\s*$")
_TEASER_END = re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
STOPWORDS = word_set(
    "a an the and or but of to in on at by for with from into onto over under as is are was "
    "were be been being has have had do does did it its this that these those he she they "
    "we you i his her their our your my not no so if then than there here who whom which "
    "what when where why how all any some more most other such only own same too very can "
    "will just should now also said says say after before while about up down out off again "
    "further once"
)


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line: its span in the text (stripped) and its text."""

    start: int
    end: int
    text: str
    blank_before: bool  # an empty line (or the start of the text) comes before it


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of a text, stripped of surrounding whitespace."""
    out: list[Line] = []
    blank = True
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


def words_of(text: str) -> list[str]:
    """Word tokens (letters and digits, with inner apostrophes, dots and hyphens)."""
    return _WORDS.findall(text)


def ends_sentence(text: str) -> bool:
    """The line ends with sentence punctuation (or a closing quote)."""
    return bool(_FINAL_PUNCT.search(text))


def is_teaser(text: str) -> bool:
    """A cut-off teaser of another article: it ends in an ellipsis."""
    return bool(_TEASER_END.search(text))


def title_case_share(words: list[str]) -> float:
    """Share of the non-stopwords that start with a capital letter."""
    content = [w for w in words if w.lower() not in STOPWORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


def is_headline_like(text: str) -> bool:
    """Short, without final punctuation: a title, a sub-heading or a link to another story."""
    words = words_of(text)
    return 0 < len(words) <= 24 and not ends_sentence(text.rstrip("?!"))


def is_sentence_like(text: str) -> bool:
    """A line of running prose: enough words, mostly lower case."""
    words = words_of(text)
    return len(words) >= 8 and title_case_share(words) < 0.6


def content_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more that are not stopwords."""
    return {w.lower() for w in words_of(text) if len(w) >= 4 and w.lower() not in STOPWORDS}

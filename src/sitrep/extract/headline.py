"""Whether a line is a title or caption, for the movement and claim extractors."""

from __future__ import annotations


def is_title_line(text: str, pos: int) -> bool:
    """Whether the line of `text` holding `pos` is a title or caption: its last two characters
    hold no full stop, exclamation or closing quote ("….)" ends a sentence; a headline may ask
    a question). The extractors' one headline test; `clean.lines.is_headline_like` judges a line
    alone."""
    end = text.find("\n", pos)
    line = text[text.rfind("\n", 0, pos) + 1:end if end >= 0 else len(text)].rstrip()
    return bool(line) and not any(c in line[-2:] for c in ".!\"”’'")

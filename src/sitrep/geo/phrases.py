"""Feature names written in lower case: "the line of control", "the blue line", "the oskil river".

The capitalised-run lookup (`recognize.find_candidates`) finds every name of the index written
as a name. Lines, corridors and water bodies also appear in lower case, where a run lookup
cannot look; the multi-word names of the curated features (`data/features.tsv`) are matched in
any case with one Aho-Corasick automaton (pyahocorasick) over the lower-cased text. A match
that is not written as a name is kept only when the document is about the feature's country
or a neighbour of it (`Candidate.focus`), so "a blue line on the chart" stays out of a
business story.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick

from sitrep.geo.gazetteer import DATA, Gazetteer, read_tsv, split_aliases
from sitrep.geo.names import place_key
from sitrep.geo.recognize import Candidate

# kinds whose names are written in lower case often enough to look for
LOWER_CASE_KINDS = {"line", "corridor", "river", "strait", "canal", "sea", "gulf", "bay"}


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    """Lower-cased multi-word feature names of one country, each to (its length, its key)."""
    auto = ahocorasick.Automaton()
    for row in read_tsv(DATA / "features.tsv"):
        name, aliases, kind, cc = row[:4]
        if kind not in LOWER_CASE_KINDS or not cc:
            continue  # a sea of no one country has no country to check the document against
        for n in (name, *split_aliases(aliases)):
            if " " in n:
                auto.add_word(n.lower(), (len(n.lower()), place_key(n)))
    auto.make_automaton()
    return auto


def lower_case(text: str) -> str:
    """The text in lower case, letter for letter (offsets unchanged)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(
        c.lower() if len(c.lower()) == 1 else c for c in text)


def is_word_edge(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum())


def find_feature_phrases(text: str, gaz: Gazetteer, taken: list[Candidate]) -> list[Candidate]:
    """Lower-case mentions of lines and water bodies that no candidate already covers."""
    found: list[tuple[int, int, str]] = []
    for last, (length, key) in automaton().iter(lower_case(text)):
        start, end = last + 1 - length, last + 1
        if is_word_edge(text, start, end):
            found.append((start, end, key))
    if not found:
        return []
    hits = gaz.lookup({k for _, _, k in found})
    out: list[Candidate] = []
    for start, end, key in sorted(found, key=lambda f: (f[0], -f[1])):
        entries = [e for e in hits.get(key, []) if e.source == "curated"]
        if not entries or any(c.start < end and start < c.end for c in [*taken, *out]):
            continue
        out.append(Candidate(start, end, text[start:end], key, entries,
                             len(text[start:end].split()), head_key=key, focus=True,
                             cue=True))
    return out


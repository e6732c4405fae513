"""Places no gazetteer lists, recognised by the words that introduce them.

Front-line villages, camps, border posts and small rivers are often missing from the index
(GeoNames' places of 500 people or more). The text still says what they are:
- a place noun before them: "the village of Robotyne", "the Ukrainian town of Pribyrsk";
- a lower-case place word after them: "the Urozhaine direction", "Zamzam camp",
  "the Essequibo region";
- a country or region after them: "Pribyrsk, Ukraine";
- a feature word in their name after "the": "the Cuyuni River", "the Pilanesburg Mountains";
- a word that introduces a place, when the parser also reads them as a place:
  "near Essequibo", "at Rathbeggan".
Each becomes an `Unlisted` with the countries the words name (a demonym, a qualifier), if any;
the geo step places it at the town or region the article names nearest to it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.names import is_acronym, place_key
from sitrep.geo.recognize import (
    DIRECTIONS,
    GENERIC,
    MONTHS,
    NEVER,
    ORG_HEADS,
    PLACE_LABELS,
    TITLES,
    Token,
    appositive_cue,
    demonym_countries,
    demonym_stems,
    find_person_words,
    has_cue,
    is_capitalised,
    is_strong,
    read_qualifier,
    site_phrase_after,
    spans_of,
    tokenize,
)
from sitrep.records import Entity

# "the village of X": the kind of place a noun makes of the name after "of". Kinds say what the
# words say (a village, a camp), not "city": the place stands at another place's point
NOUN_OF = {"village": "village", "villages": "village", "hamlet": "village",
           "town": "settlement", "towns": "settlement", "city": "settlement",
           "settlement": "settlement", "settlements": "settlement", "suburb": "settlement",
           "port": "settlement", "outskirts": "settlement", "township": "township",
           "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood", "camp": "camp",
           "island": "island", "region": "province", "province": "province",
           "oblast": "province", "governorate": "province", "district": "district"}
# "the X direction", "X camp": a lower-case word after the name; the mention keeps the word
# only where it is part of the place's name
AFTER = {"direction": "settlement", "directions": "settlement", "axis": "settlement",
         "area": "settlement", "areas": "settlement", "sector": "settlement",
         "sectors": "settlement", "outskirts": "settlement", "village": "village",
         "settlement": "settlement", "camp": "camp", "township": "township",
         "neighbourhood": "neighbourhood", "neighborhood": "neighbourhood",
         "region": "province", "province": "province", "oblast": "province",
         "governorate": "province", "district": "district"}
KEEPS_WORD = {"camp", "township", "neighbourhood", "neighborhood"}
# who a camp holds, written between its name and "camp" ("Zamzam displacement camp")
CAMP_KINDS = {"refugee", "refugees", "displacement", "displaced", "IDP", "IDPs", "transit"}
# "the Cuyuni River": a capitalised feature word ending the name, after "the" or a word that
# introduces a place
FEATURE_HEADS = {"River": "river", "Mountains": "mountains", "Valley": "valley",
                 "Lake": "lake", "Island": "island", "Islands": "islands",
                 "Peninsula": "peninsula", "Desert": "desert", "Strait": "strait",
                 "Shoal": "shoal", "Reef": "reef", "Atoll": "atoll", "Spit": "spit",
                 "Belt": "strait", "Sound": "strait", "Channel": "strait", "Bay": "bay",
                 "Gulf": "gulf", "Lagoon": "lagoon", "Canal": "canal", "Dam": "dam",
                 "Reservoir": "lake", "Pass": "pass", "Plateau": "plateau", "Hills": "hills",
                 "Heights": "hills", "Forest": "forest", "Corridor": "corridor"}
UNLISTED = "unlisted, at the place named nearest"  # how such a place got its point
PLACE_WORD = "place word"  # a small town the parser misread, kept for the place word after it
UNLISTED_RELATIVE = "unlisted, at the distance and bearing the text gives"
POSSESSIVE = ("'s", "’s")


@dataclass(slots=True)
class Unlisted:
    """A clean-text span naming a place the gazetteer lacks."""

    start: int
    end: int
    kind: str
    countries: list[Entry] = field(default_factory=list)  # what a demonym or qualifier names
    entries: list[Entry] = field(default_factory=list)  # the index's small towns of the name


def name_spans(text: str, tokens: list[Token],
               taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised runs (token ranges) that may name a place, longest first; none crosses a
    sentence's end or a place already found."""
    starts = [t.start for t in tokens]
    inside: set[int] = set()
    for s, e in taken:
        inside.update(range(bisect_left(starts, s), bisect_left(starts, e)))
    spans = []
    for i, j in spans_of(text):  # `tokens` are the text's own (`tokenize`)
        if not is_capitalised(tokens[i].text) or inside.intersection(range(i, j)):
            continue  # a lower-case direction opening a run ("eastern Siberia"), or a place
        if not any(sentence_break(text, tokens[k - 1], tokens[k]) for k in range(i + 1, j)):
            spans.append((i, j))
    return sorted(spans, key=lambda s: (s[0] - s[1], s[0]))


def sentence_break(text: str, a: Token, b: Token) -> bool:
    """". " between two words of a run ends a sentence unless it follows an abbreviation
    ("St. Petersburg")."""
    return text[a.end:b.start] == ". " and len(a.text) > 3


def is_plain_name(text: str, tokens: list[Token], i: int, j: int, person_words: set[str]) -> bool:
    """Whether a run can be a place's name: no acronym, title, month or person's name."""
    name = text[tokens[i].start:tokens[j - 1].end]
    if is_acronym(name) or place_key(name) in NEVER:
        return False
    words = [t.text for t in tokens[i:j]]
    if len(words) == 1 and words[0].lower() in MONTHS | TITLES | DIRECTIONS | GENERIC:
        return False
    if words[0].lower() in TITLES or any(w in person_words for w in words):
        return False
    if len(words) > 1 and words[-1].lower() in MONTHS:
        return False  # "Maroun al-Ras on Tuesday": the date is not part of the name
    if len(words) > 1 and words[-1].lower() in ORG_HEADS:
        return False  # "City Hall", "Gift of Life Network"
    return text[tokens[j - 1].end:tokens[j - 1].end + 2] not in POSSESSIVE


def noun_before(text: str, tokens: list[Token], i: int) -> str | None:
    """"the village of X", "the Ukrainian town of X": the kind the noun makes."""
    if i < 2 or tokens[i - 1].text != "of" or text[tokens[i - 1].end:tokens[i].start] != " ":
        return None
    return NOUN_OF.get(tokens[i - 2].text)


def word_after(text: str, tokens: list[Token], j: int) -> tuple[str, int] | None:
    """"X direction", "X refugee camp": the kind the lower-case word after the name makes and
    where the mention ends (the word's token index, or past it when the name keeps it)."""
    k = j
    while k < len(tokens) and k < j + 2 and (tokens[k].text in CAMP_KINDS or (
            is_capitalised(tokens[k].text) and tokens[k].text.endswith(("an", "ese", "i")))):
        k += 1  # "X Palestinian refugee camp", "X displacement camp"
    if k >= len(tokens) or text[tokens[k - 1].end:tokens[k].start] != " ":
        return None
    w = tokens[k].text
    if w not in AFTER:
        return None
    return AFTER[w], (k + 1 if w in KEEPS_WORD and k == j else j)


def entity_is_place(ents: list[Entity], start: int, end: int) -> bool:
    """Whether the parser reads exactly this span (or "the" and it) as a place."""
    return any(e.label in PLACE_LABELS and e.end == end and (
        e.start == start or (e.start == start - 4 and e.text[:4].lower() == "the "))
        for e in ents)


def is_side(word: str, ents: list[Entity]) -> bool:
    """"Houthi", "Afghan": a word the parser reads as a people, with a demonym's ending."""
    return any(e.label == "NORP" and e.text == word and word.endswith(("an", "ese", "ish", "i"))
               for e in ents)


def not_a_place(ents: list[Entity], start: int, end: int) -> bool:
    """A name the parser reads as a person, a side or a thing (for a name with no place word
    around it, only a cue word and the parser's reading say it is a place)."""
    return any(e.label not in PLACE_LABELS and e.start < end and start < e.end for e in ents)


def find_unlisted(text: str, entities: list[Entity], gaz: Gazetteer,
                  taken: list[tuple[int, int]]) -> list[Unlisted]:
    """Places the gazetteer lacks, introduced by a place word; `taken`: spans already places.
    A name the gazetteer holds (its entries left out by resolution: "Zamzam camp" in Sudan is
    no Zamzam of the index) counts only with a place word."""
    tokens = tokenize(text)
    place_ends = {e.end for e in entities if e.label in PLACE_LABELS}
    runs = [(i, j) for i, j in name_spans(text, tokens, taken)
            if tokens[j - 1].end in place_ends or has_place_word(text, tokens, i, j)]
    if not runs:
        return []
    known = gaz.lookup({place_key(text[tokens[i].start:tokens[j - 1].end]) for i, j in runs})
    person_words = find_person_words(entities)
    words = {tokens[k].text for i, j in runs for k in (i, j - 1)}
    countries = {k for k, es in gaz.lookup(
        {s for w in words for s in demonym_stems(w)}).items()
        if any(e.kind == "country" for e in es)}

    def demonym(word: str) -> bool:
        return bool(demonym_stems(word) & countries) or is_side(word, entities)

    out: list[Unlisted] = []
    used: set[int] = set()
    for i, j in runs:
        if used.intersection(range(i, j)):
            continue
        while j - i > 1 and demonym(tokens[j - 1].text):
            j -= 1  # "Ain al-Hilweh Palestinian refugee camp": the name ends before "Palestinian"
        if not is_plain_name(text, tokens, i, j, person_words) or demonym(tokens[i].text):
            continue
        key = place_key(text[tokens[i].start:tokens[j - 1].end])
        if key in known and is_strong(known[key], j - i):
            continue  # a country or a large town the resolver left out for a reason
        found = place_word(text, tokens, i, j, gaz)
        if found is None and key not in known:
            found = cue_and_parser(text, tokens, i, j, entities, gaz)
        if found is not None:
            found.entries = known.get(key, [])
            out.append(found)
            used.update(range(i, j))
    return sorted(out, key=lambda u: u.start)


def has_place_word(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """A quick look for the words `place_word` reads, before any lookup."""
    end = tokens[j - 1].end
    nxt = tokens[j].text if j < len(tokens) else ""
    return (i >= 2 and tokens[i - 1].text == "of" and tokens[i - 2].text in NOUN_OF) or \
        nxt in AFTER or nxt in CAMP_KINDS or nxt.endswith(("an", "ese", "i")) or \
        tokens[j - 1].text in FEATURE_HEADS or text.startswith((", ", " "), end) and (
            bool(site_phrase_after(text, end)) or appositive_cue(text, end))


def place_word(text: str, tokens: list[Token], i: int, j: int, gaz: Gazetteer) -> Unlisted | None:
    """A place the words around a name make: a noun before ("the town of X"), a lower-case
    word after ("the X direction"), a feature word ending it after "the" ("the X River")."""
    start, end = tokens[i].start, tokens[j - 1].end
    kind = noun_before(text, tokens, i)
    if kind is not None:
        demonym = tokens[i - 3].text if i >= 3 and is_capitalised(tokens[i - 3].text) else ""
        return Unlisted(start, end, kind, demonym_countries(demonym, gaz) if demonym else [])
    site_end = site_phrase_after(text, end)
    if site_end and tokens[j - 1].text != "Plant":
        return Unlisted(start, site_end, "facility")  # "the X training ground"
    after = word_after(text, tokens, j)
    if after is not None:
        return Unlisted(start, tokens[after[1] - 1].end if after[1] > j else end, after[0])
    head = tokens[j - 1].text
    if j - i >= 2 and head in FEATURE_HEADS and i > 0 and (
            tokens[i - 1].text.lower() == "the" or has_cue(text, tokens, i)):
        return Unlisted(start, end, FEATURE_HEADS[head])
    if appositive_cue(text, end):
        return Unlisted(start, end, "settlement")
    return None


def cue_and_parser(text: str, tokens: list[Token], i: int, j: int, ents: list[Entity],
                   gaz: Gazetteer) -> Unlisted | None:
    """A name the parser reads as a place, after a word that introduces one ("near X") or
    before its country ("X, Ukraine")."""
    start, end = tokens[i].start, tokens[j - 1].end
    if not entity_is_place(ents, start, end) or not_a_place(ents, start, end):
        return None
    qualifier = [e for e in read_qualifier(text, tokens, j, gaz) if e.kind == "country"]
    if qualifier:
        return Unlisted(start, end, "settlement", qualifier)
    if has_cue(text, tokens, i):
        return Unlisted(start, end, "settlement")
    return None

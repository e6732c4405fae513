"""Recognition: which spans of the clean text name places.

Candidates come from the gazetteer (every capitalised run of up to six words is looked up by
key, the longest match wins) and are then checked against the named entities and the words
around them, to drop demonyms, organisations ("CNN Brazil", "Taiwan News"), people, ship names,
common words that are also towns, and lower-case words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.names import is_acronym, lookup_keys, place_key, skeleton_key
from sitrep.records import Entity

# "Be'eri" is one word, "Japan's" is "Japan" and a possessive
WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’](?!(?:[sSdDmMtT]|ll|re|ve)\b)[^\W\d_]+)*")
# what may stand between two words of one name ("Nagorno-Karabakh", "St. Petersburg")
JOINERS = {" ", "-", ". ", "–"}
CONNECTORS = {"of", "the", "de", "del", "la", "le", "les", "al", "el", "and", "on", "upon",
              "am", "an", "der", "di", "da", "du", "des", "y", "en", "sur", "do", "dos", "ul",
              "bin", "ibn", "au", "aux",
              # the Arabic article as English spells it before a sun letter ("Deir ez-Zor",
              # "Jisr ash-Shughur", "Umm ar-Rasas")
              "ez", "es", "ed", "er", "ash", "ad", "ar", "az"}
# connectors that sit inside one name, never between two ("Deir ez-Zor", "Rio de Janeiro")
NAME_PARTICLES = {"al", "el", "ez", "es", "ed", "er", "ash", "ad", "ar", "az", "ul", "de", "del",
                  "la", "le", "di", "da", "du", "des", "bin", "ibn"}
DIRECTIONS = {"eastern", "western", "northern", "southern", "central", "north", "south", "east",
              "west", "northeastern", "northwestern", "southeastern", "southwestern"}
# words after a name that make it an area around the named place
AREA_WORDS = {"region", "regions", "oblast", "province", "prefecture", "state", "county",
              "district", "governorate", "krai", "territory", "republic"}
# words after a name that make the whole a facility at the named town ("Niamey airport")
FACILITY_WORDS = {"airfield", "airbase", "airport", "base", "port", "harbour", "harbor", "camp",
                  "station", "bridge", "crossing", "checkpoint"}
# words after a name that only point at the ground around the named place ("the Bakhmut
# direction", "the Bhimber sector"): the place is the name alone
AROUND_WORDS = {"area", "sector", "direction", "axis", "front", "outskirts", "areas", "sectors",
                "directions", "axes"}
SETTLEMENT_WORDS = {"city", "town", "village", "township"}
SITE_WORDS = FACILITY_WORDS | AROUND_WORDS | SETTLEMENT_WORDS
# words after a name that make the whole an organisation, a team or a title
ORG_HEADS = {"news", "times", "post", "airlines", "airways", "air", "bank", "university",
             "college", "fc", "united", "group", "telegraph", "herald", "journal", "daily",
             "tv", "radio", "council", "party", "institute", "review", "tribune", "gazette",
             "express", "independent", "today", "weekly", "magazine", "press", "mail", "sun",
             "observer", "guardian", "standard", "chronicle", "examiner", "inquirer", "police",
             "club", "company", "corp", "inc", "ltd", "agency", "foundation", "museum",
             "school", "hospital", "church", "cathedral", "stadium", "street", "avenue",
             "road", "boulevard", "lane", "drive", "way", "square", "bridge", "park", "hall",
             "centre", "center", "broadcasting", "network", "insider", "monitor", "world",
             "federation", "league", "cup", "open", "grand", "prix", "senators", "rangers",
             "ministry", "command", "fleet", "army", "navy", "forces", "guard", "brigade",
             "battalion", "division", "regiment", "corps"}
ORG_BEFORE = {"cnn", "bbc", "fox", "nbc", "cbs", "abc", "msnbc", "sky", "rt", "itv", "cbc",
              "voice", "radio", "university", "bank", "uss", "hms", "rfs", "ins", "hmcs",
              "hmas", "fs", "club", "team"}
SHIP_WORDS = {"cruiser", "warship", "flagship", "ship", "vessel", "frigate", "destroyer",
              "submarine", "carrier", "corvette", "tanker", "freighter", "boat", "yacht",
              "uss", "hms", "rfs", "ins", "hmcs", "hmas", "mv", "ms", "ss"}
NEVER = {"pentagon", "kremlin", "white house", "downing street", "whitehall", "elysee",
         "foggy bottom", "capitol", "state department"}
# words that are also the names of some region or town somewhere, but never alone in news
GENERIC = {"republic", "kingdom", "union", "federation", "state", "states", "city", "island",
           "islands", "region", "province", "coast", "valley", "river", "sea", "bay", "gulf",
           "ocean", "mountains", "maritime", "capital", "independence", "liberty", "victory",
           "national", "international", "centre", "center", "border", "frontier", "mainland",
           "interior", "highlands", "lowlands", "coastal", "southwest", "northwest",
           "southeast", "northeast", "midlands", "lake", "lakes", "hills", "plains", "peace",
           "hope", "unity", "progress", "freedom", "alliance", "commonwealth", "embassy"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday"}
TITLES = {"president", "general", "minister", "secretary", "governor", "mayor", "senator",
          "colonel", "captain", "major", "lieutenant", "admiral", "sergeant", "prince", "king",
          "queen", "lord", "sir", "mr", "mrs", "ms", "dr", "saint", "pope", "chief", "deputy"}
REPUBLIC = {"people", "peoples", "republics", "s"}
STRONG_KINDS = {"country", "continent", "admin1"}
DEMONYM_LABELS = {"NORP", "LANGUAGE"}  # "Russian", "an English city"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
STRONG_POPULATION = 100_000
SPELLING_RATIO = 0.6  # how alike two names must be to be spellings of one ("Zaporozhye")
AREA_KINDS = {"admin1", "admin2", "region"}


@dataclass(slots=True)
class Candidate:
    """A span of clean text that may name a place, with the gazetteer entries it may be."""

    start: int
    end: int
    text: str
    key: str
    entries: list[Entry]
    words: int
    label: str | None = None  # the NER label of an entity covering exactly this span
    strong: bool = False  # a country, region, curated feature, large city or NER place
    area: str | None = None  # "region", "oblast"... when the name is followed by such a word
    qualifier: list[Entry] = field(default_factory=list)  # "Columbus, Ohio": Ohio's entries
    state_word: bool = False  # "Washington state"
    article: bool = False  # "the" right before it: "the Dnipro" is the river, "Dnipro" the city
    cue: bool = False  # a word before it that introduces a place: "in", "near", "town of"
    compass: bool = False  # a lower-case compass adjective right before it: "southern X"
    town_not_people: bool = False  # the tagger's "people" is a town a cue introduces
    acronym: bool = False  # found under a name stored as an acronym ("US", "DRC")
    head_key: str = ""  # the key without an area word ("kursk" for "Kursk region")
    focus: bool = False  # kept only if the document is about its country ("the blue line")
    loose: bool = False  # found by its consonant skeleton: only a town of the article's countries
    listed: bool = False  # one of a list of names an area word follows ("the X and Y regions")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@lru_cache(maxsize=2)
def tokenize(text: str) -> list[Token]:
    """The words of a text (cached: the recognisers of one document share them; read only)."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def joined(text: str, a: Token, b: Token) -> bool:
    """Whether two neighbouring words may belong to one name: ". " joins only after an
    abbreviation ("St. Petersburg"), else it ends a sentence ("in West Wales. The bodies")."""
    gap = text[a.end:b.start]
    return gap in JOINERS and not (gap == ". " and len(a.text) > 3)


def candidate_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of words (token index ranges) that may name a place."""
    spans = []
    n = len(tokens)
    for i in range(n):
        first = tokens[i].text
        lower_start = first.lower() in DIRECTIONS and not is_capitalised(first)
        if not (is_capitalised(first) or lower_start):
            continue
        for j in range(i, min(i + 6, n)):
            if j > i and not joined(text, tokens[j - 1], tokens[j]):
                break
            w = tokens[j].text
            if j > i and not (is_capitalised(w) or w.lower() in CONNECTORS):
                break
            if is_capitalised(w) and (j > i or not lower_start):
                spans.append((i, j + 1))
    return spans


SKELETON_SPELLING = 0.75  # how close a spelling found by its skeleton must be to the name's


def _by_skeleton(keys: dict[tuple[int, int], str], hits: dict[str, list[Entry]],
                 gaz: Gazetteer) -> dict[tuple[int, int], str]:
    """Names of two words or more the index lacks as spelt, found under their consonant
    skeleton ("Ras al-Ain" as Ra's al 'Ayn): the span's key becomes the skeleton key, and
    its places join `hits`."""
    missing = {span: sk for span, k in keys.items()
               if k not in hits and (sk := skeleton_key(k)) is not None}
    if not missing:
        return {}
    found = gaz.lookup(set(missing.values()))
    out = {}
    for span, sk in missing.items():
        # the skeleton proposes; the spelling must still be close ("Ras al-Ain" is Ra's al
        # 'Ayn, not Rosh Ha'Ayin)
        close = [e for e in found.get(sk, ()) if SequenceMatcher(
            None, keys[span], place_key(e.name)).ratio() >= SKELETON_SPELLING]
        if close:
            hits[sk] = close
            out[span] = sk
    return out


@lru_cache(maxsize=2)
def spans_of(text: str) -> tuple[tuple[int, int], ...]:
    """`candidate_spans` of the text's own words (cached: the recognisers of one document
    share them)."""
    return tuple(candidate_spans(text, tokenize(text)))


def find_person_words(ents: list[Entity]) -> set[str]:
    """Words of the people's full names in a text ("John Kirby"), less words it uses as places
    more often: the tagger reads a bare surname as a town now and then ("Freeland left for
    Washington" after "Chrystia Freeland"), so one such reading does not make it a place."""
    in_names: Counter[str] = Counter()
    for e in ents:
        parts = e.text.split()
        if e.label == "PERSON" and 2 <= len(parts) <= 3 and all(is_capitalised(w) for w in parts):
            in_names.update(parts)
    as_places = Counter(e.text for e in ents if e.label in ("GPE", "LOC"))
    return {w for w, n in in_names.items() if as_places[w] <= n}


def entity_index(entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: e.start)


def names_the_site_after(text: str, tokens: list[Token], j: int) -> bool:
    """Whether the town or port word at `j` is named after it ("the West Bank city of Jenin",
    "the Black Sea port of Novorossiysk"): the name before it only says where that lies."""
    return tokens[j].text.lower() in SETTLEMENT_WORDS | FACILITY_WORDS and \
        j + 2 < len(tokens) and tokens[j + 1].text == "of" and \
        text[tokens[j].end:tokens[j + 2].start] == " of " and is_capitalised(tokens[j + 2].text)


def covering(entities: list[Entity], start: int, end: int) -> list[Entity]:
    """Entities that overlap [start, end)."""
    return [e for e in entities if e.start < end and start < e.end]


def is_strong(entries: list[Entry], words: int, key: str = "") -> bool:
    """Whether a name is well enough known to stand without support from its context; with
    the name's `key`, a town under a million people counts only under its own name ("Google"
    is an old joke name of Topeka; regions are stored under spellings of their own)."""
    for e in entries:
        if e.kind in ("country", "continent") or e.source == "curated":
            return True
        if e.kind in ("city", "admin1", "admin2") and e.population >= STRONG_POPULATION and (
                not key or e.kind != "city" or e.population >= 1_000_000 or own_name(e, key)):
            return True  # a region of a few villages ("Paul", Cape Verde) is no reason
    return False


def own_name(e: Entry, key: str) -> bool:
    """Whether a name is the place's own or a spelling of it ("Quebec City" for Québec,
    "Lugansk" for Luhansk, "Hull" for Kingston upon Hull), not another name it once had or
    was given ("Google" for Topeka)."""
    own = place_key(e.name)
    return key in own or own in key or SequenceMatcher(None, key, own).ratio() >= SPELLING_RATIO


def next_word(text: str, tokens: list[Token], j: int) -> Token | None:
    return tokens[j] if j < len(tokens) else None


def find_candidates(text: str, entities: list[Entity], gaz: Gazetteer, sdoc: Any = None,
                    vocabulary: frozenset[str] = frozenset()) -> list[Candidate]:
    """Place candidates of a clean text, false hits removed (weak ones kept, marked);
    `vocabulary`: the language model's own words (`model_words`)."""
    tokens = tokenize(text)
    spans = spans_of(text)
    keys = {(i, j): place_key(text[tokens[i].start:tokens[j - 1].end]) for i, j in spans}
    alt: dict[tuple[int, int], list[str]] = {}
    for (i, j), k in keys.items():
        if is_acronym(text[tokens[i].start:tokens[j - 1].end]):
            alt[(i, j)] = ["=" + k]
            # a two-letter code right after "Town, " may be a postal code: "Surfside, SC"
            if j == i + 1 and len(tokens[i].text) == 2 and i > 0 and \
                    text[tokens[i - 1].end:tokens[i].start] == ", ":
                alt[(i, j)].append("#" + k)
    # a name followed by "region", "airfield"... is also looked up without that word
    for i, j in list(keys):
        w = tokens[j].text.lower() if j < len(tokens) else ""
        if (w in AREA_WORDS or w in SITE_WORDS) and joined(text, tokens[j - 1], tokens[j]) \
                and not names_the_site_after(text, tokens, j):
            keys[(i, j + 1)] = place_key(text[tokens[i].start:tokens[j].end])
    # "the Black and Azov seas": each name of the list with the feature word, in the singular
    features = {(i, j): place_key(text[tokens[i].start:tokens[j - 1].end] + " " + word)
                for i, j in keys if (word := shared_feature_word(text, tokens[j - 1].end))}
    hits = gaz.lookup(set(keys.values()) | set(features.values())
                      | {k for ks in alt.values() for k in ks})
    keys.update(_by_skeleton(keys, hits, gaz))
    ents = entity_index(entities)
    lower_words = {t.text for t in tokens if t.text.islower()}
    person_words = find_person_words(ents)
    demonyms = [e for e in ents if e.label == "NORP"]
    chosen: list[Candidate] = []
    taken: set[int] = set()
    order = sorted(keys, key=lambda s: (-(s[1] - s[0]), s[0]))
    for i, j in order:
        if any(k in taken for k in range(i, j)):
            continue
        key = keys[(i, j)]
        if describes_known_place(tokens, keys, hits, i, j):
            continue
        entries = hits.get(key, []) + [e for k in alt.get((i, j), []) for e in hits.get(k, [])]
        area, head_key = None, key
        start, end = tokens[i].start, tokens[j - 1].end
        if (i, j) in features and hits.get(features[(i, j)]):
            entries = hits[features[(i, j)]]  # "Azov" of "the Black and Azov seas"
            end = own_feature_word(text, end)  # "the Narva river": the word is the name's
        shared = shared_area_word(text, tokens[j - 1].end)
        if entries and shared:  # the region if the index has one of the name, else the town
            entries, area = [e for e in entries if e.kind in AREA_KINDS] or entries, shared
        elif not entries:
            last = tokens[j - 1].text.lower()
            head = keys.get((i, j - 1))
            if (last in AREA_WORDS or last in SITE_WORDS) and head and hits.get(head):
                entries, area = [e for e in hits[head] if e.kind != "country"], last
                if last in SETTLEMENT_WORDS:  # "Washington Township" is no state
                    entries = [e for e in entries if e.kind == "city"] or entries
                head_key = head
                if not entries:
                    continue
            else:
                continue
        if institution_of(text, tokens, i):
            taken.update(range(i, j))  # "the Kidney Foundation of Canada": no "Jersey" either
            continue
        cand = Candidate(start, end, text[start:end], key, entries, j - i, area=area,
                         head_key=head_key)
        cand.acronym = any(hits.get(k) for k in alt.get((i, j), []))
        cand.loose = key.startswith("~")
        cand.listed = area is not None and area == shared
        cand.qualifier = read_qualifier(text, tokens, j, gaz) or demonym_qualifier(
            cand, demonyms, gaz)
        cand.compass = area is None and after_compass_word(text, tokens, i)
        cued = has_cue(text, tokens, i)
        # "the Bhimber sector", "Zamzam camp": the word after the name says it is a place
        cand.cue = cand.listed or cand.compass or cued or (area in SITE_WORDS
                                                          and tokens[j - 1].text.islower()) or \
            appositive_cue(text, tokens[j - 1].end) or bool(site_phrase_after(text, end))
        # a cue word before it or an area word after it; a site phrase ("X training ground")
        # is left to `geo.unlisted`, which makes the whole a facility
        cand.town_not_people = (cued or area is not None) and \
            is_town_not_people(cand, demonyms, gaz)
        if not accept(cand, text, tokens, i, j, ents, lower_words, person_words, sdoc,
                      vocabulary):
            if j - i > 1 and part_of_longer_name(text, tokens, j, bool(ents)):
                taken.update(range(i, j))  # "the Montgomery County Democrats": no "Montgomery"
            continue
        nxt = next_word(text, tokens, j)
        cand.state_word = bool(nxt and nxt.text.lower() == "state")
        cand.article = i > 0 and tokens[i - 1].text.lower() == "the" and \
            text[tokens[i - 1].end:tokens[i].start] == " "
        chosen.append(cand)
        taken.update(range(i, j))
    add_namesake_regions([c for c in chosen if c.area in AREA_WORDS], gaz)
    read_qualifiers_as_regions(text, chosen)
    return sorted(chosen, key=lambda c: c.start)


def part_of_longer_name(text: str, tokens: list[Token], j: int, parsed: bool) -> bool:
    """Whether the word after a span makes it part of an organisation's name ("the Cavan County
    Council") or, in a text with no parse, of another name ("the Montgomery County Democrats")."""
    if j >= len(tokens) or not joined(text, tokens[j - 1], tokens[j]) or \
            not is_capitalised(tokens[j].text):
        return False
    low = tokens[j].text.lower()
    return low in ORG_HEADS or not parsed and low not in AREA_WORDS | SITE_WORDS


def read_qualifiers_as_regions(text: str, cands: list[Candidate]) -> None:
    """"Tacoma, Washington": the name that qualifies a town means the region it was read as
    (the state, not the capital city)."""
    at = {c.start: c for c in cands}
    for c in cands:
        ids = {q.id for q in c.qualifier if any(holds(q, e) for e in c.entries)}
        q = at.get(c.end + 2) if text[c.end:c.end + 2] == ", " else None
        if q is not None and ids and any(e.id in ids for e in q.entries):
            q.entries = [e for e in q.entries if e.id in ids]


def holds(region: Entry, e: Entry) -> bool:
    """Whether a country or first-level region holds a place ("West Palm Beach, New York" is
    a list: no New York holds that town)."""
    return e.cc == region.cc and (region.kind == "country" or e.admin1 == region.name)


NAMESAKE_POPULATION = 50_000  # a region's centre town: "the Bryansk region" holds Bryansk


def add_namesake_regions(cands: list[Candidate], gaz: Gazetteer) -> None:
    """"the Bryansk region" where the index spells the region otherwise ("Brjansk"): the
    first-level region that holds the large town of the name stands for it."""
    towns = {c.start: [e for e in c.entries if e.kind == "city" and e.admin1
                       and e.population >= NAMESAKE_POPULATION]
             for c in cands if not any(e.kind in AREA_KINDS for e in c.entries)}
    wanted = {place_key(e.admin1) for ts in towns.values() for e in ts}
    if not wanted:
        return
    found = [e for es in gaz.lookup(wanted).values() for e in es if e.kind == "admin1"]
    for c in cands:
        regions = [r for t in towns.get(c.start, []) for r in found
                   if r.cc == t.cc and r.name == t.admin1]
        if regions:
            c.entries = list({r.id: r for r in regions}.values())


# "the Donetsk and Luhansk regions", "the Kursk, Bryansk and Belgorod regions", "the Donetsk and
# Luhansk People's Republics": a plural area word after the last of a list of names
NAME_RUN = r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}?"
LISTED_AREA = re.compile(
    rf"(?:, {NAME_RUN})*,? (?:and|or) {NAME_RUN} (?:(regions|oblasts|provinces|districts|"
    r"governorates|states|counties|prefectures|krais)\b|(Regions|Oblasts|Provinces|Governorates)"
    r"\b|(People['’]s Republics?)\b)")
OWN_AREA = re.compile(r" People['’]s Republics?\b")
SINGULAR = {"regions": "region", "oblasts": "oblast", "provinces": "province",
            "districts": "district", "governorates": "governorate", "states": "state",
            "counties": "county", "prefectures": "prefecture", "krais": "krai"}


def shared_area_word(text: str, end: int) -> str | None:
    """The area word that a list of names shares, for a name of the list other than the last
    ("Donetsk" in "the Donetsk and Luhansk regions"), or "republic" for a name right before
    "People's Republic"; None when no such word follows the name ending at `end`."""
    if OWN_AREA.match(text, end):
        return "republic"
    m = LISTED_AREA.match(text, end)
    if m is None:
        return None
    word = (m.group(1) or m.group(2) or "").lower()
    return SINGULAR.get(word, "republic")


# "the Black and Azov seas", "the Tigris and Euphrates rivers": a plural feature word after
# a list of names (or after the last of them) is each name's
FEATURE_PLURALS = {"seas": "Sea", "rivers": "River", "straits": "Strait", "lakes": "Lake",
                   "islands": "Island",
                   # and one name with the word in lower case: "the Narva river"
                   "river": "River", "sea": "Sea", "strait": "Strait", "lake": "Lake",
                   "island": "Island"}
LISTED_FEATURE = re.compile(
    rf"(?:(?:, {NAME_RUN})*,? (?:and|or) {NAME_RUN})? ({'|'.join(FEATURE_PLURALS)})\b")


def shared_feature_word(text: str, end: int) -> str | None:
    """The singular feature word a list of names shares ("Sea" for "Black" in "the Black and
    Azov seas" and for "Azov"), else None."""
    m = LISTED_FEATURE.match(text, end)
    return FEATURE_PLURALS[m.group(1)] if m else None


# the singular feature words: "the Narva river"
SINGLE_FEATURE = re.compile(
    rf" (?:{'|'.join(w for w in FEATURE_PLURALS if not w.endswith('s'))})\b")


def own_feature_word(text: str, end: int) -> int:
    """Where a name ends that a singular feature word in lower case follows ("the Narva
    river"): after that word; a plural one is the list's ("the Black and Azov seas")."""
    m = SINGLE_FEATURE.match(text, end)
    return m.end() if m else end



def is_own_name_of_city(c: Candidate) -> bool:
    """A large city bears this very name ("Omdurman"): no demonym, whatever the tagger says."""
    return any(e.kind == "city" and e.population >= STRONG_POPULATION
               and place_key(e.name) == c.key for e in c.entries)


def describes_known_place(tokens: list[Token], keys: dict[tuple[int, int], str],
                          hits: dict[str, list[Entry]], i: int, j: int) -> bool:
    """"the country's western Darfur region": a lower-case direction before a known place
    describes part of it; it makes a region's name only in the curated table ("south Asia")."""
    if tokens[i].text.lower() not in DIRECTIONS or is_capitalised(tokens[i].text):
        return False
    if any(e.source == "curated" for e in hits.get(keys[(i, j)], [])):
        return False
    return bool(hits.get(keys.get((i + 1, j), ""))) or bool(hits.get(keys.get((i + 1, j - 1), "")))


def accept(c: Candidate, text: str, tokens: list[Token], i: int, j: int,
           ents: list[Entity], lower_words: set[str], person_words: set[str],
           sdoc: Any, vocabulary: frozenset[str] = frozenset()) -> bool:
    """Rules against false hits; sets `label` and `strong` on the candidate it keeps."""
    if c.key in NEVER:
        return False
    words = [t.text for t in tokens[i:j]]
    if c.words == 1 and words[0].isupper() and len(words[0]) <= 5 and not (
            c.acronym or at_line_start(text, c.start)):
        return False  # "MOCA", "IT": acronyms, unless stored as one ("US") or a dateline
    if len(words) > 1 and words[0].lower() in STOP_WORDS and all(
            w.lower() in lower_words for w in words[1:]):
        return False  # "The city", "The Channel" said of a TV channel
    if c.area == "state" and words[-1] == "State" and any(e.cc == "US" for e in c.entries):
        return False  # "Mississippi State" plays basketball
    c.strong = is_strong(c.entries, c.words, c.head_key)
    over = [] if c.listed else covering(ents, c.start, c.end)  # the tagger misreads lists
    for e in over:
        exact = e.start == c.start and e.end == c.end
        inside = e.start <= c.start and c.end <= e.end
        if e.label == "NORP" and inside and (e.start == c.start or not c.strong) and not (
                exact and is_own_name_of_city(c)) and not c.town_not_people:
            return False  # demonyms: "Russian"; but "Indian Punjab" is Punjab, "Omdurman" a city
        if e.label in DEMONYM_LABELS and e.start == c.start and c.area is not None and \
                not c.town_not_people:
            return False  # "an English city", "a Russian town"
        if e.label == "PERSON" and not exact and inside and not (
                c.compass and e.start == c.start):
            return False  # "Lloyd Austin"; but "southern Kherson overnight" is no person
        if e.label == "ORG" and inside and not exact and named_with(text, tokens, i, j, e):
            return False  # "CNN Brazil", "Taiwan News", "Kyiv Independent"
        if exact:
            c.label = e.label
    if c.label in PLACE_LABELS:  # the tagger reads it as a place: another name will do
        c.strong = c.strong or is_strong(c.entries, c.words)
    # organisation, team or ship named after a place
    nxt = tokens[j].text.lower() if j < len(tokens) and joined(text, tokens[j - 1], tokens[j]) \
        else ""
    if nxt in ORG_HEADS and nxt not in AREA_WORDS and is_capitalised(tokens[j].text):
        return False
    if nxt == "state" and tokens[j].text == "State" and any(e.cc == "US" for e in c.entries):
        return False  # "Mississippi State" plays basketball
    prev = [t.text.lower() for t in tokens[max(0, i - 3):i]]
    if prev and prev[-1] in ORG_BEFORE and i > 0 and joined(text, tokens[i - 1], tokens[i]):
        return False
    if prev and prev[-1] in SHIP_WORDS or nxt in SHIP_WORDS:
        return False  # "the cruiser Moskva", "USS Kyiv", "the Kyiv frigate"
    if any(p in SHIP_WORDS for p in prev[-2:]) and not c.strong:
        return False
    if prev and prev[-1] in TITLES and is_capitalised(tokens[i - 1].text):
        return False  # "General Jackson", "President Washington"
    if not ents and not c.qualifier and not is_well_known(c.entries) and \
            beside_other_name(text, tokens, i, j):
        return False  # no parse (a document the relevance gate passed by): "Mary Pitman"
    if c.label in ("PERSON", "ORG") and not is_well_known(c.entries):
        c.strong = False  # "Goma" read as a person: kept only if the document backs it
    after = text[c.end:c.end + 4]
    if not c.strong and re.match(r"['’]s [A-Z]", after):
        return False  # "Eva's Village": a name that owns a named thing is rarely a town
    if inside_name(text, tokens, i, j) and c.label not in ("GPE", "LOC", "FAC"):
        return False  # "Japan Maritime Self-Defense Force"
    if c.words == 1:
        w = words[0]
        low = w.lower()
        if low in MONTHS or low in TITLES or low in DIRECTIONS or low in GENERIC:
            return False
        if low in STOP_WORDS and not (w.isupper() and any(
                e.kind in STRONG_KINDS for e in c.entries)):
            return False  # "As", "No"; but "US" stays
        if w in person_words and not c.listed and not any(
                e.kind in ("country", "continent") for e in c.entries):
            return False  # "Kirby" after "John Kirby"
        if low in lower_words and not c.strong:
            return False  # a common word of this very text
        known_word = low in vocabulary
        if known_word and not (c.qualifier or c.cue or c.label in ("GPE", "LOC")) and not any(
                e.kind != "city" or e.population >= 1_000_000 for e in c.entries):
            return False  # "Reach", "Summit", "Levi": words and first names that towns bear
        if c.label in ("GPE", "LOC", "FAC"):
            c.strong = c.strong or bool(c.cue or c.qualifier)
        elif not (c.strong or c.cue or c.qualifier) and (at_sentence_start(text, c.start) or (
                sdoc is not None and not is_proper_noun(sdoc, c.start, c.end))):
            return False
    return True


# "the Kidney Foundation of X", "the Symphony Orchestra of X": an institution's name holds X
INSTITUTIONS = {"foundation", "bank", "orchestra", "society", "association", "chamber",
                "university", "institute", "museum", "academy", "college", "federation",
                "league", "club", "company", "commission", "corporation", "trust", "bureau"}


def institution_of(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the name ends an institution's "<Capitalised head> of" ("Bank of America")."""
    return i >= 2 and tokens[i - 1].text == "of" and tokens[i - 2].text.istitle() and \
        tokens[i - 2].text.lower() in INSTITUTIONS and \
        text[tokens[i - 2].end:tokens[i].start] == " of "


LOCATIVE = {"in", "near", "at", "from", "to", "towards", "toward", "outside", "around",
            "across", "into", "through", "via", "between", "nearby", "inside", "off", "reach",
            "reached", "entered", "captured", "seized", "shelled", "struck", "hit", "visited",
            "left", "leaving", "departed", "departing",
            # a siege or an assault has a place for its object ("encircled X", "stormed X")
            "approaching", "approached", "surrounded", "surrounding", "encircled", "besieged",
            "besieging", "stormed", "overran", "overrun", "recaptured", "retook", "bombarded"}
# verbs of closing on a place after which "on X" is where the force goes ("advanced on X",
# "closing in on X", "marched on X"), not a day ("on Monday")
CLOSING_ON = {"advanced", "advancing", "advance", "advances", "marched", "marching", "closing",
              "closed", "converged", "converging", "bearing", "descended", "descending"}
PLACE_NOUNS = {"city", "town", "village", "outskirts", "suburb", "suburbs", "port", "region",
               "villages", "towns", "hamlet", "neighbourhood", "neighborhood", "township",
               "province", "district", "settlement", "capital", "centre", "center", "south",
               "north", "east", "west", "county", "state",
               # the parts of a place in the plural: "the eastern neighbourhoods of Rafah"
               "neighbourhoods", "neighborhoods", "districts", "streets", "areas", "environs"}


# "pulled out of X", "the eastern part of X", "the western edge of X": ground in or of a place
PART_WORDS = {"out", "part", "parts", "edge", "edges"}
# "within 20 km of X", "northeast of X": a distance or a bearing is told from a place
DISTANCE_WORDS = {"km", "kms", "kilometres", "kilometers", "miles", "mi", "metres", "meters",
                  "northeast", "northwest", "southeast", "southwest", "north-east",
                  "north-west", "south-east", "south-west"}


SETTLEMENT_NOUNS = {"town", "village", "settlement", "hamlet", "township"}


# "Novohrodivka, a town 12 km east of Pokrovsk", "Lashio, the capital of Shan State": the words
# after a name say what it is
APPOSITIVE = re.compile(
    r",\s+(?:a|an|the|another)\s+(?:[A-Za-z][\w-]*\s+|\d[\w.,-]*\s+){0,4}?"
    r"(?:town|village|city|settlement|hamlet|suburb|port|capital|district|region|province|"
    r"island|camp|base|border\s+(?:gate|crossing|town|post))"
    # the noun ends the description ("a town near X", "a village,"), it does not qualify
    # another ("a town councillor", "a city official")
    r"(?=\s*[,.;:)]|\s+(?:in|near|on|of|about|some|just|along|across|outside|close|that|"
    r"which|where|held|under|to|from|by|at|with|east|west|north|south)\b|\s+\d)")


# "the Yavoriv training ground", "the Zaporizhzhia nuclear power plant": lower-case words after
# a name that make it a site
SITE_PHRASE = re.compile(
    r" (?:nuclear )?(?:power plant|power station|plant|training grounds?|railway station|"
    r"train station|air ?base|military base|naval base|border crossing|oil refinery|"
    r"refinery|reservoir|dam)\b")


def site_phrase_after(text: str, end: int) -> int:
    """The end of a site phrase right after a name, else 0."""
    m = SITE_PHRASE.match(text, end)
    return m.end() if m else 0


def appositive_cue(text: str, end: int) -> bool:
    """Whether the words right after a name describe it as a place ("X, a village near Y")."""
    return APPOSITIVE.match(text, end) is not None


def has_cue(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the words before a span introduce a place ("in X", "the town of X"), also as
    the last of a list that such words open ("in Bakhmut, Soledar and Marinka")."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    gap = text[prev.end:tokens[i].start]
    if gap in ("'s ", "’s ") and is_capitalised(prev.text):
        return True  # "Shan State's Laukkai", "Ukraine's Kherson region"
    return word_cue(text, tokens, i) or listed_after_cue(text, tokens, i)


# words after which "for X" is where a journey ends ("bound for X", "left Tartus for X")
HEADED = {"bound", "headed", "heading", "sailed", "sailing", "set", "left", "leaving", "departed",
          "departing", "flew", "flown"}
DEPARTED = {"left", "leaving", "departed", "departing"}


def _bound_for(tokens: list[Token], k: int) -> bool:
    """Whether the "for" at token `k` ends a journey: right after a word of going ("bound for",
    "sailed for"), or after what was left ("left Tartus for", "left the logistics depot for",
    "departed their home port for"; not across a comma)."""
    if k >= 1 and tokens[k - 1].text.lower() in HEADED:
        return True
    for j in range(k - 1, max(-1, k - 6), -1):
        word = tokens[j].text
        if not word[:1].isalnum():
            return False
        if word.lower() in DEPARTED:
            return j < k - 1
    return False


def word_cue(text: str, tokens: list[Token], i: int) -> bool:
    """"in X", "near X", "the town of X": a word right before the name."""
    prev = tokens[i - 1]
    if text[prev.end:tokens[i].start] != " ":
        return False
    p = prev.text.lower()
    if p in LOCATIVE and not is_capitalised(prev.text):
        return True
    if p == "of":
        return i >= 2 and tokens[i - 2].text.lower() in PLACE_NOUNS | PART_WORDS | DISTANCE_WORDS
    if p == "for":
        return _bound_for(tokens, i - 1)
    if p == "on":  # "advanced on X", "closing in on X"
        before = [t.text.lower() for t in tokens[max(0, i - 3):i - 1]]
        return bool(before) and (before[-1] in CLOSING_ON or before[-2:] in (
            ["closing", "in"], ["closed", "in"], ["moving", "in"], ["moved", "in"]))
    # "the settlement Selydove", "the village Krynky" (translated reports drop the "of")
    return p in SETTLEMENT_NOUNS and i >= 2 and tokens[i - 2].text.lower() == "the"


# "southern Kherson", "north-eastern Kharkiv", "central Toretsk": the part of a place, never of a
# person or a firm
COMPASS_WORDS = {d for d in DIRECTIONS if d.endswith("ern")} | {"central",
    "north-eastern", "north-western", "south-eastern", "south-western"}


def after_compass_word(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the name follows a lower-case compass adjective ("eastern", "south-western")."""
    if i == 0 or text[tokens[i - 1].end:tokens[i].start] != " ":
        return False
    return tokens[i - 1].text in COMPASS_WORDS


def listed_after_cue(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the name ends a list of names ("X, Y and Z") whose first a cue introduces."""
    k = i  # the start of the name whose list separator is checked next
    while k > 0 and i - k <= 12:
        prev = tokens[k - 1]
        if prev.text in ("and", "or") and text[prev.end:tokens[k].start] == " ":
            end = k - 1  # the previous name ends before "and"
        elif text[prev.end:tokens[k].start] == ", ":
            end = k
        else:
            return False
        start = end
        while start > 0 and (is_capitalised(tokens[start - 1].text) or (
                tokens[start - 1].text in NAME_PARTICLES and start >= 2
                and is_capitalised(tokens[start - 2].text))) and (
                text[tokens[start - 1].end:tokens[start].start] in JOINERS or start == end):
            start -= 1  # "Deir ez-Zor and X": the particle is part of the name before
        if start == end or start == 0:
            return False
        if word_cue(text, tokens, start):
            return True
        k = start
    return False


def named_with(text: str, tokens: list[Token], i: int, j: int, ent: Entity) -> bool:
    """Whether an organisation's name joins the span to another capitalised word of its own."""
    if "\n" in ent.text:
        return False  # a run-away entity across lines says nothing
    for k in (i - 1, j):
        if k < 0 or k >= len(tokens):
            continue
        t = tokens[k]
        a, b = (t, tokens[i]) if k < i else (tokens[j - 1], t)
        if not (ent.start <= t.start and t.end <= ent.end) or not joined(text, a, b):
            continue
        low = t.text.lower()
        if is_capitalised(t.text) and not (low in AREA_WORDS or low in SITE_WORDS
                                           or low in REPUBLIC):
            return True
    return False


def is_well_known(entries: list[Entry]) -> bool:
    """A country, a first-level region, a curated feature or a city of a million."""
    return any(e.kind in STRONG_KINDS or e.source == "curated" or e.population >= 1_000_000
               for e in entries)


def beside_other_name(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether a capitalised word stands right beside the span ("Doris Lindenwald", "Hillori
    Hansen"): with no parser to name people, a town's name there is a person's or a firm's."""
    if i > 0 and text[tokens[i - 1].end:tokens[i].start] == " " and \
            is_capitalised(tokens[i - 1].text) and not at_sentence_start(text, tokens[i - 1].start):
        return True
    return j < len(tokens) and text[tokens[j - 1].end:tokens[j].start] == " " and \
        is_capitalised(tokens[j].text) and tokens[j].text.lower() not in AREA_WORDS | SITE_WORDS


def inside_name(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether the span sits between two capitalised words of one longer name (not in a line
    written in title case, whose every word is capitalised: "Warships Enter Baltic Sea Amid
    Tensions")."""
    if i == 0 or j >= len(tokens) or in_title_case_line(text, tokens[i].start):
        return False
    before, after = tokens[i - 1], tokens[j]
    return (joined(text, before, tokens[i]) and joined(text, tokens[j - 1], after)
            and is_capitalised(before.text) and is_capitalised(after.text)
            and not at_sentence_start(text, before.start))


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_HEADLINE_MAX = 200  # characters: a line longer than this is no headline


def in_title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a headline written in title case: no full stop at its
    end, three or more words of four letters or more, nearly all capitalised (where capitals
    join no name)."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    end = end if end >= 0 else len(text)
    if end - start > _HEADLINE_MAX:
        return False  # a paragraph, not a headline (and no regex over it for every name)
    line = text[start:end].rstrip()
    if any(c in line[-2:] for c in ".!\"”’'"):
        return False
    words = _LONG_WORD.findall(line)
    caps = sum(w[0].isupper() and not w.isupper() for w in words)
    return len(words) >= 3 and caps >= 0.8 * len(words)


def at_line_start(text: str, pos: int) -> bool:
    return pos == 0 or text[max(0, pos - 1)] == "\n" or text[:pos].rstrip(" ").endswith("\n")


def at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or before.strip() == "" and "\n" in text[max(0, pos - 2):pos] or \
        bool(re.search(r"[.!?:\"“]\s*$", before))


def is_proper_noun(sdoc: Any, start: int, end: int) -> bool:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" for t in span)


def demonym_countries(word: str, gaz: Gazetteer) -> list[Entry]:
    """The country a demonym names: "Indian" India, "Ukrainian" Ukraine, "Pakistani"
    Pakistan, "Lebanese" Lebanon, "Turkish" Turkey (its likely stems, looked up)."""
    found = gaz.lookup(demonym_stems(word))
    return [e for es in found.values() for e in es if e.kind == "country"]


def demonym_stems(word: str) -> set[str]:
    """The keys of the countries a word may be the demonym of."""
    w = word.strip(".,;:")
    stems = {w[:-1], w[:-3] + "e", w[:-3], w[:-3] + "a", w[:-3] + "on", w[:-3] + "ey"}
    return {place_key(s) for s in stems if len(s) >= 3}


# a town of at least this many people may be a name the tagger reads as a people
TOWN_NOT_PEOPLE_POPULATION = 5_000


def is_town_not_people(c: Candidate, demonyms: list[Entity], gaz: Gazetteer) -> bool:
    """Whether a one-word "people" the tagger found at the start of the candidate is a town
    of the index and no country's demonym ("the Kreminna area"; but never "Russian")."""
    word = next((e for e in demonyms if e.start == c.start and " " not in e.text), None)
    if word is None or place_key(word.text) != c.head_key:
        return False
    if demonym_countries(word.text, gaz):
        return False
    return any(e.kind == "city" and e.population >= TOWN_NOT_PEOPLE_POPULATION
               for e in c.entries)


def demonym_qualifier(c: Candidate, demonyms: list[Entity], gaz: Gazetteer) -> list[Entry]:
    """"Indian Punjab", "Pakistani Kashmir": a demonym before a name picks its country
    (`demonyms`: the NORP entities of the text)."""
    for e in demonyms:
        if e.start < c.start and c.end <= e.end:
            words = e.text[:c.start - e.start].split()
            if len(words) == 1:
                return demonym_countries(words[0], gaz)
    return []


# "the village of X in the Kharkiv region", "X in Donetsk Oblast": the region that holds a place
_IN_REGION = re.compile(r" in (?:the )?((?:[A-Z][\w'’-]*[ -]){1,3}(?:[Oo]blast|[Rr]egion|"
                        r"[Pp]rovince|[Gg]overnorate|[Ss]tate|[Kk]rai))\b")
REGION_KINDS = frozenset(("admin1", "region", "province"))


def read_qualifier(text: str, tokens: list[Token], j: int, gaz: Gazetteer) -> list[Entry]:
    """The region or country named right after ", " ("Columbus, Ohio"; "Paterson, N.J."), or
    the region named after " in " with its area word ("X in the Kharkiv region")."""
    if j < len(tokens) and (m := _IN_REGION.match(text, tokens[j - 1].end)):
        return [e for es in gaz.lookup(lookup_keys(m.group(1))).values() for e in es
                if e.kind in REGION_KINDS]
    if j >= len(tokens) or text[tokens[j - 1].end:tokens[j].start] != ", ":
        return []
    for k in (2, 1):
        if j + k > len(tokens):
            continue
        if k == 2 and not joined(text, tokens[j], tokens[j + 1]):
            continue
        piece = text[tokens[j].start:tokens[j + k - 1].end]
        if not is_capitalised(piece):
            return []
        keys = lookup_keys(piece)
        if k == 1 and len(piece) == 2 and piece.isupper():
            keys.append("#" + piece.lower())
        found = [e for es in gaz.lookup(keys).values() for e in es
                 if e.kind in ("country", "admin1")]
        if found:
            return found
    return []

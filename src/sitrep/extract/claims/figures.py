"""Figures of a sentence and what they count: "7,000 Russian troops", "hundreds of tanks and
aircraft", "Ukraine has lost 343", "79 damaged and 65 abandoned".

A `Figure` is a quantity (from `numbers`) tied to the noun it counts, with the side
named inside its noun phrase. Figures that count nothing of the war (distances, dates, ages,
"five hours", "two sightings") are dropped here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.extract.claims import lexicon as lex
from sitrep.extract.claims.numbers import Quantity, find_quantities, parse_figure
from sitrep.sides import find_sides

_WORD = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z\u00C0-\u024F][\w'’.-]*[\w]|[A-Za-z]"
                   r"|\d[\d,.]*\d|\d|[^\w\s]")
# a sentence needs work only when it holds a figure or a quantity word
HAS_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|dozen|tens|dozens|scores|hundreds|thousands|"
    r"millions)\b", re.I)
# a clause that starts a new report ("said 12 were killed, and that 1,300 stayed")
NEW_REPORT = re.compile(r",?\s+and\s+that\b")
# where one clause of a sentence ends and the next begins
_BOUNDARY = re.compile(
    r"\s[–—-]\s|\s[–—]|[–—]\s|;|\(|\)|…|\.\.\.|(?<=[a-z0-9])\.(?=[A-Z][a-z])|:\s|,\s+(?:while|but|whereas|although|"
    r"though|before|after)\b|" + NEW_REPORT.pattern)
# casualty words that are verbs after "and" ("killed three and wounded 40")
_VERB_LIKE = frozenset(("killed", "wounded", "injured", "missing", "dead", "captured"))
# sentences glued by a lost space ("6,000.Moscow itself") or lines without a full stop
_GLUED = re.compile(r"(?<=[a-z0-9)\]’'\"”])\s?[.!?](?=[A-Z][a-z])|\n\s*")


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity and what it counts, in clean-text coordinates."""

    q: Quantity
    low: float | None
    high: float | None
    head: str  # the noun counted, lower case ("troops", "tanks"); "" when implied
    kind: str  # military, people, civilians, casualty, equipment, nation
    equipment: str | None  # tanks, vehicles, aircraft, ships, weapons, units
    np_end: int  # end of the noun phrase
    nation: str | None  # side named inside the noun phrase ("Russian troops" -> Russia)
    how: str  # how the noun was found: noun, coordinated, antecedent, ellipsis, bare, label
    part: bool = False  # "including 214 tanks": a part of the figure before it
    modifiers: tuple[str, ...] = ()


def _mend_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence the parser cut in the middle of a line ("... killed and | 70,457 wounded")
    to the one before it: that one does not end as a sentence does, the next starts in lower
    case, with a figure or with a comma (", the agency said.")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev = text[out[-1][0]:out[-1][1]].rstrip()
            nxt = text[start:end].lstrip()
            cut = prev and nxt and prev[-1] not in ".!?:;\"”’')" \
                and "\n" not in text[out[-1][1] - 1:start + 1]
            if cut and (nxt[0].islower() or nxt[0].isdigit() or nxt[0] in ",;"):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def sentence_units(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, split again at line breaks and at full stops missing their space."""
    out = []
    for start, end in _mend_sentences(text, spans):
        cut = start
        for m in _GLUED.finditer(text, start, end):
            if text[cut:m.start() + 1].strip():
                out.append((cut, m.end() if m.group().startswith("\n") else m.start() + 1))
            cut = m.end()
        if text[cut:end].strip():
            out.append((cut, end))
    return out


def split_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause-like segments of the sentence text[start:end] (split at dashes, ';', ', while')."""
    cuts = [start]
    for m in _BOUNDARY.finditer(text, start, end):
        cuts.append(m.start() if m.group().startswith(",") else m.end())
    cuts.append(end)
    segs = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    return segs or [(start, end)]


def segment_of(segs: list[tuple[int, int]], pos: int) -> int:
    """Index of the segment holding `pos`."""
    for i, (a, b) in enumerate(segs):
        if a <= pos < b:
            return i
    return len(segs) - 1


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start() + start, m.end() + start)
            for m in _WORD.finditer(text[start:end])]


def _unit_of(word: str) -> tuple[str, str | None] | None:
    """(kind, equipment) of a noun that a figure can count, or None."""
    w = word.lower().replace("’", "'")
    if w in lex.CASUALTY_NOUNS:
        return "casualty", None
    if w in lex.MILITARY:
        return "military", None
    if w in lex.CIVILIANS:
        return "civilians", None
    if w in lex.PEOPLE:
        return "people", None
    if w in lex.EQUIPMENT:
        return "equipment", lex.EQUIPMENT[w]
    if word.endswith("s") and any(ch.isdigit() for ch in word) \
            and (kind := _DESIGNATED_AS.get(_designated(word) or "")):
        return "equipment", kind  # "three MiG-29s", "40 T-72s": machines by their model
    if word[:1].isupper() and word.endswith("s") and not word.endswith("ss") \
            and find_sides(word) and find_sides(word)[0].end == len(word):
        return "nation", None  # "two South Africans", "Israelis"
    return None


# the claims' equipment kind of what a model designation names
_DESIGNATED_AS = {"aircraft": "aircraft", "helicopters": "aircraft", "tanks": "tanks",
                  "armored_vehicles": "vehicles", "artillery": "weapons"}


def _is_modifier(word: str, pos_of: Mapping[int, Any], start: int) -> bool:
    w = word.lower()
    if w in lex.MODIFIERS or w in lex.EQUIPMENT:
        return True
    if word[:1].isupper() and word.replace(".", "").isalpha() \
            or "-" in word and not word[0].isdigit():
        return True  # "Russian", "North", "UN", "anti-tank", "pro-Kyiv"
    tok = pos_of.get(start)
    return tok is not None and (tok.pos_ in ("ADJ", "PROPN")
                                or (tok.pos_ == "NOUN" and tok.dep_ in ("compound", "amod")))


_QUOTE_MARKS = frozenset("'’‘\"“”")
# words between "of" and the noun a part counts
_OWNERS = frozenset(("the", "its", "their", "his", "her", "our", "your", "these", "those"))


def _scan_noun(text: str, start: int, end: int, pos_of: Mapping[int, Any]
               ) -> tuple[int, list[tuple[str, int, int]], list[str]] | None:
    """The noun a figure counts: (index of the head in the scanned words, words, modifiers)."""
    words = _words(text, start, min(end, start + 120))
    i, mods = 0, []
    while i < len(words) and words[i][0] in _QUOTE_MARKS:
        i += 1  # "'hundreds' of rockets", '"a dozen" rebels': the marks around a figure
    if i < len(words) and words[i][0].lower() == "of":
        i += 1  # "300 of our soldiers", "one of the country's soldiers"
        if i < len(words) and words[i][0].lower() in _OWNERS:
            i += 1
        if i < len(words) and re.fullmatch(r"[a-z][\w-]*['’]s", words[i][0]):
            i += 1
    head = None
    while i < len(words) and i < 8:
        word, ws, _ = words[i]
        unit = _unit_of(word)
        if unit is None and word.lower() in _PARTS_OF_A_FORCE and _of_a_force(words, i):
            unit = ("military", None)  # "30 elements of the special forces"
            head = i
            break
        if unit is not None and _attributive(word, words, i, pos_of):
            mods.append(word)  # "dozens of troop tents", "40 drone strikes": what it qualifies
            i += 1
            continue
        if unit is not None:
            head = i
            # a compound of nouns ("tank losses", "fighter jets"): the last one is the head
            if i + 1 < len(words) and _unit_of(words[i + 1][0]) is not None \
                    and words[i + 1][1] == words[i][2] + 1:
                mods.append(word)  # as written: "Hamas fighters" names a side
                i += 1
                continue
            break
        if word.lower() in ("and", "or", ",") and i + 1 < len(words) \
                and parse_figure(words[i + 1][0]) is not None:
            i += 2  # "six mechanised and two tank battalions": both count battalions
            continue
        if word.lower() in ("and", "or", ",") and mods and i + 1 < len(words) \
                and _is_modifier(words[i + 1][0], pos_of, words[i + 1][1]):
            i += 1  # "anti-tank and other weapons"
            continue
        if mods and word[:1].isupper() and _unit_of(f"{mods[-1]} {word}") is not None:
            head = i  # "two South Africans"
            break
        if word.isdigit() and mods and mods[-1][:1].isupper() and len(word) < 4:
            mods.append(word)  # a model number: "14 Challenger 2 tanks"
            i += 1
            continue
        if not _is_modifier(word, pos_of, ws):
            break
        mods.append(word)
        i += 1
    if head is None:
        return None
    return head, words, mods


def _designated(word: str) -> str | None:
    """The equipment a model designation names ("Su-30" -> aircraft): the movement lexicon's
    reading, imported late (the movements package reads figures through this one)."""
    from sitrep.extract.movements.lexicon import designated
    return designated(word)


# words for a part of a force, counted as people when "of" a force follows them
_PARTS_OF_A_FORCE = frozenset(("elements", "detachments", "teams"))


def _of_a_force(words: list[tuple[str, int, int]], i: int) -> bool:
    """Whether "of" and a force word follow the word at `i` ("elements of the special forces",
    "detachments of the 3rd brigade")."""
    rest = [w.lower() for w, _, _ in words[i + 1:i + 6]]
    return bool(rest) and rest[0] == "of" and any(
        w in lex.MILITARY or w in ("forces", "force", "army", "brigade", "division", "regiment",
                                   "battalion", "guard", "navy", "marines")
        for w in rest[1:])


def _attributive(word: str, words: list[tuple[str, int, int]], i: int,
                 pos_of: Mapping[int, Any]) -> bool:
    """A countable noun in the singular right before another noun that no figure counts
    ("troop tents", "drone strikes", "tank crews"): it qualifies that noun, it is not counted."""
    if word.lower().endswith("s") or _unit_of(word + "s") is None or i + 1 >= len(words):
        return False
    nxt, start, _ = words[i + 1]
    return start == words[i][2] + 1 and _unit_of(nxt) is None \
        and getattr(pos_of.get(start), "pos_", None) == "NOUN"


def _speaks(words: list[tuple[str, int, int]], k: int, pos_of: Mapping[int, Any]) -> bool:
    """Whether the word at `k` is a speech verb: "killed 17 people, residents said" names who
    speaks after the comma, not more of the dead."""
    if k >= len(words):
        return False
    tok = pos_of.get(words[k][1])
    return tok is not None and tok.pos_ in ("VERB", "AUX") \
        and tok.lemma_.lower() in lex.SPEECH_LEMMAS


def _coordinated(text: str, words: list[tuple[str, int, int]], head: int,
                 pos_of: Mapping[int, Any]) -> list[tuple[int, list[str]]]:
    """Nouns sharing the figure: "hundreds of tanks and aircraft" -> [aircraft]."""
    out = []
    i = head + 1
    while i + 1 < len(words) and words[i][0].lower() in ("and", "or", ","):
        j, mods = i + 1, list[str]()
        while j < len(words) and _unit_of(words[j][0]) is None \
                and _is_modifier(words[j][0], pos_of, words[j][1]) and len(mods) < 3:
            if words[j][0].lower() in ("a", "an", "the"):
                break
            mods.append(words[j][0])
            j += 1
        if j < len(words) and _unit_of(words[j][0]) is not None \
                and not words[j][0][0].isdigit() \
                and words[j][0].lower() not in _VERB_LIKE \
                and getattr(pos_of.get(words[j][1]), "pos_", "NOUN") != "VERB" \
                and not _speaks(words, j + 1, pos_of):
            out.append((j, mods))
            i = j + 1
            continue
        break
    return out


def _nation_in(mods: list[str], head_word: str, text: str, np_end: int, seg_end: int
               ) -> str | None:
    """Side named inside the noun phrase, or in a "from X", "of X", "among X", "belonging to X"
    or "on the X side" right after it ("fighters of Hamas")."""
    for phrase in (" ".join(mods), head_word):
        found = find_sides(phrase)
        if found:
            return found[-1].name
    tail = text[np_end:min(seg_end, np_end + 80)]
    m = re.match(r"(?:,?\s+(?:including|among them)\s+[^,;.]{0,40}?)?\s+(?:from|of|among|"
                 r"belonging\s+to|(?:launched|fired|flown|sent|operated|owned)\s+by|"
                 r"on(?=\s+the\s+[A-Z][\w-]*\s+side\b))\s+(?:the\s+)?([^,;.]+)", tail)
    name = re.match(r"(?:[A-Z][\w'’.-]*\s?)+", m.group(1)) if m else None
    if m and name and not lex.ATTACK_NAMED.match(m.group(1), len(name.group().rstrip())):
        # the name after "from", not a side named later in the clause; "casualties from
        # Saudi-led air raids" are not the attacker's
        found = find_sides(name.group()[:40])
        if found:
            return found[0].name
    return None


def _antecedent(text: str, sent_start: int, before: int) -> tuple[str, str | None] | None:
    """The nearest countable noun before `before` ("mercenaries – hundreds of them")."""
    for word, _, _ in reversed(_words(text, sent_start, before)):
        unit = _unit_of(word)
        if unit is not None:
            return unit[0], unit[1]
    return None


def _skip(text: str, q: Quantity) -> bool:
    """Figures that are no head count: measures, dates, a vehicle used to flee, "one of"."""
    if q.measure is not None:
        return True
    before = text[max(0, q.start - 30):q.start]
    if lex.MEANS_BEFORE.search(before) and not re.search(r"\b(?:killed|lost)\s+in\s+$", before):
        return True
    after = text[q.end:q.end + 30]
    if re.match(r"\s*of\s+(?:the\s+)?(?:miles|kilomet\w+|km|hours|days|weeks|months|years|"
                r"percent|per\s+cent|times)\b", after, re.I):
        return True
    if _is_counter(text, q) or _is_population(text, q):
        return True
    if _YEARS.fullmatch(q.text) or (_YEAR.fullmatch(q.text) and (
            re.search(r"\b(?:between|from|since|in|until|till|by|before|after)\s+$", before, re.I)
            or re.match(r"\s*(?:and|to|[-–])\s*(?:19|20)\d\d\b", after))):
        return True  # a year: "killed between 1985 and 2018"
    if q.value == 1 and re.match(r"\s+in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|"
                                 r"ten)\b", after):
        return True  # a ratio: "1 in 3 towns", "one in five conscripts"
    if _SOURCES_AFTER.match(text, q.end) or re.search(r"\bciting\s+$", before):
        return True  # "two security sources told Reuters", "citing three officials": informants
    if q.value == 1 and re.match(r"\s+of\b", after):
        return not _one_of_toll(text, q.end)  # "one of the battalions", not "one of them died"
    if not q.qualifier and re.search(r"(?<![.!?]\s)\b[A-Z][A-Za-z]+[ -]$", before) \
            and not re.search(r"(?:^|[.!?\n]\s*)[A-Z][A-Za-z]+[ -]$", before) \
            and not find_sides(before.split()[-1] if before.split() else "") \
            and q.value is not None and q.value < 1000 and "," not in q.text:
        return True  # a model number: "Leopard 2 tanks", "Challenger 2"
    return bool(re.match(r"\s*(?:-|–)?\s*(?:year|month|day|week|hour|minute|mile|km)", after,
                         re.I))


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEARS = re.compile(r"(?:(?:between|from)\s+)?(?:19|20)\d\d\s*(?:and|to|[-–])\s*(?:19|20)\d\d")


def _is_counter(text: str, q: Quantity) -> bool:
    """A gallery's counter opening a caption line: "1 of 5 | Families wait at …"."""
    line = text.rfind("\n", 0, q.start) + 1
    head = text[line:text.find("\n", q.end) if "\n" in text[q.end:] else len(text)]
    m = re.match(r"\s*\d{1,3}\s+of\s+\d{1,3}\s*[|·•:]", head)
    return bool(m and q.start < line + m.end())


def _is_population(text: str, q: Quantity) -> bool:
    """A population, not a toll: "of the country's 50 million people", "a population of 2.1
    million", "home to 400,000 people"."""
    before = text[max(0, q.start - 40):q.start]
    after = text[q.end:q.end + 30]
    if re.search(r"\b(?:population|inhabitants)\s+of\s+(?:about|around|some|roughly|nearly|"
                 r"over|more\s+than|almost)?\s*$", before, re.I):
        return True
    if re.search(r"\bhome\s+to\s+(?:about|around|some|roughly|nearly|over|more\s+than|"
                 r"almost)?\s*$", before, re.I):
        return True
    owner = re.search(r"\bof\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s?\s+)(?:estimated\s+|"
                      r"total\s+|pre-?war\s+|entire\s+)?(?:population\s+of\s+)?$", before, re.I)
    return bool(owner and re.match(r"\s+(?:million\s+)?(?:people|population|inhabitants|"
                                   r"residents|citizens)\b", after, re.I))


# a figure that counts the informants of a report, not what they report
_SOURCES_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:sources|officials|officers|diplomats|witnesses|people)\s+"
    r"(?:familiar\s+with|close\s+to|briefed\s+on|speaking\s+on|told|said|say)\b", re.I)


def _one_of_toll(text: str, end: int) -> bool:
    """ "one of its soldiers was killed": a toll of one, the verb right after the noun phrase."""
    m = re.match(r"\s+of\s+(?:[\w'’-]+\s+){1,4}?(?=(?:was|has\s+been|had\s+been)\s)",
                 text[end:end + 80])
    return bool(m and lex.BARE_AFTER.match(text[end + m.end():end + 120]))


def read_figures(text: str, sent_start: int, sent_end: int, pos_of: Mapping[int, Any]
                 ) -> list[Figure]:
    """Every figure of the sentence text[sent_start:sent_end] that counts people or equipment."""
    segs = split_segments(text, sent_start, sent_end)
    out: list[Figure] = []
    for q0 in find_quantities(text[sent_start:sent_end]):
        q = _shift(q0, sent_start)
        if _skip(text, q):
            continue
        seg = segs[segment_of(segs, q.num_start)]
        out.extend(_figures_of(text, q, seg, sent_start, out, pos_of))
    return out


# between two items of one list ("including 12 children and nine women"), an item's place
# phrase with it ("including 1,000 in the capital and 400 at two bases")
_NEXT_ITEM = re.compile(r"(?:\s+(?:in|at|near|around|on)\s+[^,;.\d]{1,40}?)?"
                        r"(?:,?\s+(?:and|or)\s+|,\s+)")


def _figures_of(text: str, q: Quantity, seg: tuple[int, int], sent_start: int,
                before: list[Figure], pos_of: Mapping[int, Any]) -> list[Figure]:
    part = bool(lex.PART_BEFORE.search(text[max(0, q.start - 20):q.start])) or bool(
        before and before[-1].part and _NEXT_ITEM.fullmatch(text, before[-1].np_end, q.start))
    # "150,000-strong army": the figure is the size of the force
    if re.match(r"-strong\b", text[q.end:q.end + 8]):
        return [Figure(q, q.low, q.high, "troops", "military", None, q.end + 7,
                       None, "noun", part)]
    scanned = _scan_noun(text, q.end, seg[1], pos_of)
    if scanned is None:  # "shot down 31 of 35 drones": the first figure counts drones too
        scanned = _scan_noun_after_total(text, q, seg, pos_of)
    if scanned is None:
        fig = _labelled(text, q) or _implied(text, q, seg, sent_start, before, part) \
            or _harmed_people(q, seg, pos_of, part)
        return [fig] if fig else []
    head, words, mods = scanned
    word, _, hend = words[head]
    unit = _unit_of(word) or (_unit_of(f"{mods[-1]} {word}") if mods else None)
    if unit is None and word.lower() in _PARTS_OF_A_FORCE:
        unit = ("military", None)  # "elements of the special forces"
    kind, equipment = unit  # type: ignore[misc]
    if word.lower() == "fighters" and any(_designated(m) == "aircraft" for m in mods):
        kind, equipment = "equipment", "aircraft"  # "25 Su-30 fighters": jets, not people
    if kind == "nation" and not find_sides(word):
        word = f"{mods[-1]} {word}"  # "South Africans"
    nation = _nation_in(mods, word if kind == "nation" else "", text, hend, seg[1])
    first = Figure(q, q.low, q.high, word.lower(), kind, equipment, hend, nation, "noun", part,
                   tuple(m.lower() for m in mods))
    out = [first]
    for j, cmods in _coordinated(text, words, head, pos_of):
        cw, _, cend = words[j]
        ckind, cequip = _unit_of(cw)  # type: ignore[misc]
        if cmods and cmods[0].lower() in ("a", "an", "one"):
            continue
        cnation = _nation_in(cmods, cw if ckind == "nation" else "", text, cend, seg[1])
        out.append(replace(first, head=cw.lower(), kind=ckind, equipment=cequip, np_end=cend,
                           nation=cnation or nation, how="coordinated"))
    single = _single_after(text, out[-1], seg)
    if single:
        out.append(single)
    return out


# verbs whose object (or passive subject) is people harmed or driven out, whatever the noun that
# counts them ("killed 18 tribesmen", "4,100 households had been displaced", "52 social
# leaders have been murdered"); and verbs of what people do when harmed or driven out
_HARMS_PEOPLE = frozenset(("kill", "wound", "injure", "murder", "execute", "massacre",
                           "slaughter", "abduct", "kidnap", "displace", "evacuate", "uproot"))
_BEFALLS = frozenset(("die", "flee", "perish"))


def _harmed_people(q: Quantity, seg: tuple[int, int], pos_of: Mapping[int, Any],
                   part: bool) -> Figure | None:
    """A figure of a plural noun no list knows, counted as the people a verb of harm befalls:
    the parse ties the noun to the verb as its object, or as its subject in the passive."""
    tok = pos_of.get(q.num_start)
    if tok is None or tok.dep_ != "nummod":
        return None
    noun = tok.head
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or not seg[0] <= noun.idx < seg[1] \
            or noun.i - tok.i > 3 or _unit_of(noun.text) is not None:
        return None
    verb = noun.head.lemma_.lower()
    harmed = (noun.dep_ in ("dobj", "nsubjpass") and verb in _HARMS_PEOPLE) or (
        noun.dep_ == "nsubj" and verb in _BEFALLS)
    if not harmed:
        return None
    return Figure(q, q.low, q.high, noun.lower_, "people", None, noun.idx + len(noun.text),
                  None, "noun", part)


# a tally's line names what it counts before the figure: "Tanks: 9,684 (+7)", "personnel —
# about 412,350", "• Helicopters: 331"
_LABEL = re.compile(r"(?:^|[\n.;:•*·)]\s*)((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s*"
                    r"(?::|\s[–—-])\s*(?:(?:about|around|approximately|some|over|nearly|"
                    r"almost|more\s+than|at\s+least)\s+)?$", re.I)
# the day's rise after a running total: "9,684 (+7)"
INCREMENT = re.compile(r"\s*\(\s*\+\s*\d[\d,]*\s*\)")


def _labelled(text: str, q: Quantity) -> Figure | None:
    """A figure of a tally line whose label, before it, names what it counts."""
    m = _LABEL.search(text, max(0, q.start - 60), q.start)
    if m is None:
        return None
    words = m.group(1).split()
    head = "deaths" if words[-1].lower() == "toll" else words[-1]  # "Death toll: 54"
    unit = _unit_of(head)
    if unit is None or unit[0] not in ("military", "equipment", "casualty"):
        return None
    return Figure(q, q.low, q.high, head.lower(), unit[0], unit[1], q.end, None, "label")


def _scan_noun_after_total(text: str, q: Quantity, seg: tuple[int, int], pos_of: Mapping[int, Any]
                           ) -> tuple[int, list[tuple[str, int, int]], list[str]] | None:
    """The noun of "31 of 35 drones", "12 out of the 14 tanks", "30 of its 50 vehicles": what
    the total counts."""
    m = re.match(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|our\s+)?",
                 text[q.end:seg[1]])
    if not m:
        return None
    rest = q.end + m.end()
    total = find_quantities(text[rest:seg[1]])
    if not total or total[0].start != 0 or total[0].low is None:
        return None
    return _scan_noun(text, rest + total[0].end, seg[1], pos_of)


def _single_after(text: str, fig: Figure, seg: tuple[int, int]) -> Figure | None:
    """ "two South Africans and a Uruguayan": the lone one after a list of people."""
    if fig.kind not in ("nation", "military", "people"):
        return None
    m = re.match(r"\s+(?:and|or)\s+(?:a|an|one)\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)",
                 text[fig.np_end:seg[1]])
    if not m:
        return None
    found = find_sides(m.group(1))
    if not found:
        return None
    start = fig.np_end + m.start(1) - len(m.group(0).split()[1]) - 1  # the "a" before the name
    q = Quantity(start, fig.np_end + m.end(), start, 1.0, 1.0, text[start:fig.np_end + m.end()])
    return Figure(q, 1.0, 1.0, m.group(1).lower(), "nation", None, fig.np_end + m.end(),
                  found[0].name, "coordinated")


def _implied(text: str, q: Quantity, seg: tuple[int, int], sent_start: int,
             before: list[Figure], part: bool) -> Figure | None:
    """A figure whose noun is implied: "hundreds of them", "three from Malawi", "lost 343"."""
    after = text[q.end:seg[1]]
    prev = next((f for f in reversed(before) if f.how != "bare" or f.head), None)
    m = re.match(r"\s+of\s+(?:them|those|these|the)\b(?!\s+[a-z]+(?:s|men|ft)\b)", after)
    if m:
        ante = _antecedent(text, sent_start, q.start)
        if ante:
            return Figure(q, q.low, q.high, "", ante[0], ante[1], q.end + m.end(), None,
                          "antecedent", part)
    m = re.match(r"\s+(?:more\s+)?from\s+(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)", after)
    if m and prev is not None and prev.kind in ("military", "people", "nation", "civilians"):
        found = find_sides(m.group(1))
        if found:
            return Figure(q, q.low, q.high, prev.head, prev.kind, prev.equipment,
                          q.end + m.end(), found[0].name, "ellipsis", part)
    before_text = text[max(seg[0] - 60, 0):q.start] if q.start - seg[0] < 8 else \
        text[seg[0]:q.start]
    if _OTHERS_AFTER.match(after) and _AND_BEFORE.search(text, seg[0], q.start) \
            and _HARMED_IN.search(text, seg[0], q.start):
        # "killed a senior commander and at least 90 others": a toll, named by its remainder
        return Figure(q, q.low, q.high, "", "", None, q.end, None, "bare", part)
    if lex.BARE_AFTER.match(after) or lex.BARE_BEFORE.search(before_text) \
            and not (_counts_other_things(after) and not _HARMED_BEFORE.search(before_text)):
        if prev is not None:
            return Figure(q, q.low, q.high, prev.head, prev.kind, prev.equipment, q.end, None,
                          "ellipsis", part, prev.modifiers)
        return Figure(q, q.low, q.high, "", "", None, q.end, _side_counted(before_text), "bare",
                      part)
    if prev is not None and prev.head and _LISTED_BEFORE.search(text, seg[0] - 40, q.start) \
            and _ELIDED_AFTER.match(after):
        return Figure(q, q.low, q.high, prev.head, prev.kind, prev.equipment, q.end, None,
                      "ellipsis", part, prev.modifiers)
    m = re.match(r"\s*,?\s+of\s+(?:whom|which)\b", after)
    if m and prev is not None and prev.head:
        return Figure(q, q.low, q.high, prev.head, prev.kind, prev.equipment, q.end + m.end(),
                      None, "antecedent", True)
    return None


_OTHERS_AFTER = re.compile(r"\s+(?:others|other\s+people)\b", re.I)
_AND_BEFORE = re.compile(r"\band\s+(?:(?:at\s+least|about|around|some|nearly|more\s+than)\s+)?$",
                         re.I)
_HARMED_IN = re.compile(r"\b(?:kill|wound|injur)\w*", re.I)
_THING_AFTER = re.compile(r"\s+(?:([a-z][a-z-]*)\s+)?([a-z]{3,}s)\b")
# what may follow a bare toll ("killed 45 others", "lost 343 in two days") or stand for the
# force it counts ("deployed five brigades"), unlike "posts" or "labs"
_NOT_THINGS = frozenset(("others", "hours", "days", "weeks", "months", "years", "times",
                         "minutes", "seconds", "nights", "decades", "miles", "kilometres",
                         "kilometers", "metres", "meters", "yards", "brigades", "divisions",
                         "companies", "squadrons"))


# what is killed or wounded is people, whatever noun names them ("killing four dockers")
_HARMED_BEFORE = re.compile(r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es))\s+"
                            r"(?:about|around|some|at\s+least|more\s+than|nearly|almost)?\s*$",
                            re.I)


def _counts_other_things(after: str) -> bool:
    """Whether a noun no figure of people or arms counts follows the figure ("lost 19 posts",
    "destroyed 14 cocaine labs"): it counts those things, it is no bare toll ("lost 343 over
    the past day", "killed 45 in attacks" are)."""
    m = _THING_AFTER.match(after)
    return m is not None and (m.group(1) is None or m.group(1) not in STOP_WORDS) \
        and m.group(2) not in _NOT_THINGS and m.group(2) not in STOP_WORDS


# "the number of Russians killed", "the toll of Sudanese soldiers lost": what a total counts
_TOTAL_OF = re.compile(r"\b(?:number|toll|tally|total|count)\s+of\s+(?:the\s+)?"
                       r"((?:[\w'’-]+\s+){1,3}?)(?=killed|dead|died|wounded|injured|captured|missing|lost|held|taken)")


def _side_counted(before: str) -> str | None:
    """The side of the people a total before a bare figure counts ("the number of Russians
    killed in the war -- 15,000": Russia's dead), where its phrase names one."""
    totals = list(_TOTAL_OF.finditer(before))
    found = find_sides(totals[-1].group(1)) if totals else []
    return found[0].name if found else None


# a figure without a noun that shares the noun of the figure before it, as the next item of a
# list or the other side of a comparison: "1,400 soldiers, including 1,000 in the capital and
# 400 at two bases", "up from about 5,000 last year", "33,000 reservists out of 40,000 approved"
_LISTED_BEFORE = re.compile(
    r"(?:\b(?:and|or|including|out\s+of|up\s+from|down\s+from|from|compared\s+(?:with|to)|"
    r"against|versus|than|while)|,)\s+(?:(?:about|around|some|roughly|nearly|almost|"
    r"approximately|an\s+estimated|at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|"
    r"over|under|just|close\s+to|up\s+to|another|a\s+further)\s+)?$", re.I)
# what may follow such a figure: a place or a time, a participle, the end of the clause
_ELIDED_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|\s(?:in|at|on|near|inside|across|along|last|earlier|a\s+year|a\s+month|"
    r"the\s+year|the\s+previous|before|previously|approved|authori[sz]ed|already|still|now|"
    r"more|others?)\b)", re.I)


def _shift(q: Quantity, by: int) -> Quantity:
    return Quantity(q.start + by, q.end + by, q.num_start + by, q.low, q.high, q.text, q.vague,
                    q.approx, q.measure, q.qualifier)

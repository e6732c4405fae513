"""Relevance first: a cheap look at a whole document that says whether it is about armed conflict.

A relevant document gets the full NLP (the parse, entities, the extractors). The others, most of
a real news crawl, keep their clean text, provenance and the places the gazetteer finds, and
are flagged `relevance: low`, to be analysed in full on demand (`sitrep reprocess`).

A document is relevant when it holds one of:
- a word that only war news uses often: forces and their units, weapons, strikes, the war itself
  ("troops", "artillery", "airstrike", "ceasefire", "armed forces");
- a word for a force that general news uses too, next to a side or an armed owner ("Israeli
  tanks", "China has built up forces", "government forces");
- an armed group or alliance of the side table (`sitrep.sides`: "Hezbollah", "RSF", "Wagner",
  "NATO"), a navy's ship ("HMS Diamond") or an officer by rank ("General Oleh Marchenko");
- a figure next to a word for a toll or a force ("12 killed", "hundreds of refugees", "30 tanks");
- a quotation in news about states: two countries named, or a statesman's title ("the foreign
  minister said"), since what leaders say about each other is part of the ledger.

The gate errs on the side of analysing: a false alarm only costs time, a miss loses facts. It
must pass every conflict text of the tune and check sets (`tests/nlp/test_relevance.py`).
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.records import Relevance
from sitrep.sides import ARMED_FORCES, NAVY_PREFIXES, SIDES, find_sides, is_state

HIGH: Relevance = "high"
LOW: Relevance = "low"

_WAR_WORDS = (
    # forces, their units and their people
    r"troops?|soldiers?|servicem[ae]n|servicemembers?|army|armies|military|militar(?:y|ies|ily)|"
    r"navy|navies|naval|marines|paratroop\w*|commandos?|infantry|battalions?|brigades?|"
    r"regiments?|garrisons?|detachments?|flotillas?|contingents?|reinforcements|"
    r"militants?|rebels?|insurgen\w*|guerrillas?|militias?|militiam[ae]n|paramilitar\w*|"
    r"mercenar(?:y|ies)|jihadis\w*|gunm[ae]n|gendarmes?|conscripts?|reservists?|"
    r"combatants?|peacekeep\w*|"
    # their weapons
    r"warships?|frigates?|destroyers|submarines?|corvettes?|cruisers|artillery|howitzers?|"
    r"missiles?|warplanes?|fighter jets?|bombers|armou?red|air defen[cs]e|anti-aircraft|"
    # war itself
    r"wars?|wartime|warfare|combat\w*|invasion|invad(?:e|ed|ing)|offensive|counteroffensive|"
    r"front ?lines?|cease-?fire|truce|hostilities|air ?strikes?|drone strikes?|shelling|"
    r"shelled|siege|besieg\w*|bombard\w*|bombings?|clashes|clashed|gunfire|firefights?|"
    r"massacres?|genocide|casualt(?:y|ies)|humanitarian|coup|terroris[mt]s?|insurrection|"
    r"uprising|annex\w*|occupied|fighting|deployments?|"
    # the offices that speak of it
    r"armed forces|special forces|air force|general staff|joint staff|"
    r"defen[cs]e (?:ministry|minister|forces|officials?|secretary)|ministry of defen[cs]e"
)
# words for a force that general news uses too: they count next to a side or an armed owner
# ("Israeli tanks", "China has built up forces", "government forces")
_FORCE_WORDS = (
    r"forces?|units?|columns?|convoys?|tanks?|drones?|ships?|vessels?|boats?|aircraft|jets?|"
    r"planes?|helicopters?|vehicles?|trucks?|men|officers?|police|fighters?|guards?|personnel|"
    r"carriers?|strike groups?|"
    # formations and weapons that other trades name too ("a sales division", "heating systems")
    r"divisions?|corps|batter(?:y|ies)|squadrons?|fleets?|launchers?|systems?|armou?r|"
    r"factions?|elements|escorts?"
)
_ARMED_OWNERS = (
    r"government|security|federal|allied|coalition|opposition|enemy|junta|regime|armed|"
    r"border|state"
)
# words that make a figure next to them a toll or a force size
_TOLL_WORDS = (
    r"killed|kill|dead|died|deaths?|wounded|injured|injuries|captured|missing|evacuated|"
    r"evacuees|displaced|refugees|hostages|prisoners|detained|fighters|forces|tanks|"
    r"vehicles|drones|convoys?|attacks?|gunm[ae]n|bombs?|explosions?|shot|strikes|"
    r"aircraft|jets|helicopters|ships|vessels|guns|weapons|rockets|shells"
)
_FIGURE = (
    r"\d[\d,.]*|dozens|scores|hundreds|thousands|tens of thousands|millions|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
# a figure and a toll word with at most this many characters between them, either way round
_NEAR = 40
# political bodies in the side table that are no sign of war news on their own
_NOT_ARMED = frozenset({"eu", "european union", "un", "u.n.", "united nations", "bosnian",
                        "abkhaz", "ossetian"})


@cache
def _war_pattern() -> re.Pattern[str]:
    """War words and armed groups, over lower-case text."""
    groups = sorted((form for form, side in SIDES.items()
                     if not is_state(side) and form not in _NOT_ARMED), key=len, reverse=True)
    group_alt = "|".join(re.escape(g) for g in groups)
    return re.compile(rf"\b(?:{_WAR_WORDS}|{group_alt})\b")


# a navy's ship or an officer by rank, before a name ("HMS Diamond", "General Oleh Marchenko")
_SHIP_OR_OFFICER = re.compile(
    rf"\b(?:{'|'.join(NAVY_PREFIXES)}|General|Colonel|Admiral|Brigadier|Lieutenant|"
    rf"(?:Lt|Maj|Brig)\.? Gen\.|Gen\.|Col\.|Adm\.) [A-Z]")
_FORCE_WORD = re.compile(rf"\b(?:{_FORCE_WORDS})\b")
# an armed force by its own name ("IDF", "PLA"): the side table files it under its state
_NAMED_FORCE = re.compile(rf"\b(?:{'|'.join(sorted(ARMED_FORCES))})\b")
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")
_ARMED_OWNER = re.compile(rf"\b(?:{_ARMED_OWNERS})\b")
_TOLL_WORD = re.compile(rf"\b(?:{_TOLL_WORDS})\b")
_FIGURE_WORD = re.compile(rf"\b(?:{_FIGURE})\b")
_SENTENCE_BREAK = re.compile(r"[.!?\n]\s")
_QUOTE = re.compile(r"[“”\"]")
_STATECRAFT = re.compile(
    r"\b(?:president|prime minister|foreign minister|minister|secretary of state|chancellor|"
    r"ambassador|envoy|diplomat\w*|peace (?:talks|treaty|deal|agreement|process)|"
    r"negotiations|sanctions|summit)\b")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to `_NEAR` characters of `text` before and after [start, end), in the same sentence."""
    before = _SENTENCE_BREAK.split(text[max(0, start - _NEAR):start])[-1]
    after = _SENTENCE_BREAK.split(text[end:end + _NEAR])[0]
    return before, after


def _toll(lower: str) -> str | None:
    """A figure next to a word for a toll or a force ("12 killed")."""
    for m in _TOLL_WORD.finditer(lower):
        if any(_FIGURE_WORD.search(part) for part in _around(lower, m.start(), m.end())):
            return m.group()
    return None


def _names_a_side(passage: str) -> bool:
    """Whether a short passage names a side ("Israeli", "China", "the U.S."): its capitalised
    words, one to three in a row, looked up in the side table."""
    words = [re.sub(r"['’]s$", "", w).lower() for w in _CAPITALISED.findall(passage)]
    return any(" ".join(words[i:i + n]) in SIDES
               for n in (1, 2, 3) for i in range(len(words) - n + 1))


def _armed_force(text: str, lower: str) -> str | None:
    """A word for a force next to a side or an armed owner ("Iranian drones")."""
    for m in _FORCE_WORD.finditer(lower):
        before, after = _around(text, m.start(), m.end())
        if _ARMED_OWNER.search(before.lower()) or _names_a_side(before) or _names_a_side(after):
            return m.group()
    return None


def _statecraft(text: str, lower: str) -> str | None:
    """A quotation in news about states: two states named, or a statesman's title."""
    if not _QUOTE.search(text):
        return None
    m = _STATECRAFT.search(lower)
    if m:
        return m.group()
    states = {s.name for s in find_sides(text) if is_state(s.name)}
    return " and ".join(sorted(states)) if len(states) >= 2 else None


def why_relevant(text: str) -> str | None:
    """What makes `text` war news ("troops", "killed", "Armenia and Azerbaijan"), or None."""
    lower = text.lower()
    m = _war_pattern().search(lower) or _SHIP_OR_OFFICER.search(text) \
        or _NAMED_FORCE.search(text)
    if m:
        return m.group()
    return _toll(lower) or _armed_force(text, lower) or _statecraft(text, lower)


def relevance(text: str) -> Relevance:
    """`HIGH` for a text the full analysis should read, `LOW` for the others."""
    return HIGH if why_relevant(text) is not None else LOW

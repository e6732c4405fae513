"""What the moving force is made of (records.EQUIPMENT) and how large it is."""

from __future__ import annotations

import re

from sitrep.extract import attribution as at
from sitrep.extract.movements.lexicon import AIR_DEFENSE, EQUIPMENT, designated


def equipment_of(tok: at.SpacyToken, force: at.SpacyToken | None, s: int, e: int) -> list[str]:
    """Equipment named in the force's phrase and in what it carries, within the evidence."""
    toks: list[at.SpacyToken] = []
    own: set[int] = set()  # the force's own words count wherever it is named ("it" sailed)
    if force is not None:
        toks.extend(_without_capability(force))
        own = {t.i for t in toks}
        for c in tok.children:  # "sent its army, navy, air and rocket forces"
            if c.dep_ in ("dobj", "nsubjpass") and c.i != force.i:
                toks.extend(_without_capability(c))
        if force.i < tok.i:  # "a convoy — made up of tanks, towed artillery… — has reached"
            between = tok.doc[force.i + 1:tok.i]
            capable = {x.i for t in between if t.lemma_.lower() in ("capable", "able")
                       for x in t.subtree}
            toks.extend(t for t in between if t.i not in capable)
    out: list[str] = []
    for t in toks:
        if not s <= t.idx < e and t.i not in own:
            continue
        word = t.lower_
        lemma = t.lemma_.lower()
        eq = EQUIPMENT.get(lemma) or EQUIPMENT.get(word) or designated(t.text)
        if word in ("air", "rocket") and t.head.lemma_ in ("force", "forces"):
            eq = "aircraft" if word == "air" else "missiles"
        if word == "naval" and t.head.lemma_.lower() in _NAVAL_HEADS:
            eq = "warships"  # "a naval group", "naval forces": ships, not infantry
        if lemma in _NAVAL_HEADS and any(c.lower_ in ("naval", "air", "rocket")
                                          for c in t.children if c.dep_ in ("amod", "compound")):
            eq = None  # the kind is its modifier's: "naval forces" are no infantry
        if lemma == "fighter" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ == "jet":
            eq = None
        if lemma == "carrier" and any(x.lower_ in _ARMOURED for x in t.children):
            eq = "armored_vehicles"  # "armoured personnel carriers"; else an aircraft carrier
        if lemma == "vehicle" and any(x.lower_.startswith(("logistic", "supply"))
                                      for x in t.children):
            eq = "logistics"
        if AIR_DEFENSE.search(t.text) or (word in ("defense", "defence") and _after_air(t)):
            eq = "air_defense"
        if eq and eq not in out:
            out.append(eq)
    return out or ["troops"]


_NAVAL_HEADS = frozenset({"group", "force", "forces", "unit", "units", "task", "formation",
                          "squadron", "detachment"})
_ARMOURED = frozenset({"personnel", "troop", "armoured", "armored", "infantry", "tracked"})


def _after_air(t: at.SpacyToken) -> bool:
    """"air defence", "air-defence": the word before, past a hyphen, is "air"."""
    k = t.i - 1
    if k >= 0 and t.doc[k].text in ("-", "–"):
        k -= 1
    return k >= 0 and t.doc[k].lower_ == "air"


def _without_capability(head: at.SpacyToken) -> list[at.SpacyToken]:
    """A phrase's words, leaving out relative clauses and what it could carry ("a ship capable
    of carrying missiles" is a ship, not missiles)."""
    skip: set[int] = set()
    for t in head.subtree:
        if t.dep_ == "relcl" or t.lemma_.lower() in ("capable", "able", "designed"):
            skip.update(x.i for x in t.subtree)
    return [t for t in head.subtree if t.i not in skip]


def size_of(force: at.SpacyToken | None) -> str | None:
    if force is None:
        return None
    for t in force.subtree:
        if t.like_num and t.dep_ == "nummod" and t.head.i == force.i:
            return f"{t.text} {force.text}"
        if re.fullmatch(r"\d[\d,.]*-(?:mile|km|kilometre|kilometer)s?(?:-long)?", t.text):
            return t.text
    return None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
                      r"|ninth|tenth|eleventh|twelfth", re.I)


def unit_of(force: at.SpacyToken | None) -> str | None:
    """The force's own number as a formation ("the 98th Division", "a third brigade"): two
    numbered formations are two forces, however alike the rest of their telling."""
    if force is None:
        return None
    for t in force.children:
        if t.dep_ in ("amod", "compound", "nummod", "nmod") and _ORDINAL.fullmatch(t.text):
            return t.text.lower()
    return None

"""The status a trigger gives its movement (en route, arrived, deployed, massing, withdrawing,
transiting), mended by the words around it."""

from __future__ import annotations

from sitrep.extract import attribution as at
from sitrep.extract.movements.lexicon import (
    BOUND_FOR,
    NOUN_TRIGGERS,
    OBSERVED,
    RELOCATE,
    ROLE_OF_PREP,
    TRIGGERS,
    is_noun_trigger,
    lemma_of,
)
from sitrep.extract.movements.places import hung_links


def status_of(tok: at.SpacyToken, force: at.SpacyToken | None) -> str:
    lemma = lemma_of(tok)
    if tok.lower_ == "route":
        return "en_route"
    status = NOUN_TRIGGERS[lemma] if is_noun_trigger(tok) else TRIGGERS[lemma]
    if status == "arrived" and lemma_of(tok.head) == "expect":
        return "en_route"  # "is expected to arrive on Wednesday": on its way
    if lemma != "return" and any(c.lower_ == "back" and c.dep_ in ("advmod", "prt")
                                 for c in tok.children):
        return "withdrawing"  # "sent back to", "moved back to their side of the border"
    away = [c for c in tok.children if c.lower_ in ("away", "out")
            and (c.dep_ in ("advmod", "prt") or c.dep_ == "prep" and lemma not in _BASED_OUT_OF)]
    if away and not any(p.dep_ == "prep" and ROLE_OF_PREP.get(p.lower_) == "destination"
                        and not any(o.ent_type_ in ("DATE", "TIME") for o in p.children)
                        for a in [tok, *away] for p in a.children):  # not "on Monday"
        return "withdrawing"  # "moved away from X", "pulled out", "moved out of X": leaving,
        # with nowhere named
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lemma in ("leave", "depart") and _heads_somewhere(tok):
        return "en_route"  # "departed Nairobi for Haiti", "left Kindu on the road to Punia"
    if lemma == "move" and preps & {"through", "via", "across"}:
        return "transiting"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    if lemma in ("travel", "make") and perfect:
        return "arrived"
    if lemma in RELOCATE and _under_way(tok):
        return "en_route"  # "are being moved from Crimea to the front": under way
    done = _done(tok)
    if done and lemma == "fly" and (preps & {"to", "into"} or any(
            c.dep_ == "prt" and c.lower_ == "in" for c in tok.children)):
        return "arrived"  # "flew to Machulishchy airfield", "were flown in from Port Sudan"
    if done and lemma in RELOCATE and "to" in preps:
        return "deployed"  # "moved two brigades to X", "were transferred to X": put in place
    if lemma in RELOCATE and _into_positions(tok):
        return "deployed"  # "moved into positions along the river": set up there
    if done and lemma in RELOCATE | {"roll"} and "into" in preps:
        return "arrived"  # "rolled into X"; forces that pushed or advanced into a place are
        # still on their way in (en route), as the corpus's reports of assaults give them
    if lemma in ("enter", "reach") and tok.head.lemma_.lower() in ("poise", "appear"):
        return "en_route"
    if lemma in OBSERVED | {"show"} and force is not None and force.lemma_ in ("convoy", "column"):
        return "en_route"
    return status



# verbs whose "out of X" says where a force is based or what it does, not that it leaves:
# "drone teams operating out of Nyala airport", "carried out a patrol"
_BASED_OUT_OF = frozenset(("operate", "carry", "work", "fight", "launch", "strike"))


def settled(tok: at.SpacyToken, status: str, has_destination: bool) -> str:
    """A force moved or transferred somewhere, done, stands deployed there, however the parser
    hung the "to X" ("transferred two brigades from X to Y": the "to" under the "from")."""
    if status == "en_route" and has_destination and lemma_of(tok) in RELOCATE and _done(tok) \
            and not _under_way(tok) and _goes_to(tok):
        return "deployed"
    return status


def _goes_to(tok: at.SpacyToken) -> bool:
    """A "to" phrase of the verb's own clause, on the verb or hung on its object or another
    phrase, and no "towards" on the verb ("moved towards Rafah" is still on its way)."""
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if preps & {"towards", "toward"}:
        return False
    return bool(preps & {"to", "into"}) or bool(hung_links(tok, ("to", "into"), "destination"))


def _under_way(tok: at.SpacyToken) -> bool:
    """"are being moved": a passive in progress."""
    return any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children)


def _done(tok: at.SpacyToken) -> bool:
    """A verb told as done: past tense, or a perfect or passive participle."""
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") for c in tok.children))


def _heads_somewhere(tok: at.SpacyToken) -> bool:
    """Whether the leaving verb, or the road or way it takes, names where the force is going."""
    left = [o for o in tok.children if o.dep_ == "dobj"]  # "departed Lusaka for Goma"
    for c in [*tok.children, *(p for o in left for p in o.children)]:
        if c.dep_ == "prep" and c.lower_ in BOUND_FOR and any(o.dep_ == "pobj"
                                                              for o in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(
                o.lemma_.lower() in ("road", "way", "route", "highway") and any(
                    p.dep_ == "prep" and p.lower_ in BOUND_FOR for p in o.children)
                for o in c.children):
            return True  # "on the road to Punia"
        if c.dep_ in ("conj", "advcl", "xcomp") and lemma_of(c) in ("head", "make", "go") \
                and ROLE_OF_PREP.get(next((p.lower_ for p in c.children if p.dep_ == "prep"),
                                          "")) == "destination":
            return True  # "left X and headed toward Y"
    return False


def _into_positions(tok: at.SpacyToken) -> bool:
    """Whether the verb puts the force into positions ("moved into new positions near X")."""
    return any(c.dep_ == "prep" and c.lower_ in ("into", "to") and any(
        o.lemma_.lower() == "position" or o.lower_ == "positions" for o in c.children)
        for c in tok.children)

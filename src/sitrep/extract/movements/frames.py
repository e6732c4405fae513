"""Which words are movement triggers, by the frame each verb or noun needs."""

from __future__ import annotations

from sitrep.extract import attribution as at
from sitrep.extract.movements.forces import is_force, is_place_word
from sitrep.extract.movements.lexicon import (
    LANDING_CRAFT,
    NEEDS_PREP,
    NOUN_TRIGGERS,
    OPERATIONS,
    POSTS,
    ROLE_OF_PREP,
    TRIGGERS,
    lemma_of,
    mended_lemma,
)


def describes_force(tok: at.SpacyToken) -> bool:
    """A verb in a relative clause on a noun ("a convoy that left last week"), not the
    sentence's own."""
    return tok.dep_ == "relcl" and any(c.lower_ in at.RELATIVE_PRONOUNS for c in tok.children)


def trigger_candidates(sdoc: at.SpacySpan) -> list[at.SpacyToken]:
    """The tokens `is_trigger` may say yes to (a trigger's lemma, or "route"), in order."""
    from spacy.attrs import LEMMA, LOWER

    return at.tokens_where(sdoc, (LOWER, LEMMA), _could_trigger)


def _could_trigger(lower: str, lemma: str) -> bool:
    word = mended_lemma(lower, lemma)
    return word in TRIGGERS or word in NOUN_TRIGGERS or lower == "route"


def passes_place(obj: at.SpacyToken) -> bool:
    """Whether the object of "pass" is a place: a name, or a noun of a place one passes (not
    "passed the bill", "passed the 100-day mark")."""
    return obj.dep_ == "dobj" and is_place_word(obj)


def is_trigger(tok: at.SpacyToken) -> bool:
    lemma = lemma_of(tok)
    if tok.pos_ == "NOUN" and lemma in NOUN_TRIGGERS:  # `is_noun_trigger`, the lemma read once
        return True
    if lemma not in TRIGGERS:
        return tok.lower_ == "route" and tok.i > 0 and tok.nbor(-1).lower_ == "en"
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBG"):
        return False
    if tok.lower_ == "landing" and tok.i + 1 < len(tok.doc) \
            and tok.nbor(1).lemma_.lower() in LANDING_CRAFT:
        return False  # "tank landing ships": a class of ship the parser read as a verb
    if tok.dep_ in ("acl", "amod") and lemma in ("station", "base", "position", "deploy") \
            and tok.tag_ == "VBN" and not any(c.dep_ == "prep" and c.lower_ in ("to", "into")
                                              for c in tok.children):
        return False  # "troops stationed in Niger": where a force is, not a movement
    if lemma == "pass" and any(passes_place(c) for c in tok.children):
        return True  # "a convoy passed Melitopol", "ships passing the strait"
    if lemma == "drive" and any(c.dep_ == "dobj" and not is_force(c) for c in tok.children):
        return False  # "driving thousands into Bangladesh": people driven out, not a force
    if lemma in NEEDS_PREP:
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "advmod")}
        return bool(preps & set(NEEDS_PREP[lemma]))
    if lemma == "make":
        return any(c.lower_ == "way" for c in tok.children)
    if lemma == "take":  # "have taken up positions in X"; not "took the town"
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "position" for c in tok.children)
    if lemma == "pull":  # "pulled back", "pulled out", "pulled from the front"
        return any(c.lower_ in ("back", "out") or (c.dep_ == "prep" and c.lower_ == "from")
                   for c in tok.children)
    if lemma == "build":
        return any(c.lower_ == "up" for c in tok.children)
    if lemma in ("stage", "hold", "conduct", "launch", "start", "begin"):
        return any(c.dep_ == "dobj" and c.lower_ in OPERATIONS for c in tok.children)
    if lemma == "reach":
        return not any(c.lower_ == "out" for c in tok.children)
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "advmod")}
    if lemma == "return":  # "returned to Belarus", "returned home"; not "returned fire"
        return bool(preps & {"to", "into", "home", "back"})
    if lemma == "link":
        return "up" in preps
    if lemma == "fall":  # "fell back to X"; not "fell in battle" or "prices fell"
        return "back" in preps
    if lemma == "flee":  # "the garrison fled"; not "2,500 fled in 160 vehicles"
        subj = at.subject_of(tok)
        return subj is not None and is_force(subj)
    if lemma in ("shift", "circle"):  # "shifted units toward X"; not "shifted its tone"
        return bool(preps & set(ROLE_OF_PREP))
    if lemma in ("leave", "depart"):  # "left their bases", "left Niger"; not "left the country
        # vulnerable" or "left their weapons"
        if any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and c.lower_ != "bound"
               for c in tok.children):  # "left Kosti bound for X" still leaves
            return False
        # a named object is a place even when NER misreads a small town as a person
        return all(o.ent_type_ in ("GPE", "LOC", "FAC") or o.pos_ == "PROPN"
                   or o.lemma_.lower() in POSTS for o in tok.children
                   if o.dep_ == "dobj" and not _comma_between(tok, o))
    if lemma in ("vacate", "abandon"):  # "abandoned their positions"; not "abandoned 40 tanks"
        return any(o.dep_ in ("dobj", "nsubjpass") and not is_force(o) and is_place_word(o)
                   for o in tok.children)
    if lemma == "evacuate":  # "troops evacuated from X"; not "helicopters evacuated civilians"
        return not any(o.dep_ == "dobj" and not is_force(o) for o in tok.children)
    if lemma in ("fly", "operate", "patrol", "rotate"):
        return bool(preps & set(ROLE_OF_PREP))
    return True


def _comma_between(verb: at.SpacyToken, obj: at.SpacyToken) -> bool:
    """An "object" past a comma is the parser's misreading of the next clause ("left the camp
    over the weekend, satellite images show")."""
    lo, hi = sorted((verb.i, obj.i))
    return any(t.text == "," for t in verb.doc[lo:hi])

"""Is it a fact? Hypothetical, demanded, denied, unseen, negated and background movements are
left out, and a force that could be civilian needs a military cue."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sitrep.dates import WEEKDAYS
from sitrep.extract import attribution as at
from sitrep.extract.movements.evidence import date_words
from sitrep.extract.movements.forces import container_of
from sitrep.extract.movements.lexicon import (
    AMBIGUOUS,
    ARMED_MODS,
    ARMED_OWNERS,
    ASPECT,
    CIVILIAN_MODS,
    DISPROVED,
    EVIDENCE_NOUNS,
    MILITARY_CUES,
    MODALS,
    NEGATORS,
    NOT_FACT,
    NOT_YET,
    OWN_WORDS_ONLY,
    TRIGGERS,
    head_word,
    is_force_word,
    is_noun_trigger,
    lemma_of,
)
from sitrep.extract.movements.owners import own_words, side_of_phrase, side_of_token
from sitrep.records import Document
from sitrep.sides import NAVY_PREFIXES

# what befalls a movement that has not happened: "the deployment was delayed", "the scheduled
# arrival was postponed", "the planned withdrawal has stalled", "has been held up"
_PUT_OFF = frozenset(("delay", "postpone", "suspend", "stall", "cancel", "shelve", "scrap",
                      "defer", "freeze", "pause"))


def _put_off(verb: at.SpacyToken) -> bool:
    lemma = lemma_of(verb)
    return lemma in _PUT_OFF or lemma == "hold" and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def is_hypothetical(tok: at.SpacyToken) -> bool:
    """A movement that could, would or should happen, or that someone calls for, is no fact."""
    if is_noun_trigger(tok):  # a noun's clause is its verb's ("would complete the withdrawal")
        if any(c.dep_ == "amod" and c.lower_ in NOT_YET for c in tok.children):
            return True  # "a possible incursion", "a potential deployment"
        v = tok.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i and v.dep_ in ("pobj", "prep",
                                                                                "dobj", "conj"):
            v = v.head
        if v.pos_ not in ("VERB", "AUX"):
            return False
        if lemma_of(v) in NOT_FACT or is_negated(v) or _put_off(v):
            return True
        tok = v
    if any(lemma_of(a) in NOT_FACT and not _called_up(a) for a in list(tok.ancestors)[:3]
           if a.pos_ in ("VERB", "AUX", "NOUN")):
        return True  # "denied that troops crossed", "called for the troops to leave"
    if _is_unseen_or_disproved(tok) or _is_habitual(tok):
        return True
    v = tok
    for _ in range(5):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in v.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if infinitive and v.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl", "amod"):
            gov = v.head
            if lemma_of(gov) not in ASPECT or _is_forecast(gov, v):
                return True
            v = gov
            continue
        # a conjunct shares its list's modal ("will regroup, resupply and reinforce"), also
        # where the parser hangs a middle verb of the list as a modifier; a bare infinitive its
        # governor's ("the drills will see warships sail around the island")
        if (v.dep_ in ("xcomp", "conj") or (v.dep_ == "advmod" and v.pos_ == "VERB")
                or (v.dep_ == "ccomp" and v.tag_ in ("VB", "VBP")
                    and lemma_of(v.head) in _BARE_INFINITIVE_HEADS)) and v.head.i != v.i:
            v = v.head
            continue
        break
    return False


# adverbs that make a movement a habit, not an event ("units typically travel in groups of 50",
# "warships often sail with transponders off"); "every time"/"whenever" clauses alike
_HABITUAL = frozenset(("often", "typically", "usually", "regularly", "frequently", "rarely",
                       "seldom", "generally", "normally", "routinely", "sometimes", "habitually"))


def _is_habitual(tok: at.SpacyToken) -> bool:
    """A movement told as what a force does from time to time, not as something it did."""
    for v in (tok, tok.head) if tok.dep_ in ("conj", "xcomp") else (tok,):
        if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in v.children):
            return True
        # "every time the army moves into one area, the jihadists move somewhere else": the
        # clause of every time, and the one it conditions
        for clause in (v, *(c for c in v.children if c.dep_ in ("advcl", "ccomp"))):
            if any(c.dep_ == "advmod" and c.lower_ == "whenever" for c in clause.children) \
                    or any(c.dep_ == "npadvmod" and c.lower_ == "time"
                           and any(d.lower_ == "every" for d in c.children)
                           for c in clause.children):
                return True
    return False


# verbs that take a bare infinitive ("will see warships sail", "would make troops withdraw")
_BARE_INFINITIVE_HEADS = frozenset(("see", "watch", "make", "let", "help", "have", "hear"))


def _called_up(verb: at.SpacyToken) -> bool:
    """"brigades were called up and moved to X": a call-up is done, not a call for something."""
    return lemma_of(verb) == "call" and any(c.dep_ == "prt" and c.lower_ in ("up", "in")
                                            for c in verb.children)


def _is_forecast(gov: at.SpacyToken, verb: at.SpacyToken) -> bool:
    """"is expected to send troops by December": a forecast, unless the force is already on its
    way and expected to arrive (`status`), or the infinitive is perfect ("expected to have
    crossed")."""
    if lemma_of(gov) != "expect" or TRIGGERS.get(lemma_of(verb)) == "arrived":
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


def _is_unseen_or_disproved(tok: at.SpacyToken) -> bool:
    """A movement nobody saw ("no sign of troops crossing", "had not seen any units cross")
    or that was called false ("reports that troops were sent are false")."""
    for a in list(tok.ancestors)[:4]:
        lemma = lemma_of(a)
        if lemma in EVIDENCE_NOUNS:
            if any(c.lower_ in ("no", "any") for c in a.children) or is_negated(a.head):
                return True
            verb = a.head
            if any(c.lemma_.lower() in DISPROVED for c in verb.children
                   if c.dep_ in ("acomp", "attr")):
                return True
        if a.pos_ in ("VERB", "AUX") and lemma in at.SPEECH_VERBS | {"see", "monitor", "detect"} \
                and is_negated(a):
            return True  # "Ukraine said it had not seen any units cross"
    return False


# a year this long before today is history in an undated text, which names no later year to
# measure by: "in 1989" is not its own news (a dated archive keeps its own year)
HISTORY_YEARS = 10
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")  # "14 March", "March 14th"


def is_background(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken) -> bool:
    """A movement dated years before the article ("in 2014", "three years ago", "since 2015")
    is background history, not news: its date phrase names an earlier year than the article's
    (its publication year, else the latest year the article mentions)."""
    ref = _reference_year(doc)
    if _is_standing_presence(tok):
        return True
    for c in tok.children:  # "stationed there for decades", "based in X since 1945"
        if c.dep_ != "prep":
            continue
        if c.lower_ == "for" and any(o.lemma_.lower() in ("year", "decade") for o in c.children):
            return True
        years = [int(t.text) for t in c.subtree if re.fullmatch(r"(?:19|20)\d\d", t.text)]
        if c.lower_ == "since" and years and (ref is None or max(years) < ref - 1):
            return True
    when = date_words(sdoc, tok)
    if not when:
        return _told_when_of(doc, sdoc, tok)
    low = when.lower()
    if re.search(r"\b(?:years|decades)\s+ago\b|\bfor\s+(?:many\s+)?(?:years|decades)\b"
                 r"|\blast\s+year\b", low):
        return True  # "three years ago", "stationed there for decades", "in August last year"
    decades = [int(y) for y in re.findall(r"\b((?:19|20)\d0)'?s\b", when)]
    if decades and (ref is None or max(decades) + 10 <= ref):
        return True  # "in the late 1990s": a decade over before the article's year
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", when)]
    if not years:
        return False
    if not doc.source.published and max(years) <= date.today().year - HISTORY_YEARS:
        return True  # "Soviet troops withdrew from Afghanistan in 1989", in an undated text
    if not doc.source.published and not _DAY.search(_YEAR.sub("", when)) \
            and not any(w in low for w in WEEKDAYS):
        return True  # "in 2022", "in June 2024": news dates its own events by the day
    return ref is not None and max(years) < ref


def _told_when_of(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken) -> bool:
    """A movement in a "when" clause takes the time of the clause it tells the moment of
    ("have guarded the site since 2021, when they first arrived")."""
    if tok.dep_ not in ("advcl", "relcl") or tok.head.i == tok.i:
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children):
        return False
    head = tok.head
    if head.pos_ in ("VERB", "AUX"):
        return is_background(doc, sdoc, head)
    if not re.fullmatch(r"(?:19|20)\d\d", head.text):
        return False
    # "since 2019, when they first arrived": the start of what has lasted since is history
    pub = doc.source.published
    if head.head.lower_ == "since" and not (pub and pub[:4].isdigit()):
        return True
    ref = _reference_year(doc)
    return ref is not None and int(head.text) < ref


# verbs that say where a force is kept rather than that it moved
_STATIONING = frozenset(("station", "base", "garrison"))


def _is_standing_presence(tok: at.SpacyToken) -> bool:
    """"have been stationed in X since the mission began", "are stationed along the front
    year-round": where a force is kept, told in the present or as lasting since, is no
    movement (the news of sending it is)."""
    if lemma_of(tok) not in _STATIONING or tok.tag_ != "VBN":
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.dep_ == "auxpass" for c in aux):
        return False  # "the US has stationed two destroyers off Cyprus": news of a deployment
    present = any(c.tag_ in ("VBP", "VBZ") for c in aux)
    lasting = any(c.lower_ == "since" or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
        for c in tok.children) or any(
        t.lower_ in ("year-round", "permanently") for t in tok.subtree)
    return (present and not any(c.lower_ == "been" for c in aux)) or lasting


def _reference_year(doc: Document) -> int | None:
    pub = doc.source.published
    if pub and pub[:4].isdigit():
        return int(pub[:4])
    return _latest_year(doc.clean_text)


@lru_cache(maxsize=4)
def _latest_year(text: str) -> int | None:
    """The latest year a text mentions (read once per document, not once per verb)."""
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", text)]
    return max(years) if years else None


def is_negated(tok: at.SpacyToken) -> bool:
    return any(c.lower_ in NEGATORS and c.dep_ in ("neg", "det", "advmod") for c in tok.children)


# force words that a name before them makes an armed body ("Fano fighters"), unlike a "Toyota
# truck" or "the Adani group"
NAMED_FORCE_WORDS = frozenset(("force", "forces", "unit", "units", "element", "elements",
                               "fighter", "fighters"))


def _named_owner(force: at.SpacyToken) -> bool:
    """Whether a name owns the force: a capitalised word or a people before a force word that a
    name makes armed ("Tigrayan forces", "Southern Transitional Council forces"), where the
    table of sides may not know the name."""
    if force.lower_ not in NAMED_FORCE_WORDS:
        return False
    return any(c.dep_ in ("compound", "amod", "poss") and c.i < force.i
               and c.text[:1].isupper()
               and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE"))
               for c in force.children)


_CARRY = frozenset(("carry", "transport", "haul", "load", "ferry", "bear"))


def _carries_arms(force: at.SpacyToken) -> bool:
    """A train, a vehicle or an aircraft that carries arms or fighters ("a train with Iskander
    launchers", "helicopters carrying special forces"): what it carries makes it a force."""
    carried = [o for p in force.children if p.dep_ == "prep" and p.lower_ == "with"
               for o in p.children if o.dep_ == "pobj"]
    for v in force.children:
        if v.dep_ in ("acl", "relcl") and v.lemma_.lower() in _CARRY:
            carried += [o for o in v.children if o.dep_ in ("dobj", "nsubjpass")]
            carried += [o for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj"]
    return any(is_force_word(o) and not any(c.lower_ in _NOT_ARMS for c in o.children)
               for o in carried)


# what makes a carried "tank" no arms: "oil tanks", "fuel tanks", "aid trucks"
_NOT_ARMS = CIVILIAN_MODS | {"oil", "fuel", "water", "gas", "storage", "septic"}


def is_military(force: at.SpacyToken, agent: at.SpacyToken | None,
                bounds: tuple[int, int]) -> bool:
    """A force that could be civilian ("an aircraft travelling from London") counts only with an
    owner, a side that moves it, or a military word in its sentence."""
    own = own_words(force)
    if (any(w.lemma_.lower() in CIVILIAN_MODS for w in own if w.i < force.i) or any(
            w.lemma_.lower() in CIVILIAN_MODS and w.head.i != force.i
            for w in own_words(force, ("of",)) if w.i > force.i)) \
            and not any(w.lemma_.lower() in ARMED_MODS for w in own if w.i < force.i):
        return False  # "a container ship", "a UN aid convoy", "a convoy of aid trucks"; not
        # "military cargo planes"
    if head_word(force) not in AMBIGUOUS and force.lower_ not in AMBIGUOUS:
        return True
    if any(side_of_token(w) or w.lemma_.lower() in ARMED_OWNERS
           for f in (force, *container_of(force)) for w in own_words(f)):
        return True  # "Belarusian trucks", "a Belarusian convoy of 30 trucks"
    if any(w.text in NAVY_PREFIXES for c in force.children if c.dep_ == "appos"
           for w in c.subtree):
        return True  # "the carrier USS George Washington": a warship by its name
    if _named_owner(force):
        return True  # "Tigrayan forces", "Southern Transitional Council units"
    if _carries_arms(force):
        return True  # "helicopters carrying special forces", "trucks loaded with shells"
    if force.lemma_.lower() in OWN_WORDS_ONLY:  # its words, or a force beside it ("and tanks")
        return any(w.lemma_.lower() in MILITARY_CUES for w in own_words(force)) or any(
            c.dep_ == "conj" and any(w.lemma_.lower() in MILITARY_CUES for w in own_words(c))
            for c in force.children)
    if agent is not None and side_of_phrase(agent):
        return True
    words = {t.lemma_.lower() for t in force.sent if bounds[0] <= t.idx < bounds[1]}
    if words & MILITARY_CUES:
        return True
    # the sentences around it: "French troops began leaving… A convoy that left last week…"
    doc = force.doc
    sent = force.sent
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    after = doc[sent.end].sent if sent.end < len(doc) else None
    around = {t.lemma_.lower() for x in (before, after) if x is not None for t in x}
    return bool(around & MILITARY_CUES)

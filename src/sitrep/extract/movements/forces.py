"""The force around a trigger: the noun phrase that names a military force, and the agent
that moves it."""

from __future__ import annotations

from collections.abc import Collection

from sitrep.extract import attribution as at
from sitrep.extract.movements.lexicon import (
    AIR_DEFENSE,
    EQUIPMENT,
    PASSABLE,
    PLACE_OBJECT_VERBS,
    ROLE_OF_PREP,
    SIDE_ADVANCE_VERBS,
    SIDE_VERBS,
    TRANSITIVE,
    head_word,
    is_force_word,
    is_noun_trigger,
    lemma_of,
)
from sitrep.extract.movements.owners import (
    own_words,
    ship_prefix_before,
    side_of_phrase,
    side_of_token,
)
from sitrep.sides import ARMED_FORCES, NAVY_PREFIXES, is_armed_group, is_state

_WINDOW = 30


def clause_verb(tok: at.SpacyToken) -> at.SpacyToken:
    """The verb of the clause a word stands in (the word itself if it is one), else the root."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_force(tok: at.SpacyToken) -> bool:
    """A noun phrase whose words name a military force ("a convoy of Russian vehicles")."""
    sdoc = tok.doc
    if tok.lemma_.lower() in ("army", "armada", "legion", "host") and any(
            o.dep_ == "pobj" and not is_force(o) for p in tok.children if p.lower_ == "of"
            for o in p.children):
        return False  # "an army of street cleaners": a crowd, not a force
    for t in own_words(tok, ("of",)):  # "opposition from business groups" is no force
        if t.i == tok.i and _armed_people(t):
            return True
        lemma = head_word(t)
        if t.pos_ in ("NOUN", "PROPN") and is_force_word(t):
            counted = any(c.dep_ in ("nummod", "poss") for c in t.children)
            if lemma in ("man", "men") and not counted:
                continue  # "men" is a force only when counted or owned ("150,000 men", "his men")
            if lemma == "fighter" and t.i + 1 < len(sdoc) and sdoc[t.i + 1].lemma_ == "jet":
                continue
            return True
        if AIR_DEFENSE.search(t.text):
            return True
        if _names_a_ship(t):
            return True
    # "HMS Iron Duke" opening a paragraph: the parser may cut the prefix off its name
    return ship_prefix_before(tok) is not None


# people who are a force when armed or of an armed band: "armed men", "gang members",
# "members of the militia", "men of the Clan del Golfo"
_PEOPLE_OF_BANDS = frozenset(("member", "members", "man", "men"))
_BANDS = frozenset(("gang", "gangs", "militia", "cartel", "armed"))


def _armed_people(t: at.SpacyToken) -> bool:
    """Whether members or men are armed or of an armed band ("heavily armed gang members",
    "Hezbollah members", "men of the militia"), not "members of the choir"."""
    if t.lemma_.lower() not in _PEOPLE_OF_BANDS and t.lower_ not in _PEOPLE_OF_BANDS:
        return False
    if any(c.dep_ in ("amod", "compound") and (c.lower_ in _BANDS or is_armed_group(
            side_of_token(c))) for c in t.children):
        return True
    return any(o.lower_ in _BANDS or is_armed_group(side_of_token(o))
               for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.subtree if o.pos_ in ("NOUN", "PROPN"))


def _names_a_ship(t: at.SpacyToken) -> bool:
    """A ship by its name: a navy prefix, or a class word before a name ("the frigate Admiral
    Essen", "the carrier Liaoning")."""
    if t.text in NAVY_PREFIXES:
        return True
    return (EQUIPMENT.get(t.lower_) == "warships" and t.dep_ in ("amod", "compound", "nmod")
            and t.head.pos_ == "PROPN")


def force_of(tok: at.SpacyToken) -> tuple[at.SpacyToken | None, at.SpacyToken | None]:
    """(the force that moves, the agent that moves it) around a trigger."""
    lemma = lemma_of(tok)
    if is_noun_trigger(tok):
        return _force_of_noun(tok)
    subj = at.subject_of(tok)
    if subj is not None and not is_force(subj):  # "Two landing ships, the Ivan Gren and …,
        # sailed": the parser made the names a second subject; the force is the other
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.i != subj.i and c.pos_ in ("NOUN", "PROPN") and is_force(c)), subj)
    if subj is not None and subj.lower_ in at.RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        subj = subj.head.head
    if subj is not None and subj.lower_ in _PRONOUNS:
        subj = _speaker_itself(subj) or _antecedent(subj) or subj
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    if tok.dep_ == "relcl" and any(o.lower_ in at.RELATIVE_PRONOUNS for o in objs):
        # "the tanks that Israel deployed": the relative pronoun stands for the noun before it
        objs = [tok.head if o.lower_ in at.RELATIVE_PRONOUNS else o for o in objs]
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") \
            and (subj is None or subj.i == tok.i):
        subj = tok.head if is_force(tok.head) else _force_before(tok)
    if tok.lower_ == "route":  # "a column ... is now en route"
        subj = at.subject_of(clause_verb(tok.head))
        return (subj if subj is not None and is_force(subj) else None), None
    if lemma == "show" or lemma in ("stage", "hold", "conduct", "launch", "start", "begin"):
        for o in objs:
            if is_force(o):
                return o, subj
            for w in o.children:  # "staged a drill with aircraft and warships"
                if w.lower_ == "with":
                    forces = [x for x in w.children if x.dep_ == "pobj" and is_force(x)]
                    if forces:
                        return forces[0], subj
        if lemma != "show" and subj is not None:
            withs = [p for p in tok.children if p.lower_ == "with"]
            for w in withs:
                for o in w.children:
                    if o.dep_ == "pobj" and is_force(o):
                        return o, subj
            return (subj if is_force(subj) else None), subj
        return None, subj
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    if passive and not (subj is not None and is_force(subj)):
        # "the village was entered by Ukrainian troops": the force is the agent (not in
        # "troops were moved by train")
        by = [o for c in tok.children if c.dep_ == "agent" for o in c.children
              if o.dep_ == "pobj" and is_force(o)]
        if by:
            return by[0], None
    if lemma == "commit" and not passive:
        return None, subj  # "has committed half its forces": a share, told as a claim
    if lemma in TRANSITIVE and not passive and not objs and tok.dep_ == "relcl" \
            and is_force(tok.head):
        return tok.head, subj  # "the 150,000 men Putin amassed"
    if lemma in TRANSITIVE and not passive:
        for o in objs:
            if is_force(o):
                return o, subj
            if o.lower_ in ("themselves", "itself") and subj is not None and is_force(subj):
                return subj, subj  # "forces establishing themselves at Rechitsa"
        if not objs and subj is not None and not is_force(subj):
            after = _force_after(tok)  # the parse lost the object ("has amassed some 40,000
            if after is not None:     # troops near X, the army said")
                return after, subj
        if sends_something_else(tok):
            return None, subj  # "the navy sent a letter", "the army sent a delegation": what is
            # sent moves, and it is no force
    seen = [c for v in tok.children if v.dep_ in ("ccomp", "xcomp")
            for c in v.children if c.dep_ == "nsubj"] if lemma in WATCHING else []
    if seen and not passive and subj is not None:
        # "patrol planes saw frigates sail through X": who watches is no force on the move;
        # the force is the one the seen clause moves (a headline's "convoy spotted heading
        # south" has no seen clause: the convoy is the one seen)
        return (seen[0] if is_force(seen[0]) else None), subj
    if subj is not None and (is_force(subj) or _group_on_the_move(tok, subj)):
        return subj, None
    if subj is not None and lemma in SIDE_VERBS and at.side_of(subj.text):
        return None, subj
    direct = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if not direct and lemma not in TRANSITIVE | {"show"}:
        # a parse that lost the subject (quotes, dashes): the force named just before the verb
        return _force_before(tok), subj
    return None, subj


# verbs whose object is what moves: a subject that sends a letter stays where it is
_SENDS_THINGS = frozenset(("send", "dispatch", "transfer", "move", "rush", "deploy", "redeploy",
                           "relocate", "redirect"))
# what a force steps up or intensifies that is no movement of its own
_PRESSURE = frozenset(("attack", "assault", "strike", "pressure", "shelling", "bombardment",
                       "raid", "offensive", "operation", "fire", "drone"))
_STEPS_UP = frozenset(("step", "ramp", "intensify", "increase", "escalate", "scale"))


def sends_something_else(verb: at.SpacyToken) -> bool:
    """Whether what the verb sends is words or envoys, no force ("sent a letter to Congress",
    "dispatched a delegation to Jeddah", "sent text messages to residents"): its subject stays
    where it is."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return lemma_of(verb) in _SENDS_THINGS and bool(objs) and all(
        o.lemma_.lower() in _WORDS_AND_ENVOYS for o in objs)


# what is sent that is no force: words, and the people who carry them
_WORDS_AND_ENVOYS = frozenset(("letter", "message", "note", "telegram", "text", "request",
                               "invitation", "warning", "proposal", "ultimatum", "complaint",
                               "protest", "report", "document", "condolence", "congratulation",
                               "greeting", "delegation", "envoy", "negotiator", "mediator",
                               "diplomat", "representative", "emissary", "signal", "reply",
                               "response", "statement", "email"))


def steps_up_pressure(verb: at.SpacyToken) -> bool:
    """"stepped up attacks on Pokrovsk", "intensified its shelling of Kherson": pressure, which
    a sentence model may read as a build-up, is no movement."""
    return lemma_of(verb) in _STEPS_UP and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PRESSURE for c in verb.children)


def _group_on_the_move(verb: at.SpacyToken, subj: at.SpacyToken) -> bool:
    """"The RSF advanced into El Fasher", "the IDF entered Rafah": an armed group or an army
    named by its own name is the force, when the verb takes it to or from a place."""
    side = side_of_token(subj)
    if not (is_armed_group(side) or subj.text in ARMED_FORCES):
        return False
    return _to_a_place(verb)


_INTO = frozenset(("into", "to", "toward", "towards", "on", "across", "through"))


def side_moves_into_a_place(verb: at.SpacyToken) -> bool:
    """Whether a verb of ground taken carries a whole side into a place ("Israel pushed into
    Gaza City", "Russia advanced on Pokrovsk", "Azerbaijan entered Lachin"), not only to
    something done in one ("entered talks in Doha", "pushed into the final in Berlin")."""
    subj = at.subject_of(verb)
    if lemma_of(verb) not in SIDE_ADVANCE_VERBS or subj is None or subj.tag_ != "NNP" \
            or subj.ent_type_ == "NORP" or not is_state(at.side_of(subj.text)):
        return False  # a people ("ethnic Armenians crossed into Armenia") is no side on the move
    return _to_a_place(verb, _INTO)


def _to_a_place(verb: at.SpacyToken, preps: Collection[str] = ROLE_OF_PREP.keys()) -> bool:
    """Whether a verb takes its subject to or from a place by one of `preps` ("into El Fasher",
    "pushed deeper into X") or as its object ("entered Rafah")."""
    kids = [*verb.children, *(x for c in verb.children if c.dep_ in ("advmod", "prt")
                              for x in c.children)]  # "pushed deeper into X"
    return any(is_place_word(o) for c in kids if c.dep_ == "prep" and c.lower_ in preps
               for o in c.children if o.dep_ == "pobj") or (
        lemma_of(verb) in PLACE_OBJECT_VERBS
        and any(is_place_word(o) for o in verb.children if o.dep_ == "dobj"))


def is_place_word(tok: at.SpacyToken) -> bool:
    """A name (the tagger often takes a small town for a person or a firm) or a noun of
    ground ("the border", "positions"), not a date."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC") \
        or tok.lemma_.lower() in PASSABLE


# verbs of watching: their subject watches, their object or seen clause moves
WATCHING = frozenset(("see", "spot", "observe", "photograph", "detect", "sight", "notice"))


_PRONOUNS = {"they": ("NNS", "NNPS"), "it": ("NN", "NNP")}


def _speaker_itself(pron: at.SpacyToken) -> at.SpacyToken | None:
    """"Ethiopia said it had moved 17 battalions", "the Kremlin said it had withdrawn": "it"
    after a side's speech verb is that side, not a force named before."""
    speech = at.speech_ancestor(pron.head)
    if pron.lower_ != "it" or speech is None or speech.i > pron.i:
        return None
    speaker = at.subject_of(speech)
    if speaker is None or speaker.tag_ not in ("NN", "NNP") or not side_of_phrase(speaker):
        return None
    return speaker


def _antecedent(pron: at.SpacyToken) -> at.SpacyToken | None:
    """The force a subject pronoun stands for: the nearest force named before it (a subject or
    an object), in its own sentence or the one before, in the same paragraph, of the pronoun's
    number ("Rebel fighters took the airport. Hours later they pushed into the city")."""
    sdoc = pron.doc
    sent = pron.sent
    lo = sdoc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    tags = _PRONOUNS[pron.lower_]
    for t in reversed(sdoc[lo:pron.i]):
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if not at.same_line(t, pron):
            return None
        if t.tag_ in tags and is_force(t):
            return t
    return None


def _force_of_noun(tok: at.SpacyToken) -> tuple[at.SpacyToken | None, at.SpacyToken | None]:
    """"the withdrawal of troops", "an incursion by Azerbaijani troops", "a troop buildup",
    "Russia's withdrawal": the force from "of"/"by" or a modifier, else the side that owns it."""
    agent = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            for o in c.children:
                if o.dep_ == "pobj" and is_force(o):
                    return o, None
        elif c.dep_ in ("compound", "amod", "nmod") and is_force(c):
            return c, None
        elif c.dep_ == "poss":
            agent = c
    if agent is not None and agent.lower_ in ("its", "their"):
        # "Russian forces completed their withdrawal": the clause's own subject first
        verb = clause_verb(tok.head)
        subj = at.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and is_force(subj):
            return subj, None
        speech = at.speech_ancestor(tok)
        agent = subj if subj is not None and side_of_phrase(subj) else (
            at.subject_of(speech) if speech is not None else None)
    return None, agent


def _force_after(tok: at.SpacyToken) -> at.SpacyToken | None:
    """The force noun a few words after a verb, before any other verb."""
    for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 7)]:
        if t.pos_ in ("VERB", "AUX"):
            return None
        if t.pos_ == "NOUN" and is_force_word(t) and is_force(t):
            return t
    return None


def _force_before(tok: at.SpacyToken) -> at.SpacyToken | None:
    """The nearest force noun before `tok` in its sentence, not inside another verb's object
    or a capability ("capable of carrying missiles")."""
    sent = tok.sent
    cands = []
    for t in reversed(tok.doc[max(sent.start, tok.i - _WINDOW):tok.i]):
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(a.lemma_.lower() in ("capable", "able") for a in list(t.ancestors)[:4]):
            continue
        if is_force_word(t) and is_force(t):
            cands.append(t)
    # a force with an owner ("Russian military convoy") before a bare one ("other vehicles")
    owned = [t for t in cands if any(side_of_token(w) for w in own_words(t))]
    return (owned or cands or [None])[0]


def container_of(force: at.SpacyToken) -> list[at.SpacyToken]:
    """The force whose "of" phrase this one is ("a Turkish convoy of 50 vehicles"): its owner
    owns what it holds, and its words say what it is."""
    prep = force.head
    if force.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i \
            and is_force(prep.head):
        return [prep.head]
    return []

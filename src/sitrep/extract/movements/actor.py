"""The side that owns a moving force."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from sitrep.extract import attribution as at
from sitrep.extract.movements.forces import container_of, is_force
from sitrep.extract.movements.found import Found
from sitrep.extract.movements.lexicon import EQUIPMENT, lemma_of
from sitrep.extract.movements.owners import is_sponsor, own_words, side_of_phrase, side_of_token
from sitrep.extract.quotes import QuoteSpan, find_quote_spans
from sitrep.records import Place
from sitrep.sides import ARMED_FORCES, country_name, find_sides, is_state, side_in
from sitrep.vocabulary import english_words


def actor_of(force: at.SpacyToken | None, agent: at.SpacyToken | None, observer: str | None,
             found: list[Found], places: Collection[str] = ()) -> str | None:
    """The side that owns the force: words in its phrase, its possessor, the agent that moves it,
    an army speaking for itself, else the side of the movement read before it; `places`: the
    document's place names, which are no armed group's."""
    if _names_the_enemy(force, agent):
        # whose the enemy is, or no one's: never the speaker's own, nor the last force's
        return _enemy_of_speaker(force, agent, observer)
    if force is not None:
        words = own_words(force)
        for t in words:
            if t.lower_ in at.PROXIES:
                return at.PROXIES[t.lower_]
        named = _named_group(force)
        if named:  # "Sudan's paramilitary Rapid Support Forces": the group, not whose country
            return named
        # its own modifiers first: "Danish troops from Mali" are Denmark's; "troops from the
        # Russian Navy" are Russia's
        own = own_words(force, ("of",))
        sponsors = [s for s in (side_of_token(t) for t in own if is_sponsor(t)) if s]
        sides = _multiword_side(force) \
            or [s for s in (side_of_token(t) for t in own if not is_sponsor(t)) if s]
        if not sides and agent is not None and agent.lower_ not in ("it", "they") \
                and (mover := _side_of_agent(agent)):
            # "Russia is transferring S-400s from Syria": the side that moves them owns them,
            # not the one their "from" phrase names
            return mover
        sides = sides or [s for s in (side_of_token(t) for t in words if not is_sponsor(t)) if s]
        # "Two Russian corvettes and a submarine": one owner for the coordinated forces; "six
        # warships, including a submarine from the Russian Navy": the part's owner is the whole's;
        # "the destroyer USS Carney": the ship's name says whose it is
        for other in [*_coordinated_forces(force), *_included_forces(force),
                      *(c for c in force.children if c.dep_ == "appos"),  # "…, USS Carney"
                      *container_of(force)]:
            sides = sides or [s for s in (side_of_token(t) for t in own_words(other)) if s]
        if sides:
            return sides[-1]
        for t in words:
            if t.ent_type_ == "ORG" and t.pos_ == "PROPN" and not _MODEL.match(t.text) \
                    and not _left_from(t):
                named = _org_side(t)
                if at.side_of(named) is None and _names_the_machine(force, t):
                    continue  # "the frigate Admiral Grigorovich", "Leopard tanks": a name
                if at.side_of(named) is not None or not (_is_formation(named)
                                                         or _numbered_name(t)):
                    return named  # "the 162nd Division" is a formation, not a side
        if sponsors:  # "UAE-backed forces": a proxy named by its sponsor alone
            return sponsors[-1]
        named_group = _group_before(force, places)
        if named_group:
            return named_group
        poss = [t for t in words if t.dep_ == "poss" and t.lower_ in ("its", "their", "his")]
        if poss and agent is None:
            agent = at.subject_of(force.head) if force.dep_ != "nsubj" else None
            if agent is None:  # "the ministry said its troops had entered": the speaker's own
                speech = at.speech_ancestor(force)
                agent = at.subject_of(speech) if speech is not None else None
    they = agent is not None and agent.lower_ == "they" and _quoted(agent)
    if agent is not None and agent.lower_ in ("it", "they"):
        agent = _antecedent(agent)
    if agent is not None:
        side = _side_of_agent(agent) or _group_named(agent)
        if side:
            return side
    if observer and not they and (re.search(
            r"\b(?:military|army|forces|navy|defen[cs]e forces)\b", observer, re.I)
            or observer in ARMED_FORCES):  # "the IDF said the 36th Division had moved"
        side = at.side_of(observer.split()[0])
        if side:
            return side
    side = _army_named_before(force) if force is not None else None
    if side:
        return side
    if agent is not None and agent.lower_ in _ARMY_WORDS and agent.pos_ != "PROPN":
        # "the army and its auxiliaries have deployed battalions": the army's side
        side = _army_before(agent)
        if side:
            return side
    tok = force if force is not None else agent
    issuing = at.per_document(tok.doc, "sitrep_issuer_side", _issuer_side) \
        if tok is not None else None
    if issuing:  # a side's own bulletin: a unit it names without an owner is its own
        return str(issuing)
    return found[-1].movement.actor if found else None


def _issuer_side(doc: at.SpacySpan) -> str | None:
    return at.issuer_side(doc.text)  # kept in the parse: a Doc's text is rebuilt at each read


# how a side's own bulletin names the side it fights
_ENEMY_WORDS = frozenset(("enemy", "occupiers", "occupier", "invaders", "adversary",
                          "occupation"))


def _names_the_enemy(force: at.SpacyToken | None, agent: at.SpacyToken | None) -> bool:
    words = [*(own_words(force) if force is not None else []),
             *([force] if force is not None else []), *([agent] if agent is not None else [])]
    return any(t.lower_ in _ENEMY_WORDS for t in words)


def _enemy_of_speaker(force: at.SpacyToken | None, agent: at.SpacyToken | None,
                      observer: str | None) -> str | None:
    """"The enemy has transferred units", "the occupiers continue to accumulate…": in a side's
    own report, the other side (the state it names most); the speaker is the movement's
    observer, else the report's issuer ("General Staff of the Armed Forces of Ukraine |
    Operational update")."""
    doc = (force if force is not None else agent).doc  # type: ignore[union-attr]
    speaker = (side_in(observer) if observer else None) or at.per_document(
        doc, "sitrep_issuer_side", _issuer_side)
    if speaker is None:
        return None
    return _main_state(doc, but=speaker)


def _side_of_agent(agent: at.SpacyToken) -> str | None:
    """The side of the one that moves a force: a group by its name, one whose name is several
    words ("Nigeria's Boko Haram insurgents moved fighters": Boko Haram, not Nigeria), else the
    last side its phrase names."""
    return _named_group(agent) or next(iter(_multiword_side(agent)), None) \
        or side_of_phrase(agent)


def _multiword_side(force: at.SpacyToken) -> list[str]:
    """A side whose name is several words right before the force ("Islamic State Sahel Province
    fighters", "Hayat Tahrir al-Sham fighters"), which no single word of it names (or a wrong one:
    "Islamic State Somalia Province" is no Somali force)."""
    k = force.i - 1
    while k >= force.sent.start and (force.doc[k].text[:1].isupper()
                                     or force.doc[k].lower_ in _NAME_JOINERS
                                     or at.inner_hyphen(force.doc[k])):
        k -= 1
    words = force.doc[k + 1:force.i]
    first = find_sides(words.text)[:1] if len(words) >= 2 else []
    # the name must open the run and be more than one word
    return [first[0].name] if first and first[0].start == 0 \
        and " " in words.text[first[0].start:first[0].end] else []


_NAME_JOINERS = frozenset(("al", "el", "of", "wal", "de", "del"))


# the people of an armed group, which its name may stand before ("Fano militiamen", "Viv Ansanm
# gang members"); and the group nouns between that name and them
_GROUP_PEOPLE = frozenset(("fighters", "militiamen", "militias", "militants", "rebels", "gunmen",
                           "members", "insurgents", "guerrillas", "combatants", "separatists",
                           "jihadists"))
_GROUP_NOUNS = frozenset(("gang", "militia", "rebel", "group", "faction"))
_NOT_GROUP_LABELS = frozenset(("GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL", "ORDINAL"))


def _group_before(force: at.SpacyToken, places: Collection[str]) -> str | None:
    """The name of an armed group no side table knows, written right before its people ("Fano
    militiamen pushed into Gondar", "Viv Ansanm gang members moved into Kenscoff"): not a place
    ("Kherson fighters"), not a common word that opens the sentence ("Rebel fighters")."""
    if force.lower_ not in _GROUP_PEOPLE:
        return None
    head = force
    while head.i > 0 and head.nbor(-1).lower_ in _GROUP_NOUNS and head.nbor(-1).head.i == head.i:
        head = head.nbor(-1)  # "Viv Ansanm gang members": the name stands before "gang"
    run: list[at.SpacyToken] = []
    k = head.i - 1
    while k >= force.sent.start and force.doc[k].dep_ in ("compound", "amod", "nmod") \
            and force.doc[k].text[:1].isupper() and force.doc[k].is_alpha:
        run.insert(0, force.doc[k])
        k -= 1
    if not run:
        return None
    name = force.doc[run[0].i:run[-1].i + 1].text
    side = at.side_of(name)
    if side is not None:
        return side
    if len(run) == 1 and run[0].i == force.sent.start and run[0].lower_ in english_words():
        return None  # "Rebel fighters", "Elite fighters": a capital that only opens the sentence
    if name in places or (len(run) == 1 and run[0].ent_type_ in _NOT_GROUP_LABELS) \
            or _is_formation(name) or _STATE_MILITARY.search(name):
        return None  # "Kherson fighters", "Western fighters", "Army fighters"
    return name


_ARMY_WORDS = frozenset(("army", "military", "navy", "junta", "government", "regime"))
_ARMY_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:armed|security|government|regular)\s+)?"
                         r"(?:army|military|armed\s+forces|navy|junta|government|regime|forces)\b",
                         re.I)


def _army_named_before(force: at.SpacyToken) -> str | None:
    """"The army's 16th Division", "army troops": the side of the army the article named
    before ("Sudan's army said…", "the Sudanese military"), read as "the ministry" is."""
    words = {t.lower_ for t in own_words(force)} | ({force.head.head.lower_}
                                                    if force.head.lower_ == "of" else set())
    if not words & _ARMY_WORDS:
        return None
    return _army_before(force)


def _army_before(force: at.SpacyToken) -> str | None:
    """The side of the last army named before `force`, else the article's main state."""
    armies = at.per_document(force.doc, "sitrep_armies", lambda doc: tuple(
        (m.end, m.name) for m in find_sides(doc.text) if _ARMY_AFTER.match(doc.text, m.end)))
    named = [name for end, name in armies if end <= force.idx]
    if named:
        return named[-1]
    # none named before: the state the article names most ("junta troops" in a report on
    # Myanmar's war are Myanmar's, though the rebels fighting them are named more)
    return at.per_document(force.doc, "sitrep_main_state", _main_state)


def _main_state(doc: at.SpacySpan, but: str | None = None) -> str | None:
    """The state the article names most (other than `but`)."""
    counts = Counter(m.name for m in find_sides(doc.text) if is_state(m.name) and m.name != but)
    return counts.most_common(1)[0][0] if counts else None


# a type of aircraft, ship or vehicle ("Su-34", "Tu-22M3", "MQ-9", "T-72B3"), which the tagger
# now and then calls an organisation: what the force is, never whose
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Za-z\d]*s?$")


def _names_the_machine(force: at.SpacyToken, name: at.SpacyToken) -> bool:
    """Whether a name no side table knows is the force's own name or its model ("the frigate
    Admiral Grigorovich", "Leopard tanks", "the Nimitz carrier group"): a ship, a vehicle or an
    aircraft has no owner in its name, a unit of people may ("Azov fighters")."""
    def kind(t: at.SpacyToken) -> str | None:
        return EQUIPMENT.get(t.lemma_.lower()) or EQUIPMENT.get(t.lower_)

    top = name
    while top.dep_ in ("compound", "flat") and top.head.i != top.i and top.i != force.i \
            and top.head.i != force.i:
        top = top.head
    if force.pos_ == "PROPN" and (top.i == force.i or top.dep_ == "compound"):
        # the name is the force: "the frigate Admiral Grigorovich sailed"
        kinds = {kind(c) for c in force.children
                 if c.dep_ in ("amod", "compound", "appos") and c.pos_ != "PROPN"}
    else:
        kinds = {kind(force)} if top.head.i == force.i and \
            top.dep_ in ("compound", "appos", "nmod") else set()
    return bool(kinds - {None, "troops"}) and "troops" not in kinds


def _left_from(t: at.SpacyToken) -> bool:
    """A name in the "from X" phrase of the force that no side table knows: where the force
    came from (a town the tagger took for an organisation: "elements of the 20th Army from
    Belgorod"), not whose it is; a known side there ("troops from the Russian Navy") was read
    before."""
    top = t
    while top.dep_ in ("compound", "amod", "nmod") and top.head.i != top.i:
        top = top.head
    return top.dep_ == "pobj" and top.head.lower_ == "from"


def _included_forces(force: at.SpacyToken) -> list[at.SpacyToken]:
    """The forces an "including" phrase names as part of this one."""
    return [o for p in force.children if p.dep_ == "prep" and p.lower_ == "including"
            for o in p.children if o.dep_ == "pobj" and is_force(o)]


def _coordinated_forces(force: at.SpacyToken) -> list[at.SpacyToken]:
    """The forces joined to this one by "and" ("corvettes and a submarine")."""
    out = [c for c in force.children if c.dep_ == "conj" and is_force(c)]
    if force.dep_ == "conj" and is_force(force.head):
        out.append(force.head)
    return out


def _group_named(agent: at.SpacyToken) -> str | None:
    """An armed group no side table knows, named as the one that moves its force ("The Karen
    National Liberation Army moved fighters toward Myawaddy"): its own name, not the side of
    whoever reports it."""
    if agent.pos_ != "PROPN" or _MODEL.match(agent.text) or not (
            agent.ent_type_ == "ORG" or agent.lower_ in _GROUP_WORDS):
        return None
    if _numbered_name(agent):
        return None  # "the 20th Combined Arms Army": a numbered formation
    named = _org_side(agent) if agent.ent_type_ == "ORG" else " ".join(
        [*(w.text for w in agent.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"),
         agent.text])
    side = at.side_of(named)
    if side is not None:
        return side
    if len(named.split()) < 2 and not named.isupper() or _STATE_MILITARY.search(named):
        return None  # "Apparatus", cut from a longer name; "the National Armed Forces": a state's
    return None if _is_formation(named) else named


def _named_group(force: at.SpacyToken) -> str | None:
    """The armed group a force is by its own name ("the Rapid Support Forces", "Wagner
    Group"), where the side table knows it as a group and not as a state's own."""
    if force.pos_ != "PROPN":
        return None
    ent = next((e for e in at.ents(force.doc) if e.start <= force.i < e.end), None)
    if ent is None or ent.label_ not in ("ORG", "NORP"):
        return None
    side = at.side_of(re.sub(r"^(?:the|The)\s+", "", ent.text))
    return side if side is not None and not is_state(side) else None


def _org_side(t: at.SpacyToken) -> str:
    """The side an organisation's name stands for ("Rapid Support Forces" -> RSF), else the
    whole name as written."""
    ent = next((e for e in at.ents(t.doc) if e.start <= t.i < e.end), None)
    text = re.sub(r"^(?:the|The)\s+", "", ent.text if ent is not None else t.text)
    text = re.sub(r"\s*['’]s?$", "", text)  # "the 82nd Airborne Division's ready brigade"
    return at.side_of(text) or at.side_of(t.text) or text


def _antecedent(pron: at.SpacyToken) -> at.SpacyToken | None:
    """What "it"/"they" stands for: the nearest subject before it in the sentence that names a
    side ("Russia is looking…, but… because it has committed"), else the speaker above it."""
    for t in reversed(pron.doc[pron.sent.start:pron.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and at.same_line(t, pron) and side_of_phrase(t) \
                and lemma_of(t.head) not in at.SPEECH_VERBS:
            return t
    if pron.lower_ == "they" and _quoted(pron):
        return None  # quoted, a speaker tells of their own side as "we": "they" are the others
    speech = at.speech_ancestor(pron.head)
    return at.subject_of(speech) if speech is not None else None


# an organisation named after its formation ("the 22nd Infantry Division", "Black Sea Fleet")
_FORMATION = re.compile(r"\b(?:division|brigade|regiment|corps|battalion|fleet|army|sector|"
                        r"group|squadron|flotilla|company|unit|units|detachment)$", re.I)


# an army, group or unit is a formation when numbered ("the 20th Army", "Task Group 55");
# unnumbered it is an armed group's own name ("the Arakan Army", "the Wagner Group")
_NUMBERED = re.compile(r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                       r"tenth)\b", re.I)
_GROUP_HEADS = re.compile(r"\b(?:army|group|unit|units)$", re.I)


# a state's own military named by an adjective no side table holds ("the Bolivarian National
# Armed Forces"): a state's, whose name the words do not give
_STATE_MILITARY = re.compile(r"\b(?:armed|defen[cs]e)\s+forces$", re.I)


# the heads of armed groups' own names, which the tagger does not always call organisations
# ("the Polisario Front", "the Chin Brotherhood Alliance")
_GROUP_WORDS = frozenset(("front", "army", "movement", "alliance", "militia", "brigades",
                          "forces", "council", "organisation", "organization", "group", "brigade"))


def _numbered_name(t: at.SpacyToken) -> bool:
    """Whether the name `t` stands in follows a number the tagger left out of it ("the 20th |
    Combined Arms Army")."""
    ent = next((e for e in at.ents(t.doc) if e.start <= t.i < e.end), None)
    if ent is None or ent.start == 0:
        return False
    before = t.doc[ent.start - 1]
    return before.like_num or bool(_NUMBERED.search(before.text))


def _is_formation(name: str) -> bool:
    if _GROUP_HEADS.search(name) and not _NUMBERED.search(name) and len(name.split()) > 1:
        return False  # "the Arakan Army", not a bare "Army"
    return bool(_FORMATION.search(name))


# owners that make a force its own country's: "federal troops", "government forces"
_STATE_OWNERS = frozenset(("government", "federal", "national", "state"))
# areas no one country holds, whatever country code the gazetteer gives them
_NO_ONES_AREAS = frozenset(("ocean", "sea", "continent"))


def home_state(force: at.SpacyToken | None, places: list[Place]) -> str | None:
    """A state's own forces named by no side ("federal troops arrived in X", "government forces
    withdrew from Y") belong to the country their places are in, when they are all in one."""
    if force is None or not any(t.lower_ in _STATE_OWNERS for t in own_words(force)):
        return None
    countries = {p.country for p in places if p.country and p.kind not in _NO_ONES_AREAS}
    return country_name(countries.pop()) if len(countries) == 1 else None


@lru_cache(maxsize=4)
def _quotations(text: str) -> tuple[QuoteSpan, ...]:
    return tuple(find_quote_spans(text))


def _quoted(tok: at.SpacyToken) -> bool:
    """Whether the word stands inside a quotation (the quotes reader's own pairing of marks)."""
    return any(q.start <= tok.idx < q.end for q in _quotations(tok.doc.text))

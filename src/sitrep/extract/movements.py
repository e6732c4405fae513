"""Military movements: a force that is moving, deployed, withdrawing, massing or seen on its way.

Rules on the spaCy parse of the sentences that hold a trigger word ("heading", "deployed",
"withdrew", "amassed", "passed through", "were seen in", "images show"): the trigger's subject or
object must be a force ("convoy", "troops", "warships") or a side ("Moscow withdrew"); the side
that owns it comes from the words around it ("Russian convoy" -> Russia); places come from
doc.places, linked by the preposition that leads to them ("towards" -> destination, "from" ->
origin, "in"/"through" -> location); the observer from the speech verb above the trigger or
"according to X". Hypothetical ("could launch"), negated and demanded ("called for Rwanda to
withdraw") movements are left out, and the same movement told twice in one article is kept once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from sitrep.clean.lines import is_title_line
from sitrep.dates import WEEKDAYS, resolve_date
from sitrep.extract import attribution as at
from sitrep.extract.judge import Judge
from sitrep.records import Document, Movement, Place, PlaceRef
from sitrep.sides import NAVY_PREFIXES, is_state

# trigger lemma -> status
_TRIGGERS = {
    # relocating, airlifting, fleeing, regrouping, circling, landing troops, falling back
    "shift": "en_route", "airlift": "arrived", "flee": "withdrawing", "regroup": "massing",
    "circle": "deployed", "disembark": "arrived", "fall": "withdrawing",
    "head": "en_route", "move": "en_route", "advance": "en_route", "redirect": "en_route",
    "relocate": "en_route", "transfer": "en_route", "march": "en_route", "roll": "en_route",
    "push": "en_route", "approach": "en_route", "converge": "en_route", "bear": "en_route",
    "travel": "en_route", "draw": "en_route", "make": "en_route", "close": "en_route",
    "withdraw": "withdrawing", "retreat": "withdrawing", "pull": "withdrawing",
    "mass": "massing", "amass": "massing", "assemble": "massing", "gather": "massing",
    "concentrate": "massing", "build": "massing", "muster": "massing", "reinforce": "massing",
    "reposition": "massing",
    "deploy": "deployed", "redeploy": "deployed", "station": "deployed", "send": "deployed",
    "dispatch": "deployed", "commit": "deployed", "position": "deployed", "establish": "deployed",
    "spot": "deployed", "see": "deployed", "observe": "deployed", "photograph": "deployed",
    "show": "deployed", "stage": "deployed", "hold": "deployed", "conduct": "deployed",
    "launch": "deployed", "start": "deployed", "begin": "deployed",
    "arrive": "arrived", "reach": "arrived", "enter": "arrived", "penetrate": "arrived",
    "land": "arrived",
    "pass": "transiting", "transit": "transiting", "sail": "transiting", "cross": "transiting",
    "carry": "transiting",
    # frames beyond the first articles: leaving, returning, removing, linking up, being detected
    # or operating somewhere, flying through, docking, consolidating
    "leave": "withdrawing", "depart": "withdrawing", "remove": "withdrawing",
    "return": "arrived", "link": "arrived", "dock": "arrived",
    "detect": "deployed", "sight": "deployed", "notice": "deployed", "operate": "deployed",
    "patrol": "deployed", "rotate": "deployed",
    "consolidate": "massing", "accumulate": "massing",
    "traverse": "transiting", "fly": "transiting",
}
# nouns that tell a movement ("the withdrawal of troops from X", "an incursion by Y into Z")
_NOUN_TRIGGERS = {
    "withdrawal": "withdrawing", "pullout": "withdrawing", "pullback": "withdrawing",
    "departure": "withdrawing", "retreat": "withdrawing",
    "deployment": "deployed", "redeployment": "deployed", "dispatch": "deployed",
    "incursion": "deployed", "arrival": "arrived", "buildup": "massing", "build-up": "massing",
    "concentration": "massing", "transit": "transiting", "passage": "transiting",
}
# verbs above a trigger that make it no fact: plans, demands, talks, refusals, denials
_NOT_FACT = frozenset({
    "plan", "intend", "propose", "consider", "call", "demand", "urge", "want", "seek", "ask",
    "threaten", "prepare", "negotiate", "discuss", "agree", "approve", "deny", "reject",
    "refuse", "order", "vow", "pledge", "promise", "offer", "aim", "hope", "decide", "authorize",
    "authorise", "mull", "weigh", "rule", "oppose", "avoid", "prevent", "stop", "block",
})
# triggers that need something more to be a movement
_NEEDS_PREP = {"head": ("to", "towards", "toward", "for", "into"), "pass": ("through", "via"),
               "carry": ("through", "via", "to", "towards", "toward", "into", "across"),
               "close": ("on",), "bear": ("on", "to", "towards")}
_OPERATIONS = frozenset({"drill", "drills", "exercise", "exercises", "raid", "raids", "patrol",
                         "patrols", "manoeuvres", "maneuvers"})
_OBSERVED = frozenset({"spot", "see", "observe", "photograph"})
_TRANSITIVE = frozenset({"send", "dispatch", "commit", "deploy", "redeploy", "station", "position",
                         "move", "mass", "amass", "assemble", "gather", "concentrate", "build",
                         "muster", "reinforce", "reposition", "redirect", "relocate", "transfer",
                         "withdraw", "pull", "draw", "establish", "remove", "rotate",
                         "consolidate", "accumulate",
                         # who sees a force names it as the object: "radar detected six ships"
                         "detect", "spot", "see", "observe", "sight", "notice", "photograph"})
# verbs that put a force somewhere else; done, with "to", the force stands deployed there
_RELOCATE = frozenset({"move", "transfer", "relocate", "shift"})
_SIDE_VERBS = frozenset({"withdraw", "retreat", "pull"})  # "Moscow withdrew": a side as the force
# heads that stand for a whole side ("the Russian side withdrew")
_SIDE_HEADS = frozenset({"side", "government", "army", "military", "regime", "junta", "leadership",
                         "command", "state", "country", "forces", "force", "troops"})
# modifiers that make an ambiguous force a civilian one ("a container ship", "an aid convoy")
_CIVILIAN_MODS = frozenset({"container", "cargo", "merchant", "aid", "humanitarian", "civilian",
                            "fishing", "passenger", "commercial", "relief", "food", "grain",
                            "tourist", "cruise"})
# verbs that may govern an infinitive trigger and keep it a fact ("began moving", "poised to enter")
_ASPECT = frozenset({"begin", "start", "continue", "poise", "appear", "seem", "keep", "resume",
                     "send", "deploy", "dispatch", "move", "respond", "believe", "estimate",
                     "think", "report", "say", "know", "understand", "see", "spot", "observe",
                     "expect", "confirm", "complete", "finish", "detect", "claim", "allege",
                     "suspect", "assess", "happen"})
_MODALS = frozenset({"could", "would", "might", "may", "should", "will", "can", "must", "'ll",
                     "shall", "wo", "ca"})
_NEGATORS = frozenset({"no", "never", "not", "n't", "none"})

# force words -> equipment of records.EQUIPMENT
_EQUIPMENT = {
    # irregular and police forces move like troops ("insurgents pulled out of the town")
    "insurgent": "troops", "gunman": "troops", "jihadist": "troops", "militia": "troops",
    "militiaman": "troops", "guerrilla": "troops", "police": "troops", "detachment": "troops",
    "flotilla": "warships", "garrison": "troops",
    "troop": "troops", "troops": "troops", "force": "troops", "forces": "troops",
    "soldier": "troops", "infantry": "troops", "personnel": "troops", "man": "troops",
    "men": "troops", "fighter": "troops", "mercenary": "troops", "reservist": "troops",
    "reinforcement": "troops", "unit": "troops", "battalion": "troops", "brigade": "troops",
    "division": "troops", "regiment": "troops", "army": "troops", "paratrooper": "troops",
    "paratroops": "troops", "commando": "troops", "marine": "troops", "officer": "troops",
    "conscript": "troops", "rebel": "troops", "militant": "troops", "contingent": "troops",
    "staff": "troops", "combatant": "troops", "guard": "troops", "peacekeeper": "troops",
    "gendarme": "troops", "tank": "tanks",
    "vehicle": "armored_vehicles", "apc": "armored_vehicles", "carrier": "armored_vehicles",
    "artillery": "artillery", "howitzer": "artillery", "launcher": "artillery",
    "truck": "trucks", "lorry": "trucks", "logistics": "logistics", "logistical": "logistics",
    "supply": "logistics", "supplies": "logistics", "fuel": "logistics",
    "warship": "warships", "ship": "warships", "vessel": "warships", "destroyer": "warships",
    "frigate": "warships", "submarine": "warships", "navy": "warships", "corvette": "warships",
    "cruiser": "warships", "fleet": "warships", "boat": "warships",
    "aircraft": "aircraft", "jet": "aircraft", "plane": "aircraft", "bomber": "aircraft",
    "drone": "aircraft", "helicopter": "helicopters", "missile": "missiles",
    "s-400": "air_defense", "s-300": "air_defense", "patriot": "air_defense",
}
# force words that can be the moving thing itself (a "convoy" moves; "supplies" alone do not)
_FORCE_HEADS = frozenset(set(_EQUIPMENT) - {"supply", "supplies", "fuel", "logistical", "man",
                                            "staff", "guard", "launcher", "missile"}
                         | {"convoy", "column", "group", "military", "men", "staff", "armour",
                            "armor", "battalions", "system", "systems"})
_AMBIGUOUS = frozenset({"carrier", "aircraft", "plane", "jet", "ship", "vessel", "boat", "vehicle",
                        "truck", "lorry", "helicopter", "group", "unit", "tank", "man", "men",
                        "column", "convoy", "fighter", "staff", "officer", "system", "force",
                        "forces"})
_MILITARY_CUES = frozenset({
    "military", "army", "navy", "naval", "troop", "soldier", "defence", "defense", "war",
    "warship", "armoured", "armored", "missile", "artillery", "invasion", "offensive", "combat",
    "frontline", "battle", "brigade", "battalion", "regiment", "division", "militant", "rebel",
    "drill", "exercise", "deployment", "fighter", "tank", "infantry", "mercenary", "ministry",
    "pentagon", "kremlin", "airstrike", "strike", "attack", "assault", "ceasefire", "insurgency",
    "mechanised", "mechanized", "insurgent", "jihadist", "militia", "gunman", "firefight",
    "garrison", "frigate", "destroyer", "corvette", "paratrooper", "marine", "peacekeeper",
    "siege", "shelling", "front",
})
# owners that make an ambiguous force ("forces", "units", "convoy") an armed one
_ARMED_OWNERS = frozenset({"government", "security", "federal", "allied", "coalition", "rebel",
                           "opposition", "enemy", "paramilitary", "junta", "regime", "armed",
                           "special", "national", "state", "border", "militia", "insurgent"})
_AIR_DEFENSE = re.compile(r"\b(?:S-[34]00|air[- ]defen[cs]e|anti-aircraft|Patriot)\b", re.I)
# particles of phrasal movement verbs, which the parser lets hold the place phrase
_PARTICLES = frozenset(("back", "away", "out", "off", "forward", "closer", "further", "deeper",
                        "onward", "onwards"))
_ROLE_OF_PREP = {
    "to": "destination", "towards": "destination", "toward": "destination", "into": "destination",
    "for": "destination", "onto": "destination", "on": "destination",
    "from": "origin",
    "in": "location", "at": "location", "near": "location", "around": "location",
    "through": "location", "via": "location", "across": "location", "along": "location",
    "outside": "location", "off": "location", "inside": "location", "within": "location",
    "over": "location", "by": "location", "north": "location", "south": "location",
    "east": "location", "west": "location", "into_": "destination",
}
_POSTS = frozenset({"base", "position", "post", "camp", "garrison", "barracks", "country",
                    "city", "town", "village", "area", "region", "port", "harbour", "harbor",
                    "airfield", "airport", "territory", "bank", "sea", "zone", "front"})
_BORDER = frozenset({"border", "borders", "frontier", "boundary", "frontline", "frontlines"})
_VAGUE_PLACE = frozenset({"city", "town", "capital", "village", "port", "strait",
                          "airfield", "base", "airbase"})
# where an organisation-tagged name is the one acting or owning, not a place
_NOT_A_PLACE_SLOT = frozenset(("nsubj", "nsubjpass", "poss", "compound", "agent"))
_KIND_RANK = {"country": 0, "continent": 0}
_LEMMA_FIX = {"staged": "stage", "stages": "stage", "staging": "stage", "poised": "poise"}
_NEAR_TOKENS = 15
_WINDOW = 30


@dataclass(slots=True)
class _Found:
    """A movement while it is being read; `when` keeps the date words for merging."""

    movement: Movement
    start: int  # clean-text offsets of the evidence
    end: int
    when: str | None = None
    rich: int = 0
    observed_only: bool = False  # "seen", "spotted", "images show": a sighting, no motion verb
    force: int | None = None  # token index of the force's head
    headline: bool = False
    described: bool = False  # read from a clause that describes the force ("a convoy that left")


def find_movements(doc: Document, judge: Judge | None = None) -> list[Movement]:
    """Every reported movement of a force in the document, one per event; with a `judge`, the
    candidates it does not take for reported facts are left out."""
    sdoc = doc.nlp
    if sdoc is None:
        return []
    names = at.index_names(sdoc)
    imagery = at.imagery_sources(names, sdoc)
    found: list[_Found] = []
    by_trigger: dict[int, _Found] = {}
    by_force: dict[int, _Found] = {}
    for tok in sdoc:
        if not _is_trigger(tok):
            continue
        # verbs joined to a trigger read before ("passed through X and sailed into Y", "were
        # seen moving toward Y") tell the same movement
        head = tok.head
        if tok.dep_ in ("conj", "xcomp", "advcl") and head.i in by_trigger \
                and _same_line(doc, by_trigger[head.i], tok):
            _join(doc, sdoc, by_trigger[head.i], tok)
            by_trigger[tok.i] = by_trigger[head.i]
            continue
        got = _read_movement(doc, sdoc, names, imagery, tok, found, judge)
        if got is None:
            continue
        same = by_force.get(got.force) if got.force is not None else None
        if same is not None and same.start == got.start:  # one force, one sentence, two verbs
            _join(doc, sdoc, same, tok)
            by_trigger[tok.i] = same
            continue
        by_trigger[tok.i] = got
        if got.force is not None:
            by_force[got.force] = got
        found.append(got)
    kept = [f for f in found if not (f.observed_only and _main_place(f.movement) is None)]
    _fill_actors(kept)
    return [f.movement for f in _merge(kept)]


def _same_line(doc: Document, got: _Found, tok: at.SpacyToken) -> bool:
    """Whether `tok` lies in the evidence line of `got`: a headline glued by the parser to the
    first sentence below it tells its own movement."""
    return got.start <= tok.idx < got.end or _evidence_bounds(doc, tok) == (got.start, got.end)


def _fill_actors(found: list[_Found]) -> None:
    """A force whose owner the sentence does not say ("the rebels") belongs to the side most of
    the article's other movements belong to."""
    sides = Counter(f.movement.actor for f in found if f.movement.actor)
    if not sides:
        return
    top = sides.most_common(1)[0][0]
    for f in found:
        if f.movement.actor is None:
            f.movement.actor = top
            f.movement.confidence = round(f.movement.confidence - 0.1, 2)


def _join(doc: Document, sdoc: at.SpacySpan, got: _Found, tok: at.SpacyToken) -> None:
    """Add what a joined verb says; a motion verb gives its status to a mere sighting, and the
    main clause's verb to the movement read from a clause describing the force."""
    if got.described and not _describes_force(tok):
        mov, before = got.movement, got.movement.location
        mov.location = None  # where the described leg was is not where the main verb puts it
        _add_places(doc, sdoc, tok, got)
        mov.location = mov.location or (before if mov.destination is None else None)
        mov.status = _status(tok, None)
        mov.rule += f"+{_lemma(tok)}"
        got.described = False
        got.rich = _richness(mov, got.headline)
        return
    _add_places(doc, sdoc, tok, got)
    if got.observed_only and _lemma(tok) not in _OBSERVED | {"show"}:
        got.movement.status = _status(tok, None)
        got.observed_only = False
        got.movement.rule += f"+{_lemma(tok)}"
    got.rich = _richness(got.movement, got.headline)


def _describes_force(tok: at.SpacyToken) -> bool:
    """A verb in a relative clause on a noun ("a convoy that left last week"), not the
    sentence's own."""
    return tok.dep_ == "relcl" and any(c.lower_ in at.RELATIVE_PRONOUNS for c in tok.children)


def _lemma(tok: at.SpacyToken) -> str:
    """The lemma, mended where the model slips ("staged" -> "stag")."""
    return _LEMMA_FIX.get(tok.lower_, tok.lemma_.lower())


def _is_noun_trigger(tok: at.SpacyToken) -> bool:
    return tok.pos_ == "NOUN" and _lemma(tok) in _NOUN_TRIGGERS


def _is_trigger(tok: at.SpacyToken) -> bool:
    lemma = _lemma(tok)
    if _is_noun_trigger(tok):
        return True
    if lemma not in _TRIGGERS:
        return tok.lower_ == "route" and tok.i > 0 and tok.nbor(-1).lower_ == "en"
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBG"):
        return False
    if tok.dep_ in ("acl", "amod") and lemma in ("station", "base", "position", "deploy") \
            and tok.tag_ == "VBN" and not any(c.dep_ == "prep" and c.lower_ in ("to", "into")
                                              for c in tok.children):
        return False  # "troops stationed in Niger": where a force is, not a movement
    if lemma in _NEEDS_PREP:
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "advmod")}
        return bool(preps & set(_NEEDS_PREP[lemma]))
    if lemma == "make":
        return any(c.lower_ == "way" for c in tok.children)
    if lemma == "pull":
        return any(c.lower_ in ("back", "out") for c in tok.children)
    if lemma == "build":
        return any(c.lower_ == "up" for c in tok.children)
    if lemma in ("stage", "hold", "conduct", "launch", "start", "begin"):
        return any(c.dep_ == "dobj" and c.lower_ in _OPERATIONS for c in tok.children)
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
        return subj is not None and _is_force(subj)
    if lemma in ("shift", "circle"):  # "shifted units toward X"; not "shifted its tone"
        return bool(preps & set(_ROLE_OF_PREP))
    if lemma in ("leave", "depart"):  # "left their bases", "left Niger"; not "left the country
        # vulnerable" or "left their weapons"
        if any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for c in tok.children):
            return False
        return all(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in _POSTS
                   for o in tok.children if o.dep_ == "dobj")
    if lemma in ("fly", "operate", "patrol", "rotate"):
        return bool(preps & set(_ROLE_OF_PREP))
    return True


def _read_movement(doc: Document, sdoc: at.SpacySpan, names: list[at.Named],
                   imagery: list[tuple[int, str]], tok: at.SpacyToken,
                   found: list[_Found], judge: Judge | None = None) -> _Found | None:
    if _is_hypothetical(tok) or _is_negated(tok):
        return None
    lemma = _lemma(tok)
    if lemma == "see" and any(c.lower_ == "as" for c in tok.children):
        return None  # "seen as key": an opinion, not a sighting
    force, agent = _force_of(tok)
    if force is None and not (agent is not None and (lemma in _SIDE_VERBS or _is_noun_trigger(tok))
                              and _is_side_itself(agent)):
        return None
    if _is_background(doc, sdoc, tok):
        return None
    if force is not None and (_is_negated(force)
                              or not _is_military(force, agent, _evidence_bounds(doc, tok))):
        return None
    if judge is not None and judge.judge(tok).p_movement < judge.threshold:
        return None
    s, e = _evidence_bounds(doc, tok)
    status = _status(tok, force)
    equipment = _equipment(tok, force, s, e)
    observer = _observer(names, sdoc, imagery, tok, agent, (s, e))
    actor = _actor(force, agent, observer, found)
    mov = Movement(actor=actor, equipment=equipment, status=status, evidence=doc.evidence(s, e),
                   observed_by=observer, size=_size(force), rule=f"move-{lemma}")
    got = _Found(mov, s, e, when=_date_words(sdoc, tok),
                 observed_only=lemma in _OBSERVED | {"show"},
                 force=force.i if force is not None else None,
                 described=_describes_force(tok))
    _add_places(doc, sdoc, tok, got, found=found)
    if force is not None:
        _add_places(doc, sdoc, force, got, only_location=True, found=found)
    if not (mov.origin or mov.destination or mov.location):
        _fallback_place(doc, sdoc, tok, force, got)
    mov.date = resolve_date(got.when or "", doc.source.published)
    mov.confidence = _confidence(mov, tok, force)
    got.headline = _is_headline(doc.clean_text, s, e)
    got.rich = _richness(mov, got.headline)
    return got


# --- is it a fact? ---------------------------------------------------------------------------
def _is_hypothetical(tok: at.SpacyToken) -> bool:
    """A movement that could, would or should happen, or that someone calls for, is no fact."""
    if _is_noun_trigger(tok):  # a noun's clause is its verb's ("would complete the withdrawal")
        v = tok.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i and v.dep_ in ("pobj", "prep",
                                                                                "dobj", "conj"):
            v = v.head
        if v.pos_ not in ("VERB", "AUX"):
            return False
        if _lemma(v) in _NOT_FACT or _is_negated(v):
            return True
        tok = v
    if any(_lemma(a) in _NOT_FACT for a in list(tok.ancestors)[:3]
           if a.pos_ in ("VERB", "AUX", "NOUN")):
        return True  # "denied that troops crossed", "called for the troops to leave"
    if _is_unseen_or_disproved(tok):
        return True
    v = tok
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in v.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if infinitive and v.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl", "amod"):
            gov = v.head
            if _lemma(gov) not in _ASPECT:
                return True
            v = gov
            continue
        if v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
            v = v.head
            continue
        break
    return False


# nouns of evidence: "no sign of troops crossing", "reports that troops landed are false"
_EVIDENCE_NOUNS = frozenset({"sign", "evidence", "indication", "trace", "report", "rumour",
                             "rumor", "claim", "allegation"})
_DISPROVED = frozenset({"false", "untrue", "baseless", "unfounded", "fake", "fabricated"})


def _is_unseen_or_disproved(tok: at.SpacyToken) -> bool:
    """A movement nobody saw ("no sign of troops crossing", "had not seen any units cross")
    or that was called false ("reports that troops were sent are false")."""
    for a in list(tok.ancestors)[:4]:
        lemma = _lemma(a)
        if lemma in _EVIDENCE_NOUNS:
            if any(c.lower_ in ("no", "any") for c in a.children) or _is_negated(a.head):
                return True
            verb = a.head
            if any(c.lemma_.lower() in _DISPROVED for c in verb.children
                   if c.dep_ in ("acomp", "attr")):
                return True
        if a.pos_ in ("VERB", "AUX") and lemma in at.SPEECH_VERBS | {"see", "monitor", "detect"} \
                and _is_negated(a):
            return True  # "Ukraine said it had not seen any units cross"
    return False


def _is_background(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken) -> bool:
    """A movement dated years before the article ("in 2014", "three years ago", "since 2015")
    is background history, not news: its date phrase names an earlier year than the article's
    (its publication year, else the latest year the article mentions)."""
    ref = _reference_year(doc)
    for c in tok.children:  # "stationed there for decades", "based in X since 1945"
        if c.dep_ != "prep":
            continue
        if c.lower_ == "for" and any(o.lemma_.lower() in ("year", "decade") for o in c.children):
            return True
        years = [int(t.text) for t in c.subtree if re.fullmatch(r"(?:19|20)\d\d", t.text)]
        if c.lower_ == "since" and years and (ref is None or max(years) < ref - 1):
            return True
    when = _date_words(sdoc, tok)
    if not when:
        return False
    low = when.lower()
    if re.search(r"\b(?:years|decades)\s+ago\b|\bfor\s+(?:many\s+)?(?:years|decades)\b", low):
        return True  # "three years ago", "stationed there for decades"
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", when)]
    if not years:
        return False
    return ref is not None and max(years) < ref


def _reference_year(doc: Document) -> int | None:
    pub = doc.source.published
    if pub and pub[:4].isdigit():
        return int(pub[:4])
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", doc.clean_text)]
    return max(years) if years else None


def _is_negated(tok: at.SpacyToken) -> bool:
    return any(c.lower_ in _NEGATORS and c.dep_ in ("neg", "det", "advmod") for c in tok.children)


# --- the force and who owns it ---------------------------------------------------------------
def _is_force(tok: at.SpacyToken) -> bool:
    """A noun phrase whose words name a military force ("a convoy of Russian vehicles")."""
    sdoc = tok.doc
    if tok.lemma_.lower() in ("army", "armada", "legion", "host") and any(
            o.dep_ == "pobj" and not _is_force(o) for p in tok.children if p.lower_ == "of"
            for o in p.children):
        return False  # "an army of street cleaners": a crowd, not a force
    for t in _own_words(tok, ("of",)):  # "opposition from business groups" is no force
        lemma = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and (lemma in _FORCE_HEADS or t.lower_ in _FORCE_HEADS):
            counted = any(c.dep_ in ("nummod", "poss") for c in t.children)
            if lemma in ("man", "men") and not counted:
                continue  # "men" is a force only when counted or owned ("150,000 men", "his men")
            if lemma == "fighter" and t.i + 1 < len(sdoc) and sdoc[t.i + 1].lemma_ == "jet":
                continue
            return True
        if _AIR_DEFENSE.search(t.text):
            return True
        if _names_a_ship(t):
            return True
    # "HMS Iron Duke" opening a paragraph: the parser may cut the prefix off its name
    return _ship_prefix_before(tok) is not None


def _ship_prefix_before(tok: at.SpacyToken) -> at.SpacyToken | None:
    """The navy prefix written before a ship's name that ends at `tok`, if any."""
    k = tok.i
    while k > 0 and tok.doc[k].pos_ == "PROPN" and tok.i - k < 4:
        if tok.doc[k - 1].text in NAVY_PREFIXES:
            return tok.doc[k - 1]
        k -= 1
    return None




def _names_a_ship(t: at.SpacyToken) -> bool:
    """A ship by its name: a navy prefix, or a class word before a name ("the frigate Admiral
    Essen", "the carrier Liaoning")."""
    if t.text in NAVY_PREFIXES:
        return True
    return (_EQUIPMENT.get(t.lower_) == "warships" and t.dep_ in ("amod", "compound", "nmod")
            and t.head.pos_ == "PROPN")


def _is_military(force: at.SpacyToken, agent: at.SpacyToken | None,
                 bounds: tuple[int, int]) -> bool:
    """A force that could be civilian ("an aircraft travelling from London") counts only with an
    owner, a side that moves it, or a military word in its sentence."""
    if any(w.lemma_.lower() in _CIVILIAN_MODS for w in _own_words(force) if w.i < force.i):
        return False  # "a container ship", "a UN aid convoy"
    if force.lemma_.lower() not in _AMBIGUOUS and force.lower_ not in _AMBIGUOUS:
        return True
    if any(_side_of_token(w) or w.lemma_.lower() in _ARMED_OWNERS for w in _own_words(force)):
        return True
    if agent is not None and _side_of_phrase(agent):
        return True
    words = {t.lemma_.lower() for t in force.sent if bounds[0] <= t.idx < bounds[1]}
    if words & _MILITARY_CUES:
        return True
    # the sentences around it: "French troops began leaving… A convoy that left last week…"
    doc = force.doc
    sent = force.sent
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    after = doc[sent.end].sent if sent.end < len(doc) else None
    around = {t.lemma_.lower() for x in (before, after) if x is not None for t in x}
    return bool(around & _MILITARY_CUES)


def _force_of(tok: at.SpacyToken) -> tuple[at.SpacyToken | None, at.SpacyToken | None]:
    """(the force that moves, the agent that moves it) around a trigger."""
    lemma = _lemma(tok)
    if _is_noun_trigger(tok):
        return _force_of_noun(tok)
    subj = at.subject_of(tok)
    if subj is not None and subj.lower_ in at.RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        subj = subj.head.head
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") \
            and (subj is None or subj.i == tok.i):
        subj = tok.head if _is_force(tok.head) else _force_before(tok)
    if tok.lower_ == "route":  # "a column ... is now en route"
        v = tok.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        subj = at.subject_of(v)
        return (subj if subj is not None and _is_force(subj) else None), None
    if lemma == "show" or lemma in ("stage", "hold", "conduct", "launch", "start", "begin"):
        for o in objs:
            if _is_force(o):
                return o, subj
            for w in o.children:  # "staged a drill with aircraft and warships"
                if w.lower_ == "with":
                    forces = [x for x in w.children if x.dep_ == "pobj" and _is_force(x)]
                    if forces:
                        return forces[0], subj
        if lemma != "show" and subj is not None:
            withs = [p for p in tok.children if p.lower_ == "with"]
            for w in withs:
                for o in w.children:
                    if o.dep_ == "pobj" and _is_force(o):
                        return o, subj
            return (subj if _is_force(subj) else None), subj
        return None, subj
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    if lemma == "commit" and not passive:
        return None, subj  # "has committed half its forces": a share, told as a claim
    if lemma in _TRANSITIVE and not passive and not objs and tok.dep_ == "relcl" \
            and _is_force(tok.head):
        return tok.head, subj  # "the 150,000 men Putin amassed"
    if lemma in _TRANSITIVE and not passive:
        for o in objs:
            if _is_force(o):
                return o, subj
            if o.lower_ in ("themselves", "itself") and subj is not None and _is_force(subj):
                return subj, subj  # "forces establishing themselves at Rechitsa"
        if not objs and subj is not None and not _is_force(subj):
            after = _force_after(tok)  # the parse lost the object ("has amassed some 40,000
            if after is not None:     # troops near X, the army said")
                return after, subj
    if subj is not None and _is_force(subj):
        return subj, None
    if subj is not None and lemma in _SIDE_VERBS and at.side_of(subj.text):
        return None, subj
    direct = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if not direct and lemma not in _TRANSITIVE | {"show"}:
        # a parse that lost the subject (quotes, dashes): the force named just before the verb
        return _force_before(tok), subj
    return None, subj


def _force_of_noun(tok: at.SpacyToken) -> tuple[at.SpacyToken | None, at.SpacyToken | None]:
    """"the withdrawal of troops", "an incursion by Azerbaijani troops", "a troop buildup",
    "Russia's withdrawal": the force from "of"/"by" or a modifier, else the side that owns it."""
    agent = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            for o in c.children:
                if o.dep_ == "pobj" and _is_force(o):
                    return o, None
        elif c.dep_ in ("compound", "amod", "nmod") and _is_force(c):
            return c, None
        elif c.dep_ == "poss":
            agent = c
    if agent is not None and agent.lower_ in ("its", "their"):
        # "Russian forces completed their withdrawal": the clause's own subject first
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = at.subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and _is_force(subj):
            return subj, None
        speech = at.speech_ancestor(tok)
        agent = subj if subj is not None and _side_of_phrase(subj) else (
            at.subject_of(speech) if speech is not None else None)
    return None, agent


def _force_after(tok: at.SpacyToken) -> at.SpacyToken | None:
    """The force noun a few words after a verb, before any other verb."""
    for t in tok.doc[tok.i + 1:min(tok.sent.end, tok.i + 7)]:
        if t.pos_ in ("VERB", "AUX"):
            return None
        if t.pos_ == "NOUN" and (t.lemma_.lower() in _FORCE_HEADS or t.lower_ in _FORCE_HEADS) \
                and _is_force(t):
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
        if (t.lemma_.lower() in _FORCE_HEADS or t.lower_ in _FORCE_HEADS) and _is_force(t):
            cands.append(t)
    # a force with an owner ("Russian military convoy") before a bare one ("other vehicles")
    owned = [t for t in cands if any(_side_of_token(w) for w in _own_words(t))]
    return (owned or cands or [None])[0]


def _actor(force: at.SpacyToken | None, agent: at.SpacyToken | None, observer: str | None,
           found: list[_Found]) -> str | None:
    """The side that owns the force: words in its phrase, its possessor, the agent that moves it,
    an army speaking for itself, else the side of the movement read before it."""
    if force is not None:
        words = _own_words(force)
        for t in words:
            if t.lower_ in at.PROXIES:
                return at.PROXIES[t.lower_]
        sides = [s for s in (_side_of_token(t) for t in words) if s]
        # "Two Russian corvettes and a submarine": one owner for the coordinated forces
        for other in _coordinated_forces(force):
            sides = sides or [s for s in (_side_of_token(t) for t in _own_words(other)) if s]
        if sides:
            return sides[-1]
        for t in words:
            if t.ent_type_ == "ORG" and t.pos_ == "PROPN":
                return _org_side(t)
        poss = [t for t in words if t.dep_ == "poss" and t.lower_ in ("its", "their", "his")]
        if poss and agent is None:
            agent = at.subject_of(force.head) if force.dep_ != "nsubj" else None
            if agent is None:  # "the ministry said its troops had entered": the speaker's own
                speech = at.speech_ancestor(force)
                agent = at.subject_of(speech) if speech is not None else None
    if agent is not None and agent.lower_ in ("it", "they"):
        agent = _antecedent(agent)
    if agent is not None:
        side = _side_of_phrase(agent)
        if side:
            return side
    if observer and re.search(r"\b(?:military|army|forces|navy|defen[cs]e forces)\b", observer,
                              re.I):
        side = at.side_of(observer.split()[0])
        if side:
            return side
    return found[-1].movement.actor if found else None


def _coordinated_forces(force: at.SpacyToken) -> list[at.SpacyToken]:
    """The forces joined to this one by "and" ("corvettes and a submarine")."""
    out = [c for c in force.children if c.dep_ == "conj" and _is_force(c)]
    if force.dep_ == "conj" and _is_force(force.head):
        out.append(force.head)
    return out


def _org_side(t: at.SpacyToken) -> str:
    """The side an organisation's name stands for ("Rapid Support Forces" -> RSF), else the
    whole name as written."""
    ent = next((e for e in at.ents(t.doc) if e.start <= t.i < e.end), None)
    text = re.sub(r"^(?:the|The)\s+", "", ent.text if ent is not None else t.text)
    return at.side_of(text) or at.side_of(t.text) or text


def _own_words(force: at.SpacyToken,
               preps: tuple[str, ...] = ("of", "from")) -> list[at.SpacyToken]:
    """The words of a force's phrase that say whose it is: its modifiers and "of"/"from" phrases
    ("troops from the Russian Navy"), not places it is at ("on Ukraine's borders")."""
    lo, hi = at._np_bounds(force)
    out = []
    for t in force.doc[lo:hi + 1]:
        a, ok = t, True
        while a.i != force.i and a.head.i != a.i:
            if a.dep_ == "prep" and a.lower_ not in preps:
                ok = False
                break
            a = a.head
        if ok and a.i == force.i:
            out.append(t)
    return out


def _antecedent(pron: at.SpacyToken) -> at.SpacyToken | None:
    """What "it"/"they" stands for: the nearest subject before it in the sentence that names a
    side ("Russia is looking…, but… because it has committed"), else the speaker above it."""
    for t in reversed(pron.doc[pron.sent.start:pron.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and at.same_line(t, pron) and _side_of_phrase(t) \
                and _lemma(t.head) not in at.SPEECH_VERBS:
            return t
    speech = at.speech_ancestor(pron.head)
    return at.subject_of(speech) if speech is not None else None


def _side_of_token(t: at.SpacyToken) -> str | None:
    prefix = t if t.text in NAVY_PREFIXES else _ship_prefix_before(t)
    if prefix is not None:
        return NAVY_PREFIXES[prefix.text]
    if t.ent_type_ not in ("NORP", "GPE", "ORG") and t.lower_ not in at.SIDES:
        if t.pos_ in ("PROPN", "ADJ") and at.side_of(t.text):
            return at.side_of(t.text)  # "JERUSALEM—Israel"
        return None
    if t.i > 0 and t.doc[t.i - 1].lower_ in ("north", "south") and t.ent_type_:
        return at.side_of(f"{t.doc[t.i - 1].lower_} {t.lower_}")
    return at.side_of(t.text)


def _is_side_itself(head: at.SpacyToken) -> bool:
    """A phrase that names a side as a whole ("Moscow", "the Russian side", "Israel's army"),
    not something a side owns ("shares of a Ukrainian firm", "the Lebanese team")."""
    if _side_of_token(head) is not None:
        return True
    return head.lemma_.lower() in _SIDE_HEADS and _side_of_phrase(head) is not None


def _side_of_phrase(head: at.SpacyToken) -> str | None:
    lo, hi = at._np_bounds(head)
    for t in reversed(head.doc[lo:hi + 1]):
        side = _side_of_token(t)
        if side:
            return side
    return None


def _status(tok: at.SpacyToken, force: at.SpacyToken | None) -> str:
    lemma = _lemma(tok)
    if tok.lower_ == "route":
        return "en_route"
    status = _NOUN_TRIGGERS[lemma] if _is_noun_trigger(tok) else _TRIGGERS[lemma]
    if status == "arrived" and _lemma(tok.head) == "expect":
        return "en_route"  # "is expected to arrive on Wednesday": on its way
    if lemma != "return" and any(c.lower_ == "back" and c.dep_ in ("advmod", "prt")
                                 for c in tok.children):
        return "withdrawing"  # "sent back to", "moved back to their side of the border"
    away = [c for c in tok.children if c.lower_ in ("away", "out") and c.dep_ in ("advmod", "prt")]
    if away and not any(p.dep_ == "prep" and _ROLE_OF_PREP.get(p.lower_) == "destination"
                        for a in [tok, *away] for p in a.children):
        return "withdrawing"  # "moved away from X", "pulled out": leaving, with nowhere named
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lemma == "move" and preps & {"through", "via", "across"}:
        return "transiting"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    if lemma in ("travel", "make") and perfect:
        return "arrived"
    done = tok.tag_ == "VBD" or (tok.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") for c in tok.children))
    if done and lemma in _RELOCATE and "to" in preps:
        return "deployed"  # "moved two brigades to X", "were transferred to X": put in place
    if done and lemma in _RELOCATE | {"roll", "advance", "push"} and "into" in preps:
        return "arrived"  # "rolled into X"
    if lemma == "reach" and any(t.lower_ in ("outskirts", "edge", "edges", "gates")
                                for c in tok.children if c.dep_ == "dobj" for t in c.subtree):
        return "en_route"  # at the outskirts: still closing in on the place
    if lemma in ("enter", "reach") and tok.head.lemma_.lower() in ("poise", "appear"):
        return "en_route"
    if lemma in _OBSERVED | {"show"} and force is not None and force.lemma_ in ("convoy", "column"):
        return "en_route"
    return status


def _equipment(tok: at.SpacyToken, force: at.SpacyToken | None, s: int, e: int) -> list[str]:
    """Equipment named in the force's phrase and in what it carries, within the evidence."""
    toks: list[at.SpacyToken] = []
    if force is not None:
        toks.extend(_without_capability(force))
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
        if not s <= t.idx < e:
            continue
        word = t.lower_
        lemma = t.lemma_.lower()
        eq = _EQUIPMENT.get(lemma) or _EQUIPMENT.get(word)
        if word in ("air", "rocket") and t.head.lemma_ in ("force", "forces"):
            eq = "aircraft" if word == "air" else "missiles"
        if lemma == "fighter" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ == "jet":
            eq = None
        if lemma == "vehicle" and any(x.lower_.startswith(("logistic", "supply"))
                                      for x in t.children):
            eq = "logistics"
        if _AIR_DEFENSE.search(t.text) or (word in ("defense", "defence") and _after_air(t)):
            eq = "air_defense"
        if eq and eq not in out:
            out.append(eq)
    return out or ["troops"]


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


def _size(force: at.SpacyToken | None) -> str | None:
    if force is None:
        return None
    for t in force.subtree:
        if t.like_num and t.dep_ == "nummod" and t.head.i == force.i:
            return f"{t.text} {force.text}"
        if re.fullmatch(r"\d[\d,.]*-(?:mile|km|kilometre|kilometer)s?(?:-long)?", t.text):
            return t.text
    return None


# --- places ---------------------------------------------------------------------------------
def _usable(doc: Document, sdoc: at.SpacySpan, p: Place) -> bool:
    """A place the geo stage found that reads as a place here (not a person, people or party)."""
    if not p.mention[:1].isupper():
        return False
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.ent_type_ == "NORP" or (root.is_stop and len(span) == 1):
        return False
    # the tagger's "organisation" is often a small place ("reached Niamey"): keep it where a
    # place can stand, unless the name is an armed group's or another organisation's ("Hamas")
    if not any(e.label_ == "ORG" and e.start_char == p.clean_start and e.end_char == p.clean_end
               for e in span.ents):
        return True
    side = at.side_of(p.mention)
    return (side is None or is_state(side)) and root.dep_ not in _NOT_A_PLACE_SLOT


def _acts(sdoc: at.SpacySpan, p: Place) -> bool:
    """A place that is the subject of a verb ("Russia would need") acts; it is not where."""
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _is_possessor_of_org(sdoc: at.SpacySpan, p: Place) -> bool:
    """"Japan's Ministry of Defense": a country that owns an institution is not a location."""
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ in ("poss", "compound") and (
        head.head.lemma_.lower() in at.INSTITUTION_HEADS or head.head.ent_type_ == "ORG")


def _places_in(doc: Document, lo: int, hi: int) -> list[Place]:
    return [p for p in doc.places if lo <= p.clean_start and p.clean_end <= hi]


def _pick(sdoc: at.SpacySpan, target: at.SpacyToken, places: list[Place]) -> Place | None:
    """The place a phrase is about: the head itself ("Kursk"), then what names it ("the town of
    Izyum", "Russia's Kursk region"), then a possessor; a town before its country."""
    if not places:
        return None

    def rank(p: Place) -> tuple[int, int, int]:
        span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
        root = span.root if span is not None else target
        depth = 0
        t = root
        while t.i != target.i and depth < 6 and t.head.i != t.i:
            t = t.head
            depth += 1
        if t.i != target.i:
            depth = 9
        if root.dep_ == "poss":
            depth += 2
        return depth, _KIND_RANK.get(p.kind or "", 1) * -1, -p.clean_start

    return min(places, key=rank)


def _add_places(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken, got: _Found, *,
                only_location: bool = False, found: list[_Found] | None = None) -> None:
    """Fill origin, destination and location from the phrases attached to `tok`."""
    mov = got.movement
    lemma = _lemma(tok)
    links: list[tuple[str, at.SpacyToken, str]] = []  # (role, target, preposition)
    kids = list(tok.children)
    for c in list(kids):  # "made their way to X": the way's phrases are the verb's
        if c.dep_ == "dobj" and c.lower_ == "way":
            kids.extend(c.children)
        if c.dep_ in ("advmod", "prt", "prep") and c.lower_ in _PARTICLES:
            kids.extend(c.children)  # "pulled back from X": the particle holds the phrase
    for c in kids:
        word = c.lower_
        if c.dep_ == "prep" or (c.dep_ in ("advmod", "npadvmod", "amod") and word in _ROLE_OF_PREP):
            role = _ROLE_OF_PREP.get(word)
            if word == "of" and c.i > 0 and c.nbor(-1).lower_ == "out":
                role = "origin"  # "pulled out of X"
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if word in ("north", "south", "east", "west"):
                objs = [o for p in c.children if p.lower_ == "of" for o in p.children]
            if role and objs:
                links.append((role, objs[0], word))
        elif c.dep_ == "dobj" and lemma in ("reach", "enter", "penetrate", "approach",
                                            "surround", "cross", "transit", "pass"):
            links.append(("location" if lemma in ("cross", "transit", "pass") else "destination",
                          c, ""))
        elif c.dep_ == "advmod" and word in ("there", "here"):
            links.append(("location", c, word))
        elif c.dep_ in ("xcomp", "advcl") and _lemma(c) in ("surround", "enter", "reach"):
            links.extend(("destination", o, "") for o in c.children if o.dep_ == "dobj")
        elif c.dep_ == "advmod" and word == "where" and tok.dep_ == "relcl":
            links.append(("location", tok.head, "where"))  # "Luninets airfield, where jets…"
    for _role, target, word in list(links):  # "from the Kyiv region towards Donbas"
        if word == "from":
            for p in target.children:
                if p.dep_ == "prep" and _ROLE_OF_PREP.get(p.lower_) == "destination":
                    links.extend(("destination", o, p.lower_) for o in p.children
                                 if o.dep_ == "pobj")
    ends = {t.right_edge.i + 1 for r, t, _ in links if r in ("origin", "destination")}
    for role, target, word in links:
        if only_location and role != "location":
            continue
        if role == "location" and word in ("in", "at") and target.head.i in ends:
            continue  # "from Khabarovsk in the Russian Far East": where Khabarovsk is
        place = _place_of(doc, sdoc, target, got, found or [])
        if place is None:
            continue
        if role == "location" and word in ("through", "via") and mov.location is None:
            mov.location = place
        elif getattr(mov, role) is None:
            setattr(mov, role, place)


def _place_of(doc: Document, sdoc: at.SpacySpan, target: at.SpacyToken, got: _Found,
              found: list[_Found]) -> PlaceRef | None:
    """The place a phrase names; "there" and "the city" stand for a place named before."""
    lo, hi = at._np_bounds(target)
    for c in target.children:  # "Ukraine's capital, Kyiv"
        if c.dep_ == "appos":
            hi = max(hi, at._np_bounds(c)[1])
    a = max(sdoc[lo].idx, got.start)
    b = min(sdoc[hi].idx + len(sdoc[hi].text), got.end)
    inner = [p for p in _places_in(doc, a, b)
             if _usable(doc, sdoc, p) and not _inside_border_phrase(sdoc, p)]
    place = _pick(sdoc, target, inner)
    if place is not None:
        return place.ref()
    vague = [t for t in sdoc[lo:hi + 1] if t.lemma_.lower() in _VAGUE_PLACE or t.lower_ == "there"]
    if not vague:
        return None
    if target.lower_ == "there" and found and _main_place(found[-1].movement) is not None:
        return _main_place(found[-1].movement)
    word = vague[0].lemma_.lower()
    before = [p for p in doc.places if p.clean_end <= target.idx and target.idx - p.clean_end < 1500
              and _usable(doc, sdoc, p)]
    if word in ("city", "town", "capital", "village", "port"):
        before = [p for p in before if p.kind == "city"]
    elif word in ("strait", "airfield", "base", "airbase", "island"):
        before = [p for p in before if word in p.mention.lower() or p.kind not in ("country",)]
    return before[-1].ref() if before else None


def _inside_border_phrase(sdoc: at.SpacySpan, p: Place) -> bool:
    """"on Ukraine's borders", "a border region with Ukraine": the country is not the place (a
    smaller place is: "on the Gaza border" is at Gaza)."""
    if p.kind not in ("country", "continent"):
        return False
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    chain = [head, *list(head.ancestors)[:5]]
    for a in chain:
        if a.lemma_.lower() in _BORDER:
            return True
        if a.lower_ == "with" and (a.head.lemma_.lower() in _BORDER or any(
                c.dep_ == "compound" and c.lemma_.lower() in _BORDER for c in a.head.children)):
            return True  # "the border with Ukraine", "a border region with Ukraine"
    return False


def _fallback_place(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken,
                    force: at.SpacyToken | None, got: _Found) -> None:
    """No place tied to the verb: the nearest place a few words away, when it is not the
    speaker's, a border, an institution's owner or part of the force's own name."""
    skip: list[tuple[int, int]] = []
    sent = tok.sent
    for t in sent:
        if t.dep_ == "nsubj" and _lemma(t.head) in at.SPEECH_VERBS:
            skip.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)))
    if force is not None:
        lo, hi = at._np_bounds(force)
        skip.append((sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)))
    near_lo = sdoc[max(sent.start, tok.i - _NEAR_TOKENS)].idx
    near_hi = sdoc[min(sent.end - 1, tok.i + _NEAR_TOKENS)].idx
    cands = [p for p in _places_in(doc, max(near_lo, got.start), min(near_hi, got.end))
             if _usable(doc, sdoc, p) and not _acts(sdoc, p)
             and not any(a <= p.clean_start < b for a, b in skip)
             and not _inside_border_phrase(sdoc, p) and not _is_possessor_of_org(sdoc, p)
             and not _is_dateline_place(doc.clean_text, p)]
    if cands:
        place = min(cands, key=lambda p: abs(p.clean_start - tok.idx))
        got.movement.location = place.ref()


_DATELINE_TAIL = re.compile(r"[\w .,()’'-]{0,40}?\s[—–-]\s")


def _is_dateline_place(text: str, p: Place) -> bool:
    """The place of a wire dateline ("KYIV, Ukraine (AP) — "): where the story was filed."""
    line_start = text.rfind("\n", 0, p.clean_start) + 1
    if text[line_start:p.clean_start].strip():
        return False
    return bool(_DATELINE_TAIL.match(text, p.clean_end))


# --- who observed it -------------------------------------------------------------------------
def _observer(names: list[at.Named], sdoc: at.SpacySpan, imagery: list[tuple[int, str]],
              tok: at.SpacyToken, agent: at.SpacyToken | None,
              bounds: tuple[int, int]) -> str | None:
    """Who reports the movement: "according to X", the speaker of a verb above the trigger
    (within the evidence line), the source of the images the sentence mentions."""
    sent = tok.sent
    acc = at.according_to(sent, tok)
    if acc is not None:
        who = at.source_in_phrase(names, sdoc, acc) or at.group_phrase(acc)
        if who is None and (acc.lower_ in at.IMAGERY_WORDS or acc.lemma_ in at.IMAGERY_WORDS):
            who = at.nearest_source(imagery, tok.idx)
        if who:
            return who
    chain = [t for t in [tok, *tok.ancestors] if bounds[0] <= t.idx < bounds[1]]
    for v in chain:
        for c in v.children:  # "A convoy is heading to X, the Pentagon says"
            if c.dep_ == "parataxis" and c.lemma_.lower() in at.SPEECH_VERBS:
                who = _speaker(names, sdoc, imagery, c)
                if who:
                    return who
        if v.i == tok.i or v.pos_ not in ("VERB", "AUX"):
            continue
        if v.lemma_.lower() not in at.SPEECH_VERBS:
            continue
        who = _speaker(names, sdoc, imagery, v)
        if who:
            return who
    if any(t.lower_ in at.IMAGERY_WORDS for t in sent):
        who = at.nearest_source(imagery, tok.idx)
        if who:
            return who
    if agent is not None and agent.lemma_.lower() in ("military", "army", "navy", "command"):
        return at.source_phrase(names, sdoc, agent)
    return None


def _speaker(names: list[at.Named], sdoc: at.SpacySpan, imagery: list[tuple[int, str]],
             verb: at.SpacyToken) -> str | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or at.glued_subject(verb)
    if subj is None:
        return None
    if subj.lower_ in ("it", "they") and any(a.lemma_.lower() in at.SPEECH_VERBS
                                             for a in verb.ancestors):
        return None  # "X said it believes…": the higher speaker is the source
    lo, hi = at._np_bounds(subj)
    pictures = [t for t in sdoc[lo:hi + 1]
                if t.lower_ in at.IMAGERY_WORDS or t.lemma_.lower() in at.IMAGERY_WORDS]
    if pictures:  # "Satellite images show", "Some of the imagery shows"
        return (at.source_in_phrase(names, sdoc, pictures[-1])
                or at.nearest_source(imagery, subj.idx))
    return at.source_phrase(names, sdoc, subj) or at.group_phrase(subj)


# --- evidence, time, confidence --------------------------------------------------------------
def _evidence_bounds(doc: Document, tok: at.SpacyToken) -> tuple[int, int]:
    """The trigger's sentence, cut at line breaks (titles and captions have no full stop)."""
    sent = tok.sent
    s, e = sent.start_char, sent.end_char
    text = doc.clean_text
    nl = text.rfind("\n", s, tok.idx)
    if nl >= 0:
        s = nl + 1
    nl = text.find("\n", tok.idx, e)
    if nl >= 0:
        e = nl
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _date_words(sdoc: at.SpacySpan, tok: at.SpacyToken) -> str | None:
    sent = tok.sent
    for ent in (e for e in at.ents(sdoc) if sent.start <= e.start and e.end <= sent.end):
        if ent.label_ != "DATE":
            continue
        for a in [ent.root, *list(ent.root.ancestors)[:3]]:
            if a.i == tok.i:
                return ent.text
    return None


def _confidence(mov: Movement, tok: at.SpacyToken, force: at.SpacyToken | None) -> float:
    conf = 0.55
    if force is not None:
        conf += 0.1
    if mov.actor:
        conf += 0.1
    if mov.origin or mov.destination or mov.location:
        conf += 0.1
    if mov.observed_by:
        conf += 0.05
    if tok.lower_ == "route":
        conf -= 0.1
    return round(min(conf, 0.95), 2)


def _richness(mov: Movement, headline: bool = False) -> int:
    """How much a telling says: places first, then source, owner and kinds of force."""
    return (2 * sum(1 for p in (mov.origin, mov.destination, mov.location) if p)
            + (1 if mov.observed_by else 0) + (1 if mov.actor else 0) + min(len(mov.equipment), 2)
            + (0 if mov.rule.startswith(("move-show", "move-see", "move-spot")) else 1)
            - (3 if headline else 0))


def _is_headline(text: str, s: int, e: int) -> bool:
    """A title or caption: a whole line that does not end as a sentence does."""
    whole_line = (s == 0 or text[s - 1] == "\n") and (e >= len(text.rstrip()) or text[e] == "\n")
    return whole_line and is_title_line(text, s)


# --- one movement per event ------------------------------------------------------------------
def _main_place(m: Movement) -> PlaceRef | None:
    return m.destination or m.location or m.origin


def _day_words(when: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (when or "").lower())
            if w in WEEKDAYS or w.isdigit() or w in ("yesterday", "today", "tonight")}


def _same_day(a: str | None, b: str | None) -> bool:
    """Two date phrases that name the same day ("Monday" and "on Monday (March 14)")."""
    return bool(_day_words(a) & _day_words(b))


def _places(m: Movement) -> list[PlaceRef]:
    return [p for p in (m.destination, m.location, m.origin) if p is not None]


def _same_place(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return a.mention.lower() == b.mention.lower()
    return abs(a.lat - b.lat) < 0.4 and abs(a.lon - b.lon) < 0.6  # type: ignore[operator]


def _compatible(a: _Found, b: _Found) -> bool:
    ma, mb = a.movement, b.movement
    if ma.actor != mb.actor:
        return False
    if a.headline or b.headline:  # a headline sums up the body in other words and tenses
        pa, pb = _main_place(ma), _main_place(mb)
        if pa is not None and pb is not None \
                and not any(_same_place(x, y) for x in _places(ma) for y in _places(mb)):
            return False
        return bool(set(ma.equipment) & set(mb.equipment))
    sighting = a.observed_only or b.observed_only
    if ma.status != mb.status and {ma.status, mb.status} != {"deployed", "massing"} \
            and not (sighting and _same_day(a.when, b.when)):
        return False
    if a.when and b.when and not _same_day(a.when, b.when):
        return False
    if ma.size and mb.size and ma.size != mb.size:
        return False
    pa, pb = _main_place(ma), _main_place(mb)
    if _same_day(a.when, b.when) and (a.observed_only or b.observed_only):
        return True  # one sighting that day, told with and without its route
    if pa is not None and pb is not None:
        return any(_same_place(x, y) for x in _places(ma) for y in _places(mb))
    if ma.status != mb.status:
        return False
    # one without a place: the same kind of force doing the same thing, or told in the next
    # sentence ("Israel began moving troops… A dozen trucks carrying tanks were seen…")
    ea, eb = set(ma.equipment), set(mb.equipment)
    adjacent = 0 <= b.start - a.end <= 3 or 0 <= a.start - b.end <= 3
    if pa is None and pb is None:
        return adjacent or ea == eb
    return adjacent or (ea == eb and ea != {"troops"})


def _merge(found: list[_Found]) -> list[_Found]:
    """The same movement told twice in one article (a headline, then the body) is kept once,
    with the richer telling's evidence and the fields of both."""
    out: list[_Found] = []
    for f in found:
        placed = [k for k, g in enumerate(out) if _main_place(g.movement) is not None
                  and _compatible(g, f)]
        # tellings of the same place first; one that names no place joins only one other
        hits = placed or [k for k, g in enumerate(out) if _compatible(g, f)][:1]
        for k in hits:
            f = _combine(out[k], f)
        out = [g for k, g in enumerate(out) if k not in hits]
        out.append(f)
    out.sort(key=lambda g: g.start)
    return out


def _combine(a: _Found, b: _Found) -> _Found:
    keep, other = (a, b) if a.rich >= b.rich else (b, a)
    m = replace(keep.movement)
    o = other.movement
    m.equipment = list(dict.fromkeys([*m.equipment, *o.equipment]))
    for name in ("origin", "destination", "location", "observed_by", "size", "date"):
        if getattr(m, name) is None and getattr(o, name) is not None:
            setattr(m, name, getattr(o, name))
    m.confidence = round(min(0.95, max(m.confidence, o.confidence) + 0.05), 2)
    told = [x for x in (a, b) if not x.headline] or [a, b]  # a headline is no sighting
    return _Found(m, keep.start, keep.end, keep.when or other.when,
                  _richness(m, keep.headline), all(x.observed_only for x in told),
                  keep.force, keep.headline)

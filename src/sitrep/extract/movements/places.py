"""Where a movement starts, heads and is seen: the places of doc.places linked to the trigger
by their prepositions, else the nearest usable place."""

from __future__ import annotations

import re
from collections import Counter

from sitrep.extract import attribution as at
from sitrep.extract.movements.found import Found, main_place
from sitrep.extract.movements.lexicon import (
    BORDER,
    BOUND_FOR,
    LEAVES_OBJECT,
    NOT_A_PLACE_SLOT,
    PARTICLES,
    POSTS,
    REACHES_OBJECT,
    ROLE_OF_PREP,
    VAGUE_PLACE,
    lemma_of,
)
from sitrep.extract.movements.owners import own_words
from sitrep.geodesy import BEARINGS
from sitrep.records import Document, Place, PlaceRef
from sitrep.sides import is_state

# how wide an area a kind of place is: a town, a village or a base says where a force is more
# precisely than the region, the sea or the country around it
_AREA_RANK = {"country": 0, "continent": 0, "ocean": 0,
              "admin1": 1, "region": 1, "province": 1, "sea": 1, "gulf": 1, "peninsula": 1,
              "corridor": 1, "line": 1, "mountains": 1, "desert": 1,
              "admin2": 2, "district": 2, "river": 2, "island": 2, "islands": 2, "strait": 2,
              "bay": 2, "canal": 2, "valley": 2, "lake": 2, "road": 2}
_POINT = 3
_NEAR_PREPS = frozenset(("near", "outside", "around", "at"))
# verbs that go on with a journey another verb began ("left X and sailed toward Y")
GOING_ON = frozenset(("sail", "proceed", "head", "move", "fly", "continue", "steam", "travel",
                      "go", "drive", "set", "rush", "return", "march", "roll", "race"))
# a town or port word whose own name follows it ("the Red Sea port of X"): a name before it
# only says where that town lies
_NAMED_AFTER = frozenset(("city", "town", "village", "port", "township", "hamlet", "harbour",
                          "harbor"))

_NEAR_TOKENS = 15
# nouns of ground: where a force may be bound ("left Tartus for the coast"), and what a name
# before them only places ("Tyre's port area", "the Jilib area", "Crimea's west coast")
PLACE_HEADS = POSTS | VAGUE_PLACE | BORDER | {
    "coast", "shore", "waters", "front", "frontline", "line", "island", "islands", "direction",
    "sector", "axis", "salient", "outskirts", "suburb", "suburbs", "district", "districts",
    "neighbourhood", "neighborhood", "isthmus", "peninsula", "edge", "part", "parts", "centre",
    "center", "bridgehead", "province", "bay", "anchorage", "shipyard", "docks", "dockyard"}
# the sides of a place an "on" phrase names ("on the left bank", "on the eastern side"): where a
# place named beside it lies, not where a force goes
SIDES_OF_A_PLACE = frozenset(("bank", "side", "shore", "coast", "edge", "outskirts", "flank"))
# what a force is sent "to do" at a place: the place is where it goes
PURPOSE_AT_PLACE = frozenset(("reinforce", "defend", "protect", "secure", "guard", "hold",
                              "bolster", "relieve", "man", "garrison", "occupy", "shore",
                              "strengthen", "fortify", "support", "retake", "recapture"))


# a compass word in lower case before a name: "the eastern Mediterranean", "southern Kherson"
_COMPASS_LOWER = re.compile(r"(?:north|south|east|west|central|upper|lower)\w*[ -]+[A-Z]")


def _usable(doc: Document, sdoc: at.SpacySpan, p: Place) -> bool:
    """A place the geo stage found that reads as a place here (not a person, people or party)."""
    if not p.mention[:1].isupper() and not _COMPASS_LOWER.match(p.mention):
        return False  # a common noun; but "eastern Mediterranean" is a place
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.is_stop and len(span) == 1:
        return False
    if root.ent_type_ == "NORP" and at.side_of(p.mention) is not None:
        return False  # a people or a side ("the Kurds"), not a town the tagger mistook for one
    # the tagger's "organisation" is often a small place ("reached Niamey"): keep it where a
    # place can stand, unless the name is an armed group's or another organisation's ("Hamas")
    if not any(e.label_ == "ORG" and e.start_char == p.clean_start and e.end_char == p.clean_end
               for e in at.ents(sdoc)):
        return True
    side = at.side_of(p.mention)
    return (side is None or is_state(side)) and (
        root.dep_ not in NOT_A_PLACE_SLOT or _names_a_bearing(root) or _names_ground(root))


def _names_ground(tok: at.SpacyToken) -> bool:
    """"Tyre's port area", "the Jilib area": a name the tagger calls an organisation that owns
    or qualifies a noun of ground is the place that ground lies in."""
    return tok.dep_ in ("poss", "compound") and tok.head.lemma_.lower() in PLACE_HEADS


def _names_a_bearing(tok: at.SpacyToken) -> bool:
    """"the village of Novopavlivka west of Pokrovsk": the parser often hangs the place on the
    bearing as a compound; it is the place the bearing is told from, not a modifier."""
    return tok.dep_ == "compound" and tok.head.lower_ in BEARINGS


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
        if root.dep_ == "poss" or (root.dep_ == "compound" and root.head.i == target.i
                                   and target.lower_ in _NAMED_AFTER):
            depth += 2  # "Russia's Kursk region"; "the West Bank city of Jenin" is Jenin
        return depth, -_AREA_RANK.get(p.kind or "", _POINT), -p.clean_start

    return min(places, key=rank)


def add_places(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken, got: Found, *,
               only_location: bool = False, found: list[Found] | None = None) -> None:
    """Fill origin, destination and location from the phrases attached to `tok`."""
    mov = got.movement
    lemma = lemma_of(tok)
    links: list[tuple[str, at.SpacyToken, str]] = []  # (role, target, preposition)
    kids = list(tok.children)
    for c in list(kids):  # "made their way to X": the way's phrases are the verb's
        if c.dep_ == "dobj" and c.lower_ == "way":
            kids.extend(c.children)
        if c.dep_ in ("advmod", "prt", "prep") and c.lower_ in PARTICLES:
            kids.extend(c.children)  # "pulled back from X": the particle holds the phrase
        if c.dep_ in ("advmod", "npadvmod", "dobj") and _bearing(c.lower_):
            # "moved north towards X", "sailed west into X": the compass word holds the
            # verb's phrase ("north of X" stays the bearing's own)
            kids.extend(x for x in c.children if x.dep_ == "prep" and x.lower_ != "of")
    # "out of Gaza and into Lebanon": a phrase joined to the verb's own is the verb's too
    kids.extend(x for c in list(kids) if c.dep_ == "prep"
                for x in c.children if x.dep_ == "conj" and x.pos_ == "ADP")
    # "left Qingdao and sailed toward X": the journey a joined verb of going goes on with,
    # where that verb has no subject of its own, ends where it heads
    kids.extend(p for c in tok.children if c.dep_ == "conj" and lemma_of(c) in GOING_ON
                and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                for p in [*c.children, *(g for x in c.children if x.lower_ in PARTICLES
                                         and x.dep_ in ("advmod", "prt") for g in x.children)]
                if p.dep_ == "prep" and p.lower_ in _HEADING)  # "… and rushed back to X"
    for c in dict.fromkeys(kids):
        word = c.lower_
        if c.dep_ in ("prep", "dative") or (c.dep_ == "conj" and c.pos_ == "ADP") or (
                c.dep_ in ("advmod", "npadvmod", "amod") and word in ROLE_OF_PREP):
            role = ROLE_OF_PREP.get(word)
            if word == "of" and c.i > 0 and c.nbor(-1).lower_ == "out":
                role = "origin"  # "pulled out of X"
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if word in ("north", "south", "east", "west"):
                objs = [o for p in c.children if p.lower_ == "of" for o in p.children]
            if role == "destination" and word == "for" and objs and not _names_place(doc, objs[0]):
                role = "location"  # "landed at X for drills near Y": what for, not where to
            if word == "on" and objs and objs[0].lemma_.lower() in SIDES_OF_A_PLACE:
                continue  # "pulled out of Krynky on the left bank of the Dnipro": where X is
            if role and objs:
                links.append((role, objs[0], word))
        elif c.dep_ in ("dobj", "nsubjpass") and lemma in REACHES_OBJECT:
            # "entered the town", and in the passive "the town was entered by troops"
            links.append(("location" if lemma in ("cross", "transit", "pass") else "destination",
                          c, ""))
        elif c.dep_ == "dobj" and lemma in LEAVES_OBJECT:
            links.append(("origin", c, ""))  # "the frigates left Tartus"
            links.extend(("destination", o, p.lower_) for p in c.children  # "… for Goma"
                         if p.dep_ == "prep" and p.lower_ in BOUND_FOR
                         for o in p.children if o.dep_ == "pobj" and _names_place(doc, o))
        elif c.dep_ == "advmod" and word in ("there", "here"):
            links.append(("location", c, word))
        elif c.dep_ in ("xcomp", "advcl") and lemma_of(c) in ("surround", "enter", "reach"):
            links.extend(("destination", o, "") for o in c.children if o.dep_ == "dobj")
        elif c.dep_ in ("xcomp", "advcl") and lemma_of(c) in PURPOSE_AT_PLACE and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            # "sent to reinforce positions near Vovchansk": where it goes to do it
            links.extend(("destination", o, "") for o in c.children if o.dep_ == "dobj")
        elif c.dep_ == "advmod" and word == "where" and tok.dep_ == "relcl":
            links.append(("location", tok.head, "where"))  # "Luninets airfield, where jets…"
    for role, target, _word in list(links):  # "from the Kyiv region towards Donbas"
        links.extend(_nested_links(target))
        if role == "location":  # "in the Zaporizhzhia region near Robotyne"
            links.extend(("location", o, p.lower_) for p in target.children
                         if p.dep_ == "prep" and p.lower_ in _NEAR_PREPS
                         for o in p.children if o.dep_ == "pobj")
    if not any(r == "destination" and _names_place(doc, t) for r, t, _ in links):
        links.extend(_hung_destinations(tok))  # not "on Monday"
    if not any(r == "origin" for r, _, _ in links):
        links.extend(hung_links(tok, ("from",), "origin"))  # "moved jets from X to Y"
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
        elif role == "location" and _narrower(doc, place, mov.location):
            mov.location = place  # "advanced in the Zaporizhzhia region near Robotyne"
    if mov.origin is not None and mov.origin == mov.destination:
        # "departed training grounds for Belgorod Oblast": the phrase of what it left runs on
        # into where it heads; a force does not leave the place it heads for
        mov.origin = None


# what a phrase may hang on between the verb and a "to X" of its own clause: the objects and
# the phrases of the objects the parser attaches it to ("moved fighters from Saada to Marib")
_HANGS_ON = frozenset(("dobj", "pobj", "prep", "conj", "appos", "npadvmod"))
_HEADING = frozenset(("to", "toward", "towards", "into"))


def _bearing(word: str) -> bool:
    """A compass word as an adverb: "north", "northwest", "westward", "eastwards"."""
    return word.removesuffix("s").removesuffix("ward") in BEARINGS


def hung_links(tok: at.SpacyToken, preps: tuple[str, ...], role: str
                ) -> list[tuple[str, at.SpacyToken, str]]:
    """The verb's own phrases of `preps` the parser hung on its object or another phrase
    ("relocated helicopters from Dzhankoi", "travelled by road from Port Sudan")."""
    out: list[tuple[str, at.SpacyToken, str]] = []
    for p in tok.subtree:
        if p.dep_ != "prep" or p.lower_ not in preps or p.head.i == tok.i:
            continue
        t = p.head
        while t.i != tok.i and (t.dep_ in _HANGS_ON or t.dep_ == "agent") \
                and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        if t.i == tok.i:
            out.extend((role, o, p.lower_) for o in p.children if o.dep_ == "pobj")
    return out


def _hung_destinations(tok: at.SpacyToken) -> list[tuple[str, at.SpacyToken, str]]:
    """Where the verb's own clause says the force heads when the parser hung the phrase on
    an object or on another phrase ("moved fighters from Saada to the Marib front", "passed
    the strait between two islands into the Sea of Japan", "left Tartus bound for X"), not on a
    clause of its own."""
    out: list[tuple[str, at.SpacyToken, str]] = []
    for p in tok.subtree:
        bound = p.lower_ in ("for", "to") and p.head.lower_ == "bound"  # "X bound for Y"
        if p.dep_ != "prep" or (p.lower_ not in _HEADING and not bound) or p.head.i == tok.i:
            continue
        t = p.head
        while t.i != tok.i and ((t.dep_ in _HANGS_ON or t.dep_ == "agent")
                                and t.pos_ not in ("VERB", "AUX")
                                or t.lower_ == "bound" or bound and t.dep_ == "nsubj"):
            t = t.head  # "a convoy bound for X left Y": the subject's journey is the verb's
        if t.i == tok.i:
            out.extend(("destination", o, p.lower_) for o in p.children if o.dep_ == "pobj")
    return out


def places_named(doc: Document, refs: list[PlaceRef]) -> list[Place]:
    """The document's places (with their country and kind) that the references name."""
    return [p for p in doc.places if any(p.mention == r.mention and p.geonameid == r.geonameid
                                         for r in refs)]


def _narrower(doc: Document, place: PlaceRef, than: PlaceRef | None) -> bool:
    """Whether a place is a town or a site where the other is a region or a country."""
    def rank(ref: PlaceRef) -> int:
        kinds = [p.kind for p in places_named(doc, [ref])]
        return _AREA_RANK.get(kinds[0] or "", _POINT) if kinds else _POINT
    return than is not None and rank(than) < _POINT <= rank(place)


# a phrase inside another that says where a force sets out or heads ("from X to Y", "toward X
# from Y", "on the road from X"): its place has that role, never the outer phrase's
NESTED_ROLE = {"from": "origin", "to": "destination", "toward": "destination",
               "towards": "destination", "into": "destination"}


def _nested_preps(target: at.SpacyToken) -> list[at.SpacyToken]:
    """The role-giving prepositions hung on a phrase's head, or on the preposition that holds
    it ("from Sevastopol to Novorossiysk": the parser hangs "to" on "from")."""
    holders = [target, target.head] if target.dep_ == "pobj" else [target]
    return [p for h in holders for p in h.children
            if p.dep_ == "prep" and p.lower_ in NESTED_ROLE and p.i > target.i]


def _nested_links(target: at.SpacyToken) -> list[tuple[str, at.SpacyToken, str]]:
    return [(NESTED_ROLE[p.lower_], o, p.lower_) for p in _nested_preps(target)
            for o in p.children if o.dep_ == "pobj"]


def _names_place(doc: Document, tok: at.SpacyToken) -> bool:
    """Whether a phrase's head is a place ("for Goma", "for the front"), not what a force
    comes to do ("for drills near Jolfa", "for NATO's air policing mission")."""
    return tok.lemma_.lower() in PLACE_HEADS or tok.lower_ in PLACE_HEADS or any(
        p.clean_start <= tok.idx < p.clean_end for p in doc.places)


def _place_of(doc: Document, sdoc: at.SpacySpan, target: at.SpacyToken, got: Found,
              found: list[Found]) -> PlaceRef | None:
    """The place a phrase names; "there" and "the city" stand for a place named before."""
    lo, hi = at._np_bounds(target)
    for c in target.children:  # "Ukraine's capital, Kyiv"
        if c.dep_ == "appos":
            hi = max(hi, at._np_bounds(c)[1])
    hi = min([hi, *(p.i - 1 for p in _nested_preps(target))])
    a = max(sdoc[lo].idx, got.start)
    b = min(sdoc[hi].idx + len(sdoc[hi].text), got.end)
    inner = [p for p in _places_in(doc, a, b)
             if _usable(doc, sdoc, p) and not _inside_border_phrase(sdoc, p)
             and not _in_clause_of_phrase(sdoc, p, target)]
    place = _pick(sdoc, target, inner)
    if place is not None:
        return place.ref()
    vague = [t for t in sdoc[lo:hi + 1] if t.lemma_.lower() in VAGUE_PLACE or t.lower_ == "there"]
    if not vague:
        return _area_named_before(doc, sdoc, sdoc[lo:hi + 1], target.idx)
    if target.lower_ == "there" and found and main_place(found[-1].movement) is not None:
        return main_place(found[-1].movement)
    own = _placed_by_own_phrase(doc, sdoc, vague[0], got)
    if own is not None:  # "left their base in Timbuktu": the base's own phrase says where
        return own
    word = vague[0].lemma_.lower()
    before = [p for p in doc.places if p.clean_end <= target.idx and target.idx - p.clean_end < 1500
              and _usable(doc, sdoc, p)]
    if word in ("city", "town", "capital", "village", "port"):
        before = [p for p in before if p.kind == "city"]
    elif word in ("strait", "airfield", "base", "airbase"):
        before = [p for p in before if word in p.mention.lower() or p.kind not in ("country",)]
    return before[-1].ref() if before else None


def _in_clause_of_phrase(sdoc: at.SpacySpan, p: Place, target: at.SpacyToken) -> bool:
    """A place inside a clause the phrase holds ("in a sign of how stretched Kyiv's forces
    are"): that clause's, not where the phrase is."""
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.i != target.i and t.head.i != t.i:
        t = t.head
        if t.i != target.i and t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN":
            return True
    return False


def _placed_by_own_phrase(doc: Document, sdoc: at.SpacySpan, noun: at.SpacyToken,
                         got: Found) -> PlaceRef | None:
    """The place a vague noun's own phrase names ("their base in Timbuktu", "the airfield near
    Saky"), before any place named earlier in the article (a dateline's city); the parser may
    hang that phrase on the verb, right after the noun."""
    right_after = [p for p in noun.head.children if p.i == noun.right_edge.i + 1]
    for p in [*noun.children, *right_after]:
        if p.dep_ != "prep" or p.lower_ not in ("in", "at", "near", "outside", "of"):
            continue
        for o in p.children:
            place = _place_of(doc, sdoc, o, got, []) if o.dep_ == "pobj" else None
            if place is not None:
                return place
    return None


# "the region", "the island": the kinds of place each stands for (an island may be a country).
# Not "the country" or "its territory": which of several countries they mean is no count's
AREA_OF_WORD = {"region": ("region", "admin1", "admin2", "province"),
                "island": ("island", "country")}
_DEFINITE = {"the", "its", "this", "that"}


def _area_named_before(doc: Document, sdoc: at.SpacySpan, phrase: at.SpacySpan,
                       pos: int) -> PlaceRef | None:
    """A definite area noun ("sent to the region", "around the island") stands for the place
    of its kind the article has named most often before it (the latest of those on a tie)."""
    nouns = [t for t in phrase if t.lower_ in AREA_OF_WORD
             and any(c.lower_ in _DEFINITE for c in t.children)
             and not any(p.lower_ == "of" and any(o.pos_ == "PROPN" for o in p.children)
                         for p in t.children)  # "the island of Nestryha" names its own
             and not any(c.dep_ in ("compound", "amod") and c.text[:1].isupper()
                         and at.side_of(c.text) is None  # not "the western Russia region"
                         for c in t.children)]  # as does "the Est region"
    if not nouns:
        return None
    kinds = AREA_OF_WORD[nouns[0].lower_]
    before = [p for p in doc.places if p.clean_end <= pos and p.kind in kinds
              and _usable(doc, sdoc, p)]
    if not before:
        return None
    counts = Counter(p.name for p in before)
    return max(reversed(before), key=lambda p: counts[p.name]).ref()


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
        if a.lemma_.lower() in BORDER:
            return True
        if a.lower_ == "with" and (a.head.lemma_.lower() in BORDER or any(
                c.dep_ == "compound" and c.lemma_.lower() in BORDER for c in a.head.children)):
            return True  # "the border with Ukraine", "a border region with Ukraine"
    return False


def fallback_place(doc: Document, sdoc: at.SpacySpan, tok: at.SpacyToken,
                   force: at.SpacyToken | None, got: Found) -> None:
    """No place tied to the verb: the nearest place a few words away, when it is not the
    speaker's, a border, an institution's owner or part of the force's own name."""
    skip: list[tuple[int, int]] = []
    sent = tok.sent
    for t in sent:
        if t.dep_ == "nsubj" and lemma_of(t.head) in at.SPEECH_VERBS:
            skip.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)))
    if force is not None:  # its name ("the Kursk group of forces"), not where it stands
        # ("helicopters at the Dzhankoi airfield" where the parser lost the phrase's head)
        named = [force, *own_words(force, ("of",))]
        lo, hi = min(t.i for t in named), max(t.i for t in named)
        skip.append((sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi].text)))
    near_lo = sdoc[max(sent.start, tok.i - _NEAR_TOKENS)].idx
    near_hi = sdoc[min(sent.end - 1, tok.i + _NEAR_TOKENS)].idx
    fit = [p for p in _places_in(doc, max(sent.start_char, got.start), min(sent.end_char, got.end))
           if _usable(doc, sdoc, p) and not _acts(sdoc, p)
           and not any(a <= p.clean_start < b for a, b in skip)
           and not _inside_border_phrase(sdoc, p) and not _is_possessor_of_org(sdoc, p)
           and not _is_dateline_place(doc.clean_text, p)]
    cands = [p for p in fit if near_lo <= p.clean_start and p.clean_end <= near_hi] or [
        p for p in fit if _in_own_clause(sdoc, tok, p)]  # "... far words away, in its clause"
    if cands:
        place = min(cands, key=lambda p: abs(p.clean_start - tok.idx))
        got.movement.location = place.ref()


def _in_own_clause(sdoc: at.SpacySpan, tok: at.SpacyToken, p: Place) -> bool:
    """Whether a place hangs on the verb through phrases only, no other verb between."""
    span = sdoc.char_span(p.clean_start, p.clean_end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root.head
    while t.i != tok.i and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t.i == tok.i


_DATELINE_TAIL = re.compile(r"[\w .,()’'-]{0,40}?\s[—–-]\s")


def _is_dateline_place(text: str, p: Place) -> bool:
    """The place of a wire dateline ("KYIV, Ukraine (AP) — "): where the story was filed."""
    line_start = text.rfind("\n", 0, p.clean_start) + 1
    if text[line_start:p.clean_start].strip():
        return False
    return bool(_DATELINE_TAIL.match(text, p.clean_end))

"""Whose a force is: the words of its phrase that name a side, a ship's navy prefix."""

from __future__ import annotations

from sitrep.extract import attribution as at
from sitrep.extract.movements.lexicon import BORDER, SIDE_HEADS
from sitrep.sides import NAVY_PREFIXES


def ship_prefix_before(tok: at.SpacyToken) -> at.SpacyToken | None:
    """The navy prefix written before a ship's name that ends at `tok`, if any."""
    k = tok.i
    while k > 0 and tok.doc[k].pos_ == "PROPN" and tok.i - k < 4:
        if tok.doc[k - 1].text in NAVY_PREFIXES:
            return tok.doc[k - 1]
        k -= 1
    return None


def own_words(force: at.SpacyToken,
              preps: tuple[str, ...] = ("of", "from")) -> list[at.SpacyToken]:
    """The words of a force's phrase that say whose it is: its modifiers and "of"/"from" phrases
    ("troops from the Russian Navy"), not places it is at ("on Ukraine's borders"). Worked out
    once per force and document: the gates, the owner and the force finder all ask."""
    known = at.per_document(force.doc, "sitrep_own_words", lambda _doc: {})
    key = (force.i, preps)
    if key not in known:
        known[key] = tuple(t.i for t in _own_words(force, preps))
    return [force.doc[i] for i in known[key]]


_CLAUSES = frozenset(("ccomp", "acl", "relcl", "advcl"))


def _own_words(force: at.SpacyToken, preps: tuple[str, ...]) -> list[at.SpacyToken]:
    lo, hi = at._np_bounds(force)
    out = []
    for t in force.doc[lo:hi + 1]:
        a, ok = t, True
        while a.i != force.i and a.head.i != a.i:
            if a.dep_ == "prep" and (a.lower_ not in preps or _tells_where(a)) \
                    or a.dep_ in _CLAUSES:
                ok = False  # "reports that warships entered": a clause's words are its own
                break
            a = a.head
        if ok and a.i == force.i:
            out.append(t)
    return out


def _tells_where(prep: at.SpacyToken) -> bool:
    """"30 miles from the Ukrainian border", "from the border": a "from" phrase that measures a
    distance or names a border tells where the force is, not whose it is ("troops from the
    Russian Navy", "soldiers from Chad")."""
    return prep.lower_ == "from" and (any(c.dep_ == "npadvmod" for c in prep.children) or any(
        o.dep_ == "pobj" and o.lemma_.lower() in BORDER for o in prep.children))


# "UAE-backed forces", "Turkish-supported fighters": the sponsor of a proxy
_SPONSORED = frozenset(("back", "support", "sponsor", "fund", "finance", "arm", "train", "ally",
                        "align", "equip"))


def is_sponsor(t: at.SpacyToken) -> bool:
    """Whether the word names the sponsor in "X-backed" ("UAE-backed Southern Transitional
    Council forces"): the force is the proxy's own when its name is given."""
    return t.i < t.head.i and t.head.tag_ == "VBN" and t.head.lemma_.lower() in _SPONSORED


def side_of_token(t: at.SpacyToken) -> str | None:
    prefix = t if t.text in NAVY_PREFIXES else ship_prefix_before(t)
    if prefix is not None:
        return NAVY_PREFIXES[prefix.text]
    if t.ent_type_ not in ("NORP", "GPE", "ORG") and t.lower_ not in at.SIDES:
        if t.pos_ in ("PROPN", "ADJ") and at.side_of(t.text):
            return at.side_of(t.text)  # "JERUSALEM—Israel"
        return None
    if t.i > 0 and t.doc[t.i - 1].lower_ in ("north", "south") and t.ent_type_:
        return at.side_of(f"{t.doc[t.i - 1].lower_} {t.lower_}")
    return at.side_of(t.text)


def is_side_itself(head: at.SpacyToken) -> bool:
    """A phrase that names a side as a whole ("Moscow", "the Russian side", "Israel's army"),
    not something a side owns ("shares of a Ukrainian firm", "the Lebanese team")."""
    if side_of_token(head) is not None:
        return True
    return head.lemma_.lower() in SIDE_HEADS and side_of_phrase(head) is not None


def side_of_phrase(head: at.SpacyToken) -> str | None:
    lo, hi = at._np_bounds(head)
    for t in reversed(head.doc[lo:hi + 1]):
        side = side_of_token(t)
        if side:
            return side
    return None

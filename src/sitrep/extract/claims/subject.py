"""Whose losses or forces a figure counts: "Russia had lost 1,292 vehicles" -> Russia,
"7,000 Russian troops" -> Russia, "supplied 20,000 weapons to Ukraine" -> Ukraine,
"people killed in Mariupol" -> the country of Mariupol.

Tried in order, nearest evidence first: the noun phrase itself, a possessive, the recipient of
a delivery, the nearest side named before the figure in its clause (not the one doing the
killing, not the claimant), the figure before it in the sentence, earlier clauses, the losses
named in the sentences just before, the claimant's own side, and the side the article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.extract import attribution as at
from sitrep.extract.claims.lexicon import ATTACK_NAMED
from sitrep.records import Document
from sitrep.sides import (
    BLOCS,
    SideMention,
    country_name,
    find_sides,
    is_armed_group,
    is_state,
    side_in,
)

_AGENT_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+and\s+(?:its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:allies|militias?|"
    r"proxies|partners|forces))?\s+(?:(?:forces?|troops|army|military|navy|air\s+force|soldiers|units|president|"
    r"government|authorities|jets|warplanes|shelling|strikes?|air\s?strikes?|attacks?|missiles?|"
    r"drones?|rockets?|artillery|fire|bombardment|bombing|gunmen|militants|fighters|rebels|"
    r"(?:glide\s+)?bombs?|shells?|mortars?|grenades?|mines?|"
    r"militias?|militiamen|snipers)\s+)?(?:(?:has|have|had|reportedly|also|first|then|"
    r"allegedly|already)\s+)*"
    r"(?:killed|kill|killing|destroyed|destroying|shot|struck|strikes|hit|attacked|shelled|"
    r"launched|lay\s+siege|laid\s+siege|besieged|bombed|captured|downed|supplied|sent|"
    r"delivered|donated|provided|gave|pressured|forced)\b", re.I)
# "an Israeli strike on a school in Gaza killed 22", "Russia's overnight barrage on Kyiv killed":
# the side names the attack, whose victims are someone else's (not "X said rockets killed…":
# the side that speaks)
_ATTACK_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?!(?:said|says|say|told|claimed|claims|reported)\b)[\w-]+\s+){0,3}?"
    r"(?:strikes?|air\s?strikes?|attacks?|shelling|barrage|"
    r"bombardment|bombing|raids?|missiles?|drones?|rockets?|offensive|assault|fire|artillery|"
    r"bombs?|shells?|mortars?|grenades?)\b"
    r"[^.;:]{0,80}?\b(?:killed|kills?|killing|wounded|wounding|injured|injuring|left)\b", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$|\bagainst\s+(?:the\s+)?$", re.I)
# the side a loss was suffered against: "clashes with X", "a firefight with X", "accused X (of)"
_FOE_BEFORE = re.compile(
    r"\b(?:(?:clash(?:es)?|fighting|battles?|combat|skirmish(?:es)?|firefights?|gunfights?|"
    r"exchanges?\s+of\s+fire)\s+with|accus(?:ed|es|ing))\s+(?:the\s+)?$", re.I)
# a side after one of these is a place or a target, not the owner of the figure
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|into|to|towards?|against|on|near|inside|across|at|over)|\b(?:invasion|war|attack|"
    r"offensive|territory|region|border|capital|city|parts?|north|south|east|west|outskirts)\s+of)"
    r"\s+(?:the\s+)?(?:\w+\s+)?(?:(?:and|or)\s+\w+\s+)?$", re.I)
# the claimant's own people: "our soldiers", "the country's troops", "its own fighters"
_OWN = re.compile(r"\b(?:our|the\s+country['’]s|the\s+nation['’]s|(?:its|their)\s+own)\s",
                  re.I)
# the claimant as the one who struck: "X said [it had killed]", "[its forces destroyed]"
_SELF_AGENT = re.compile(
    r"\b(?:it|they|we|(?:its|their|our)\s+(?:\w+\s+){0,2}?(?:forces|troops|fighters|units|"
    r"soldiers|army|military|men))\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?"
    r"(?:killed|destroyed|shot\s+down|downed|captured|eliminated|neutrali[sz]ed|wiped\s+out|"
    r"took\s+out|taken\s+out)\b", re.I)
# a part of the speaker's own ("two of its soldiers") where no one else owns it in the clause
_OF_ITS = re.compile(r"\bof\s+(?:its|their)\s", re.I)
# what a state calls its own people in arms (the enemy's are "militants", "rebels", "occupiers")
_OWN_FORCES = re.compile(r"\b(?:soldiers|troops|servicemen|servicemembers|service\s+members|"
                         r"personnel|police(?:\s+officers|men)?|sailors|pilots|marines|"
                         r"paratroopers|border\s+guards)$", re.I)
# people in arms, the UN's own among them: a toll of them is theirs ("13 peacekeepers")
_IN_ARMS = re.compile(r"\b(?:soldiers|troops|peacekeepers|servicemen|personnel|police|officers|"
                      r"observers|monitors|blue\s+helmets|forces)\b", re.I)
# how a side's speaker names the side it fights
_ENEMY = re.compile(r"\b(?:enemy|enemy['’]s|occupiers|occupiers['’]|invaders|adversary|"
                    r"adversary['’]s)\b", re.I)
_PEOPLE = re.compile(r"\b(?:people|persons|civilians|residents|children|women|villagers|"
                     r"bodies|migrants|refugees)\b", re.I)
_FORCE_METRICS = {"troops", "reservists", "volunteers", "other"}
_LOSS_NOUN_AFTER = re.compile(
    r"^\W{0,2}(?:\w+\s+){0,1}?(?:casualties|losses|death\s+toll|dead|deaths)\b", re.I)
_CIVILIAN_METRICS = {"civilians_killed", "evacuated", "displaced"}
_LOSS_METRICS = {"killed", "wounded", "killed_or_wounded", "captured", "missing", "out_of_action",
                 "vehicles_lost", "tanks_lost", "aircraft_lost", "ships_lost", "civilians_killed"}


@dataclass(slots=True)
class SubjectContext:
    """What the subject search needs besides the sentence: the document and its main side."""

    text: str
    dominant: str | None
    place_country: dict[int, str]  # clean start of a place mention -> canonical country
    sides: list[str] = field(default_factory=list)  # the sides named, most named first
    doc: Document | None = None  # its movements, once read, own the forces they move
    counts: Counter[str] = field(default_factory=Counter)  # how often each side is named
    first: dict[str, int] = field(default_factory=dict)  # where each side is first named

    def mover_at(self, pos: int) -> str | None:
        """The owner of a movement told where the clean-text position `pos` lies."""
        if self.doc is None:
            return None
        raw = self.doc.raw_span(pos, pos + 1)[0]
        return next((m.actor for m in self.doc.movements
                     if m.actor and m.evidence.start <= raw < m.evidence.end), None)

    def opponent(self, side: str, pos: int) -> str | None:
        """The side the article names most after `side`: whom that side is fighting; a side
        named once, after the figure at `pos`, is none ("…, former Nigerian president X said"
        closing an article on Ethiopia)."""
        return next((s for s in self.sides if s != side and s not in BLOCS
                     and (self.counts[s] > 1 or self.first.get(s, pos) < pos)), None)


def subject_context(doc: Document) -> SubjectContext:
    """Count the sides the article names, and the countries of its places."""
    mentions = find_sides(doc.clean_text)
    counts = Counter(m.name for m in mentions)
    first: dict[str, int] = {}
    for m in mentions:
        first.setdefault(m.name, m.start)
    # the article's side is a country (or the UN) when it names one: a war's toll is the
    # country's, though the armed group fighting in it ("RSF") is named more often
    named = [s for s, _ in counts.most_common()]
    ranked = [s for s in named if is_state(s)] + [s for s in named if s in BLOCS] + named
    dominant = ranked[0] if ranked else None
    places = {}
    for p in doc.places:
        name = country_name(p.country)
        if name:
            places[p.clean_start] = name
    return SubjectContext(doc.clean_text, dominant, places, named, doc, counts, first)


def find_subject(ctx: SubjectContext, fig_start: int, fig_end: int, np_nation: str | None,
                 metric: str, segs: list[tuple[int, int]], seg_i: int,
                 prev_subject: str | None, sent_start: int, claimant: str | None,
                 claimant_span: tuple[int, int] | None, recent: str | None = None
                 ) -> tuple[str | None, str]:
    """(subject, which rule found it)."""
    subject, how = _subject(ctx, fig_start, fig_end, np_nation, metric, segs, seg_i,
                            prev_subject, sent_start, claimant, claimant_span, recent)
    if subject is None or metric not in _LOSS_METRICS | _CIVILIAN_METRICS \
            or how in ("noun-phrase", "possessive", "own", "clause", "own-forces"):
        return subject, how
    # the sides striking before the figure or after it in its own phrase ("12 were killed in
    # Israeli strikes"; not "…, killing 1,300, and after a week of Israeli airstrikes")
    agents = {m.name for m in find_sides(ctx.text[sent_start:segs[-1][1]], sent_start)
              if _is_agent(ctx.text, m)
              and (m.start < fig_start or "," not in ctx.text[fig_end:m.start])}
    if subject not in agents:
        return subject, how
    # the losses of those the striking side struck: where it struck, else its enemy
    target = _place_country(ctx, sent_start, segs[-1][1])
    if target and target not in agents:
        return target, "struck-place"
    return ctx.opponent(subject, fig_start), "struck-side"


def _subject(ctx: SubjectContext, fig_start: int, fig_end: int, np_nation: str | None,
             metric: str, segs: list[tuple[int, int]], seg_i: int,
             prev_subject: str | None, sent_start: int, claimant: str | None,
             claimant_span: tuple[int, int] | None, recent: str | None = None
             ) -> tuple[str | None, str]:
    text = ctx.text
    if metric == "weapons_supplied":  # arms are counted for who gets them, not who made them
        recipient = _recipient(text, segs[seg_i], fig_start)
        if recipient:
            return recipient, "recipient"
    if np_nation:
        return np_nation, "noun-phrase"
    claimant_side = side_in(re.split(r"[,(–—]", text[claimant_span[0]:claimant_span[1]])[0]) \
        if claimant_span else None
    if claimant_side is None and claimant and claimant_span \
            and text[claimant_span[0]:claimant_span[1]].lower() in ("it", "they"):
        claimant_side = side_in(claimant)  # "It has said 25 people were killed": whose "it" is
    if claimant_side in BLOCS:
        claimant_side = None  # a UN agency speaks for no side
    if claimant_side and _OWN.search(text, fig_start, fig_end):
        return claimant_side, "own"  # "Azerbaijan said 3 of the country's soldiers were killed"
    seg = segs[seg_i]
    floor = claimant_span[1] if claimant_span and claimant_span[1] <= fig_start else 0
    if claimant_side and _OF_ITS.search(text, fig_start, fig_end) \
            and not _nearest_before(text, max(seg[0], floor), fig_start, metric, claimant_span):
        return claimant_side, "own"  # "X said rockets killed two of its soldiers": X's
    if not claimant_side and _OF_ITS.search(text, fig_start, fig_end):
        possessor = _first_usable(text, sent_start, fig_start, metric, claimant_span)
        if possessor:  # "once X shut its embassy, a spokesman said ... six of its soldiers"
            return possessor, "own"
    window = max(seg[0], fig_start - 40)
    m = re.search(r"([A-Z][\w.-]*(?:\s[A-Z][\w-]*)?)['’]s?\s+(?:\w+\s+){0,2}$",
                  text[window:fig_start])
    # "Russia's losses of 300 tanks", not "Russia's drones killed 85 soldiers"
    if m and side_in(m.group(1)) \
            and not _AGENT_AFTER.match(text[window + m.end(1):fig_start]):
        return side_in(m.group(1)), "possessive"
    enemy = ctx.opponent(claimant_side, fig_start) if claimant_side else None
    if enemy and _ENEMY.search(text, max(seg[0], floor), fig_end):
        return enemy, "claimant-enemy"  # "the General Staff said the enemy lost 1,100 troops"
    if metric in _CIVILIAN_METRICS:
        # where they were killed or fled from in the figure's own sentence; else the state that
        # counts them ("Armenian officials said 7,600 civilians were evacuated"); else the
        # place the sentences just before name
        found = _place_country(ctx, sent_start, seg[1], skip_destinations=True)
        if found:
            return found, "place"
        if is_state(claimant_side) and not (
                claimant_span and _SELF_AGENT.search(text, claimant_span[1], fig_start)):
            return claimant_side, "claimant"
        found = _place_country(ctx, seg[0] - 300, seg[1], skip_destinations=True)
        if found:
            return found, "place"
    holder = _holder(ctx, fig_start) if metric in _FORCE_METRICS else None
    if holder:  # "Al-Shabaab is estimated by US officials to have 7,000 fighters"
        return holder, "owner"
    # in reported speech ("X says [it has mobilised 360,000]") look only after the claimant
    near = _nearest_before(text, max(seg[0], floor), fig_start, metric, claimant_span,
                           _doer_of_participle(text, max(seg[0], floor), fig_start, metric))
    if near:
        return near, "clause"
    if prev_subject:
        return prev_subject, "previous-figure"
    for i in range(seg_i - 1, -1, -1):
        if segs[i][1] <= floor:
            break
        near = _nearest_before(text, max(segs[i][0], floor), segs[i][1], metric, claimant_span)
        if near:
            return near, "earlier-clause"
    if metric in _LOSS_METRICS and is_state(claimant_side) \
            and _OWN_FORCES.search(text, fig_start, fig_end) \
            and not _ENEMY.search(text, sent_start, segs[-1][1]) \
            and not (claimant_span and _SELF_AGENT.search(text, claimant_span[1], fig_start)):
        return claimant_side, "own-forces"  # "the Israeli military said three soldiers died"
    owner = _HAS_FORCE.search(text, max(seg[0], floor), fig_start) \
        if metric in _FORCE_METRICS else None
    if owner and owner.group(1).strip().lower() in _PRONOUN_OWNERS:
        owner = None  # '"We have 600,000 troops," Putin said': the speaker's side, below
    if owner:  # "the Clan del Golfo has about 9,000 members": a named force's own size
        return re.sub(r"^The\s+", "", owner.group(1).strip()), "owner"
    mover = ctx.mover_at(fig_start) if metric in _FORCE_METRICS else None
    if mover:  # "they moved more than 40 tanks to the border": the moving force's owner's
        return mover, "mover"
    self_agent = bool(claimant_side and claimant_span
                      and _SELF_AGENT.search(text, claimant_span[1], fig_start))
    if self_agent and metric in _FORCE_METRICS and claimant_side:
        # "Ukraine said it had shot down 25 drones"
        enemy = ctx.opponent(claimant_side, fig_start)
        if enemy:
            return enemy, "claimant-enemy"
    # the claimant's own words up to an apposition: "Russian President Putin, ..." -> Russia
    if metric in _FORCE_METRICS and claimant_side:
        return claimant_side, "claimant"
    struck = self_agent and metric in _LOSS_METRICS
    if struck and claimant_side:
        # "the army said it had killed 40": its enemy's dead
        enemy = ctx.opponent(claimant_side, fig_start)
        if enemy:
            return enemy, "claimant-enemy"
    if metric in _CIVILIAN_METRICS or metric in _LOSS_METRICS:
        after = _first_after(text, fig_end, segs[-1][1], claimant_span)
        if after and metric in _CIVILIAN_METRICS:
            return after, "clause-after"
    named = _named_losses(text, max(0, sent_start - 500), sent_start)
    if named:
        return named, "previous-sentence"
    if recent and not (is_armed_group(recent) and _PEOPLE.search(text, fig_start, fig_end)):
        # not "people" after a group's fighters: the people of a war are a country's
        return recent, "previous-claim"
    if struck:  # the dead of those the claimant struck are never its own
        return (ctx.dominant if ctx.dominant != claimant_side else None), "article"
    if claimant_side:
        return claimant_side, "claimant"
    bloc = side_in(claimant) if claimant else None
    if bloc in BLOCS and _IN_ARMS.search(text, fig_start, fig_end):
        return bloc, "claimant"  # "the UN mission said 13 peacekeepers were killed": its own
    if ctx.dominant in BLOCS and claimant and side_in(claimant) == ctx.dominant \
            and (metric in _CIVILIAN_METRICS or metric in _LOSS_METRICS
                 and not _IN_ARMS.search(text, fig_start, fig_end)):
        # "85 civilians were killed, the UN said": the UN counts a toll, it does not suffer it
        return next((s for s in ctx.sides if s not in BLOCS), None), "article"
    return ctx.dominant, "article"


# verbs whose subject holds the force counted as their object ("has 7,000 fighters")
_HOLDS = frozenset(("have", "field", "number", "command", "count", "maintain", "keep"))


def _holder(ctx: SubjectContext, fig_start: int) -> str | None:
    """The side that has the force a figure counts, by the parse: the subject of "have" (or
    of the verb it completes: "X is estimated by US officials to have 7,000 fighters", "X is
    believed to field 3,000"), a relative pronoun's noun ("the Arakan Army, which has…")."""
    sdoc = ctx.doc.nlp if ctx.doc is not None else None
    span = sdoc.char_span(fig_start, fig_start + 1, alignment_mode="expand") \
        if sdoc is not None else None
    if not span:
        return None
    tok = span[0]
    while tok.dep_ in ("quantmod", "advmod", "compound") and tok.head.pos_ == "NUM":
        tok = tok.head  # "between 7,000 and", "about 30,000"
    noun = tok.head if tok.dep_ == "nummod" else tok
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _HOLDS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in at.RELATIVE_PRONOUNS:
        clause = next((a for a in subj.ancestors if a.dep_ == "relcl"), None)
        subj = clause.head if clause is not None else None
    if subj is None or subj.pos_ != "PROPN":
        return None
    return side_in(ctx.text[subj.left_edge.idx:subj.idx + len(subj.text)])


# pronouns that "have" a force: whose it is, the speaker's side tells
_PRONOUN_OWNERS = frozenset(("we", "they", "it", "he", "she", "i", "you"))
# a force named by its proper name just before what it has or numbers
_HAS_FORCE = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+(?:(?:del|de|al|of|the|for)\s+)?)*[A-Z][\w'’-]*)\s+"
    r"(?:now\s+|still\s+)?(?:has|have|had|numbers?|numbered|counts?)\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|an\s+estimated|at\s+least|more\s+than|"
    r"over|up\s+to|as\s+many\s+as)\s+)?$")


def _recipient(text: str, seg: tuple[int, int], fig_start: int) -> str | None:
    """Who gets a delivery: "sent 20 tanks to Ukraine", "Mali received 12 Turkish drones"."""
    for m in re.finditer(r"(?<!according\s)\bto\s+(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)",
                         text[seg[0]:seg[1] + 40]):
        if side_in(m.group(1)):
            return side_in(m.group(1))
    got = _RECEIVED.search(text, seg[0], fig_start)
    return side_in(got.group(1)) if got else None


# "Mali received around 12 drones", "Pakistan says it has received 40 jets"
_RECEIVED = re.compile(r"([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?:\s+(?:says|said)\s+it)?\s+"
                       r"(?:has\s+|had\s+|have\s+)?(?:received|receives|took\s+delivery\s+of)\b"
                       r"[^.;]*$")


def _usable(text: str, m: SideMention, metric: str, claimant_span: tuple[int, int] | None
            ) -> bool:
    """A side named near a loss is its subject unless it is the one doing the killing."""
    if claimant_span and claimant_span[0] <= m.start < claimant_span[1]:
        return False
    before = text[max(0, m.start - 24):m.start]
    if _PLACE_BEFORE.search(before) and not re.search(r"\bfrom\s+(?:the\s+)?$", before):
        return False
    if metric in _LOSS_METRICS or metric in _CIVILIAN_METRICS:
        return not _is_agent(text, m)
    return True


def _is_agent(text: str, m: SideMention) -> bool:
    """Whether a side is named as the one striking, not as the one struck: a side named as a
    place ("a strike on a school in Gaza killed 22") strikes no one."""
    if ATTACK_NAMED.match(text, m.end, m.end + 60):
        return True  # "killed in U.S. strikes": the side the attack is named for
    if _PLACE_BEFORE.search(text[max(0, m.start - 24):m.start]) \
            and not _AGENT_BEFORE.search(text[max(0, m.start - 12):m.start]):
        return False
    return bool(_AGENT_AFTER.match(text[m.end:m.end + 60])
                or _ATTACK_AFTER.match(text[m.end:m.end + 140])
                or _AGENT_BEFORE.search(text[max(0, m.start - 12):m.start])
                or _FOE_BEFORE.search(text[max(0, m.start - 30):m.start]))


def _nearest_before(text: str, start: int, end: int, metric: str,
                    claimant_span: tuple[int, int] | None, doer: str | None = None
                    ) -> str | None:
    for m in reversed(find_sides(text[start:end], start)):
        if m.name != doer and _usable(text, m, metric, claimant_span):
            return m.name
    return None


# a toll told as what the clause's subject did: "ISWAP fighters overran the base, killing 17"
_PARTICIPLE_TOLL = re.compile(r",\s+(?:\w+\s+)?(?:killing|wounding|injuring)\s+"
                              r"(?:[\w-]+\s+){0,3}$", re.I)


def _doer_of_participle(text: str, start: int, fig_start: int, metric: str) -> str | None:
    """The side that opens a clause whose ", killing N" tells the figure: who did the killing,
    never whose dead they are."""
    m = _PARTICIPLE_TOLL.search(text, start, fig_start)
    if m is None or metric not in _LOSS_METRICS | _CIVILIAN_METRICS:
        return None
    sides = find_sides(text[start:m.start()], start)
    return sides[0].name if sides else None


def _first_usable(text: str, start: int, end: int, metric: str,
                  claimant_span: tuple[int, int] | None) -> str | None:
    """The first side named in the span that could own a loss: a sentence's subject."""
    return next((m.name for m in find_sides(text[start:end], start)
                 if _usable(text, m, metric, claimant_span)), None)


def _first_after(text: str, start: int, end: int, claimant_span: tuple[int, int] | None
                 ) -> str | None:
    """The first side named after the figure: where civilians were killed or fled."""
    for m in find_sides(text[start:end], start):
        if claimant_span and claimant_span[0] <= m.start < claimant_span[1]:
            continue
        if _DESTINATION_BEFORE.search(text[max(0, m.start - 30):m.start]):
            continue
        if not (_AGENT_AFTER.match(text[m.end:m.end + 60])
                or _AGENT_BEFORE.search(text[max(0, m.start - 12):m.start])):
            return m.name
    return None


def _named_losses(text: str, start: int, end: int) -> str | None:
    """ "Russian casualties", "Ukrainian losses" in the sentences just before."""
    for m in reversed(find_sides(text[start:end], start)):
        if _LOSS_NOUN_AFTER.match(text[m.end:m.end + 30]) \
                and not _AGENT_AFTER.match(text[m.end:m.end + 60]):
            return m.name
    return None


# where the displaced went, not where they are from: "fled to Chad", "crossed into Poland"
_DESTINATION_BEFORE = re.compile(
    r"\b(?:to|into|towards?|for|reach(?:ed|ing)?|arriv\w*\s+in|sheltering\s+in|"
    r"taken\s+(?:refuge|shelter)\s+in)\s+(?:the\s+)?(?:neighbo\w+\s+)?$", re.I)


def _place_country(ctx: SubjectContext, start: int, end: int, skip_destinations: bool = False
                   ) -> str | None:
    best = None
    for pos, name in ctx.place_country.items():
        if skip_destinations and _DESTINATION_BEFORE.search(ctx.text[max(0, pos - 30):pos]):
            continue
        if start <= pos < end and not _names_attacker(ctx.text, pos):
            best = name
    return best


_NAME_AT = re.compile(r"(?:[A-Z][\w.'’-]*\s?)+")


def _names_attacker(text: str, pos: int) -> bool:
    """Whether the place named at `pos` names an attack ("killed in U.S. strikes")."""
    name = _NAME_AT.match(text, pos, pos + 60)
    if name is None:
        return False
    end = pos + len(name.group().rstrip())
    return ATTACK_NAMED.match(text, end, end + 60) is not None

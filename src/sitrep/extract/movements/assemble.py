"""Read the movements of a document: triggers, their force, gates, places, owner and observer,
then one movement per event."""

from __future__ import annotations

import re
from collections import Counter

from sitrep.dates import MONTH_WORDS, resolve_date, without_leading_date
from sitrep.extract import attribution as at
from sitrep.extract.movements.actor import actor_of, home_state
from sitrep.extract.movements.equipment import equipment_of, size_of, unit_of
from sitrep.extract.movements.evidence import (
    confidence_of,
    date_words,
    evidence_bounds,
    is_headline,
)
from sitrep.extract.movements.forces import (
    clause_verb,
    force_of,
    is_force,
    sends_something_else,
    side_moves_into_a_place,
    steps_up_pressure,
)
from sitrep.extract.movements.found import Found, main_place, places_of, richness
from sitrep.extract.movements.frames import describes_force, is_trigger, trigger_candidates
from sitrep.extract.movements.gates import is_background, is_hypothetical, is_military, is_negated
from sitrep.extract.movements.lexicon import (
    NOT_FACT,
    OBSERVED,
    SIDE_VERBS,
    STAYING,
    is_noun_trigger,
    lemma_of,
)
from sitrep.extract.movements.merge import merge
from sitrep.extract.movements.model import SentenceModel
from sitrep.extract.movements.observer import new_speakers, observer_of, source_of_sentence
from sitrep.extract.movements.owners import is_side_itself
from sitrep.extract.movements.places import add_places, fallback_place, places_named
from sitrep.extract.movements.status import settled, status_of
from sitrep.records import Document, Movement
from sitrep.sides import BLOCS, find_sides


def find_movements(doc: Document, model: SentenceModel | None = None) -> list[Movement]:
    """Every reported movement of a force in the document, one per event: the rules' trigger
    words first, less those in sentences the learned `model` all but rules out, then the
    sentences the model reads as movements where the rules found none."""
    sdoc = doc.nlp
    if sdoc is None:
        return []
    names = at.index_names(sdoc)
    imagery = at.imagery_sources(names, sdoc)
    found: list[Found] = []
    by_trigger: dict[int, Found] = {}
    by_force: dict[int, Found] = {}
    for tok in trigger_candidates(sdoc):
        if not is_trigger(tok):
            continue
        # verbs joined to a trigger read before ("passed through X and sailed into Y", "were
        # seen moving toward Y") tell the same movement
        head = tok.head
        if tok.dep_ in ("conj", "xcomp", "advcl") and head.i in by_trigger \
                and _same_line(doc, by_trigger[head.i], tok) and not _own_subject(tok):
            _join(doc, sdoc, by_trigger[head.i], tok)
            by_trigger[tok.i] = by_trigger[head.i]
            continue
        got = _read_movement(doc, sdoc, names, imagery, tok, found)
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
    if model is not None:
        found = [f for f in found if not model.rules_out(doc.clean_text[f.start:f.end])]
        found.extend(_read_sentences(doc, sdoc, names, imagery, found, model))
    kept = [f for f in found if not (f.observed_only and main_place(f.movement) is None)]
    _fill_actors(kept, doc.clean_text)
    told = merge(kept)
    _name_sources(doc, sdoc, told)
    _carry_observers(doc.clean_text, told)
    _publisher_observes(doc.clean_text, told)
    for f in told:
        f.movement.observed_by = _as_source(f.movement.observed_by)
    return [_one_role_per_place(_narrow_destination(doc, f.movement)) for f in told]


# a time or a date read as a source ("11:05 GMT – Reports from…", "posted on 19 Nov"), a
# clause word before one ("…, where residents said")
_DATE = re.compile(rf"^(?:(?:\d{{1,2}}\s+)?(?:{MONTH_WORDS})\.?(?:\s+\d{{1,4}})?|GMT|UTC)$",
                   re.I)
_LEAD = re.compile(r"^(?:(?:where|when|and|as|while|but)\s+|"
                   r"\d{1,2}[:.]\d\d(?:\s*(?:GMT|UTC|[AP]M)\b)?\s*[-–—:]?\s*)", re.I)


def _as_source(name: str | None) -> str | None:
    """A source's name as it may stand: no time or date, no clause word before it."""
    if not name:
        return name
    name = without_leading_date(_LEAD.sub("", name))  # "14:05 Residents": the residents
    return None if not name or _DATE.match(name) else name


def _narrow_destination(doc: Document, mov: Movement) -> Movement:
    """A force sent to a country and seen at a place in it ("deployed to Russia", "spotted in
    Kursk", told in one sentence or merged from two) is headed for that place: the narrower
    place is the destination, the country says no more."""
    dest = places_named(doc, [mov.destination]) if mov.destination is not None else []
    here = places_named(doc, [mov.location]) if mov.location is not None else []
    if dest and here and dest[0].kind == "country" and here[0].kind != "country" \
            and here[0].country == dest[0].country:
        mov.destination, mov.location = mov.location, None
    return mov


def _own_subject(verb: at.SpacyToken) -> bool:
    """Whether a joined verb names a subject of its own ("frigates left X and a submarine
    arrived in Y", "troops withdrew while units advanced"): another force, another movement."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
               for c in verb.children) or at.stranded_subject(verb) is not None


def _name_sources(doc: Document, sdoc: at.SpacySpan, told: list[Found]) -> None:
    """A movement whose clause names no observer takes the source its sentence cites, read as a
    figure's claimant is (", the General Staff reported.", "X has said…", where the parse lost
    the speech verb's tie to the movement)."""
    speakers = None
    for f in told:
        if f.movement.observed_by is not None or f.trigger < 0:
            continue
        if speakers is None:
            speakers = new_speakers(sdoc)
        f.movement.observed_by = source_of_sentence(doc.clean_text, sdoc, f.trigger, speakers)


def _carry_observers(text: str, told: list[Found]) -> None:
    """A report told over consecutive sentences keeps its source: a movement in the sentence
    right after another's ("Japan's navy said six warships passed the strait. The ships then
    sailed into the Sea of Okhotsk.") was seen by the same observer when it names none."""
    for before, f in zip(told, told[1:], strict=False):
        if f.movement.observed_by is None and before.movement.observed_by is not None \
                and before.end <= f.start and not text[before.end:f.start].strip():
            f.movement.observed_by = before.movement.observed_by


def _publisher_observes(text: str, told: list[Found]) -> None:
    """A monitor's or a ministry's own report tells what it saw: a movement that names no
    observer is the reporter's (`attribution.document_issuer`)."""
    if not any(f.movement.observed_by is None for f in told):
        return
    name = at.document_issuer(text)
    if not name:
        return
    for f in told:
        if f.movement.observed_by is None:
            f.movement.observed_by = name


def _one_role_per_place(mov: Movement) -> Movement:
    """Where a force heads or comes from is not also where it is: a location that repeats the
    destination or the origin ("heading toward Izyum" read twice) is dropped."""
    loc = mov.location
    if loc is not None and any(
            p is not None and (p.mention == loc.mention or (
                p.geonameid is not None and p.geonameid == loc.geonameid))
            for p in (mov.destination, mov.origin)):
        mov.location = None
    return mov


def _same_line(doc: Document, got: Found, tok: at.SpacyToken) -> bool:
    """Whether `tok` lies in the evidence line of `got`: a headline glued by the parser to the
    first sentence below it tells its own movement."""
    return got.start <= tok.idx < got.end or evidence_bounds(doc, tok) == (got.start, got.end)


_FORCE_AFTER = re.compile(r"(?:['’]s)?\s+(?:\w+\s+)?(?:troops|forces|army|military|soldiers|"
                          r"navy|units|warships|jets|convoy|fighters|brigades?|divisions?)\b",
                          re.I)


_GROUND_BEFORE = re.compile(r"\b(?:in|into|to|towards?|around|near|from|at|across|of|over|"
                            r"inside|outside|on)\s+(?:the\s+)?$", re.I)


def _owners_named(text: str) -> Counter[str]:
    """The sides an article names, those it names as owning a force ("Russian troops",
    "Belarus's army") first, else those it names other than as ground ("War in Ukraine",
    "troops around Kyiv")."""
    named = find_sides(text)
    owning = Counter(m.name for m in named if _FORCE_AFTER.match(text, m.end))
    # a bloc named otherwise ("the UN said") speaks or mediates; it owns no force unnamed
    return owning or Counter(m.name for m in named if m.name not in BLOCS
                             and not _GROUND_BEFORE.search(text, max(0, m.start - 12), m.start))


def _fill_actors(found: list[Found], text: str) -> None:
    """A force whose owner the sentence does not say ("the rebels") belongs to the side most of
    the article's other movements belong to; where none says its owner, to the side the
    article names most; in a side's own bulletin ("General Staff of the Armed Forces of Ukraine
    | Operational update"), to that side."""
    own = at.issuer_side(text)  # a side's own bulletin: its unnamed units
    sides = Counter(f.movement.actor for f in found if f.movement.actor) or _owners_named(text)
    if not sides and own is None:
        return
    top = own or sides.most_common(1)[0][0]
    for f in found:
        if f.movement.actor is None:
            f.movement.actor = top
            f.movement.confidence = round(f.movement.confidence - 0.1, 2)


def _join(doc: Document, sdoc: at.SpacySpan, got: Found, tok: at.SpacyToken) -> None:
    """Add what a joined verb says; a motion verb gives its status to a mere sighting, and the
    main clause's verb to the movement read from a clause describing the force."""
    if got.described and not describes_force(tok):
        mov, before = got.movement, got.movement.location
        mov.location = None  # where the described leg was is not where the main verb puts it
        add_places(doc, sdoc, tok, got)
        mov.location = mov.location or (before if mov.destination is None else None)
        mov.status = status_of(tok, None)
        mov.rule += f"+{lemma_of(tok)}"
        got.described = False
        got.rich = richness(mov, got.headline)
        return
    add_places(doc, sdoc, tok, got)
    if got.observed_only and lemma_of(tok) not in OBSERVED | {"show"}:
        got.movement.status = status_of(tok, None)
        got.observed_only = False
        got.movement.rule += f"+{lemma_of(tok)}"
    got.rich = richness(got.movement, got.headline)


def _read_movement(doc: Document, sdoc: at.SpacySpan, names: list[at.Named],
                   imagery: list[tuple[int, str]], tok: at.SpacyToken,
                   found: list[Found]) -> Found | None:
    if is_hypothetical(tok) or is_negated(tok):
        return None
    lemma = lemma_of(tok)
    if lemma == "see" and any(c.lower_ == "as" for c in tok.children):
        return None  # "seen as key": an opinion, not a sighting
    force, agent = force_of(tok)
    if force is None and not (agent is not None and (lemma in SIDE_VERBS or is_noun_trigger(tok)
                                                      or side_moves_into_a_place(tok))
                              and is_side_itself(agent)):
        return None
    if is_background(doc, sdoc, tok):
        return None
    if force is not None and (is_negated(force)
                              or not is_military(force, agent, evidence_bounds(doc, tok))):
        return None
    return _build(doc, sdoc, names, imagery, tok, force, agent, status_of(tok, force), found)


def _place_names(doc: Document, sdoc: at.SpacySpan) -> frozenset[str]:
    """The document's place names, read once per document."""
    return at.per_document(sdoc, "sitrep_place_names",
                           lambda _doc: frozenset(p.mention for p in doc.places))


def _build(doc: Document, sdoc: at.SpacySpan, names: list[at.Named],
           imagery: list[tuple[int, str]], tok: at.SpacyToken, force: at.SpacyToken | None,
           agent: at.SpacyToken | None, status: str, found: list[Found],
           rule: str | None = None) -> Found:
    """The movement told around `tok`: its evidence, equipment, observer, owner and places."""
    lemma = lemma_of(tok)
    s, e = evidence_bounds(doc, tok)
    equipment = equipment_of(tok, force, s, e)
    observer = observer_of(names, sdoc, imagery, tok, agent, (s, e))
    if observer:  # "Ukraine's military intelligence service": the name it goes by
        observer = at.named_for(names, observer, s)
    actor = actor_of(force, agent, observer, found, _place_names(doc, sdoc))
    mov = Movement(actor=actor, equipment=equipment, status=status, evidence=doc.evidence(s, e),
                   observed_by=observer, size=size_of(force), rule=rule or f"move-{lemma}")
    got = Found(mov, s, e, when=date_words(sdoc, tok),
                observed_only=lemma in OBSERVED | {"show"},
                force=force.i if force is not None else None,
                described=describes_force(tok), unit=unit_of(force), trigger=tok.idx)
    add_places(doc, sdoc, tok, got, found=found)
    if force is not None:
        add_places(doc, sdoc, force, got, only_location=True, found=found)
    if not (mov.origin or mov.destination or mov.location):
        fallback_place(doc, sdoc, tok, force, got)
    mov.status = settled(tok, mov.status, mov.destination is not None)
    if mov.actor is None:
        mov.actor = home_state(force, places_named(doc, places_of(mov)))
    mov.date = resolve_date(got.when or "", doc.source.published)
    mov.confidence = confidence_of(mov, tok, force)
    got.headline = is_headline(doc.clean_text, s, e)
    got.rich = richness(mov, got.headline)
    return got


# --- sentences the model reads as movements --------------------------------------------------
_FORCE_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def _read_sentences(doc: Document, sdoc: at.SpacySpan, names: list[at.Named],
                    imagery: list[tuple[int, str]], found: list[Found],
                    model: SentenceModel) -> list[Found]:
    """Movements the model reads in sentences the rules found nothing in: the force the
    sentence names, its verb through the same gates, and the model's status."""
    out: list[Found] = []
    for sent in sdoc.sents:
        lo, hi = sent.start_char, sent.end_char
        if any(f.start < hi and lo < f.end for f in (*found, *out)):
            continue
        text = doc.clean_text[lo:hi]  # the sentence's text, as `sent.text` builds it
        if not model.reports_movement(text):
            continue
        force = _sentence_force(sent)
        if force is None:
            continue
        verb = clause_verb(force)
        if _held_by_unmade_movement(force):
            continue
        if lemma_of(verb) in NOT_FACT | STAYING or is_hypothetical(verb) or is_negated(verb) \
                or steps_up_pressure(verb) or sends_something_else(verb) \
                or is_negated(force) or is_background(doc, sdoc, verb) \
                or not is_military(force, None, evidence_bounds(doc, verb)):
            continue
        out.append(_build(doc, sdoc, names, imagery, verb, force, None,
                          model.status(text), [*found, *out], rule="move-model"))
    return out


def _held_by_unmade_movement(force: at.SpacyToken) -> bool:
    """Whether the force belongs to a movement word the rules judged no fact ("the possible
    incursion of Rwandan troops"): the model may not read it back in."""
    t = force
    for _ in range(4):
        if is_trigger(t) and is_hypothetical(t):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _sentence_force(sent: at.SpacySpan) -> at.SpacyToken | None:
    """The force a sentence is about: the subject or object that names one, else the first."""
    forces = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and is_force(t)
              and not _is_speaker(t)]
    return next((t for t in forces if t.dep_ in _FORCE_DEPS), forces[0] if forces else None)


def _is_speaker(tok: at.SpacyToken) -> bool:
    """"the army said", "Pakistan's army said": a force that speaks is a source here."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass") and lemma_of(t.head) in at.SPEECH_VERBS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True  # "according to the military"
        if t.dep_ not in ("compound", "poss", "amod", "appos", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False

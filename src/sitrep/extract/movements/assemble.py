"""Read the movements of a document: triggers, their force, gates, places, owner and observer,
then one movement per event."""

from __future__ import annotations

from collections import Counter

from sitrep.dates import resolve_date
from sitrep.extract import attribution as at
from sitrep.extract.judge import Judge
from sitrep.extract.movements.actor import actor_of
from sitrep.extract.movements.equipment import equipment_of, size_of
from sitrep.extract.movements.evidence import (
    confidence_of,
    date_words,
    evidence_bounds,
    is_headline,
)
from sitrep.extract.movements.forces import force_of
from sitrep.extract.movements.found import Found, main_place, richness
from sitrep.extract.movements.frames import describes_force, is_trigger
from sitrep.extract.movements.gates import is_background, is_hypothetical, is_military, is_negated
from sitrep.extract.movements.lexicon import OBSERVED, SIDE_VERBS, is_noun_trigger, lemma_of
from sitrep.extract.movements.merge import merge
from sitrep.extract.movements.observer import observer_of
from sitrep.extract.movements.owners import is_side_itself
from sitrep.extract.movements.places import add_places, fallback_place
from sitrep.extract.movements.status import status_of
from sitrep.records import Document, Movement


def find_movements(doc: Document, judge: Judge | None = None) -> list[Movement]:
    """Every reported movement of a force in the document, one per event; with a `judge`, the
    candidates it does not take for reported facts are left out."""
    sdoc = doc.nlp
    if sdoc is None:
        return []
    names = at.index_names(sdoc)
    imagery = at.imagery_sources(names, sdoc)
    found: list[Found] = []
    by_trigger: dict[int, Found] = {}
    by_force: dict[int, Found] = {}
    for tok in sdoc:
        if not is_trigger(tok):
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
    kept = [f for f in found if not (f.observed_only and main_place(f.movement) is None)]
    _fill_actors(kept)
    return [f.movement for f in merge(kept)]


def _same_line(doc: Document, got: Found, tok: at.SpacyToken) -> bool:
    """Whether `tok` lies in the evidence line of `got`: a headline glued by the parser to the
    first sentence below it tells its own movement."""
    return got.start <= tok.idx < got.end or evidence_bounds(doc, tok) == (got.start, got.end)


def _fill_actors(found: list[Found]) -> None:
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
                   found: list[Found], judge: Judge | None = None) -> Found | None:
    if is_hypothetical(tok) or is_negated(tok):
        return None
    lemma = lemma_of(tok)
    if lemma == "see" and any(c.lower_ == "as" for c in tok.children):
        return None  # "seen as key": an opinion, not a sighting
    force, agent = force_of(tok)
    if force is None and not (agent is not None and (lemma in SIDE_VERBS or is_noun_trigger(tok))
                              and is_side_itself(agent)):
        return None
    if is_background(doc, sdoc, tok):
        return None
    if force is not None and (is_negated(force)
                              or not is_military(force, agent, evidence_bounds(doc, tok))):
        return None
    if judge is not None and judge.judge(tok).p_movement < judge.threshold:
        return None
    s, e = evidence_bounds(doc, tok)
    status = status_of(tok, force)
    equipment = equipment_of(tok, force, s, e)
    observer = observer_of(names, sdoc, imagery, tok, agent, (s, e))
    actor = actor_of(force, agent, observer, found)
    mov = Movement(actor=actor, equipment=equipment, status=status, evidence=doc.evidence(s, e),
                   observed_by=observer, size=size_of(force), rule=f"move-{lemma}")
    got = Found(mov, s, e, when=date_words(sdoc, tok),
                observed_only=lemma in OBSERVED | {"show"},
                force=force.i if force is not None else None,
                described=describes_force(tok))
    add_places(doc, sdoc, tok, got, found=found)
    if force is not None:
        add_places(doc, sdoc, force, got, only_location=True, found=found)
    if not (mov.origin or mov.destination or mov.location):
        fallback_place(doc, sdoc, tok, force, got)
    mov.date = resolve_date(got.when or "", doc.source.published)
    mov.confidence = confidence_of(mov, tok, force)
    got.headline = is_headline(doc.clean_text, s, e)
    got.rich = richness(mov, got.headline)
    return got

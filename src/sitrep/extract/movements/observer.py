"""Who reports or observed a movement."""

from __future__ import annotations

from typing import Any

from sitrep.extract import attribution as at
from sitrep.extract.claims.claimant import Speakers, collect_names, find_claimant


def observer_of(names: list[at.Named], sdoc: at.SpacySpan, imagery: list[tuple[int, str]],
                tok: at.SpacyToken, agent: at.SpacyToken | None,
                bounds: tuple[int, int]) -> str | None:
    """Who reports the movement: "according to X", the speaker of a verb above the trigger
    (within the evidence line), the source of the images the sentence mentions."""
    sent = tok.sent
    acc = at.according_to(sent, tok)
    if acc is not None:
        who = (at.source_in_phrase(names, sdoc, acc) or at.group_phrase(acc)
               or _unnamed_source(sdoc, acc) or _official(sdoc, acc))
        if who is None and (acc.lower_ in at.IMAGERY_WORDS or acc.lemma_ in at.IMAGERY_WORDS):
            who = at.nearest_source(imagery, tok.idx) or _as_written(sdoc, acc)
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
    # of two subjects (a dateline the parser took for one: "MOSCOW (Reuters): Russia's defence
    # ministry said"), the one nearest the verb
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subj = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else at.lost_subject(verb)
    if subj is None:
        return None
    subj = at.past_dateline(subj)
    if subj.lower_ in ("it", "they") and any(a.lemma_.lower() in at.SPEECH_VERBS
                                             for a in verb.ancestors):
        return None  # "X said it believes…": the higher speaker is the source
    lo, hi = at._np_bounds(subj)
    pictures = [t for t in sdoc[lo:hi + 1]
                if t.lower_ in at.IMAGERY_WORDS or t.lemma_.lower() in at.IMAGERY_WORDS]
    if pictures:  # "Satellite images show", "Some of the imagery shows"
        return (at.source_in_phrase(names, sdoc, pictures[-1])
                or at.nearest_source(imagery, subj.idx) or _as_written(sdoc, subj))
    return (at.source_phrase(names, sdoc, subj) or at.group_phrase(subj)
            or _unnamed_source(sdoc, subj) or _official(sdoc, subj))


# who reports a movement without a name: people on the spot, or an institution ("the army said")
_WITNESS_HEADS = frozenset({"resident", "residents", "witness", "witnesses", "monitor", "monitors",
                            "observer", "observers", "local", "locals", "villager", "villagers",
                            "journalist", "journalists", "correspondent", "activist", "activists",
                            # people who watch and tell: ship spotters, trackers, reporters, elders
                            "spotter", "spotters", "tracker", "trackers", "reporter", "reporters",
                            "blogger", "bloggers", "elder", "elders", "leader", "leaders",
                            "radio", "television", "tv", "team", "account", "accounts"})


def _unnamed_source(sdoc: at.SpacySpan, subj: at.SpacyToken) -> str | None:
    """"residents said", "local monitors reported", "the army said": the phrase as written,
    without its article, where it names people on the spot or an institution."""
    head = subj.lemma_.lower()
    if head not in _WITNESS_HEADS and subj.lower_ not in _WITNESS_HEADS \
            and head not in at.INSTITUTION_HEADS:
        return None
    return _as_written(sdoc, subj)


def _as_written(sdoc: at.SpacySpan, head: at.SpacyToken) -> str | None:
    """A source phrase up to its head, as written without article or figure ("geolocated
    footage", "ship spotters")."""
    lo, _ = at._np_bounds(head)
    words = [t for t in sdoc[lo:head.i + 1] if t.dep_ not in ("det", "punct") and not t.like_num]
    return at.join_words(words) if words else None


# people who speak for an institution or report without a name: "a senior U.S. defense
# official", "a military source", "the governor of the region", "local officials"
_OFFICIAL_HEADS = frozenset({"official", "source", "spokesman", "spokeswoman", "spokesperson",
                             "diplomat", "commander", "officer", "minister", "governor",
                             "analyst", "blogger", "soldier", "administrator"})
_LOOK_BACK = 400  # tokens: "the official" stands for one described a few paragraphs above


def _official(sdoc: at.SpacySpan, subj: at.SpacyToken) -> str | None:
    """A speaker described by whom they speak for, as written without its article; "the
    official" alone is the last one so described before it; "officials", "a spokesman" as
    written, without the article."""
    if subj.lemma_.lower() not in _OFFICIAL_HEADS:
        return None
    own = _described(sdoc, subj)
    if own is not None:
        return own
    if not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in subj.children):
        return subj.text  # "officials said", "an official said": unnamed, but a source
    for t in reversed(sdoc[max(0, subj.i - _LOOK_BACK):subj.i]):
        if t.lemma_.lower() == subj.lemma_.lower() and t.pos_ == "NOUN":
            before = _described(sdoc, t)
            if before is not None:
                return before
    return subj.text  # "the commander said": the one the article has not described


def _described(sdoc: at.SpacySpan, head: at.SpacyToken) -> str | None:
    """The phrase of `head` when a word before it or an "of"/"for" phrase after it says whose
    it is ("a brigade spokesman", "the governor of the region"), without article or figure;
    else None."""
    lo, hi = at._np_bounds(head)
    words = [t for t in sdoc[lo:hi + 1] if t.dep_ not in ("det", "punct") and not t.like_num]
    if not any(t.i != head.i for t in words):
        return None
    return at.join_words(words)


def new_speakers(sdoc: at.SpacySpan) -> Speakers:
    """The document's people and organisations, for `source_of_sentence` to resolve "it",
    "the ministry" and "he" against."""
    speakers = Speakers()
    collect_names(sdoc, speakers)
    return speakers


def source_of_sentence(text: str, sdoc: Any, trigger: int, speakers: Speakers) -> str | None:
    """Who the sentence holding the trigger at `trigger` cites, found the way a figure's claimant
    is: its own clause first ("…, Ukraine's General Staff reported on Sunday."), then the
    sentence ("according to a report by X", "X has said…")."""
    span = sdoc.char_span(trigger, trigger + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    source, _, _ = find_claimant(text, sdoc, trigger, (sent.start_char, sent.end_char), speakers)
    return source

"""War-toll claims: figures about losses and forces, with metric, subject, claimant and evidence.

For every sentence that holds a figure (`figures`), decide what happened to what it
counts (the metric, from cue words in its clause: "killed", "lost", "supplied", "amassed"),
whose losses or forces they are (`subject`) and who states them (`claimant`).
A sentence with several figures yields several claims; a figure repeated later in the article
("including 214 tanks" twice) is kept once.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.dates import resolve_date
from sitrep.extract import attribution as at
from sitrep.extract.claims import lexicon as lex
from sitrep.extract.claims.claimant import (
    Speakers,
    collect_names,
    find_claimant,
    lead_source,
    report_sources,
    reported_source,
)
from sitrep.extract.claims.figures import (
    HAS_QUANTITY,
    INCREMENT,
    NEW_REPORT,
    Figure,
    read_figures,
    segment_of,
    sentence_units,
    split_segments,
)
from sitrep.extract.claims.subject import SubjectContext, find_subject, subject_context
from sitrep.extract.headline import is_title_line
from sitrep.records import Claim, Document, Span
from sitrep.sides import find_sides

_PERSON_KINDS = ("military", "people", "civilians", "nation", "")
_CIVILIAN_CUES = {"killed", "wounded", "killed_or_wounded", "captured", "missing", "evacuated",
                  "displaced", "other"}
_WAR = re.compile(r"\b(?:fight\w*|war|front\w*|legion|defen[cs]e|combat|battle\w*)\b", re.I)
_MAX_EVIDENCE = 320  # longer sentences are cut to the figure's clause
# metrics one figure may get in two tellings ("Russia loses 883,950 troops" over "… has lost
# 883,950 troops since February"): a restatement all the same
_SAME_FIGURE = {"killed_or_wounded": "killed"}


def find_claims(doc: Document, ctx: SubjectContext | None = None) -> list[Claim]:
    """Every war-toll claim of the document, in text order (`ctx`: the document's
    `subject_context`, when the caller has it already)."""
    text = doc.clean_text
    if not text:
        return []
    sdoc = doc.nlp
    speakers = Speakers()
    collect_names(sdoc, speakers)
    ctx = ctx or subject_context(doc)
    pos_of = at.TokenAt(sdoc)  # a token by its offset
    out: list[Claim] = []
    where: list[tuple[int, int]] = []  # the sentence of each claim in `out`
    seen: dict[tuple[Any, ...], tuple[int, bool]] = {}  # figure -> (index in `out`, headline)
    last: Figure | None = None  # the last whole figure claimed: what "Ukraine has lost 343" counts
    recent: tuple[int, str | None] = (-10_000, None)  # where and whose the last claim was
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    about_disaster = _about_disaster(text)
    for start, end in sentence_units(text, spans):
        if not HAS_QUANTITY.search(text, start, end) \
                or _natural_toll(text, start, end, about_disaster):
            continue
        sent = Span(start, end)
        figs = [_with_antecedent(f, last) for f in read_figures(text, sent.start, sent.end, pos_of)]
        near = recent[1] if start - recent[0] < 600 else None
        claims, last = _claims_of_sentence(doc, ctx, speakers, figs, sent, last, near)
        if claims:
            recent = (end, claims[-1][0].subject)
        for claim, fig in claims:
            key = (claim.subject, _SAME_FIGURE.get(claim.metric, claim.metric), claim.low,
                   claim.high)
            headline = is_title_line(text, start)
            if not fig.q.vague and key in seen:
                k, was_headline = seen[key]  # the same figure restated: keep the better telling
                if _better_telling(claim, headline, out[k], was_headline):
                    out[k] = claim
                    where[k] = (start, end)
                    seen[key] = (k, headline)
                continue
            seen[key] = (len(out), headline)
            out.append(claim)
            where.append((start, end))
    # the lead's source; else the monitor or ministry whose own report the article is
    source = lead_source(text, spans, speakers) or at.document_issuer(text)
    reports = report_sources(text, spans, speakers)
    before: tuple[int, str | None] = (-1, None)  # where the last claim's sentence ends, whose
    for claim, (start, end) in zip(out, where, strict=True):
        if claim.claimant is None and before[1] and _goes_on(text, before[0], start, end):
            claim.claimant = before[1]  # "… the General Staff said. It also listed 14 tanks"
        if claim.claimant is None:
            claim.claimant = reported_source(reports, start, end) or source
        before = (end, claim.claimant)
    return out


# a sentence that goes on with the report before it: "also", "further", "another 40", "more than
# 60 others", "the rest"
_GOES_ON = re.compile(r"[^.;:]{0,60}?\b(?:also|further|another|others|more)\b", re.I)


def _goes_on(text: str, prev_end: int, start: int, end: int) -> bool:
    """Whether the sentence at `start` goes on with the claim that ended at `prev_end`: the
    next sentence of the same paragraph, worded as more of the same."""
    gap = text[prev_end:start]
    return 0 <= len(gap) < 3 and "\n" not in gap and _GOES_ON.match(text, start, end) is not None


def _about_disaster(text: str) -> bool:
    """An article that names a disaster more often than any sign of war: its tolls are the
    disaster's where their sentence names no war cause ("At least 40 dead and 12 missing")."""
    disasters = len(lex.DISASTER.findall(text))
    return disasters > 0 and disasters >= len(lex.WAR_CAUSE.findall(text))


def _natural_toll(text: str, start: int, end: int, about_disaster: bool) -> bool:
    """A sentence whose dead or displaced a disaster caused, with no sign of war in it."""
    return (about_disaster or bool(lex.DISASTER.search(text, start, end))) \
        and not lex.WAR_CAUSE.search(text, start, end)


def _better_telling(new: Claim, headline: bool, old: Claim, was_headline: bool) -> bool:
    """Whether a restated figure's new telling beats the first: the first was a headline and the
    new one is a sentence of the body (a later mention in the body refers back to the first)."""
    return was_headline and not headline and (bool(new.claimant) or not old.claimant)


def _with_antecedent(fig: Figure, last: Figure | None) -> Figure:
    """A bare figure ("Ukraine has lost 343") counts what the last claimed figure counted."""
    if fig.how != "bare" or last is None:
        return fig
    return Figure(fig.q, fig.low, fig.high, last.head, last.kind, last.equipment, fig.np_end,
                  fig.nation, "ellipsis", fig.part, last.modifiers)


def _claims_of_sentence(doc: Document, ctx: SubjectContext, speakers: Speakers,
                        figs: list[Figure], sent: Span, last: Figure | None, recent: str | None
                        ) -> tuple[list[tuple[Claim, Figure]], Figure | None]:
    text = doc.clean_text
    segs = split_segments(text, sent.start, sent.end)
    direct = [_direct_metric(text, f, segs) for f in figs]
    metrics = [_final_metric(text, f, d, figs, direct, i, segs)
               for i, (f, d) in enumerate(zip(figs, direct, strict=True))]
    out: list[tuple[Claim, Figure]] = []
    prev_subject: str | None = None
    for fig, metric, d in zip(figs, metrics, direct, strict=True):
        if metric is None:
            continue
        claimant, how_c, span = find_claimant(text, doc.nlp, fig.q.num_start,
                                              (sent.start, sent.end), speakers)
        seg_i = segment_of(segs, fig.q.num_start)
        subject: str | None
        if fig.part and prev_subject and not fig.nation:
            # "2,000 Chadian troops ..., including 1,500 in Darfur": a part is the whole's
            subject, how_s = prev_subject, "whole"
        else:
            subject, how_s = find_subject(ctx, fig.q.start, fig.np_end, fig.nation, metric,
                                          segs, seg_i, prev_subject, sent.start, claimant, span,
                                          recent)
        prev_subject = subject
        cs, ce = _evidence_span(text, sent, segs, seg_i)
        claim = Claim(claimant=claimant, subject=subject, metric=metric, low=fig.low,
                      high=fig.high, evidence=doc.evidence(cs, ce), unit=fig.head or None,
                      date=resolve_date(text[sent.start:sent.end], doc.source.published),
                      confidence=_confidence(fig, d is not None, how_s, how_c),
                      rule=f"claim/{fig.how}/{'cue' if d else 'context'}/{how_s}")
        out.append((claim, fig))
        if not fig.part and fig.how in ("noun", "coordinated", "antecedent"):
            last = fig
    return out, last


# between a cue and a figure, a word that joins two reports ("3 were killed and 2 wounded")
_JOINED = re.compile(r"\band\b|\bwhile\b|\bbut\b|[,;]")
_JOIN_PENALTY = 40


def _cue_distance(text: str, m: re.Match[str], fig: Figure) -> int:
    """Characters between a cue and the figure; a cue across 'and' or a comma counts as far,
    since it tells what happened to the figure of the other conjunct."""
    if m.end() <= fig.q.start:
        gap = (m.end(), fig.q.start)
    elif m.start() >= fig.np_end:
        gap = (fig.np_end, m.start())
    else:
        return 0
    joined = _JOINED.search(text, *gap) is not None
    return gap[1] - gap[0] + (_JOIN_PENALTY if joined else 0)


def _nearest_cue(text: str, fig: Figure, span: tuple[int, int],
                 cues: tuple[tuple[str, re.Pattern[str]], ...], allowed: set[str] | None
                 ) -> str | None:
    """The metric of the cue nearest to the figure within `span` (force-size cues last)."""
    best: tuple[tuple[bool, int, int], str] | None = None
    for rank, (metric, rx) in enumerate(cues):
        if allowed is not None and metric not in allowed:
            continue
        for m in rx.finditer(text, span[0], span[1]):
            key = (metric == "troops", _cue_distance(text, m, fig), rank)
            if best is None or key < best[0]:
                best = (key, metric)
    return best[1] if best else None


# what a force has: "the militia has about 9,000 members", "estimated to have 7,000 fighters"
_HAS = re.compile(r"\b(?:has|have|had|having)\s+(?:between\s+)?$", re.I)


# bodies whose members are no force: "the Knesset has 120 members", "parliament has 450"
_CIVIL_BODY_HAS = re.compile(
    r"\b(?:parliament|knesset|assembly|senate|congress|council|board|party|union|association|"
    r"committee|club|cabinet|house|chamber|duma|rada|legislature|court|commission)\s+"
    r"(?:now\s+|still\s+)?(?:has|have|had)\s+(?:about|around|some|nearly|more\s+than|over)?\s*$",
    re.I)


# a bare figure that a count of casualties is put at: "estimates casualties at around 300,000"
_CASUALTIES_AT = re.compile(r"\bcasualt(?:y|ies)\b[^.;\d]{0,80}?\b(?:at|to|reached|hit|"
                           r"stands\s+at|stood\s+at)\s+(?:about|around|some|roughly|nearly|"
                           r"almost|at\s+least|more\s+than|up\s+to)?\s*$", re.I)


def _direct_metric(text: str, fig: Figure, segs: list[tuple[int, int]]) -> str | None:
    """The metric that the figure's own words or clause say, or None."""
    # members are a force's in the hundreds and more; a council or a board has a few
    if (fig.kind == "military" or (fig.head == "members" and (fig.low or 0) >= 100
                                    and not _CIVIL_BODY_HAS.search(text, max(0, fig.q.start - 40),
                                                                   fig.q.start))) \
            and _HAS.search(text, max(0, fig.q.start - 30), fig.q.start):
        return "troops"  # the size of the force, whatever happens later in the sentence
    if fig.how == "bare" and _CASUALTIES_AT.search(text, max(0, fig.q.start - 100), fig.q.start):
        return "killed_or_wounded"  # "put Russian casualties at 1,500 a day": dead and wounded
    if fig.kind == "casualty" and fig.how == "ellipsis":
        # "2,300 deaths … another 400 were wounded": the noun is borrowed, its own verb tells
        seg = segs[segment_of(segs, fig.q.num_start)]
        # its verb after it, or one right before it ("killing dozens more")
        lead = _VERB_BEFORE.search(text, max(seg[0], fig.q.start - 16), fig.q.start)
        cue = _nearest_cue(text, fig, (lead.start() if lead else fig.q.end, seg[1]),
                           lex.PERSON_CUE_RES, None)
        if cue and cue != "troops":
            return _person_metric(text, fig, cue, seg)
    if fig.kind == "casualty":
        metric = _casualty_metric(fig)
        if metric == "captured":  # "three hostages were killed": the verb tells their fate
            fate = _FATE.match(text, fig.np_end)
            if fate is not None:
                return "wounded" if fate.group(1).lower() in ("wounded", "injured") else "killed"
            if _BODIES_OF.search(text, max(0, fig.q.start - 20), fig.q.start):
                return "killed"
        both = dict(lex.PERSON_CUE_RES)["killed_or_wounded"]
        if metric == "killed" and both.search(text, fig.q.end, min(len(text), fig.np_end + 24)):
            return "killed_or_wounded"  # "17,000 killed and wounded"
        return metric
    seg_i = segment_of(segs, fig.q.num_start)
    # the clause before lends its cue ("killed in X — 12 of them children"), unless this one is
    # a new report of its own ("…were killed, and that 1,300 residents refused to leave")
    own = NEW_REPORT.match(text, segs[seg_i][0], segs[seg_i][1])
    spans = [segs[seg_i]] + ([segs[seg_i - 1]] if seg_i > 0 and not own else [])
    if fig.part:  # "killed 45, including 12 children, and wounded 80": the part's own phrase
        spans = [*(_part_span(text, fig, span) for span in spans), *spans]  # first
    for span in spans:
        if fig.kind == "equipment":
            cue = _nearest_cue(text, fig, span, lex.EQUIPMENT_CUE_RES, None)
            if cue == "lost":
                return lex.LOST_METRIC.get(fig.equipment or "", "other")
            if cue == "weapons_supplied" and (lex.SENT_TOWARDS.match(text, fig.np_end, span[1])
                                              or _sent_to_ground(text, fig, span)):
                return "other"  # "sent 34 aircraft toward Taiwan": a show of force, no gift
            if cue:
                return cue
            continue
        allowed = _CIVILIAN_CUES if fig.kind == "civilians" else None
        cue = _nearest_cue(text, fig, span, lex.PERSON_CUE_RES, allowed)
        if cue == "troops" and fig.kind in ("people", "civilians") \
                and not (lex.FORCE_CONTEXT.search(text, *span) or _WAR.search(text, *span)):
            continue  # "thousands of people gathered as he arrived": a crowd, not a force
        if cue:
            return _person_metric(text, fig, cue, span)
    return None


# "sent 14 patrol boats to the gulf": a force sent to ground, not arms handed to a side
_SENT = re.compile(r"\b(?:sen[dt]|sending|dispatch\w*|transferr?\w*)\b", re.I)
_TO_WHERE = re.compile(r"[^.;]{0,60}?\bto\s+((?:the\s+)?[^,.;]{1,40})", re.I)


def _sent_to_ground(text: str, fig: Figure, span: tuple[int, int]) -> bool:
    """Whether the figure's equipment is sent to a place no side table knows (a sea, a front,
    a town): a deployment of one's own force; sent "to Ukraine" or "to the Houthis" it is a
    supply."""
    if not _SENT.search(text, span[0], fig.q.start):
        return False
    m = _TO_WHERE.match(text, fig.np_end, span[1])
    if m is None:
        return False
    where = m.group(1)  # a name or "the …", not "to help Ukraine"
    return (where[:1].isupper() or where.lower().startswith("the ")) and not find_sides(where)


def _part_span(text: str, fig: Figure, span: tuple[int, int]) -> tuple[int, int]:
    """A part's clause up to where its list ends, the comma after its noun phrase: a cue there
    (the whole's, before it) is the part's before one of the next clause ("…, including 12
    children, and wounded 80 others")."""
    comma = text.find(",", fig.np_end, span[1])
    return (span[0], comma) if comma >= 0 else span


# what befell captives, told right after them: "three hostages were killed", "12 prisoners
# of war had been executed"
_FATE = re.compile(r"(?:\s+of\s+war)?\s+(?:who\s+)?(?:(?:were|was|are|is|have|has|had|been|"
                   r"reportedly|later|also)\s+)*(killed|executed|died|murdered|slain|shot|"
                   r"wounded|injured)\b", re.I)
_VERB_BEFORE = re.compile(r"\b\w+(?:ed|ing)\s+(?:at\s+least\s+|about\s+|some\s+)?$", re.I)
_BODIES_OF = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:the\s+)?$", re.I)


def _casualty_metric(fig: Figure) -> str:
    # a casualty figure that borrowed its kind but no noun ("35 killed, 20 of them children")
    metric = lex.CASUALTY_NOUNS.get(fig.head, "killed")
    equipment = [lex.EQUIPMENT[m] for m in fig.modifiers if m in lex.EQUIPMENT]
    if fig.head in ("losses", "loss") and equipment:
        return lex.LOST_METRIC[equipment[-1]]  # "1,000 tank losses"
    if metric == "killed" and "civilian" in fig.modifiers:
        return "civilians_killed"
    return metric


# a running tally of a force's losses: "lost 1,100 troops over the past day", "total losses
# since February", a daily bulletin's "lost up to 420 servicemen" count the wounded with the dead
_LOST = re.compile(r"\b(?:lost|los(?:e|es|ing)|losses)\b", re.I)
_TALLY = re.compile(r"\b(?:since|total|daily|up\s+to|(?:over|in|during)\s+the\s+"
                    r"(?:past|previous|last)\s+(?:day|24\s+hours|week|month))\b", re.I)


def _person_metric(text: str, fig: Figure, cue: str, span: tuple[int, int]) -> str:
    if cue != "killed":
        return cue
    if fig.kind in ("military", "casualty") and _LOST.search(text, *span) \
            and _TALLY.search(text, *span):
        return "killed_or_wounded"
    if fig.kind == "civilians" or "civilian" in fig.modifiers:
        return "civilians_killed"
    # "people killed in Mariupol": the dead of a town are its residents
    if fig.head == "people" and re.search(r"\b(?:killed|died|dead)\s+in\s+(?:the\s+)?[A-Z]",
                                          text[fig.np_end:span[1]]):
        return "civilians_killed"
    return cue


# "Of the 3,000 soldiers …, 400 were …", "Of some 120 fighters …": a figure that opens the set
# a later figure of the sentence counts a part of
_WHOLE_OF_PARTS = re.compile(
    r"(?:^|[.:;!?]\s+|\n\s*)Of\s+(?:the|these|those|its|their|some|about|around|nearly)?\s*"
    r"(?:(?:some|about|around|nearly|roughly|more\s+than|over)\s+)?$")


# "lost 60 of its 200 tanks", "14 of 18 drones were downed": the second figure is the whole the
# first is counted from, what a force had or what was sent, not a toll ("three of the 13 dead"
# keeps its toll)
_OWN_WHOLE = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|"
    r"a\s+third|a\s+quarter|most|all))\s+of\s+(?:its|their|our|his|her)?\s*$", re.I)


def _final_metric(text: str, fig: Figure, direct: str | None, figs: list[Figure],
                  directs: list[str | None], i: int, segs: list[tuple[int, int]]) -> str | None:
    """The direct metric, else one shared with a neighbouring figure, else the kind's default;
    the whole that a part is counted from ("Of the 3,000 soldiers sent, 400 were wounded") is
    no toll: a count of forces if it counts forces, else no claim."""
    if _WHOLE_OF_PARTS.search(text, max(0, fig.q.start - 40), fig.q.start) \
            or _OWN_WHOLE.search(text, max(0, fig.q.start - 40), fig.q.start):
        return "troops" if fig.kind == "military" else None
    if direct is not None:
        return direct
    if fig.how == "label" and INCREMENT.match(text, fig.q.end):
        # a running total that rises by the day counts losses: "Tanks: 9,684 (+7)"
        return lex.LOST_METRIC.get(fig.equipment or "", "other") if fig.kind == "equipment" \
            else "killed_or_wounded"
    if fig.kind == "equipment":
        return None if fig.q.vague else "other"
    borrowed = _borrowed(fig, figs, directs, i)
    if borrowed and (fig.how != "noun" or fig.kind in ("nation", "military")):
        return borrowed
    if fig.kind == "military":
        return "troops"
    seg = segs[segment_of(segs, fig.q.num_start)]
    if fig.kind == "people" and lex.FORCE_CONTEXT.search(text, *seg):
        return "troops"
    return None


def _borrowed(fig: Figure, figs: list[Figure], directs: list[str | None], i: int) -> str | None:
    """Metric of the nearest figure of people with a cue of its own."""
    order = sorted(range(len(figs)), key=lambda j: abs(j - i))
    for j in order:
        if j != i and directs[j] and figs[j].kind in _PERSON_KINDS + ("casualty",) \
                and fig.kind in _PERSON_KINDS:
            return directs[j]
    return None


def _evidence_span(text: str, sent: Span, segs: list[tuple[int, int]], seg_i: int
                   ) -> tuple[int, int]:
    """The sentence, or for a long one the figure's clause and its neighbours."""
    start, end = sent.start, sent.end
    if end - start > _MAX_EVIDENCE:
        a, b = seg_i, seg_i
        while segs[b][1] - segs[a][0] < 120 and (a > 0 or b < len(segs) - 1):
            if a > 0:
                a -= 1
            if b < len(segs) - 1 and segs[b][1] - segs[a][0] < 120:
                b += 1
        start, end = segs[a][0], segs[b][1]
    while start < end and text[start] in " \n\t,;–—-":
        start += 1
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return start, end


def _confidence(fig: Figure, direct: bool, how_subject: str, how_claimant: str) -> float:
    score = 0.55
    score += 0.15 if direct else 0.0
    score += 0.1 if how_subject in ("noun-phrase", "possessive", "recipient", "clause") else 0.0
    score += 0.05 if how_claimant in ("parse", "according-to") else 0.0
    score += 0.05 if not fig.q.vague else 0.0
    score -= 0.1 if fig.how in ("ellipsis", "antecedent") else 0.0
    return round(min(score, 0.95), 2)

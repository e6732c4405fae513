"""A movement's evidence line, its date words, its confidence and whether it is a headline."""

from __future__ import annotations

from sitrep.extract import attribution as at
from sitrep.extract.headline import is_title_line
from sitrep.records import Document, Movement


def evidence_bounds(doc: Document, tok: at.SpacyToken) -> tuple[int, int]:
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
    for t in tok.sent[:_DATELINE_TOKENS]:  # "Wire): Sudan's army said…", the parser having
        if s <= t.idx < tok.idx and at.closes_dateline(t):  # split inside "KHARTOUM (Wire):"
            s = t.idx + len(t.text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# how near the head of a sentence the end of a dateline's agency may stand ("Wire): ")
_DATELINE_TOKENS = 8


def date_words(sdoc: at.SpacySpan, tok: at.SpacyToken) -> str | None:
    sent = tok.sent
    # "began moving", "continued to withdraw": the time of the verb of aspect is the movement's
    verbs = {tok.i, tok.head.i} if tok.dep_ == "xcomp" else {tok.i}
    for ent in _dates(sdoc):
        if not (sent.start <= ent.start and ent.end <= sent.end):
            continue
        for a in [ent.root, *list(ent.root.ancestors)[:3]]:
            if a.i in verbs:
                return ent.text
    return None


def _dates(sdoc: at.SpacySpan) -> tuple[at.SpacySpan, ...]:
    """The DATE entities of the document, in order (found once per document)."""
    return at.per_document(
        sdoc, "sitrep_dates", lambda doc: tuple(e for e in at.ents(doc) if e.label_ == "DATE"))


def confidence_of(mov: Movement, tok: at.SpacyToken, force: at.SpacyToken | None) -> float:
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


def is_headline(text: str, s: int, e: int) -> bool:
    """A title or caption: a whole line that does not end as a sentence does."""
    whole_line = (s == 0 or text[s - 1] == "\n") and (e >= len(text.rstrip()) or text[e] == "\n")
    return whole_line and is_title_line(text, s)

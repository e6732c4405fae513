"""Military movements (first version: a convoy or troops heading towards a named place)."""

from __future__ import annotations

import re

from sitrep.records import Document, Movement

_MOVE = re.compile(r"\b(Russian|Ukrainian|Chinese|Israeli|US|American) (convoy|troops|forces|warships?)"
                   r"[^.]{0,80}?\b(heading|moving|advancing) (towards|to|toward)\b", re.I)


def find_movements(doc: Document) -> list[Movement]:
    out = []
    for m in _MOVE.finditer(doc.clean_text):
        sent = doc.sentence_at(m.start())
        s, e = (sent.start, sent.end) if sent else (m.start(), m.end())
        dest = next((p.ref() for p in doc.places if p.clean_start >= m.end() and p.clean_start < e), None)
        out.append(Movement(actor=m.group(1), equipment=["troops"], status="en_route",
                            evidence=doc.evidence(s, e), destination=dest, rule="move-heading"))
    return out

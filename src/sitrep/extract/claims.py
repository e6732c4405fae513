"""War-toll claims (first version: "<number> <unit> killed|wounded")."""

from __future__ import annotations

import re

from sitrep.records import Claim, Document

_CLAIM = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+) (?:\w+ ){0,3}(?:were |have been |had been )?(killed|wounded|died)\b")


def find_claims(doc: Document) -> list[Claim]:
    out = []
    for m in _CLAIM.finditer(doc.clean_text):
        n = float(m.group(1).replace(",", ""))
        metric = "wounded" if m.group(2) == "wounded" else "killed"
        out.append(Claim(claimant=None, subject=None, metric=metric, low=n, high=n,
                         evidence=doc.evidence(m.start(), m.end()), rule="claim-number-verb"))
    return out

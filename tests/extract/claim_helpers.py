"""The claims the whole pipeline reads in a text, and the one claim with a given figure."""

from __future__ import annotations

from functools import lru_cache

import sitrep
from sitrep.records import Claim


@lru_cache(maxsize=16)
def claims(text: str) -> tuple[Claim, ...]:
    return tuple(sitrep.process(text).claims)


def claim_of(text: str, low: float | None) -> Claim:
    found = [c for c in claims(text) if c.low == low]
    assert len(found) == 1, [(c.low, c.high, c.evidence.text) for c in claims(text)]
    return found[0]

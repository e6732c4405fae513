"""Who states a figure, read from the parse of its sentence: an acronym speaker is the
organisation it stands for, and a figure inside a clause the speaker reports is never taken for
part of the speaker's own phrase."""

from __future__ import annotations

from functools import lru_cache

import pytest

import sitrep
from sitrep.records import Claim

ACRONYM = """Floods of refugees reach the border

Fighting spread along the river valley, the National Emergency Directorate said on Sunday.

The NED said 41 civilians were killed when shells hit a bus station in the town of Varos.
"""

APPOSITION = """The Turkish military says it has killed more than 2,000 militants in Iraq, a \
number it has not supported with evidence.
"""


@lru_cache(maxsize=8)
def claims(text: str) -> tuple[Claim, ...]:
    return tuple(sitrep.process(text).claims)


def claim_of(text: str, low: float | None) -> Claim:
    found = [c for c in claims(text) if c.low == low]
    assert len(found) == 1, [(c.low, c.high, c.evidence.text) for c in claims(text)]
    return found[0]


def test_an_acronym_speaker_is_the_organisation_it_stands_for() -> None:
    claimant = claim_of(ACRONYM, 41).claimant
    assert claimant is not None and "National Emergency Directorate" in claimant


def test_an_apposition_after_the_figure_leaves_the_speaker_its_own() -> None:
    claimant = claim_of(APPOSITION, 2000).claimant
    assert claimant is not None and "Turkish military" in claimant


@pytest.mark.parametrize(("text", "low", "speaker"), [
    ("Shelling went on all week. The insurgents said 60 soldiers had surrendered at the dam.",
     60, "insurgents"),
    ("Shelling went on all week. A border officer said 17 villagers were wounded in the raid.",
     17, "border officer"),
    ("Shelling went on all week. About 4,000 recruits were sent to the front in May, according "
     "to leaked planning documents.", 4000, "planning documents"),
])
def test_armed_groups_officers_and_documents_speak(text: str, low: float, speaker: str) -> None:
    claimant = claim_of(text, low).claimant
    assert claimant is not None and speaker in claimant.lower()

"""A movement while it is being read, and what its telling says so far."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.records import Movement, PlaceRef


@dataclass(slots=True)
class Found:
    """A movement while it is being read; `when` keeps the date words for merging."""

    movement: Movement
    start: int  # clean-text offsets of the evidence
    end: int
    when: str | None = None
    rich: int = 0
    observed_only: bool = False  # "seen", "spotted", "images show": a sighting, no motion verb
    force: int | None = None  # token index of the force's head
    headline: bool = False
    described: bool = False  # read from a clause that describes the force ("a convoy that left")
    unit: str | None = None  # the force's formation number ("146th"), when it has one
    trigger: int = -1  # clean-text offset of the word that tells the movement


def richness(mov: Movement, headline: bool = False) -> int:
    """How much a telling says: places first, then source, owner and kinds of force."""
    return (2 * len(places_of(mov))
            + (1 if mov.observed_by else 0) + (1 if mov.actor else 0) + min(len(mov.equipment), 2)
            + (0 if mov.rule.startswith(("move-show", "move-see", "move-spot")) else 1)
            - (3 if headline else 0))


def main_place(m: Movement) -> PlaceRef | None:
    return m.destination or m.location or m.origin


def places_of(m: Movement) -> list[PlaceRef]:
    """The places a movement names (where it heads, is, set out from)."""
    return [p for p in (m.destination, m.location, m.origin) if p is not None]

"""The demo's claims, read through the API as the ledger shows them: none of the wrong entries
an analyst found in it (a refusal read as deaths, half a clause or a pronoun as the claimant, a
flotilla read as an arms delivery, a ship's own phrase as the one who reported it)."""

from __future__ import annotations

import re

from tests.api.test_facts import get


def demo_claims(client) -> list[dict]:  # type: ignore[no-untyped-def]
    items = get(client, "/api/claims")["items"]
    # the bundled examples ("04_avdiivka_losses"), not the seeds the fixture store also holds
    return [c for c in items if re.match(r"\d\d_[a-z]", c["document"]["name"])]


def test_the_demo_ledger_holds_claims_from_the_examples(client) -> None:  # type: ignore[no-untyped-def]
    claims = demo_claims(client)
    assert len(claims) >= 10
    assert any(c["claimant"] == "Helen Marsh" and c["low"] == 6000 for c in claims)


def test_no_claimant_is_half_a_clause_or_a_pronouns_description(client) -> None:  # type: ignore[no-untyped-def]
    claimants = {c["claimant"] for c in demo_claims(client) if c["claimant"]}
    assert not any(name.split()[-1].lower() in ("and", "or", "of") for name in claimants)
    assert not any(name.split()[0].lower() in ("her", "his", "its", "their") for name in claimants)


def test_residents_who_stayed_are_not_counted_as_killed(client) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in demo_claims(client) if c["low"] == 1300 or c["high"] == 1300]


def test_warships_sailing_with_a_supply_ship_are_no_weapons_delivery(client) -> None:  # type: ignore[no-untyped-def]
    ships = [c for c in demo_claims(client) if c["unit"] in ("warships", "corvettes")]
    assert ships and all(c["metric"] != "weapons_supplied" for c in ships)
    assert all(c["claimant"] is None or "warships" not in c["claimant"] for c in ships)

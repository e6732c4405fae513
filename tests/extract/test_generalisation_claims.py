"""War-toll claims in short articles written for the project, across theatres and outlets."""

from __future__ import annotations

from functools import lru_cache

import sitrep
from sitrep.records import Claim

AVDIIVKA = """Zelensky: Russia lost 50,000 in Avdiivka push

Ukrainian President Volodymyr Zelensky said on Sunday that Russia had lost about 50,000 soldiers \
in its assault on Avdiivka, a figure that could not be independently verified.
The UK Ministry of Defence put Russian losses at between 16,000 and 17,000 killed and wounded. \
Moscow, for its part, said Ukraine had lost more than 5,000 troops in the town.
According to the Oryx blog, Russia has also lost at least 600 armoured vehicles in the area.
"""

GAZA = """Gaza toll passes 30,000, health ministry says

The Gaza health ministry said on Thursday that at least 30,035 Palestinians have been killed and \
70,457 wounded since October 7. Israel disputes the figures and says it has killed about 10,000 \
Hamas fighters.
"""

YEMEN = """Saudi-led coalition says it repelled Houthi attack

The Saudi-led coalition said on Saturday that Houthi fighters had advanced on the city of Marib \
from the west, but were pushed back. It said 95 Houthi fighters were killed in airstrikes.
"""

TAIWAN = """China sends warships and jets around Taiwan

Taiwan's defence ministry said it detected 27 Chinese military aircraft and 11 navy ships around \
the island on Thursday.
"""

SAHEL = """Rebels say dozens of soldiers killed in northern Mali

The rebel alliance, known as the CSP, said its fighters had killed 47 Malian soldiers and 84 \
Wagner mercenaries in three days of fighting near Kidal.
"""

DRONES = """Ukraine downs drones over Kyiv

Ukraine's air force said on Monday it had shot down 31 of 35 drones launched by Russia overnight. \
Debris fell on a residential building in the capital, injuring two people, the city's military \
administration said.
"""

GOMA = """Peacekeepers killed near Goma

The UN peacekeeping mission said 13 peacekeepers had been killed in the fighting, including nine \
South Africans.
"""

KHARKIV = """Moscow claims gains near Kharkiv

Moscow's defence ministry said its troops had killed up to 300 Ukrainian servicemen in the \
Kharkiv region over the past 24 hours and destroyed 12 tanks.
"""

FASHER = """Thousands flee El Fasher

The United Nations says more than 130,000 people have fled the city since April. Local medics \
said at least 47 civilians were killed in shelling on Sunday.
"""

NEWS = """Town news

Thousands of people turned out to greet the team as it arrived at the stadium. Volunteer drivers \
are needed to take hundreds of patients to hospital, and a few thousand homeless people still \
sleep on the streets of the county.
"""


@lru_cache(maxsize=32)
def claims(text: str) -> tuple[Claim, ...]:
    return tuple(sitrep.process(text).claims)


def claim_of(text: str, low: float | None, high: float | None) -> Claim:
    """The one claim with these bounds."""
    found = [c for c in claims(text) if (c.low, c.high) == (low, high)]
    assert len(found) == 1, [(c.low, c.high, c.evidence.text) for c in claims(text)]
    return found[0]


def test_claims_figure_restated_under_a_headline_keeps_the_attributed_telling() -> None:
    c = claim_of(AVDIIVKA, 50000, 50000)
    assert (c.claimant, c.subject, c.metric) == ("Volodymyr Zelensky", "Russia", "killed")
    assert "about 50,000 soldiers" in c.evidence.text


def test_claims_losses_killed_and_wounded_are_killed_or_wounded() -> None:
    c = claim_of(AVDIIVKA, 16000, 17000)
    assert (c.subject, c.metric) == ("Russia", "killed_or_wounded")


def test_claims_claimant_keeps_the_of_phrase_of_its_name() -> None:
    assert claim_of(AVDIIVKA, 16000, 17000).claimant == "UK Ministry of Defence"


def test_claims_capital_speaking_is_its_country() -> None:
    c = claim_of(AVDIIVKA, 5000, None)
    assert (c.claimant, c.subject, c.metric) == ("Russia", "Ukraine", "killed")


def test_claims_according_to_a_blog_names_the_blog() -> None:
    c = claim_of(AVDIIVKA, 600, None)
    assert (c.subject, c.metric) == ("Russia", "vehicles_lost")
    assert "Oryx" in (c.claimant or "")


def test_claims_second_figure_of_a_toll_shares_its_claimant() -> None:
    c = claim_of(GAZA, 70457, 70457)
    assert (c.claimant, c.subject, c.metric) == ("Gaza health ministry", "Palestine", "wounded")


def test_claims_fighters_of_an_armed_group_are_the_groups_losses() -> None:
    c = claim_of(GAZA, 10000, 10000)
    assert (c.claimant, c.subject, c.metric) == ("Israel", "Hamas", "killed")


def test_claims_it_said_is_the_speaker_of_the_sentence_before() -> None:
    c = claim_of(YEMEN, 95, 95)
    assert (c.claimant, c.subject, c.metric) == ("Saudi-led coalition", "Houthis", "killed")


def test_claims_forces_detected_are_credited_to_the_ministry() -> None:
    c = claim_of(TAIWAN, 27, 27)
    assert (c.claimant, c.subject) == ("Taiwan's defence ministry", "China")


def test_claims_alliance_named_in_apposition_is_the_claimant() -> None:
    c = claim_of(SAHEL, 47, 47)
    assert (c.subject, c.metric) == ("Mali", "killed")
    assert c.claimant in ("CSP", "rebel alliance")


def test_claims_first_figure_of_x_of_y_counts_the_noun() -> None:
    c = claim_of(DRONES, 31, 31)
    assert c.claimant == "Ukraine's air force"
    assert c.subject == "Russia"


def test_claims_injured_by_debris_credited_to_the_administration() -> None:
    c = claim_of(DRONES, 2, 2)
    assert (c.metric, c.claimant) == ("wounded", "city's military administration")


def test_claims_peacekeepers_including_nationals_give_two_figures() -> None:
    assert (claim_of(GOMA, 13, 13).subject, claim_of(GOMA, 9, 9).subject) == ("UN", "South Africa")


def test_claims_up_to_and_a_count_of_tanks_share_the_speaker() -> None:
    killed, tanks = claim_of(KHARKIV, None, 300), claim_of(KHARKIV, 12, 12)
    assert (killed.metric, killed.subject) == ("killed", "Ukraine")
    assert (tanks.metric, tanks.subject) == ("tanks_lost", "Ukraine")
    assert killed.claimant == tanks.claimant == "Moscow's defence ministry"


def test_claims_civilians_killed_and_people_fled() -> None:
    assert claim_of(FASHER, 47, None).metric == "civilians_killed"
    assert claim_of(FASHER, 130000, None).metric in ("evacuated", "displaced")


def test_no_claims_in_crowds_volunteers_or_homeless_of_town_news() -> None:
    assert claims(NEWS) == ()

"""Movements in short articles written for the project, across theatres and outlets.

Each article comes with its headline on the first line, as scraped news does, so that the
rules are tried on the parse they meet in practice (a headline glued to the first sentence).
"""

from __future__ import annotations

from functools import lru_cache

import sitrep
from sitrep.records import Document, Movement

BELARUS = """Belarus moves troops to Ukraine border

Belarus has moved additional troops and air-defence systems to its southern border with Ukraine, \
President Alexander Lukashenko said on Thursday.
Ukraine's border guard service said it had not seen any large build-up. "We see no threat of \
invasion from the north at the moment," spokesman Andriy Demchenko told Ukrainian television.
"""

RED_SEA = """Houthi missile strikes merchant ship in Red Sea

The US Navy said on Tuesday that the destroyer USS Carney had sailed through the Bab el-Mandeb \
Strait into the Red Sea to escort commercial traffic.
Houthi spokesman Yahya Saree claimed the group had fired two anti-ship missiles at a \
Liberian-flagged tanker. 'We will continue our operations until the aggression on Gaza stops,' \
Saree said in a televised statement.
"""

BALTIC = """Russian warships spotted off Latvia

Two Russian corvettes and a submarine sailed through the Gulf of Finland towards the Baltic Sea \
on Friday, the Finnish navy said in a statement.
Latvia's armed forces said they had tracked the vessels. "There was no violation of our waters," \
a spokesman said.
"""

SUDAN = """RSF fighters close in on El Fasher as thousands flee

Fighters of the paramilitary Rapid Support Forces have massed around El Fasher, the last army \
stronghold in Darfur, according to satellite images analysed by Yale's Humanitarian Research Lab.
The United Nations says more than 130,000 people have fled the city since April.
"""

KARABAKH = """Azerbaijan launches operation in Karabakh

Azerbaijan's defence ministry said its troops had entered the town of Lachin, while Armenian \
officials reported that more than 100,000 ethnic Armenians had crossed into Armenia.
"""

YEMEN = """Saudi-led coalition says it repelled Houthi attack

The Saudi-led coalition said on Saturday that Houthi fighters had advanced on the city of Marib \
from the west, but were pushed back. It said 95 Houthi fighters were killed in airstrikes.
"""

KOREA = """North Korea moves artillery to the border, Seoul says

South Korea's Joint Chiefs of Staff said on Wednesday that North Korea had deployed dozens of \
self-propelled howitzers near the demilitarised zone.
"We are closely monitoring the North's activity," JCS spokesman Lee Sung-jun said.
"""

TAIWAN = """China sends warships and jets around Taiwan

Taiwan's defence ministry said it detected 27 Chinese military aircraft and 11 navy ships around \
the island on Thursday, as Beijing launched drills it called a "strong punishment".
Chinese warships sailed through the Taiwan Strait towards the island's east coast, the ministry \
said.
"""

CHANNEL = """Putin's 'ghost fleet' sails through English Channel as Royal Navy shadows it

Three Russian warships and a tanker have been seen sailing through the English Channel, escorted \
by a Royal Navy frigate, the Ministry of Defence revealed today.
'The Royal Navy will always protect our waters,' said Defence Secretary Grant Shapps.
"""

SAHEL = """Wagner fighters withdraw from northern Mali

Russian mercenaries of the Wagner Group have withdrawn from the town of Kidal after heavy losses, \
Tuareg rebels said on Monday.
"""

GOMA = """M23 rebels advance on Goma

M23 rebels backed by Rwanda advanced towards Goma on Sunday, according to residents and UN \
sources.
Congolese government spokesman Patrick Muyaya said Rwanda had sent 4,000 troops into eastern \
Congo. "This is a declaration of war," he said.
"""

KHARKIV = """Russian column spotted near Vovchansk

KYIV, May 11 (Reuters) - A column of about 60 Russian armoured vehicles was seen moving towards \
Vovchansk on Saturday, Ukraine's General Staff said.
"""

TRADE = """Tariffs bite

The trade office proposed a 25 percent tariff on $50 billion of imports from China, which has \
drawn strong opposition from business groups. Fans travelled to Madrid for the final, and the \
airline moved its new jets to Dubai for the winter season.
"""


@lru_cache(maxsize=32)
def run(text: str) -> Document:
    return sitrep.process(text)


def movements(text: str) -> list[Movement]:
    return run(text).movements


def told_in(text: str, words: str) -> Movement:
    """The one movement whose evidence holds `words`."""
    found = [m for m in movements(text) if words in m.evidence.text]
    assert len(found) == 1, [m.evidence.text for m in movements(text)]
    return found[0]


def name(place: object) -> str | None:
    return getattr(place, "mention", None)


def test_movement_under_a_headline_keeps_its_own_sentence_and_speaker() -> None:
    m = told_in(BELARUS, "Belarus has moved additional troops")
    assert m.actor == "Belarus"
    assert "Lukashenko" in (m.observed_by or "")
    assert "air_defense" in m.equipment


def test_movement_of_an_unmarked_warship_belongs_to_the_navy_reporting_it() -> None:
    m = told_in(RED_SEA, "USS Carney")
    assert (m.actor, m.observed_by, name(m.destination)) == ("United States", "US Navy", "Red Sea")


def test_movement_owner_is_the_ships_demonym_not_the_waters_they_cross() -> None:
    m = told_in(BALTIC, "Two Russian corvettes")
    assert (m.actor, m.status, name(m.destination)) == ("Russia", "transiting", "Baltic Sea")


def test_movement_of_an_armed_group_is_owned_by_its_short_name() -> None:
    assert {m.actor for m in movements(SUDAN)} == {"RSF"}


def test_movement_headline_and_body_of_one_massing_come_out_once() -> None:
    [m] = movements(SUDAN)
    assert m.status == "massing"
    assert m.evidence.text.startswith("Fighters of the paramilitary")


def test_movement_of_its_troops_belongs_to_the_ministry_that_speaks() -> None:
    m = told_in(KARABAKH, "its troops had entered")
    assert (m.actor, m.status, name(m.destination)) == ("Azerbaijan", "arrived", "Lachin")
    assert m.observed_by == "Azerbaijan's defence ministry"


def test_movement_of_civilians_crossing_a_border_is_no_military_movement() -> None:
    assert [m.actor for m in movements(KARABAKH)] == ["Azerbaijan"]


def test_movement_observer_is_a_coalition_that_reports_it() -> None:
    m = told_in(YEMEN, "advanced on the city of Marib")
    assert (m.actor, name(m.destination)) == ("Houthis", "Marib")
    assert m.observed_by == "Saudi-led coalition"


def test_movement_headline_told_again_in_the_body_comes_out_once() -> None:
    [m] = [m for m in movements(KOREA) if m.actor == "North Korea"]
    assert m.status == "deployed"
    assert m.equipment == ["artillery"]
    assert "Joint Chiefs of Staff" in (m.observed_by or "")


def test_movement_observer_names_its_institution_once() -> None:
    m = told_in(TAIWAN, "Taiwan Strait")
    assert (m.actor, m.observed_by) == ("China", "Taiwan's defence ministry")


def test_movement_seen_sailing_is_credited_to_the_ministry_that_revealed_it() -> None:
    m = told_in(CHANNEL, "Three Russian warships")
    assert (m.actor, m.status, name(m.location)) == ("Russia", "transiting", "English Channel")
    assert m.observed_by == "Ministry of Defence"


def test_movement_withdrawal_told_in_the_body_keeps_the_body_sentence() -> None:
    m = told_in(SAHEL, "have withdrawn from the town of Kidal")
    assert (m.actor, m.status) == ("Russia", "withdrawing")


def test_movement_advance_under_a_headline_keeps_the_body_sentence() -> None:
    m = told_in(GOMA, "advanced towards Goma")
    assert (m.actor, m.status, name(m.destination)) == ("M23", "en_route", "Goma")


def test_movement_sent_into_a_country_is_a_deployment_of_the_sender() -> None:
    m = told_in(GOMA, "sent 4,000 troops")
    assert (m.actor, m.status, name(m.destination)) == ("Rwanda", "deployed", "Congo")


def test_movement_seen_moving_towards_a_town_is_en_route_there() -> None:
    m = told_in(KHARKIV, "seen moving towards")
    assert (m.actor, m.status, name(m.destination)) == ("Russia", "en_route", "Vovchansk")
    assert "General Staff" in (m.observed_by or "")
    assert "armored_vehicles" in m.equipment


def test_no_movement_in_trade_travel_or_airline_news() -> None:
    assert movements(TRADE) == []

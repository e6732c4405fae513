"""Whose a moving force is when the side table does not know its owner: an armed group named as
the one that moves it, a proxy named beside its sponsor, a numbered formation. Sentences written
for these tests."""

from __future__ import annotations

import pytest

import sitrep


def actors(text: str) -> list[str | None]:
    return [m.actor for m in sitrep.process(text).movements]


@pytest.mark.parametrize(("text", "actor"), [
    ("War in Myanmar.\n\nThe Chin Brotherhood Alliance moved fighters toward Falam overnight, "
     "Indian border officials said.", "Chin Brotherhood Alliance"),
    ("War in Western Sahara.\n\nThe Polisario Front sent fighters toward Mahbes on Sunday, "
     "Moroccan officials said.", "Polisario Front"),
])
def test_an_armed_group_that_moves_its_fighters_owns_them(text: str, actor: str) -> None:
    # not the side of the officials who report it
    assert actors(text) == [actor]


@pytest.mark.parametrize(("text", "actor"), [
    ("War in Syria.\n\nTurkish-backed SNA fighters entered Tal Rifaat at dawn, the SDF said.",
     "SNA"),
    ("War in Yemen.\n\nUAE-backed Southern Transitional Council forces deployed to Aden airport "
     "on Sunday, residents said.", "STC"),
])
def test_a_proxy_named_beside_its_sponsor_owns_its_forces(text: str, actor: str) -> None:
    assert actors(text) == [actor]


def test_a_proxy_named_by_its_sponsor_alone_is_the_sponsor_s() -> None:
    assert actors("War in Yemen.\n\nUAE-backed forces were redeployed to the island of Mayun, "
                  "officials said.") == ["United Arab Emirates"]


def test_a_numbered_army_is_a_formation_not_a_group() -> None:
    # "the 41st | Combined Arms Army": the tagger leaves the number out of the name
    assert actors("War in Ukraine.\n\nElements of Russia's forces and of the 41st Combined Arms "
                  "Army moved toward Pokrovsk, Kyiv said.") != ["Combined Arms Army"]


def test_the_people_s_liberation_army_is_china_s() -> None:
    assert actors("Border tension.\n\nThe People’s Liberation Army moved an armoured brigade "
                  "into the Aksai Chin area, satellite images showed.") == ["China"]


def test_a_bare_army_is_no_owner_s_name() -> None:
    assert actors("KHARTOUM (Wire) — Army troops left their base in El Obeid as the war "
                  "went on, witnesses said.") != ["Army"]


def test_a_formation_s_possessive_name_is_no_owner() -> None:
    # "the 101st Airborne Division's": a formation, whose owner its name does not give
    assert actors("War in Europe.\n\nThe 101st Airborne Division's second brigade deployed to "
                  "Romania last week, officials said.") != ["101st Airborne Division's"]


def test_russia_s_fleets_are_russia_s() -> None:
    assert actors("War in Ukraine.\n\nThe Black Sea Fleet's last landing ship was moved to "
                  "Novorossiysk, the navy said.") == ["Russia"]


@pytest.mark.parametrize("text,group", [
    ("War in Mali. Ansar Dine militants moved into the town of Kidal on Sunday, residents "
     "said.", "Ansar Dine"),
    ("Gang war in Haiti. Grand Ravine gang members moved into Carrefour overnight, police "
     "said.", "Grand Ravine"),
])
def test_a_group_no_table_knows_named_before_its_people_owns_them(text: str, group: str) -> None:
    doc = sitrep.process(text)
    assert [m.actor for m in doc.movements] == [group]


@pytest.mark.parametrize("text", [
    "War in Cameroon. Rebel fighters entered the town of Bamenda, residents said.",
    "War in Ukraine. Heavy fighting in Kherson. Kherson fighters moved into the city of "
    "Mykolaiv.",
])
def test_a_capital_opening_the_sentence_or_a_place_is_no_group(text: str) -> None:
    doc = sitrep.process(text)
    assert doc.movements and all(m.actor not in ("Rebel", "Kherson") for m in doc.movements)


@pytest.mark.parametrize("text,group", [
    ("War in Sudan. Sudan's paramilitary Rapid Support Forces moved hundreds of fighters toward "
     "Kadugli on Monday, residents said.", "RSF"),
    ("War in Mali. Russia's Wagner Group pulled its fighters out of Kidal on Friday, local "
     "officials said.", "Wagner Group"),
])
def test_a_group_named_with_its_country_s_possessive_owns_its_force(text: str,
                                                                    group: str) -> None:
    assert [m.actor for m in sitrep.process(text).movements] == [group]


def test_junta_troops_belong_to_the_state_the_article_is_about() -> None:
    # the rebels are named more often than the country, yet "junta troops" are the state's
    text = ("Fighting in Myanmar.\n\nThe Arakan Army said its fighters had seized two hills. "
            "The Arakan Army also shelled an outpost, and the Arakan Army's spokesman said more "
            "attacks would follow.\n\nJunta troops pulled back from Ann toward Kyaukphyu on "
            "Monday, residents said.")
    assert actors(text) == ["Myanmar"]


@pytest.mark.parametrize(("text", "actor"), [
    ("War in Syria.\n\nHayat Tahrir al-Sham fighters advanced toward Hama on Thursday, a monitor "
     "said.", "HTS"),
    ("War in Somalia.\n\nIslamic State Somalia Province fighters withdrew from the Cal Miskaad "
     "hills toward Bosaso, officials said.", "Islamic State"),
])
def test_a_group_named_in_several_words_owns_its_fighters(text: str, actor: str) -> None:
    # not the last word of the name ("Sham") nor a country inside it ("Somalia")
    assert actors(text) == [actor]


@pytest.mark.parametrize(("text", "actor"), [
    ("War in Burkina Faso.\n\nThe army and allied militias have deployed three battalions to "
     "Kaya, a security source said.", "Burkina Faso"),
    ("Fighting in Mali.\n\nOn Sunday the army and pro-government militias sent two columns to "
     "Tessalit, local officials said.", "Mali"),
])
def test_the_army_that_sends_a_force_is_the_article_s_state(text: str, actor: str) -> None:
    assert actors(text) == [actor]


BULLETIN = ("General Staff of the Armed Forces of Armenia | Operational update\n\n"
            "Azerbaijani shelling hit two villages overnight, our defenders report. The enemy "
            "has moved two companies toward Jermuk. A unit of the 22nd Battalion has been "
            "relocated to the area of Goris to strengthen the defence.")


def test_the_enemy_in_a_side_s_own_bulletin_is_the_other_side() -> None:
    doc = sitrep.process(BULLETIN)
    by_place = {(m.destination or m.location).mention: m.actor for m in doc.movements
                if m.destination or m.location}
    assert by_place.get("Jermuk") == "Azerbaijan"


def test_a_unit_a_side_s_bulletin_names_without_owner_is_its_own() -> None:
    # not the owner of the enemy's movement told just before it
    doc = sitrep.process(BULLETIN)
    assert [m.actor for m in doc.movements if "22nd Battalion" in m.evidence.text] == ["Armenia"]


@pytest.mark.parametrize(("text", "actor"), [
    ("War in Nigeria.\n\nNigeria's Boko Haram insurgents have moved fighters toward Monguno in "
     "recent days, officials said.", "Boko Haram"),
    ("War in Syria.\n\nSyria's Hayat Tahrir al-Sham rebels sent fighters toward Hama overnight, "
     "a monitor said.", "HTS"),
])
def test_a_group_of_several_words_that_moves_fighters_owns_them_not_its_country(
        text: str, actor: str) -> None:
    assert actors(text) == [actor]

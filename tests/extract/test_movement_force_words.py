"""Words that name a force beyond "troops" and "tanks": people of a force by their trade
("servicemen", "sailors"), model designations ("Su-34s", "Ka-52s", "BMP-2s"), a name that owns a
force word ("Tigrayan forces"), and what a force moves of no one kind ("equipment"). Sentences
written fresh for these mechanisms."""

from __future__ import annotations

from functools import lru_cache

import pytest

import sitrep
from sitrep.extract.movements.lexicon import designated
from sitrep.records import Document


@lru_cache(maxsize=16)
def run(text: str) -> Document:
    return sitrep.process(text)


@pytest.mark.parametrize(("word", "kind"), [
    ("F-16s", "aircraft"), ("Su-34", "aircraft"), ("MiG-31s", "aircraft"), ("J-16s", "aircraft"),
    ("Ka-52s", "helicopters"), ("AH-64", "helicopters"), ("T-72B3", "tanks"),
    ("BMP-2s", "armored_vehicles"), ("BTR-82A", "armored_vehicles"), ("M777s", "artillery"),
    ("2S19", "artillery"), ("MQ-9", "aircraft"),
    ("COVID-19", None), ("G-7", None), ("I-95", None), ("A-level", None), ("H-1B", None),
])
def test_a_model_designation_names_its_kind_of_equipment(word: str, kind: str | None) -> None:
    assert designated(word) == kind


def test_aircraft_named_by_their_model_move_as_a_force() -> None:
    doc = run("Air war over the Black Sea. Four Su-34s were moved to Marinovka airbase on "
              "Sunday, satellite images show.")
    [m] = doc.movements
    assert m.rule == "move-move" and m.equipment == ["aircraft"]


def test_people_of_a_force_by_their_trade_are_a_force() -> None:
    doc = run("War in Ukraine. About 400 servicemen were transferred to Huliaipole on Monday, "
              "the General Staff said.")
    [m] = doc.movements
    assert m.rule == "move-transfer" and m.equipment == ["troops"]
    assert m.destination is not None and m.destination.mention == "Huliaipole"
    sailors = run("Tension in the Baltic. Sailors of a Russian landing ship came ashore at "
                  "Baltiysk and then travelled to Kaliningrad by bus on Friday.")
    assert any(m.rule.startswith("move-travel") for m in sailors.movements)


def test_what_a_force_moves_of_no_one_kind_adds_no_kind() -> None:
    doc = run("War in Ukraine. Troops and equipment were transferred to Pokrovsk on Monday, the "
              "brigade said.")
    [m] = doc.movements
    assert m.equipment == ["troops"]


def test_a_company_or_a_crew_is_a_force_only_among_military_words() -> None:
    assert run("Business news. The company moved its headquarters to Dubai on Monday.") \
        .movements == []
    assert run("Arts news. The film crew moved to Lisbon for the last scenes on Monday.") \
        .movements == []


def test_a_name_before_a_force_word_makes_it_an_armed_one() -> None:
    doc = run("Fighting in northern Ethiopia. Tigrayan forces were seen heading toward Alamata "
              "on Sunday, two traders said.")
    [m] = doc.movements
    assert m.rule.startswith("move-see") and m.status == "en_route"
    assert m.destination is not None and m.destination.mention == "Alamata"


def test_a_force_that_gives_up_ground_withdraws_from_it() -> None:
    doc = run("War in Ukraine. Ukrainian marines vacated the village of Robotyne on Friday, the "
              "navy said.")
    [m] = doc.movements
    assert (m.rule, m.status) == ("move-vacate", "withdrawing")
    assert m.origin is not None and m.origin.mention == "Robotyne"
    # an island named by its own name is that island, not the country named before it
    isle = run("War in Ukraine. Ukrainian marines vacated the island of Nestryha on Friday, the "
               "navy said.")
    [m] = isle.movements
    assert m.origin is None or "Ukraine" not in m.origin.mention
    left = run("War in Ukraine. Ukrainian troops evacuated from Krynky overnight, the General "
               "Staff said.")
    [m] = left.movements
    assert (m.rule, m.status) == ("move-evacuate", "withdrawing")


def test_abandoned_equipment_and_evacuated_civilians_are_no_movement_of_theirs() -> None:
    doc = run("War in Ukraine. Russian troops abandoned 30 armoured vehicles near Velyka "
              "Novosilka, the brigade said.")
    assert not any(m.rule == "move-abandon" for m in doc.movements)
    doc = run("War in Sudan. Army helicopters evacuated 120 wounded civilians from El Obeid on "
              "Monday, the army said.")
    assert not any(m.rule == "move-evacuate" for m in doc.movements)


def test_infiltrating_groups_arrive_and_a_warship_at_anchor_is_deployed() -> None:
    doc = run("War in Ukraine. Russian assault groups infiltrated the northern districts of "
              "Pokrovsk on Sunday, Ukrainian officers said.")
    [m] = doc.movements
    assert (m.rule, m.status) == ("move-infiltrate", "arrived")
    ship = run("Tension in the Baltic. A Russian corvette anchored off Bornholm on Monday, the "
               "Danish navy said.")
    [m] = ship.movements
    assert (m.rule, m.status) == ("move-anchor", "deployed")


@pytest.mark.parametrize("text", [
    "The corvette Steregushchiy sailed into the Baltic Sea on Thursday.",
    "Two army Bradley vehicles rolled into Kupiansk at dawn, the brigade said.",
])
def test_a_machine_s_own_name_or_model_is_no_owner(text: str) -> None:
    # the tagger calls a ship's name or a vehicle's model an organisation: it says what the
    # force is, never whose
    moves = run(text).movements
    assert len(moves) == 1 and moves[0].actor is None, [(m.actor, m.evidence.text) for m in moves]


def test_a_name_that_owns_fighters_is_still_their_side() -> None:
    moves = run("Kataib Sayyid fighters moved into Albu Kamal on Sunday, residents said. The "
                "militia said the move was temporary.").movements
    assert len(moves) == 1 and moves[0].actor is not None and "Kataib" in moves[0].actor


def test_the_side_that_moves_a_force_owns_it_not_the_country_it_leaves() -> None:
    moves = run("China is transferring HQ-9 systems from Pakistan to Iran, according to "
                "satellite images.").movements
    assert len(moves) == 1 and moves[0].actor == "China", [m.actor for m in moves]


@pytest.mark.parametrize("text", [
    "Georgian border guards moved into new posts along the boundary near Ergneti, the "
    "interior ministry said.",
    "The Kazakh National Guard was sent to Almaty overnight, officials said.",
])
def test_a_guard_of_a_state_is_a_force(text: str) -> None:
    assert len(run(text).movements) == 1


def test_a_security_guard_is_no_force() -> None:
    assert run("Hotel security guards moved into the lobby as the protest grew, the army "
               "said.").movements == []


def test_a_bloc_that_only_speaks_owns_no_force() -> None:
    moves = run("Militia columns were massing south of Gharyan on Sunday, the UN mission said, "
                "as the fighting spread.").movements
    assert len(moves) == 1 and moves[0].actor != "UN", [m.actor for m in moves]


@pytest.mark.parametrize("text", [
    "A train carrying Serbian M-84 tanks passed through Nis station heading south on Monday.",
    "A train with Russian Tornado launchers was seen passing through Kalinkavichy station "
    "overnight, a monitoring channel said.",
])
def test_a_train_that_carries_arms_is_a_force(text: str) -> None:
    moves = run(text).movements
    assert len(moves) == 1 and moves[0].status == "transiting", [m.status for m in moves]


def test_a_train_of_oil_tanks_or_grain_is_no_force() -> None:
    assert run("A train carrying oil tanks passed through Nis station on Monday, days after "
               "the war began.").movements == []


def test_aircraft_that_carry_fighters_are_a_force_and_tourists_no() -> None:
    moves = run("Two helicopters carrying commandos landed near Kismayo at dawn, residents "
                "said.").movements
    assert len(moves) == 1 and "helicopters" in moves[0].equipment
    assert run("Two helicopters carrying tourists landed near Kismayo at dawn. The resort has "
               "reopened since the truce.").movements == []


@pytest.mark.parametrize("text", [
    "Fighting spread across the capital. Heavily armed gang members pushed toward Cabaret on "
    "Sunday, residents said.",
    "Armed men of the Ansar Dine faction entered the village of Boni at dawn, a local official "
    "said.",
    "Hezbollah members moved into positions near Khiam on Tuesday, Israeli officials said.",
])
def test_armed_people_of_a_band_are_a_force(text: str) -> None:
    assert len(run(text).movements) == 1


def test_members_of_a_choir_are_no_force() -> None:
    assert run("Members of the church choir moved to Lviv for a concert, the ministry "
               "said.").movements == []


@pytest.mark.parametrize("text", [
    "War in Sudan.\n\nThe Sudanese army sent a delegation to Jeddah for the ceasefire talks on "
    "Monday, a spokesman said.",
    "War in Ukraine.\n\nThe Ukrainian navy sent a letter of thanks to the port authority of "
    "Constanta, the ministry said.",
    "War in Ukraine.\n\nRussian forces have stepped up attacks on Kurakhove over the past "
    "week, the general staff said.",
])
def test_a_force_that_sends_no_force_or_steps_up_attacks_is_no_movement(text: str) -> None:
    assert sitrep.process(text).movements == []


def test_a_force_deploying_missiles_moves_them() -> None:
    (m,) = sitrep.process("War in the Philippines.\n\nUS Marines deploy anti-ship missiles to "
                          "Batanes ahead of the drills, the Philippine army said.").movements
    assert m.destination is not None and m.destination.mention == "Batanes"


@pytest.mark.parametrize("text", [
    "War in Somalia.\n\nThe deployment of Ethiopian troops to Baidoa was postponed on Monday, "
    "officials said.",
    "Gang violence in Haiti.\n\nThe scheduled arrival of Jamaican soldiers in Port-au-Prince "
    "has been held up again, the government said.",
])
def test_a_movement_put_off_has_not_happened(text: str) -> None:
    assert sitrep.process(text).movements == []


def test_a_movement_decades_ago_in_an_undated_text_is_history() -> None:
    # no publication date and no later year in the text: "in 1991" is not its news
    assert sitrep.process("War in the Gulf.\n\nCoalition armour crossed into Kuwait in 1991, "
                          "the museum guide said.").movements == []


def test_a_dated_archive_keeps_its_own_year() -> None:
    from sitrep.extract.movements import find_movements
    from tests.extract.parsed import parsed_doc
    doc = parsed_doc("Russian troops entered Crimea in February 2014, Kyiv said.",
                     published="2014-03-01")
    assert [m.actor for m in find_movements(doc)] == ["Russia"]

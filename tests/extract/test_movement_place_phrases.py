"""Where a movement goes when the place sits in a phrase the parser or the gazetteer reads
awkwardly. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import sitrep
from sitrep.extract.movements.places import _hung_destinations
from sitrep.records import Movement


def only_movement(text: str) -> Movement:
    doc = sitrep.process(text)
    assert len(doc.movements) == 1, [m.evidence.text for m in doc.movements]
    return doc.movements[0]


def test_a_village_told_by_its_bearing_from_a_town_is_the_destination() -> None:
    # the parser hangs "Kafr Nabl" on "north" as a compound: it is still the place
    m = only_movement("Syrian army units moved towards the town of Kafr Nabl north of "
                      "Maarat al-Numan, state media said.")
    assert m.destination is not None and m.destination.mention == "Kafr Nabl"


def test_a_force_sent_to_reinforce_positions_near_a_town_goes_there() -> None:
    m = only_movement("Two Estonian infantry companies were sent from Tapa to reinforce "
                      "positions near Narva, the defence forces said.")
    assert m.origin is not None and m.origin.mention == "Tapa"
    assert m.destination is not None and m.destination.mention == "Narva"


def test_the_settlement_without_of_introduces_a_small_place() -> None:
    # translated bulletins write "the settlement X", "the village X"
    m = only_movement("Chechen units have been moved into the settlement Ocheretyne, the "
                      "ministry said.")
    assert m.destination is not None and m.destination.mention == "Ocheretyne"


def test_a_port_the_tagger_calls_a_people_is_still_where_ships_go() -> None:
    # the small model tags "Sevastopol" NORP here, as if it were a nationality
    m = only_movement("The destroyer Admiral Levchenko sailed back to Sevastopol after drills, "
                      "the navy said.")
    assert m.destination is not None and m.destination.mention == "Sevastopol"


def test_the_day_after_an_unlisted_village_is_not_part_of_its_name() -> None:
    m = only_movement("Israeli commandos entered the southern Lebanese village of Beit Lif on "
                      "Sunday, the Lebanese army said.")
    where = m.destination or m.location
    assert where is not None and where.mention == "Beit Lif"


def test_a_force_that_departs_one_place_for_another_is_on_its_way() -> None:
    m = only_movement("A second company of Malawian troops departed Lilongwe for the Congo on "
                      "Thursday aboard a chartered airliner.")
    assert m.status == "en_route"
    assert m.origin is not None and m.origin.mention == "Lilongwe"


def test_a_force_that_leaves_with_nowhere_named_is_withdrawing_from_the_town_it_leaves() -> None:
    # a town the tagger reads as a person is still where the force leaves
    m = only_movement("Ukrainian units left Kherson before dawn, the general staff said.")
    assert m.status == "withdrawing"
    assert m.origin is not None and m.origin.mention == "Kherson"


def test_a_road_from_one_town_toward_another_gives_origin_and_destination() -> None:
    # "from Mosul" and "toward Erbil" hang on "highway", not on the verb
    m = only_movement("Army lorries were filmed rolling along the highway from Mosul toward "
                      "Erbil, witnesses said.")
    assert m.origin is not None and m.origin.mention == "Mosul"
    assert m.destination is not None and m.destination.mention == "Erbil"


def test_what_a_force_lands_for_is_not_where_it_heads() -> None:
    m = only_movement("Polish F-16 jets landed in Constanta on Tuesday for exercises near "
                      "Varna, the ministry said.")
    assert m.destination is None or m.destination.mention != "Varna"
    assert m.location is not None and m.location.mention == "Constanta"


def test_a_town_that_owns_the_ground_entered_is_the_destination() -> None:
    # the small model tags "Mariupol" an organisation before "'s port area"
    m = only_movement("Marines moved into Mariupol's port area on Friday.")
    assert m.destination is not None and m.destination.mention == "Mariupol"


def test_a_town_whose_districts_a_force_leaves_is_the_origin() -> None:
    m = only_movement("Special forces were pulled out of Bakhmut's western districts overnight, "
                      "the brigade said.")
    assert m.origin is not None and m.origin.mention == "Bakhmut"


def test_a_town_near_which_a_force_masses_says_more_than_its_region() -> None:
    m = only_movement("Russian troops were massing in the Belgorod region near Shebekino, "
                      "Ukrainian officials said.")
    assert m.location is not None and m.location.mention == "Shebekino"


def test_the_town_a_force_leaves_is_its_origin_not_the_province_around_it() -> None:
    m = only_movement("Sudanese troops withdrew from the outskirts of Kadugli in South Kordofan, "
                      "residents said.")
    assert m.origin is not None and m.origin.mention == "Kadugli"


def _parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_destination_hung_on_a_phrase_of_the_verb_is_still_where_the_force_heads() -> None:
    # the parser hangs "into the sea" on "islands", inside "between ...": it is still the verb's
    doc = _parse(["Ships", "passed", "the", "strait", "between", "two", "islands", "into",
                  "the", "sea"],
                 [1, 1, 3, 1, 1, 6, 4, 6, 9, 7],
                 ["nsubj", "ROOT", "det", "dobj", "prep", "nummod", "pobj", "prep", "det", "pobj"],
                 ["NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN", "ADP", "DET", "NOUN"])
    assert [(role, t.text) for role, t, _ in _hung_destinations(doc[1])] == [
        ("destination", "sea")]


def test_a_destination_inside_another_verbs_clause_is_not_the_movements() -> None:
    # "carrying arms to Ukraine" says where the arms go, not where the ships sail
    doc = _parse(["Ships", "carrying", "arms", "to", "Ukraine", "sailed", "north"],
                 [5, 0, 1, 2, 3, 5, 5],
                 ["nsubj", "acl", "dobj", "prep", "pobj", "ROOT", "advmod"],
                 ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "VERB", "ADV"])
    assert _hung_destinations(doc[5]) == []


def test_a_place_far_down_the_verbs_own_clause_is_where_the_force_is() -> None:
    # "in Kherson" hangs on the verb through a chain of phrases, more than a dozen words away
    m = only_movement("Two Russian battalions were redeployed last week with dozens of tanks, "
                      "self-propelled guns and multiple rocket launchers as part of a rotation "
                      "of the southern grouping of forces in Kherson.")
    assert m.location is not None and m.location.mention == "Kherson"


def test_a_place_far_away_in_another_verbs_clause_is_not_the_movements() -> None:
    m = only_movement("Two Russian battalions were redeployed last week with dozens of tanks, "
                      "self-propelled guns and rocket launchers, while officials who spoke at a "
                      "briefing said heavy fighting continued in Kherson.")
    assert m.location is None and m.destination is None and m.origin is None


def test_a_force_passing_a_named_place_is_in_transit_there() -> None:
    # "pass" needed "through" or "via"; a place as its object says the same
    m = only_movement("Two Chinese destroyers passed the Miyako Strait on Friday, Japan's "
                      "defence ministry said.")
    assert (m.status, m.actor) == ("transiting", "China")
    assert m.location is not None and m.location.mention == "Miyako Strait"
    m = only_movement("A convoy of Russian armoured vehicles passed the Chonhar checkpoint on "
                      "Tuesday, Ukrainian partisans said.")
    assert m.status == "transiting"


def test_passing_a_law_or_a_milestone_is_no_movement() -> None:
    doc = sitrep.process("The Russian parliament passed the defence budget on Friday, and "
                         "Russian forces passed the 100-day mark of the siege of the city.")
    assert doc.movements == []


def test_a_force_s_own_demonym_names_its_owner_before_a_from_phrase() -> None:
    m = only_movement("The withdrawal of the 1,200 Danish troops from Mali was completed on "
                      "Friday, the defence ministry in Copenhagen said.")
    assert (m.status, m.actor) == ("withdrawing", "Denmark")


def test_a_possible_or_potential_movement_is_no_fact() -> None:
    for text in ("The possible incursion of Rwandan troops into North Kivu worried diplomats "
                 "in Kinshasa on Monday.",
                 "Talks in Brussels turned to a potential deployment of Polish troops to "
                 "western Ukraine."):
        assert sitrep.process(text).movements == [], text


def test_two_forces_in_one_sentence_are_two_movements() -> None:
    doc = sitrep.process("Two Russian frigates left Sevastopol on Monday and a submarine arrived "
                         "in Novorossiysk on Tuesday, the Ukrainian navy said.")
    got = {(m.status, m.origin.mention if m.origin else None,
            m.location.mention if m.location else None) for m in doc.movements}
    assert got == {("withdrawing", "Sevastopol", None), ("arrived", None, "Novorossiysk")}
    doc = sitrep.process("Israeli tanks advanced into Rafah on Sunday, while paratroopers were "
                         "deployed to Khan Younis, the army said.")
    assert sorted(m.destination.mention for m in doc.movements if m.destination) == \
        ["Khan Younis", "Rafah"]


def test_one_force_with_two_verbs_is_one_movement() -> None:
    doc = sitrep.process("Three Russian warships passed through the Tsugaru Strait and sailed "
                         "into the Sea of Japan on Friday, Japan's defence ministry said.")
    assert len(doc.movements) == 1


def test_the_owner_of_an_included_part_owns_the_whole_force() -> None:
    m = only_movement("Japan's navy said on Monday that eight warships, including two "
                      "destroyers from the Chinese Navy, passed through the Osumi Strait.")
    assert (m.actor, m.status) == ("China", "transiting")


def test_where_a_sighted_force_stands_is_no_part_of_its_name() -> None:
    # the parser loses the head of "the Dzhankoi airfield"; the place hangs on the force's
    # phrase, which names where the force is, not the force
    doc = sitrep.process("War in Ukraine. Satellite imagery shows at least 40 Russian "
                         "helicopters at the Saky airfield in Crimea.")
    [m] = doc.movements
    assert m.location is not None and "Saky" in m.location.mention


def test_a_place_named_with_a_compass_word_in_lower_case_is_where_the_force_is() -> None:
    doc = sitrep.process("Navies at sea. A French carrier group arrived in the eastern "
                         "Mediterranean on Thursday, the navy said.")
    [m] = doc.movements
    assert m.location is not None and m.location.mention == "eastern Mediterranean"


def test_a_compass_word_after_the_verb_leaves_the_heading_phrase_to_the_verb() -> None:
    # the parser hangs "towards Y" on "north": the place is still where the force heads
    m = only_movement("Two Malian army companies drove north towards Tessalit on Friday, "
                      "a military source said.")
    assert m.destination is not None and m.destination.mention == "Tessalit"
    assert m.location is None


def test_a_force_sent_to_a_country_and_seen_at_a_town_in_it_is_headed_for_the_town() -> None:
    m = only_movement("Eritrean units were deployed to Ethiopia and seen in Adigrat on Friday, "
                      "residents said.")
    assert m.destination is not None and m.destination.mention == "Adigrat"


def test_a_force_does_not_leave_the_place_it_heads_for() -> None:
    # the phrase of what was left ("the logistics depot") runs on into "for Kherson"
    m = only_movement("A column of Russian fuel trucks left the logistics depot for Kherson "
                      "overnight, the army said.")
    assert m.destination is not None and m.destination.mention == "Kherson"
    assert m.origin is None


@pytest.mark.parametrize("text", [
    "War in Lebanon.\n\nIrish peacekeepers rotated out of southern Lebanon on Monday, the "
    "defence forces said.",
    "War in Mali.\n\nThe last Swedish soldiers flew out of Gao on Thursday, the armed forces "
    "said.",
])
def test_a_force_that_goes_out_of_a_place_with_nowhere_named_is_withdrawing(text: str) -> None:
    # "on Monday" names a day, not where the force goes
    assert only_movement(text).status == "withdrawing"


def test_a_force_operating_out_of_a_base_is_not_leaving_it() -> None:
    m = only_movement("War in Sudan.\n\nWitnesses saw RSF drone teams operating out of Nyala "
                      "airport this week.")
    assert m.status != "withdrawing"


def test_a_base_s_own_place_is_where_the_force_left_not_the_dateline() -> None:
    m = only_movement("GAO, Mali (Wire) — Chadian troops left their base in Tessalit on "
                      "Tuesday, residents said.")
    assert m.origin is not None and m.origin.mention == "Tessalit"


@pytest.mark.parametrize("text,role,town", [
    ("Israeli armour rolled out of the West Bank town of Tubas on Thursday, Palestinian "
     "officials said.", "origin", "Tubas"),
    ("Two Turkish frigates docked at the Black Sea port of Samsun, the Turkish navy said.",
     "location", "Samsun"),
    ("Army reinforcements were flown to the Red Sea town of Suakin, Sudanese officials said.",
     "destination", "Suakin"),
])
def test_a_town_named_after_its_region_and_town_word_is_the_town(text: str, role: str,
                                                                 town: str) -> None:
    # "the <region> town of X": the region only says where X lies
    place = getattr(only_movement(text), role)
    assert place is not None and place.mention == town


@pytest.mark.parametrize("text,origin,destination", [
    ("Two Indian destroyers departed Visakhapatnam on Tuesday and proceeded toward the "
     "Andaman Sea, the navy said.", "Visakhapatnam", "Andaman Sea"),
    ("Two Egyptian corvettes departed Alexandria on Sunday and continued toward Libya, "
     "officials said.", "Alexandria", "Libya"),
])
def test_a_joined_verb_of_going_gives_the_journey_its_destination(text: str, origin: str,
                                                                   destination: str) -> None:
    m = only_movement(text)
    assert m.origin is not None and m.origin.mention == origin
    assert m.destination is not None and m.destination.mention == destination


def test_a_joined_verb_with_its_own_subject_keeps_its_own_destination() -> None:
    doc = sitrep.process("War news. Two frigates left Sevastopol and a submarine sailed toward "
                         "Novorossiysk, the Ukrainian navy said.")
    left = [m for m in doc.movements if m.origin is not None and m.origin.mention == "Sevastopol"]
    assert left and all(m.destination is None for m in left)


@pytest.mark.parametrize(("text", "origin"), [
    ("War in Syria.\n\nSatellite pictures show that two Russian frigates have left Tartus's "
     "northern bay since Friday.", "Tartus"),
    ("War in Ukraine.\n\nRussian landing ships have left Novorossiysk's eastern bay, a naval "
     "spokesman said.", "Novorossiysk"),
])
def test_a_port_named_as_the_owner_of_its_bay_is_where_ships_left(text: str, origin: str) -> None:
    m = only_movement(text)
    assert m.origin is not None and m.origin.mention == origin


@pytest.mark.parametrize(("text", "destination"), [
    ("War in Ukraine.\n\nThe ministry said it had rushed two battalions south from Kharkiv to "
     "shore up defences around Izium.", "Izium"),
    ("War in Sudan.\n\nThe army sent a column from Kosti to strengthen positions near Rabak, a "
     "military source said.", "Rabak"),
])
def test_a_force_sent_to_shore_up_a_place_goes_there(text: str, destination: str) -> None:
    m = only_movement(text)
    assert m.destination is not None and m.destination.mention == destination


def test_a_force_that_re_entered_a_town_arrived_there() -> None:
    m = only_movement("War in Mali.\n\nMali's military re-entered the northern town of Kidal on "
                      "Friday.")
    assert (m.status, m.destination and m.destination.mention) == ("arrived", "Kidal")


def test_a_force_pulled_out_and_rushed_back_goes_where_it_is_rushed() -> None:
    m = only_movement("War in Ukraine.\n\nUkraine's 25th Airborne Brigade has been pulled out of "
                      "Vovchansk and rushed back to the Kramatorsk front, media reports said.")
    assert (m.origin and m.origin.mention, m.destination and m.destination.mention) == (
        "Vovchansk", "Kramatorsk")


def test_a_place_inside_a_clause_of_the_phrase_is_not_where_the_force_is() -> None:
    m = only_movement("War in Ukraine.\n\nIn a sign of how thin Kyiv's reserves are, a brigade has "
                      "been pulled out of Vovchansk, media reports said.")
    assert m.location is None and m.origin is not None and m.origin.mention == "Vovchansk"


def test_a_region_named_by_a_name_the_gazetteer_lacks_is_not_the_region_named_before() -> None:
    m = only_movement("War in Burkina Faso.\n\nFighting spread across the Sahel region in May. "
                      "The army has since deployed two battalions to the Est region, officials "
                      "said.")
    assert m.destination is None or "Sahel" not in m.destination.mention

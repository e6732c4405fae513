"""Words that stand for a force named elsewhere: a relative pronoun ("the tanks that Israel
deployed"), a subject pronoun ("they pushed into the city"), and a "when" clause that takes the
time of the clause it tells the moment of. Sentences written fresh for these mechanisms."""

from __future__ import annotations

from functools import lru_cache

import pytest

import sitrep
from sitrep.config import Config
from sitrep.records import Document


@lru_cache(maxsize=16)
def run(text: str) -> Document:
    return sitrep.process(text)


def test_the_object_of_a_relative_clause_is_the_noun_it_hangs_on() -> None:
    doc = run("Fighting in Gaza. The tanks that Israel deployed to Rafah last week are firing on "
              "the eastern districts, witnesses said.")
    [m] = doc.movements
    assert m.rule == "move-deploy"  # the rules read it, not only the sentence model
    assert m.actor == "Israel"
    assert m.destination is not None and m.destination.mention == "Rafah"


def test_a_relative_clause_gives_its_subject_as_the_forces_owner() -> None:
    doc = run("War in Yemen. The warships that Iran dispatched to the Red Sea on Monday carry "
              "drones, the report said.")
    [m] = doc.movements
    assert (m.actor, m.status) == ("Iran", "deployed")


def test_they_stands_for_the_force_named_in_the_sentence_before() -> None:
    doc = run("War in Syria. Rebel fighters captured the airport on Tuesday. Hours later they "
              "pushed into the centre of Hama.")
    [m] = [m for m in doc.movements if m.rule == "move-push"]
    assert m.destination is not None and m.destination.mention == "Hama"
    assert doc.clean_text[m.evidence.start:m.evidence.end].startswith("Hours later they")


def test_they_with_no_force_before_it_is_no_movement() -> None:
    doc = run("War in Syria. The ministers met in Doha on Tuesday. Hours later they pushed into "
              "the centre of Hama for a tour of the market.")
    assert doc.movements == []


def test_it_stands_for_a_single_force_not_for_a_plural_one() -> None:
    doc = run("Tension in the Baltic. A Russian corvette was spotted off Gotland on Friday. On "
              "Saturday it sailed through the Fehmarn Belt, the Danish navy said.")
    assert any(m.rule == "move-sail" and m.equipment == ["warships"] for m in doc.movements)
    plural = run("Tension in the Baltic. Russian corvettes were spotted off Gotland on Friday. "
                 "On Saturday it sailed through the Fehmarn Belt, the Danish navy said.")
    assert not any(m.rule == "move-sail" for m in plural.movements)


def test_a_movement_dated_to_a_decade_long_past_is_background() -> None:
    doc = run("War in Sudan. The force grew out of the militias that the government deployed in "
              "Kordofan in the late 1990s, officials recall.")
    assert doc.movements == []


def test_a_when_clause_on_a_year_since_which_a_force_stays_is_background() -> None:
    doc = run("Insurgency in Mozambique. Tanzanian soldiers have patrolled the gas fields at "
              "Palma since 2019, when they first arrived.")
    assert doc.movements == []


def test_a_when_clause_on_a_recent_day_stays_news() -> None:
    doc = run("War in Lebanon. Israeli troops withdrew from the hills above Kfarchouba on "
              "Monday, when the truce took hold.")
    assert [(m.actor, m.status) for m in doc.movements] == [("Israel", "withdrawing")]


def test_a_movement_in_a_decade_before_the_articles_year_is_background() -> None:
    doc = run("War in Sudan, 2025. Army units first deployed to Kordofan in the 1990s, officials "
              "recall.")
    assert doc.movements == []
    now = run("War in Sudan, 2025. Army units deployed to Kordofan on Sunday, officials said.")
    assert [m.status for m in now.movements] == ["deployed"]


def test_unit_words_name_forces_in_any_case() -> None:
    doc = run("War in Ukraine. A squadron of Dutch F-16s landed at Rzeszow on Monday, the air "
              "force said.")
    assert [(m.actor, m.equipment) for m in doc.movements] == [("Netherlands", ["aircraft"])]
    headline = run("War in Sudan\n\nRebel Fighters Enter Outskirts Of Kadugli\n\nThe fighting "
                   "went on overnight.")
    assert any(m.equipment == ["troops"] and m.rule == "move-enter" for m in headline.movements)


def test_a_faction_moves_only_as_an_armed_one() -> None:
    rules = Config(movement_model=False)
    armed = sitrep.process("War in Libya. Armed factions rolled into the port of Zawiya on "
                           "Sunday, residents said.", config=rules)
    assert [(m.status, m.equipment) for m in armed.movements] == [("arrived", ["troops"])]
    party = sitrep.process("Election in Libya. Party factions rolled into the port of Zawiya "
                           "on Sunday for a rally, residents said.", config=rules)
    assert party.movements == []


def test_an_object_past_a_comma_does_not_stop_a_departure() -> None:
    doc = sitrep.process("War in Mali. Wagner units left the Tessalit camp on Friday, "
                         "satellite images from Planet Labs show.",
                         config=Config(movement_model=False))
    assert [(m.rule, m.status) for m in doc.movements] == [("move-leave", "withdrawing")]


def _rules(text: str) -> list[tuple[str, str]]:
    doc = sitrep.process(text, config=Config(movement_model=False))
    return [(m.rule, m.status) for m in doc.movements]


def test_taking_up_positions_is_a_deployment_taking_a_town_is_not() -> None:
    assert _rules("War in Yemen. Government troops have taken up positions in Mukalla, state "
                  "media said.") == [("move-take", "deployed")]
    assert _rules("War in Yemen. Government troops took the town of Mukalla on Sunday, state "
                  "media said.") == []


def test_vehicles_driven_and_ships_steaming_move_people_driven_out_do_not() -> None:
    assert _rules("War in Ukraine. A column of Russian armoured vehicles drove through "
                  "Vovchansk on Monday night.") == [("move-drive", "en_route")]
    assert _rules("War in Myanmar. The junta's offensive drove thousands of villagers into "
                  "Thailand last week.") == []
    assert _rules("War in the Red Sea. Two British destroyers steamed through the Suez Canal "
                  "on Monday.") == [("move-steam", "transiting")]


def test_storming_in_and_touching_down_are_arrivals() -> None:
    assert _rules("War in Sudan. RSF fighters stormed into the village of Um Rawaba on "
                  "Wednesday, activists said.") == [("move-storm", "arrived")]
    assert _rules("Crisis in Haiti. About 150 Jamaican soldiers touched down in Port-au-Prince "
                  "on Saturday.") == [("move-touch", "arrived")]


def test_a_described_source_takes_the_name_the_article_gave_it() -> None:
    doc = run("War in Ukraine. The Main Intelligence Directorate of Ukraine said on Monday that "
              "North Korean units were being trained near Vladivostok.\n\nUkraine's military "
              "intelligence service said the units had been moved to the Kursk region on "
              "Wednesday.")
    assert any(m.observed_by == "Main Intelligence Directorate of Ukraine"
               and m.destination is not None and m.destination.mention == "Kursk region"
               for m in doc.movements), [(m.observed_by, m.destination) for m in doc.movements]


def test_a_description_that_fits_no_named_organisation_stays_as_written() -> None:
    doc = run("War in Ukraine. The Red Cross said on Monday that aid convoys were waiting.\n\n"
              "Ukraine's military intelligence service said Russian units had been moved to the "
              "Kursk region on Wednesday.")
    assert [m.observed_by for m in doc.movements
            if m.destination is not None] == ["Ukraine's military intelligence service"]


def test_a_passive_entry_names_its_force_by_and_its_place_as_subject() -> None:
    doc = sitrep.process("War in Congo. The town of Sake was entered by M23 fighters on Tuesday, "
                         "the army said.", config=Config(movement_model=False))
    assert [(m.rule, m.actor, m.destination.mention if m.destination else None)
            for m in doc.movements] == [("move-enter", "M23", "Sake")]


def test_a_journey_told_by_train_keeps_its_end_and_its_own_force() -> None:
    doc = sitrep.process("War in Ukraine. North Korean troops were moved by train from "
                         "Vladivostok to Kursk, Kyiv said.", config=Config(movement_model=False))
    assert [(m.rule, m.actor, m.origin.mention if m.origin else None,
             m.destination.mention if m.destination else None) for m in doc.movements] == [
        ("move-move", "North Korea", "Vladivostok", "Kursk")]


def test_forces_transferred_to_a_place_stand_deployed_there() -> None:
    done = sitrep.process("War in Ukraine. Ukraine transferred two brigades from Zaporizhzhia "
                          "to Pokrovsk in August.", config=Config(movement_model=False))
    assert [m.status for m in done.movements] == ["deployed"]
    under_way = sitrep.process("War in Ukraine. Two brigades are being transferred from "
                               "Zaporizhzhia to Pokrovsk.", config=Config(movement_model=False))
    assert [m.status for m in under_way.movements] == ["en_route"]


def test_an_armed_groups_name_is_its_fighters_when_it_goes_somewhere() -> None:
    doc = run("Fighting in Darfur. The RSF pushed into Mellit on Thursday after a week of "
              "shelling, local monitors said.")
    [m] = doc.movements
    assert m.rule == "move-push" and m.actor == "RSF"
    assert m.destination is not None and m.destination.mention == "Mellit"
    congo = run("Fighting in North Kivu. M23 entered Rubaya on Saturday, residents told us.")
    [m] = congo.movements
    assert m.rule == "move-enter" and m.actor == "M23"


def test_an_armed_group_that_goes_nowhere_or_a_state_is_no_force() -> None:
    assert run("Talks in Doha. Hamas returned to the negotiations on Tuesday.").movements == []
    assert run("Politics in Sudan. The RSF moved to block the appointment on Tuesday.").movements \
        == []
    # a state's name may advance prices or talks: only an armed group's name is its fighters
    assert not any(m.rule == "move-advance" for m in run(
        "Markets in Asia. Japan advanced into the semifinal in Doha on Tuesday.").movements)


def test_a_state_that_pushes_into_a_place_is_the_side_on_the_move() -> None:
    doc = run("War in Gaza. Israel pushed deeper into Beit Lahiya on Sunday, "
              "residents said.")
    [m] = doc.movements
    assert m.actor == "Israel" and m.destination is not None \
        and m.destination.mention == "Beit Lahiya"
    # into talks, a final or a market held somewhere: no ground taken
    for text in ("Diplomacy. Qatar entered talks in Doha on Monday.",
                 "Sport. Ukraine pushed into the final in Berlin on Sunday.",
                 "Trade. Vietnam advanced into new markets in Europe last year."):
        assert run(text).movements == [], text


def test_a_speaker_in_a_clause_of_time_does_not_report_the_movement() -> None:
    doc = run("War in Yemen. Two Saudi brigades were moved to Marib on Friday, hours after the "
              "Houthis announced a new offensive.")
    [m] = doc.movements
    assert m.observed_by is None


def test_a_dateline_is_not_the_speaker_that_reports_the_movement() -> None:
    doc = run("Troops leave the river town\n\nKHARTOUM (Wire): Sudan's army command said on "
              "Monday that its troops had withdrawn from the town of Wad Madani.")
    [m] = doc.movements
    assert m.observed_by == "Sudan's army command"
    assert m.evidence.text.startswith("Sudan's army command said")


def test_an_unnamed_source_is_written_as_the_text_writes_it() -> None:
    doc = run("War in the east. Two rifle companies pulled back from the ridge overnight, the "
              "brigade's press officer said.")
    [m] = doc.movements
    assert m.observed_by == "brigade's press officer"


def test_named_ships_the_parser_takes_for_a_second_subject_leave_the_force_its_verb() -> None:
    # the parser makes "the Georgy Pobedonosets" a second subject of "left": the force is
    # the ships, and the rules read it (not only the sentence model)
    doc = run("War at sea. Two Russian landing ships, the Georgy Pobedonosets and the Alexander "
              "Otrakovsky, left Severomorsk on Monday, Norwegian officials said.")
    [m] = doc.movements
    assert m.rule == "move-leave" and m.actor == "Russia"
    assert m.origin is not None and m.origin.mention == "Severomorsk"


def test_it_that_moves_a_force_is_the_side_that_said_so_not_the_force_before() -> None:
    doc = run("Border war. An Eritrean convoy crossed the frontier on Sunday night. Ethiopia said "
              "it had moved 17 battalions to Humera on Monday.")
    [m] = [m for m in doc.movements if m.rule == "move-move"]
    assert m.actor == "Ethiopia"


def test_a_bare_infinitive_takes_the_modality_of_its_governor() -> None:
    planned = run("Tension in Asia. The exercise will see Chinese frigates sail through the "
                  "Miyako Strait next month, state media said.")
    assert planned.movements == []
    seen = run("Tension in Asia. Japanese patrol planes saw Chinese frigates sail through the "
               "Miyako Strait on Sunday, Tokyo said.")
    assert [m.status for m in seen.movements] == ["transiting"]


def test_a_warship_named_in_apposition_and_military_cargo_planes_are_forces() -> None:
    carrier = run("Tension in Asia. The carrier USS Carl Vinson departed Busan on Friday for a "
                  "routine patrol, the 3rd Fleet said.")
    assert [(m.actor, m.rule) for m in carrier.movements] == [("United States", "move-depart")]
    planes = run("War in the Sahel. Russian military cargo planes landed at Bamako airport on "
                 "Sunday, residents said.")
    assert [m.rule for m in planes.movements] == ["move-land"]


def test_a_force_pulled_from_a_place_sets_out_from_it() -> None:
    doc = run("War in the south. Two marine brigades were pulled from the Kherson front and sent "
              "to Pokrovsk, Ukrainian officers said.")
    [m] = doc.movements
    assert m.origin is not None and m.origin.mention == "Kherson"
    assert m.destination is not None and m.destination.mention == "Pokrovsk"
    assert run("Quake in Turkey. Rescuers pulled 12 people from the rubble in Hatay.").movements \
        == []


def test_a_convoy_of_aid_lorries_is_no_force() -> None:
    doc = run("War in Sudan. A convoy of aid lorries reached El Fasher on Thursday, the UN said.")
    assert doc.movements == []
    armed = run("War in Sudan. A convoy of army lorries reached El Fasher on Thursday, the UN "
                "said.")
    assert [m.rule for m in armed.movements] == ["move-reach"]


def test_a_force_no_sentence_gives_an_owner_belongs_to_the_side_the_article_names_most() -> None:
    doc = run("Fighting in Kordofan. The Sudanese army says the road is open again. Residents of "
              "Dilling said a column of armoured vehicles reached the town on Sunday. Sudan's "
              "army did not comment on the column.")
    [m] = doc.movements
    assert m.actor == "Sudan"
    assert m.confidence < 0.9  # a guess, said as one


def test_a_distance_from_a_border_says_where_a_force_is_not_whose() -> None:
    doc = run("Tension on the border. Satellite images show a deployment of armoured vehicles "
              "20 km from the Polish border near Grodno, in Belarus, analysts said. Belarus "
              "calls the drills routine.")
    [m] = doc.movements
    assert m.actor != "Poland"


def test_the_side_an_article_names_as_owning_forces_beats_one_it_names_as_ground() -> None:
    doc = run("Tension in Belarus. Belarus hosts the drills; Belarus says they are routine and "
              "Belarus has closed two roads. Russian troops take part in them, officials say. On "
              "Sunday a column of armoured vehicles reached Baranavichy, residents said.")
    [m] = [m for m in doc.movements if "Baranavichy" in m.evidence.text]
    assert m.actor == "Russia"


def test_a_side_named_as_ground_owns_no_force() -> None:
    doc = run("Conflict in Ukraine. Over the weekend Moscow pulled about half of the units it "
              "kept near Chernihiv back across the border, two officials said.")
    assert [m.actor for m in doc.movements] == ["Russia"]


@pytest.mark.parametrize("text", [
    "War news. Claims that Iranian troops arrived in Venezuela are baseless, the ministry said.",
    "War news. Claims that Russian troops arrived in Mali are baseless, the junta said.",
])
def test_reports_called_baseless_are_no_force_of_their_own(text: str) -> None:
    # the clause a noun of report holds is what is reported: "Claims" is no force, and the
    # movement it holds is disproved
    assert sitrep.process(text).movements == []


def test_a_side_the_parser_hangs_on_the_object_before_it_moves_its_own_force() -> None:
    # the parser reads "Armenia" as joined to "border" and "sent" as sharing Azerbaijan's
    # subject: "and Armenia sent" is Armenia's own movement
    doc = sitrep.process("Tensions rose on Monday as Azerbaijan moved more troops to the border "
                         "and Armenia sent reinforcements to the Syunik region, officials said.")
    assert sorted(m.actor or "" for m in doc.movements) == ["Armenia", "Azerbaijan"]


@pytest.mark.parametrize("text,observer", [
    ("War in Yemen. 09:40 GMT – Reports from local monitors suggest Houthi fighters have been "
     "moving toward Marib since the weekend.", None),
    ("War in Ukraine. Footage posted on 3 Dec shows a column of Russian tanks moving toward "
     "Kupiansk.", None),
    ("War in Syria. On Tuesday, Turkish troops pushed further into the countryside, entering the "
     "village of Tal Tamr, where residents said shops were shut.", "residents"),
])
def test_a_time_or_a_date_is_no_source_and_a_clause_word_is_not_its_name(
        text: str, observer: str | None) -> None:
    assert [m.observed_by for m in sitrep.process(text).movements] == [observer]


def test_a_dateline_the_parser_takes_for_the_subject_is_no_source() -> None:
    doc = sitrep.process("KHARTOUM, Aug 4 - Sudan's army said on Sunday its troops had entered "
                         "the town of Sinja after heavy fighting.")
    assert [m.observed_by for m in doc.movements] == ["Sudan's army"]


def test_a_leading_date_is_no_part_of_a_name() -> None:
    from sitrep.dates import without_leading_date

    assert without_leading_date("June 2 - Ukraine's navy") == "Ukraine's navy"
    assert without_leading_date("4 Aug, the army") == "the army"
    assert without_leading_date("May Ali") == "May Ali"


def test_a_monitor_writing_in_the_first_person_observed_what_it_reports() -> None:
    text = ("Sahel Watch | Weekly movements digest\n\n"
            "This digest is compiled by our network of local contacts; we have geolocated every "
            "video cited below.\n\n"
            "A column of Malian army trucks left Gao on Monday and reached Bourem the next day. "
            "Later in the week, two armoured vehicles were seen heading north toward Kidal.")
    doc = sitrep.process(text)
    assert doc.movements
    assert {m.observed_by for m in doc.movements} == {"Sahel Watch"}


def test_a_report_without_a_first_person_observer_keeps_its_own_sources() -> None:
    text = ("Sahel Watch | Weekly movements digest\n\n"
            "A column of Malian army trucks left Gao on Monday and reached Bourem the next day.")
    assert [m.observed_by for m in sitrep.process(text).movements] == [None]


def test_a_bulletin_titled_with_its_issuer_observed_what_it_reports() -> None:
    text = ("Briefing by the Ministry of Defence of Armenia on the situation at the border\n\n"
            "Azerbaijani units moved two artillery batteries toward Jermuk overnight. Columns of "
            "trucks were also seen heading for the Sotk area.")
    doc = sitrep.process(text)
    assert doc.movements
    assert {m.observed_by for m in doc.movements} == {"Ministry of Defence of Armenia"}

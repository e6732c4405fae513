"""How the movements of one article are put together: which rule findings stand, and when two
tellings are one event. Sentences written fresh for these mechanisms."""

from __future__ import annotations

from functools import lru_cache

import sitrep
from sitrep.config import Config
from sitrep.extract.movements.model import VETO_BELOW, load
from sitrep.records import Document


@lru_cache(maxsize=16)
def run(text: str) -> Document:
    return sitrep.process(text)


def test_a_trigger_in_a_sentence_the_model_all_but_rules_out_is_no_movement() -> None:
    text = ("Fighter jets and naval vessels appear often in the video game, which lets players "
            "send troops across a map.")
    doc = run(text)
    model = load()
    assert model is not None and model.p_movement(text) < VETO_BELOW
    rules_alone = sitrep.process(text, config=Config(movement_model=False))
    assert [m.rule for m in rules_alone.movements] == ["move-send"]
    assert doc.movements == []


def test_a_movement_the_model_backs_is_kept_by_the_veto() -> None:
    text = "Two companies of Kenyan police were flown to Port-au-Prince on Friday, officials said."
    doc = run(text)
    model = load()
    assert model is not None and not model.rules_out(text)
    assert [m.destination.mention for m in doc.movements if m.destination] == ["Port-au-Prince"]


def test_two_numbered_formations_told_alike_are_two_movements() -> None:
    doc = run("The army said on Monday that its 41st Brigade had been sent to the Kharkiv "
              "region to hold the line.\n\nA day later the 12th Brigade was also sent to the "
              "Kharkiv region, a spokesman said.")
    assert len(doc.movements) == 2
    assert all(m.destination and m.destination.mention.startswith("Kharkiv")
               for m in doc.movements)


def test_one_formation_told_twice_is_still_one_movement() -> None:
    doc = run("The army said on Monday that its 41st Brigade had been sent to the Kharkiv "
              "region to hold the line.\n\nThe 41st Brigade was sent to the Kharkiv region "
              "after heavy losses there, a spokesman said.")
    assert len(doc.movements) == 1


def test_elements_of_a_force_move_like_troops() -> None:
    doc = run("The SAF has pulled elements back from Kadugli to the outskirts of Dilling, "
              "the army's spokesman said on Tuesday.")
    assert len(doc.movements) == 1
    mov = doc.movements[0]
    assert mov.equipment == ["troops"]
    assert mov.origin is not None and mov.origin.mention == "Kadugli"


def test_a_place_pulled_out_of_or_a_part_of_is_a_place() -> None:
    doc = run("Kurdish fighters pulled out of Manbij overnight. By dawn soldiers held the "
              "northern part of Tabqa, the monitor said.")
    assert {"Manbij", "Tabqa"} <= {p.mention for p in doc.places}


def test_tellings_with_no_place_that_share_only_side_and_status_stay_apart() -> None:
    # the next sentence, the same side, the same status and no place: nothing says they are one
    doc = run("Ethiopian army units were deployed overnight, the regional government said. "
              "Ethiopian tanks and artillery were deployed as well, residents said.")
    assert len(doc.movements) == 2
    assert {m.actor for m in doc.movements} == {"Ethiopia"}


def test_a_numbered_formation_is_no_side_its_army_is() -> None:
    doc = run("Soldiers of the 14th Mechanised Brigade moved into Dilling on Sunday, the "
              "Sudanese army said.")
    assert [m.actor for m in doc.movements] == ["Sudan"]


def test_an_aircraft_type_the_tagger_calls_an_organisation_is_no_side() -> None:
    # the small model tags "Su-34" and "Su-24" ORG here: they say what flew, not whose it is
    for text in ("Russia has moved Su-34 bombers to Millerovo airbase, satellite images show.",
                 "Moscow has moved Su-24 bombers to the Morozovsk airfield, images from Maxar "
                 "show."):
        assert [m.actor for m in run(text).movements] == ["Russia"], text


def test_a_town_a_force_came_from_is_not_its_owner() -> None:
    # the tagger takes "Belgorod" for an organisation in the force's "from" phrase
    doc = run("Russian forces likely transferred elements of the 20th Army from Belgorod to the "
              "Kupiansk direction.")
    assert [m.actor for m in doc.movements] == ["Russia"]


def test_federal_or_government_forces_belong_to_the_country_they_move_in() -> None:
    for text, side in (("Federal troops arrived in Jowhar on Friday after a two-day drive, a "
                        "district official said.", "Somalia"),
                       ("Government forces withdrew from Kidal overnight, leaving the town to "
                        "the rebels, residents said.", "Mali")):
        assert [m.actor for m in run(text).movements] == [side], text


def test_unnamed_watchers_and_pictures_are_the_movement_s_source() -> None:
    cases = (("Two Russian corvettes sailed through the Great Belt toward Kaliningrad, Danish "
              "ship spotters said.", "Danish ship spotters"),
             ("A column of Ethiopian tanks crossed into Tigray near Alamata, according to "
              "footage filmed by villagers.", "footage"),
             ("Kenyan police officers arrived in Port-au-Prince on Friday to join the mission, "
              "the commander said.", "commander"),
             ("Malian army units pulled back from Kidal, according to local elders.",
              "local elders"))
    for text, source in cases:
        assert [m.observed_by for m in run(text).movements] == [source], text


def test_a_naval_group_is_ships_and_air_forces_are_aircraft() -> None:
    for text, kind in (("A Chinese naval group sailed through the Miyako Strait on Tuesday, "
                        "Japan's defence ministry said.", ["warships"]),
                       ("Iranian naval forces were deployed to the Gulf of Oman, state media "
                        "said.", ["warships"]),
                       ("Russian naval infantry landed near Kherson overnight, the Ukrainian "
                        "army said.", ["troops"])):
        assert [m.equipment for m in run(text).movements] == [kind], text


def test_they_in_a_speakers_quotation_are_the_other_side() -> None:
    for text in ("Russian troops have left the base at Tartus, the monitor said. A spokesman "
                 "for the Turkish navy said: 'They are moving ships out of Syria every week.'",
                 "Russian troops have left Tartus. \"They are moving ships out of Syria every "
                 "week,\" a Turkish navy spokesman said."):
        assert [m.actor for m in run(text).movements] == ["Russia", "Russia"], text
    # told, not quoted, "they" is the speaker's own: "the army said they had moved…"
    doc = run("The Sudanese army said they had moved two brigades to Kosti.")
    assert [m.actor for m in doc.movements] == ["Sudan"]


def test_pictures_credited_through_a_participle_name_their_provider() -> None:
    for text, source in (("New satellite images provided by Planet Labs show a long Sudanese army "
                          "convoy south of Kosti.", "Planet Labs"),
                         ("Images released by the Indian army on Monday show Chinese troops "
                          "pulling back from the Galwan valley.", "Indian army")):
        assert [m.observed_by for m in run(text).movements] == [source], text


def test_forces_that_watch_wait_or_stay_are_no_movement_the_model_reads() -> None:
    for stays in ("Our brigades are watching every road along the border, the spokesman said.",
                  "Government troops remained in their barracks in Kidal on Monday, residents "
                  "said.",
                  "Malian troops maintained their positions around Kidal, the army said."):
        doc = run("Rebel fighters crossed into Kidal overnight, the monitor said.\n\n" + stays)
        assert [m.rule for m in doc.movements] == ["move-cross"], stays


def test_a_movement_told_through_said_it_had_is_not_vetoed() -> None:
    # pronouns and auxiliaries are no words of the model: "X said it had sent…" is read as
    # what was sent, not as the way the corpus happens to phrase its negatives
    model = load()
    assert model is not None
    for text in ("The Malian army said it had sent three companies to Gao.",
                 "Officials said they had flown two battalions to Goma overnight."):
        assert not model.rules_out(text), text
        assert "it had" not in model.vector(text) and "they" not in model.vector(text)
    doc = run("War in Mali. The Malian army said it had sent three companies to Gao.")
    assert [(m.actor, m.destination.mention if m.destination else None)
            for m in doc.movements] == [("Mali", "Gao")]


def test_a_headline_that_counts_another_force_tells_another_movement() -> None:
    doc = run("Sixty tanks seen moving toward Kupiansk\n\nUkrainian officials said on Tuesday that "
              "some 200 Russian tanks had been moved toward Kupiansk over the past month.")
    assert len(doc.movements) == 2

"""Movements of forces, on sentences written for the project (places given by hand, so the
rules are tested apart from the geo stage)."""

from __future__ import annotations

from sitrep.extract.movements import find_movements
from sitrep.records import Document, Movement, Place
from tests.extract.parsed import parsed_doc

# mention -> (lat, lon, kind)
GAZETTEER = {
    "Izyum": (49.21, 37.28, "city"), "Kharkiv": (49.99, 36.23, "city"),
    "Kherson": (46.64, 32.61, "city"), "Chuhuiv": (49.84, 36.69, "city"),
    "Chernihiv": (51.50, 31.30, "city"),
    "Minsk": (53.90, 27.57, "city"), "Brest": (52.10, 23.70, "city"),
    "Crimea": (45.0, 34.0, "region"), "Ukraine": (49.0, 32.0, "country"),
    "Belarus": (53.0, 28.0, "country"), "Miyako Strait": (24.9, 125.6, "strait"),
    "Baltic Sea": (58.0, 20.0, "sea"), "Gotland": (57.5, 18.5, "region"),
}


def make_doc(text: str) -> Document:
    """Clean text = raw text, parsed, with every gazetteer name found in it as a place."""
    doc = parsed_doc(text)
    for name, (lat, lon, kind) in GAZETTEER.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            doc.places.append(Place(name, start, end, name=name, lat=lat, lon=lon, kind=kind,
                                    clean_start=start, clean_end=end))
            start = text.find(name, end)
    doc.places.sort(key=lambda p: p.clean_start)
    return doc


def moves(text: str) -> list[Movement]:
    return find_movements(make_doc(text))


def where(m: Movement) -> str | None:
    p = m.destination or m.location or m.origin
    return p.mention if p else None


def test_movements_link_towards_to_the_destination() -> None:
    (m,) = moves("A Russian convoy was seen heading towards the town of Izyum, the Pentagon said.")
    assert (m.actor, m.status, m.destination and m.destination.mention) == \
        ("Russia", "en_route", "Izyum")
    assert m.observed_by == "Pentagon"


def test_movements_read_from_and_to_as_origin_and_destination() -> None:
    (m,) = moves("Belarusian troops were redirected from Minsk towards Brest on Friday, "
                 "Poland's defence ministry said.")
    assert m.origin and m.origin.mention == "Minsk"
    assert m.destination and m.destination.mention == "Brest"
    assert m.actor == "Belarus"
    assert m.observed_by == "Poland's defence ministry"


def test_movements_take_the_side_that_withdraws_as_actor() -> None:
    (m,) = moves("Moscow withdrew from the area around Kherson last week.")
    assert (m.actor, m.status) == ("Russia", "withdrawing")
    assert m.origin is not None and m.origin.mention == "Kherson"


def test_movements_take_the_leader_s_country_as_actor() -> None:
    (m,) = moves("Putin amassed 20,000 men in Crimea last winter.")
    assert (m.actor, m.status, where(m)) == ("Russia", "massing", "Crimea")


def test_movements_read_reaching_the_outskirts_as_arriving_there() -> None:
    # the place reached is the outskirts: the force has arrived at the edge of the town
    (m,) = moves("A column of Russian tanks has reached the outskirts of Chernihiv.")
    assert (m.status, where(m)) == ("arrived", "Chernihiv")
    assert "tanks" in m.equipment


def test_movements_read_moving_into_positions_as_deployed() -> None:
    (m,) = moves("A Belarusian artillery battalion moved into positions near Brest overnight, "
                 "Polish officials said.")
    assert (m.status, where(m)) == ("deployed", "Brest")


def test_movements_read_passing_through_a_strait_as_transit() -> None:
    (m,) = moves("Two Chinese warships passed through the Miyako Strait on Sunday, "
                 "according to satellite images from Maxar Technologies.")
    assert (m.actor, m.status, where(m)) == ("China", "transiting", "Miyako Strait")
    assert m.equipment == ["warships"]
    assert m.observed_by == "Maxar Technologies"


def test_movements_skip_what_could_happen() -> None:
    assert moves("Russia could send more troops to Belarus next month.") == []


def test_movements_skip_what_someone_calls_for() -> None:
    assert moves("France called for Russia to withdraw its troops from Ukraine.") == []


def test_movements_skip_denied_movements() -> None:
    assert moves("No Russian troops have entered Kharkiv, the governor said.") == []


def test_movements_skip_words_that_only_look_like_movement() -> None:
    assert moves("Tanks are seen as key to taking territory in Ukraine.") == []


def test_movements_do_not_place_a_force_in_the_country_whose_border_it_is_on() -> None:
    (m,) = moves("Russia has massed troops on Ukraine's border.")
    assert m.status == "massing"
    assert where(m) is None


def test_movements_tell_a_headline_and_its_story_once() -> None:
    text = ("Russian convoy heads for Kharkiv\n"
            "A Russian military convoy was heading for Kharkiv on Sunday, the ministry said.")
    (m,) = moves(text)
    assert where(m) == "Kharkiv"
    assert m.evidence.text.startswith("A Russian military convoy")


def test_movements_keep_two_transits_on_different_days_apart() -> None:
    text = ("Five Russian warships passed through the Baltic Sea on Monday. "
            "On Thursday, three Russian warships passed through the Baltic Sea again.")
    assert len(moves(text)) == 2


def test_movements_read_a_sighting_with_its_place() -> None:
    (m,) = moves("A group of Russian soldiers had been spotted in Izyum on Wednesday, "
                 "Ukraine's military intelligence said.")
    assert (m.actor, m.status, where(m)) == ("Russia", "deployed", "Izyum")
    assert m.observed_by == "Ukraine's military intelligence"


def test_movements_find_the_place_a_where_clause_points_at() -> None:
    (m,) = moves("The photos show Gotland, where Swedish troops have deployed.")
    assert (m.actor, m.status, where(m)) == ("Sweden", "deployed", "Gotland")


def test_movement_evidence_points_at_the_raw_sentence() -> None:
    doc = make_doc("Heavy rain fell. Ukrainian troops advanced towards Kherson on Monday.")
    (m,) = find_movements(doc)
    assert doc.raw_text[m.evidence.start:m.evidence.end] == m.evidence.text
    assert m.evidence.text == "Ukrainian troops advanced towards Kherson on Monday."
    assert m.rule.startswith("move-") and 0 < m.confidence <= 1


def test_movements_resolve_a_weekday_against_the_publication_date() -> None:
    doc = make_doc("Ukrainian troops advanced towards Kherson on Monday.")
    doc.source.published = "2022-11-10"  # a Thursday
    (m,) = find_movements(doc)
    assert m.date == "2022-11-07"


def test_movements_give_an_unowned_force_the_article_s_side() -> None:
    text = ("Russian troops advanced towards Izyum on Monday. "
            "Later that week the rebels pushed towards Kharkiv.")
    assert [m.actor for m in moves(text)] == ["Russia", "Russia"]


def test_movements_skip_civilian_traffic() -> None:
    assert moves("An aircraft travelling from Minsk to Brest burns a lot of fuel.") == []


def test_a_destination_is_not_also_the_location() -> None:
    import sitrep

    doc = sitrep.process("A Sudanese army column is heading towards the town of Bara, "
                         "residents said.")
    assert len(doc.movements) == 1
    m = doc.movements[0]
    assert m.destination is not None and m.destination.mention == "Bara"
    assert m.location is None


def test_movements_read_a_sent_force_s_to_phrase_as_its_destination() -> None:
    # spaCy labels "to" after a verb of giving or sending a dative, not a preposition
    (m,) = moves("Warsaw sent 300 troops to Belarus on Tuesday, officials said.")
    assert m.destination is not None and m.destination.mention == "Belarus"
    assert m.location is None


def test_movements_read_the_place_a_force_left_as_its_origin() -> None:
    (m,) = moves("Ukrainian marines left Kherson before dawn on Sunday, a commander said.")
    assert (m.status, m.origin and m.origin.mention) == ("withdrawing", "Kherson")
    assert m.location is None


def test_movements_tell_an_aircraft_carrier_from_a_personnel_carrier() -> None:
    (ship,) = moves("The carrier strike group left the Baltic Sea on Monday, the navy said.")
    assert ship.equipment == ["warships"]
    assert ship.origin is not None and ship.origin.mention == "Baltic Sea"
    (apc,) = moves("Dozens of armoured personnel carriers rolled into Kharkiv on Friday.")
    assert "armored_vehicles" in apc.equipment and "warships" not in apc.equipment


def test_movements_forecast_to_send_is_no_movement_but_expected_arrival_is_en_route() -> None:
    assert moves("Minsk is expected to send another 5,000 troops to Brest by the spring, "
                 "analysts said.") == []
    (m,) = moves("A second Belarusian battalion is expected to arrive in Brest on Thursday.")
    assert m.status == "en_route"
    (done,) = moves("The Belarusian brigade is expected to have crossed into Ukraine overnight.")
    assert done.actor == "Belarus"


def test_movements_told_in_the_next_sentence_keep_the_report_s_observer() -> None:
    text = ("Two Russian corvettes sailed into the Baltic Sea on Friday, Sweden's navy said.\n"
            "A Russian submarine then sailed towards Gotland on Saturday.\n"
            "Fuel prices rose sharply in Minsk over the weekend.\n"
            "Belarusian troops moved to Brest on Sunday.")
    first, second, third = moves(text)
    assert first.observed_by == "Sweden's navy"
    assert second.observed_by == "Sweden's navy"  # the next paragraph, no source of its own
    assert third.observed_by is None  # after a sentence on something else: not the navy's


def test_movements_observer_is_an_official_described_by_whom_they_speak_for() -> None:
    text = ("Belarusian troops have moved closer to Brest, a senior Polish military official "
            "said on Monday.\n"
            "Markets in Warsaw were calm.\n"
            "Two battalions also arrived in Minsk, the official said.")
    first, second = moves(text)
    assert first.observed_by == "senior Polish military official"
    assert second.observed_by == "senior Polish military official"  # "the official" above
    (bare,) = moves("Belarusian troops have moved closer to Brest, an official said.")
    assert bare.observed_by == "official"  # unnamed and of no one said, but the source
    (unit,) = moves("Two Belarusian battalions have left Minsk, a brigade spokesman told "
                    "reporters.")
    assert unit.observed_by == "brigade spokesman"


def test_movements_to_two_towns_a_few_dozen_km_apart_are_two_events() -> None:
    text = ("Russian troops arrived in Kharkiv on Monday, the governor said.\n"
            "Officials met in the capital.\n"
            "Russian troops also arrived in Chuhuiv, residents said.")
    assert [where(m) for m in moves(text)] == ["Kharkiv", "Chuhuiv"]


def test_movements_observer_is_an_unnamed_source_after_according_to() -> None:
    (first,) = moves("A column of army trucks was seen leaving Kindu at dawn, according to "
                     "residents.")
    assert first.observed_by == "residents"
    (second,) = moves("Militia fighters moved into the market town of Beni overnight, "
                      "according to a local administrator.")
    assert second.observed_by == "local administrator"
    (third,) = moves("Two Ghanaian patrol boats were sent to the Volta estuary on Monday, "
                     "officials said.")
    assert third.observed_by == "officials"


def test_a_force_kept_somewhere_is_no_movement_but_sending_it_is() -> None:
    assert moves("About 1,200 Dutch soldiers are stationed at the base near Rukla, the "
                 "ministry said.") == []
    assert moves("Turkish troops have been stationed in northern Iraq since the operation "
                 "began in 2019.") == []
    (sent,) = moves("A further 300 Belgian soldiers were stationed in Romania on Tuesday, the "
                    "defence ministry said.")
    assert sent.actor == "Belgium"


def test_a_force_being_moved_is_on_its_way_one_that_was_moved_is_in_place() -> None:
    (going,) = moves("About 2,000 Chechen fighters are being transferred from Grozny to the "
                     "Kursk front, Ukrainian intelligence said.")
    assert going.status == "en_route"
    (done,) = moves("Two Ukrainian brigades were moved to Pokrovsk last month, the general "
                    "staff said.")
    assert done.status == "deployed"


def test_movements_take_the_source_a_trailing_report_clause_names() -> None:
    # the small parser hangs ", X reported on Sunday" on the place, not on the movement's verb
    (m,) = moves("Belarusian troops withdrew from Brest, Poland's border guard reported on "
                 "Sunday.")
    assert m.observed_by == "Poland's border guard"
    (m,) = moves("According to a report by the Lithuanian defence ministry, Belarusian units "
                 "moved toward Brest.")
    assert m.observed_by == "Lithuanian defence ministry"


def test_movements_take_the_name_right_before_a_speech_verb_that_lost_its_subject() -> None:
    (m,) = moves("Speaking to reporters in Geneva, the head of the OSCE mission in Ukraine "
                 "Karl Lindqvist said Russian columns had entered Izyum.")
    assert m.observed_by == "Karl Lindqvist"


def test_movements_give_a_formation_no_side_names_to_the_armed_force_that_reports_it() -> None:
    (m,) = moves("The PLA said the 73rd Group Army had been moved from Minsk to Brest.")
    assert (m.observed_by, m.actor) == ("PLA", "China")


def test_movements_skip_every_verb_of_a_list_a_modal_opens() -> None:
    # "will" governs the whole list, however the parser hangs its middle verbs
    assert moves("Since Monday, analysts have predicted that retreating Russian forces will "
                 "regroup, resupply and reinforce the units in Belarus and return to Ukraine.") \
        == []


def test_movements_read_bound_for_as_the_destination() -> None:
    (m,) = moves("Belarusian trucks left Minsk bound for Brest on Monday, residents said.")
    assert (m.origin and m.origin.mention, m.destination and m.destination.mention) == \
        ("Minsk", "Brest")
    (m,) = moves("A Belarusian convoy bound for Brest left Minsk on Monday.")
    assert (m.origin and m.origin.mention, m.destination and m.destination.mention) == \
        ("Minsk", "Brest")


def test_movements_read_forces_rushed_to_a_place() -> None:
    (m,) = moves("Kyiv rushed two reserve brigades to Izyum overnight, the General Staff said.")
    assert (m.status, m.actor, where(m)) == ("deployed", "Ukraine", "Izyum")
    assert moves("Firefighters rushed to the scene of the blast in Kharkiv.") == []


def test_movements_take_bulldozers_for_a_force_only_when_their_words_say_so() -> None:
    (m,) = moves("Russian armoured bulldozers entered Izyum at dawn, residents said.")
    assert (m.actor, where(m)) == ("Russia", "Izyum")
    assert moves("During the war, bulldozers arrived in Kharkiv to clear the rubble.") == []


def test_movements_take_a_ship_s_owner_from_the_name_set_beside_it() -> None:
    (m,) = moves("The destroyer USS Mason transited the Miyako Strait on Friday, officials said.")
    assert m.actor == "United States"


def test_movements_give_what_a_convoy_holds_to_the_convoy_s_owner() -> None:
    (m,) = moves("A Belarusian convoy of about 30 trucks crossed into Ukraine near Chernihiv.")
    assert m.actor == "Belarus"


def test_movements_tell_one_group_counted_alike_once() -> None:
    found = moves("Five Russian warships were seen sailing through a strait near Gotland on "
                  "Monday. The five destroyers and frigates later passed the Miyako Strait.")
    assert len(found) == 1
    found = moves("Five Russian warships sailed past Gotland on Monday. Two Russian frigates "
                  "passed the Miyako Strait.")
    assert len(found) == 2


def test_movements_read_a_landing_ship_as_a_ship_not_a_landing() -> None:
    (m,) = moves("Swedish radar first spotted three Russian tank landing ships about 40 kilometres "
                 "east of Gotland on Monday.")
    assert (m.status, m.actor) == ("deployed", "Russia")


def test_movements_give_the_army_to_the_side_whose_army_the_article_named() -> None:
    (m,) = moves("Belarus's army said it had finished its drills. The army's 6th Brigade was "
                 "moved from Minsk to Brest on Friday.")
    assert m.actor == "Belarus"


def test_movements_read_the_places_of_a_journey_however_the_parser_hangs_them() -> None:
    (m,) = moves("Belarusian forces relocated helicopters from Minsk to Brest on Monday.")
    assert (m.origin and m.origin.mention, m.destination and m.destination.mention) == \
        ("Minsk", "Brest")
    (m,) = moves("Belarusian reinforcements travelled by rail from Minsk to Brest on Monday.")
    assert m.origin is not None and m.origin.mention == "Minsk"
    (m,) = moves("The Belarusian army moved its 6th Brigade out of Minsk and into Brest.")
    assert (m.origin and m.origin.mention, m.destination and m.destination.mention) == \
        ("Minsk", "Brest")


def test_movements_read_launchers_moved_as_a_force() -> None:
    (m,) = moves("Belarus moved Polonez rocket launchers to Brest last week, Polish officials "
                 "said.")
    assert (m.actor, where(m)) == ("Belarus", "Brest")


def test_movements_read_a_flight_to_a_place_as_arriving_there() -> None:
    (m,) = moves("Belarusian fighter jets were flown to Brest last week, a diplomat said.")
    assert (m.status, where(m)) == ("arrived", "Brest")
    (m,) = moves("Belarusian fighter jets flew over Brest on Monday.")
    assert m.status == "transiting"


def test_movements_read_military_instructors_as_a_force() -> None:
    (m,) = moves("The first Belarusian instructors landed in Minsk on Thursday.")
    assert (m.actor, where(m)) == ("Belarus", "Minsk")


def test_movements_read_call_ups_minesweepers_gunboats_and_military_trains() -> None:
    (m,) = moves("Two reserve brigades were called up and moved to Brest on Friday, the army said.")
    assert where(m) == "Brest"
    for text in ("Two Russian minesweepers began a patrol in the Baltic Sea on Monday.",
                 "Russian gunboats moved north along the coast toward Gotland on Monday.",
                 "A Russian military train crossed Belarus on its way to Brest on Monday."):
        assert len(moves(text)) == 1, text
    assert moves("A passenger train crossed Belarus on its way to Brest on Monday.") == []


def test_movements_read_the_side_of_a_place_as_where_it_lies_not_where_a_force_goes() -> None:
    (m,) = moves("Belarusian troops pulled out of Brest on the western side of Belarus, the "
                 "border guard said.")
    assert (m.origin and m.origin.mention, m.destination) == ("Brest", None)

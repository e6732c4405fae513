"""Kinds of place beyond plain town names: sectors and directions, townships, facilities,
regions written with a demonym or a direction, and the guards that keep words out.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.facilities import FACILITY_TOWN
from tests.geo.helpers import by_mention, near, places_of


def test_a_sector_names_its_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Troops traded fire across the Kotli sector on Sunday, Pakistan's army said."))
    assert "Kotli" in got and near(got["Kotli"], 33.52, 73.90, 30)


def test_a_direction_names_its_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "The assault went on in the Pokrovsk direction, Ukraine's general staff said."))
    assert "Pokrovsk" in got and near(got["Pokrovsk"], 48.28, 37.18, 30)


def test_a_township_after_its_state_is_found(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Fighting spread on Friday to Kachin State's Bhamo township, where the "
                  "garrison held out."))
    assert "Bhamo township" in got and near(got["Bhamo township"], 24.25, 97.23, 30)


def test_a_demonym_picks_the_country_of_a_shared_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    indian = by_mention(places_of(pipeline, "Militants attacked a police post in Indian Punjab."))
    pakistani = by_mention(places_of(pipeline, "Floods swept through Pakistani Punjab."))
    assert indian["Punjab"].country == "IN" and pakistani["Punjab"].country == "PK"


def test_a_demonym_before_a_site_word_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Officials in an English city said the poison was found on a door handle."))
    assert not any(m.startswith("English") for m in got)


def test_a_lower_case_direction_only_describes_the_region(pipeline) -> None:  # type: ignore[no-untyped-def]
    places = places_of(pipeline, "Clashes erupted in the country's western Darfur region, aid "
                                 "groups in Sudan said.")
    assert not any(p.mention.lower().startswith("western") for p in places)
    assert any(p.name == "Darfur" for p in places)


def test_an_airbase_the_gazetteer_lacks_stands_at_its_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Drones struck the Millerovo airbase in Russia's Rostov region, the governor "
                  "said."))
    base = got["Millerovo airbase"]
    assert base.kind == "facility" and base.resolved_by == FACILITY_TOWN
    assert near(base, 48.93, 40.40, 20)
    assert "Rostov region" in got and got["Rostov region"].kind != "city"


def test_a_facility_is_placed_by_its_own_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Officials in Moscow kept silent about the night. In southern Ukraine, footage "
            "showed the Kakhovka Dam, near the town of Nova Kakhovka, had been breached.")
    got = by_mention(places_of(pipeline, text))
    assert near(got["Kakhovka Dam"], 46.76, 33.37, 40)  # not at Moscow, named first


def test_an_owner_word_is_not_part_of_a_facility_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Jets were parked at Belarus' Baranovichi Airfield, near the town of Baranovichi."
    mentions = {p.mention for p in places_of(pipeline, text)}
    assert "Baranovichi Airfield" in mentions and "Belarus' Baranovichi Airfield" not in mentions


def test_a_demarcation_line_in_lower_case_is_a_line(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Two soldiers died near the line of control, Pakistan's army said."))
    line = got["line of control"]
    assert line.kind == "line" and near(line, 34.0, 74.3, 150)


def test_a_line_needs_a_document_about_its_countries(pipeline) -> None:  # type: ignore[no-untyped-def]
    war = by_mention(places_of(
        pipeline, "Artillery hit hills near the Blue Line, the border Lebanon has with Israel."))
    transit = by_mention(places_of(
        pipeline, "Take the Blue Line from the airport to downtown Chicago, the agency said."))
    chart = by_mention(places_of(
        pipeline, "A blue line on the chart showed the company's sales rising in Chicago."))
    assert war["Blue Line"].kind == "line"
    assert "Blue Line" not in transit and "blue line" not in chart


def test_a_line_of_a_country_whose_people_the_article_names_is_a_line(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Indian and Chinese patrols scuffled on the Line of Actual Control overnight."))
    assert got["Line of Actual Control"].kind == "line"


def test_a_river_in_lower_case_is_found_in_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Ukrainian units crossed the oskil river east of Kupiansk in Ukraine."))
    assert got["oskil river"].kind == "river"


def test_region_words_choose_the_region(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "The militia took a market town in North Kordofan state, and shelling went "
                  "on in the capital of North Darfur state, Sudan's army said."))
    assert got["North Kordofan state"].kind == "admin1"
    assert got["North Darfur state"].kind == "admin1"
    assert near(got["North Darfur state"], 16.3, 24.9, 100)


def test_a_small_dateline_town_with_its_state_is_found(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "PLEASANTON, Calif. -- A firm that tracks cold chains said on Monday it had "
                  "raised money."))
    assert "PLEASANTON" in got and got["PLEASANTON"].country == "US"
    assert near(got["PLEASANTON"], 37.66, -121.87, 30)  # the Californian one, not the others


def test_the_river_takes_the_article_the_city_does_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    river = by_mention(places_of(
        pipeline, "The brigade fell back to the left bank of the Dnipro after a week of rain."))
    city = by_mention(places_of(pipeline, "Missiles hit Dnipro overnight, its mayor said."))
    assert river["Dnipro"].kind == "river" and city["Dnipro"].kind == "city"


def test_towns_named_like_words_need_a_place_of_their_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    words = {p.mention for p in places_of(
        pipeline, "Officials said Mobile phone networks were down and the Bar association had "
                  "protested in Kyiv since March. Commanders called the gains Nice but warned "
                  "of a Split in the coalition, a spokesman in Kharkiv said in May.")}
    towns = by_mention(places_of(
        pipeline, "Troops from Mobile, Alabama, and a unit from Split, Croatia, joined the drill."))
    assert not words & {"Mobile", "Bar", "Nice", "Split", "March", "May"}
    assert towns["Mobile"].country == "US" and towns["Split"].country == "HR"


def test_the_focus_country_pulls_a_small_town_over_a_bigger_namesake(pipeline) -> None:  # type: ignore[no-untyped-def]
    ukraine = by_mention(places_of(
        pipeline, "Ukrainian officials said shelling damaged houses in Zelenodolsk overnight, "
                  "near Kryvyi Rih and Nikopol."))
    russia = by_mention(places_of(
        pipeline, "Workers in Zelenodolsk, near Kazan in Russia, launched a new patrol ship."))
    assert ukraine["Zelenodolsk"].country == "UA"  # a town of 13,000 beats one of 100,000
    assert russia["Zelenodolsk"].country == "RU"


def test_small_towns_listed_after_a_cue_are_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Fighting raged in Bakhmut, Soledar, Bilohorivka and Marinka on Tuesday."))
    assert {"Soledar", "Bilohorivka", "Marinka"} <= set(got)
    assert all(got[m].country == "UA" for m in ("Soledar", "Bilohorivka", "Marinka"))


def test_a_welsh_county_after_its_town_is_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Flooding closed the road near Llanidloes, Powys, on Sunday, the council said."))
    assert "Powys" in got and near(got["Powys"], 52.3, -3.4, 80)


def test_front_line_towns_named_as_subjects_are_found(pipeline) -> None:  # type: ignore[no-untyped-def]
    # no "in" or "near" before them, and the tagger reads them as people or buildings: the
    # words of the document itself must not count as words of English
    got = by_mention(places_of(
        pipeline, "Commanders said on Friday that Avdiivka had held for another week and that "
                  "Vuhledar was being evacuated."))
    assert "Avdiivka" in got and near(got["Avdiivka"], 48.14, 37.75, 30)
    assert "Vuhledar" in got


def test_an_english_word_that_is_also_a_town_stays_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Troops said the Summit talks would reach nowhere, and the commander agreed."))
    assert "Summit" not in got


def test_a_numbered_road_is_a_road_not_the_building_beside_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "A lorry overturned on the A38 near Taunton on Friday, and the driver was "
                  "taken to Musgrove Park Hospital."))
    assert got["A38"].kind == "road" and got["Musgrove Park Hospital"].kind == "facility"


def test_a_full_stop_ends_a_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Wales. Engineers" is no name of two words around a full stop: Wales is the region
    got = by_mention(places_of(
        pipeline, "Gales brought down power lines across West Wales. Engineers from Cardiff "
                  "worked through the night."))
    assert "Wales" in got and got["Wales"].kind == "region"


def test_straits_spits_and_gaps_of_the_baltic_and_black_sea_fronts_are_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("A Russian corvette sailed through the Fehmarn Belt and the Great Belt, while NATO "
            "armour drilled near the Suwalki Gap and Ukrainian marines raided the Arabat Spit.")
    found = by_mention(places_of(pipeline, text))
    assert (found["Fehmarn Belt"].kind, found["Great Belt"].kind) == ("strait", "strait")
    assert near(found["Suwalki Gap"], 54.1, 23.2, 50)
    assert found["Arabat Spit"].country == "UA"


@pytest.mark.parametrize(("text", "mention"), [
    ("A barge carrying soldiers sank on the Niger River near Gao, the army said.", "Niger River"),
    ("Refugees crossed the Congo River from Kinshasa to Brazzaville by canoe.", "Congo River"),
])
def test_a_river_named_after_a_country_is_the_river(pipeline, text: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    found = by_mention(places_of(pipeline, text))
    assert found[mention].kind == "river" and "Niger" not in found and "Congo" not in found

"""Places the gazetteer lacks, found by the words that introduce them and placed at the place
named nearest to them. Every sentence here was written for these tests; the made-up names
("Velykobrid", "Korsunske", "Zarichnobrid") are in no gazetteer."""

from __future__ import annotations

from sitrep.geo.unlisted import UNLISTED
from tests.geo.helpers import by_mention, near, places_of


def test_the_village_of_an_unlisted_name_stands_at_its_region(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Russian troops seized the village of Velykobrid in the Zaporizhzhia region, "
                  "officials in Kyiv said."))
    village = got["Velykobrid"]
    assert village.resolved_by == UNLISTED and village.kind == "village"
    assert near(village, 47.5, 35.5, 60)  # at the region its sentence names, not at Kyiv


def test_a_direction_and_outskirts_name_unlisted_settlements(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Ukraine's army held its lines in the Korsunske direction and near the outskirts of "
            "Zarichnobrid, both a short drive from Kramatorsk.")
    got = by_mention(places_of(pipeline, text))
    assert {"Korsunske", "Zarichnobrid"} <= set(got)
    assert near(got["Korsunske"], 48.72, 37.56, 30) and near(got["Zarichnobrid"], 48.72, 37.56, 30)


def test_a_camp_keeps_its_word_and_a_demonym_stays_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Shells landed in the Wadi Zarichnobrid Palestinian refugee camp near Sidon."))
    assert "Wadi Zarichnobrid" in got and not any("Palestinian" in m for m in got)
    assert near(got["Wadi Zarichnobrid"], 33.56, 35.37, 30)


def test_a_country_after_an_unlisted_name_places_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "The column reached Velykobrid, Ukraine, before dawn."))
    assert "Velykobrid" in got and got["Velykobrid"].country == "UA"


def test_an_unlisted_shoal_after_a_cue_is_a_feature(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Coast guard ships blocked boats at Scarborough Shoal and Zarichnobrid Shoal in "
                  "the South China Sea."))
    assert got["Zarichnobrid Shoal"].kind == "shoal"
    assert near(got["Zarichnobrid Shoal"], 15.15, 117.75, 400)


def test_an_apposition_says_an_unlisted_name_is_a_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Troops entered Korsunske, a small town 15 km east of Pokrovsk, on Friday."))
    assert "Korsunske" in got and near(got["Korsunske"], 48.28, 37.18, 30)


def test_names_without_place_words_stay_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Officials met the Russian delegation and the Russian area commanders in Kyiv. The "
            "Gift of Life Network, the province's donor agency, spoke to Maria Velykobrid. "
            "Velykobrid said so.")
    unlisted = {p.mention for p in places_of(pipeline, text) if p.resolved_by == UNLISTED}
    assert not unlisted


def test_a_known_name_in_a_list_of_directions_is_found(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Attacks in the Pokrovsk and Kurakhove directions grew, Ukraine said."))
    assert "Kurakhove" in got and near(got["Kurakhove"], 47.98, 37.28, 20)


def test_a_distance_and_bearing_place_an_unlisted_village(pipeline) -> None:  # type: ignore[no-untyped-def]
    from sitrep.geo.unlisted import UNLISTED_RELATIVE

    got = by_mention(places_of(
        pipeline, "Shelling hit the village of Zarichnobrid, about 40 km north of Kherson, "
                  "overnight."))
    village = got["Zarichnobrid"]
    assert village.resolved_by == UNLISTED_RELATIVE
    assert near(village, 46.99, 32.62, 10)  # 40 km north of the city, not at it


def test_an_apposition_must_end_on_its_place_noun() -> None:
    from sitrep.geo.recognize import appositive_cue

    assert appositive_cue("Korsunske, a village near the river", len("Korsunske"))
    assert appositive_cue("Korsunske, a small town 15 km east of it", len("Korsunske"))
    assert not appositive_cue("Kramer, a town councillor, said", len("Kramer"))
    assert not appositive_cue("Kramer, the capital's mayor, said", len("Kramer"))


def test_a_site_phrase_keeps_a_small_town_the_parser_misread(pipeline) -> None:  # type: ignore[no-untyped-def]
    from sitrep.geo.unlisted import PLACE_WORD

    got = by_mention(places_of(
        pipeline, "Missiles struck the Yavoriv training ground near Lviv overnight."))
    site = got["Yavoriv training ground"]
    assert site.kind == "facility" and site.resolved_by == PLACE_WORD
    assert near(site, 49.94, 23.39, 10)  # the town's own point, not Lviv's


def test_a_power_plant_after_a_city_names_the_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Gunners shelled the Zaporizhzhia nuclear power plant from Nikopol on Sunday."))
    assert "Zaporizhzhia" in got and near(got["Zaporizhzhia"], 47.85, 35.12, 40)


def test_spits_passes_and_belts_the_index_lacks_are_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Marines landed on the Obytichna Spit near Berdiansk before dawn, trucks "
                  "climbed the Salang Pass near Charikar, and a corvette sailed through the "
                  "Little Belt near Middelfart."))
    assert got["Obytichna Spit"].kind == "spit"
    assert near(got["Obytichna Spit"], 46.75, 36.8, 60)  # at the town named beside it
    assert got["Salang Pass"].kind == "pass"
    assert got["Little Belt"].kind == "strait"


def test_a_camp_named_by_who_it_holds_is_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Gunmen entered the Hamadiya displacement camp near Zalingei on Friday, "
                  "residents said."))
    assert "Hamadiya" in got
    assert near(got["Hamadiya"], 12.9, 23.5, 60)  # at the town named beside it

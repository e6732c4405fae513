"""Regions written in the forms war news uses: a list of names sharing one area word, a
"People's Republic", a region beside the town it is named after, a city the tagger calls a
people. Every sentence here was written for these tests."""

from __future__ import annotations

from tests.geo.helpers import by_mention, near, places_of


def test_names_listed_before_one_area_word_are_all_regions(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = places_of(
        pipeline, "Drones came down overnight across the Bryansk and Belgorod regions, the "
                  "governors wrote, and air raid sirens sounded in the Sumy and Poltava regions.")
    names = {p.mention.split()[0]: p for p in got}
    for name in ("Bryansk", "Belgorod", "Sumy", "Poltava"):
        assert name in names, name
        assert names[name].kind == "admin1", name


def test_a_list_of_three_shares_its_area_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = places_of(
        pipeline, "Power cuts hit the Chernihiv, Zhytomyr and Rivne regions after the strikes.")
    kinds = {p.mention.split()[0]: p.kind for p in got}
    assert kinds.get("Chernihiv") == "admin1" and kinds.get("Zhytomyr") == "admin1"


def test_a_list_of_peoples_republics_names_both(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "The envoy said talks on the Donetsk and Luhansk People's Republics would "
                  "resume after the ceasefire, as shelling went on near the front."))
    assert "Donetsk" in got and "Luhansk" in got
    assert near(got["Luhansk"], 48.6, 39.0, 150)


def test_a_list_without_an_area_word_keeps_its_towns(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Missiles struck Kharkiv and Dnipro on Tuesday morning, the mayors said."))
    assert got["Kharkiv"].kind == "city"


def test_a_region_and_its_namesake_town_are_two_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = places_of(
        pipeline, "Fighting raged across the Zaporizhzhia region on Sunday, and a missile hit "
                  "a block of flats in Zaporizhzhia near the central market.")
    kinds = {(p.mention, p.kind) for p in got}
    assert ("Zaporizhzhia region", "region") in kinds or any(
        m == "Zaporizhzhia region" for m, _ in kinds)
    assert ("Zaporizhzhia", "city") in kinds


def test_a_large_city_the_tagger_reads_as_a_people_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Artillery fire hit a market in Omdurman on Saturday, medics in Sudan said."))
    assert "Omdurman" in got and near(got["Omdurman"], 15.64, 32.48, 30)


def test_a_demonym_is_still_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Sudanese and Chadian officials met at the border to talk about refugees."))
    assert "Sudanese" not in got and "Chadian" not in got


def test_names_listed_before_one_feature_word_are_all_features(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = places_of(
        pipeline, "The fleet kept two frigates in the Black and Azov seas through the winter, "
                  "and a corvette moved between the Baltic and White seas.")
    kinds = {p.mention.split()[0]: p for p in got}
    for name in ("Black", "Azov", "White"):
        assert name in kinds and kinds[name].kind == "sea", name
    assert near(kinds["Azov"], 46.0, 36.5, 150)


def test_a_colour_word_without_a_feature_word_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = places_of(pipeline, "Black and White photographs of the old harbour filled the hall.")
    assert not any(p.kind == "sea" for p in got)


def test_a_name_after_a_compass_adjective_is_a_place_whatever_the_tagger_says(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "Kherson" as a person here and "Zaporizhzhia overnight" as one name
    got = by_mention(places_of(
        pipeline, "Officials said the brigade was redeployed to southern Kherson on Monday."))
    assert near(got["Kherson"], 46.6, 32.6, 30)
    got = by_mention(places_of(
        pipeline, "The reserve 52nd Mechanised Brigade was sent to eastern Zaporizhzhia "
                  "overnight, the army said."))
    assert near(got["Zaporizhzhia"], 47.8, 35.2, 60)
    got = by_mention(places_of(
        pipeline, "Geolocated footage indicates that Russian forces are in central Toretsk."))
    assert near(got["Toretsk"], 48.4, 37.85, 30)


def test_a_compass_adjective_does_not_make_a_person_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Fighting raged in north-eastern Kharkiv while Lloyd Austin met his "
                  "counterparts in Brussels."))
    assert "Kharkiv" in got and "Brussels" in got
    assert not any("Austin" in m or "Lloyd" in m for m in got)


def test_a_town_the_tagger_calls_a_people_is_kept_where_a_cue_introduces_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "Kreminna" as a people (like "Russian"); "the X area" introduces a place
    got = by_mention(places_of(
        pipeline, "Fighting continued in eastern Ukraine. Elements of the 20th Combined Arms "
                  "Army are in the Kreminna area."))
    assert near(got["Kreminna"], 49.05, 38.2, 20)


def test_a_peoples_name_before_an_area_word_stays_a_people(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Ukrainian forces shelled the Russian area around Belgorod, officials said."))
    assert "Belgorod" in got
    assert not any(m.startswith(("Russia", "Ukrain")) for m in got)


def test_one_name_before_a_feature_word_in_lower_case_is_that_feature(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Narva" alone is a town on the bank; "the Narva river" is the river, word and all
    got = by_mention(places_of(
        pipeline, "Border guards on both banks of the Narva river counted fewer crossings, "
                  "and a ferry on the Pripyat river stopped running."))
    assert got["Narva river"].kind == "river" and got["Pripyat river"].kind == "river"
    assert "Narva" not in got
    town = by_mention(places_of(pipeline, "The ferry reached Narva on Monday morning."))
    assert town["Narva"].kind == "city"

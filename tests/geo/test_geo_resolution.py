"""Same-name places resolved by the document's context; texts written for the project."""

from __future__ import annotations

import pytest

from tests.geo.helpers import by_mention, near, places_of


def test_georgia_beside_the_caucasus_is_the_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Russian tanks crossed from Russia into Georgia overnight, and Armenia and Azerbaijan "
            "called for calm as columns moved towards Tbilisi.")
    g = by_mention(places_of(pipeline, text))["Georgia"]
    assert g.country == "GE"


def test_georgia_beside_atlanta_is_the_us_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Storms closed schools across Georgia on Tuesday. In Atlanta, Savannah and Macon, "
            "officials in the United States said power would be back by Friday.")
    g = by_mention(places_of(pipeline, text))["Georgia"]
    assert g.country == "US" and g.kind == "admin1"


def test_odessa_in_a_ukraine_story_is_the_black_sea_port(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Ukraine said missiles struck Odessa and Mykolaiv overnight, while fighting went on "
            "near Kherson.")
    assert near(by_mention(places_of(pipeline, text))["Odessa"], 46.48, 30.74, 30)


def test_odessa_with_a_texas_qualifier_is_in_texas(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Oil workers in Odessa, Texas, said prices had doubled since spring."
    assert by_mention(places_of(pipeline, text))["Odessa"].country == "US"


def test_donetsk_is_the_ukrainian_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling hit Donetsk again on Monday, local officials in Ukraine said."
    assert near(by_mention(places_of(pipeline, text))["Donetsk"], 48.02, 37.80, 30)


def test_lugansk_spelling_resolves_to_luhansk(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Separatists in Lugansk and Donetsk asked Moscow for help."
    assert near(by_mention(places_of(pipeline, text))["Lugansk"], 48.57, 39.31, 60)


def test_region_word_resolves_to_the_region(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ukrainian forces pushed into the Kursk region of Russia last summer."
    p = by_mention(places_of(pipeline, text))["Kursk region"]
    assert p.kind == "region" and near(p, 51.7, 36.2, 80)


def test_city_named_after_its_region_means_the_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops withdrew from around Chernihiv, officials in Ukraine said."
    assert by_mention(places_of(pipeline, text))["Chernihiv"].kind == "city"


def test_country_name_means_the_country_not_a_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Migrants walked north through Mexico towards the border near Mexico City and Puebla."
    assert by_mention(places_of(pipeline, text))["Mexico"].kind == "country"


def test_same_name_resolves_once_per_document(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Odessa, Texas is quiet. Later, Odessa held a parade."
    got = {(p.lat, p.lon) for p in places_of(pipeline, text) if p.mention == "Odessa"}
    assert len(got) == 1


def test_every_place_points_back_to_the_raw_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    from sitrep.records import Document

    text = "Convoys left Belarus for Kyiv. The Sea of Japan was calm near Hokkaido."
    doc = pipeline.process(Document.from_raw(text, name="t"))
    assert doc.places
    for p in doc.places:
        assert doc.raw_text[p.start:p.end] == p.mention


def test_named_street_takes_the_town_named_before_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Miami Beach closed Collins Avenue after the storm."
    p = by_mention(places_of(pipeline, text))["Collins Avenue"]
    assert p.kind == "road" and p.resolved_by == "nearest place" and near(p, 25.79, -80.13, 20)


def test_small_town_listed_after_a_place_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The train from Amsterdam stops in Hilversum and Almelo before Berlin."
    assert {"Hilversum", "Almelo"} <= set(by_mention(places_of(pipeline, text)))


def test_the_state_after_a_town_is_the_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "A bakery in Spokane, Washington sold out of rye bread by noon on Friday."))
    assert got["Washington"].kind == "admin1" and near(got["Washington"], 47.5, -120.5, 200)


def test_a_city_in_a_list_of_cities_stays_a_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "The firm has offices in Dallas, New York and Boston, its chief said."))
    assert near(got["New York"], 40.71, -74.0, 30)



# Small towns of one meaning that only the gazetteer finds anchor the document's other names.
# Run as `sitrep extract` runs (relevance gate on): these are not war news.
@pytest.fixture(scope="module")
def gated():  # type: ignore[no-untyped-def]
    from sitrep.config import Config
    from sitrep.pipeline import Pipeline

    return Pipeline(Config()).setup()


def test_a_small_english_town_pulls_gloucester_to_england(gated) -> None:  # type: ignore[no-untyped-def]
    text = ("Lorries were diverted through Tewkesbury overnight while crews patched the bridge, "
            "and drivers bound for Gloucester were told to expect long delays.")
    assert near(by_mention(places_of(gated, text))["Gloucester"], 51.86, -2.24, 20)


def test_irish_towns_around_it_make_athlone_the_irish_town(gated) -> None:  # type: ignore[no-untyped-def]
    text = ("A bus carrying pilgrims from Mullingar overturned on the way to Athlone late on "
            "Sunday, and the injured were taken to hospital in Portlaoise.")
    assert by_mention(places_of(gated, text))["Athlone"].country == "IE"


def test_two_unclear_towns_named_together_pull_each_other_to_where_they_lie_close(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Manchester (England or New Hampshire) and Colchester (England or Vermont) each have a
    # namesake in the United States, which the story names most; named together, both are English
    text = ("The charity, founded in Houston in the United States, now runs clinics in Kenya "
            "and Uganda. Its new director was born in Manchester and studied in Colchester.")
    got = by_mention(places_of(pipeline, text))
    assert got["Manchester"].country == "GB" and got["Colchester"].country == "GB"


def test_a_township_is_a_small_place_not_the_big_city_of_its_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Volunteers from Trenton and Princeton, New Jersey, cleared the river bank in "
            "Washington Township.")
    township = by_mention(places_of(pipeline, text))["Washington Township"]
    assert township.kind == "city" and near(township, 40.3, -74.5, 161)


def test_a_cued_town_of_a_country_named_by_its_people_is_kept(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the story is about Ukraine; Russia is named only as "Russian", which still vouches for
    # a Russian port that a place word introduces
    text = ("Ukraine said its drones hit a fuel depot overnight. Russian warships later sailed "
            "to the port of Novorossiysk, satellite pictures showed.")
    assert by_mention(places_of(pipeline, text))["Novorossiysk"].country == "RU"


def test_for_after_a_place_left_names_where_the_journey_ends(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Syria's port authority said a Russian frigate left Tartus for Baltiysk on Monday, "
            "while a second ship was bound for Latakia.")
    found = by_mention(places_of(pipeline, text))
    assert found["Baltiysk"].country == "RU" and "Latakia" in found


@pytest.mark.parametrize("text", [
    "A column of fuel trucks left the logistics depot for Kherson before dawn, drivers said.",
    "Two frigates left their base for Berdyansk at dawn.",
])
def test_for_after_what_was_left_names_where_the_journey_ends(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads the town after "for" as a person; leaving something for it makes it a place
    assert {"Kherson", "Berdyansk"} & set(by_mention(places_of(pipeline, text)))



def test_a_name_the_document_backs_once_is_that_place_in_its_bare_mentions(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the first mention has a cue ("around"); the second, after "advanced on", stands alone
    text = ("War in Sudan. Army units dug in around Kadugli last month. On Sunday the RSF "
            "advanced on Kadugli from two sides.")
    starts = [p.start for p in places_of(pipeline, text) if p.mention == "Kadugli"]
    assert starts == [text.index("Kadugli"), text.rindex("Kadugli")]


@pytest.mark.parametrize("text,town,cc", [
    ("Rebel columns were closing in on Malakal, aid workers in South Sudan said.", "Malakal",
     "SS"),
    ("Troops marched on Bossangoa at dawn, witnesses in the Central African Republic said.",
     "Bossangoa", "CF"),
    ("Jihadists besieged Djibo for months, Burkina Faso's government said.", "Djibo", "BF"),
    ("Pro-government forces encircled Taiz, Yemeni officials said.", "Taiz", "YE"),
])
def test_a_town_a_force_closes_on_or_besieges_is_a_place(pipeline, text: str, town: str,  # type: ignore[no-untyped-def]
                                                          cc: str) -> None:
    assert by_mention(places_of(pipeline, text))[town].country == cc


def test_on_after_a_word_of_closing_is_no_cue_before_a_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Troops advanced on Monday and Tuesday, officials in Mali said."
    assert {p.mention for p in places_of(pipeline, text)} == {"Mali"}


@pytest.mark.parametrize("text,town,cc", [
    ("Philippine marines were deployed to San Jose on Friday, the navy said.", "San Jose", "PH"),
    ("Spanish troops were sent to Merida, the ministry said.", "Merida", "ES"),
    ("Bolivian soldiers were sent to San Ignacio, the army said.", "San Ignacio", "BO"),
    ("Two Indian destroyers departed Kochi on Tuesday.", "Kochi", "IN"),
])
def test_a_people_named_where_no_country_is_pulls_a_shared_town_name(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                                     town: str, cc: str) -> None:
    assert by_mention(places_of(pipeline, text))[town].country == cc


def test_a_country_named_outweighs_the_people_of_the_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops entered Aleksandrovka overnight, Ukraine's army said."
    assert by_mention(places_of(pipeline, text))["Aleksandrovka"].country == "UA"

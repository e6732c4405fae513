"""Ukraine's villages that GeoNames lacks, from the state codifier (`geo.katottg`), each at its
community's point. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import VILLAGES, load_gazetteer
from sitrep.geo.katottg import Settlement, centre_of, romanise
from sitrep.geo.names import place_key
from sitrep.geo.step import COMMUNITY_POINT
from tests.geo.helpers import by_mention, near, places_of


@pytest.mark.parametrize("cyrillic,latin", [
    ("Кліщіївка", "Klishchiivka"), ("Роботине", "Robotyne"), ("Синьківка", "Synkivka"),
    ("Згурівка", "Zghurivka"),  # "зг" is "zgh"
    ("Їжаківка", "Yizhakivka"), ("Новоїванівка", "Novoivanivka"),  # "ї" first and inside
    ("Юр’ївка", "Yurivka"),  # an apostrophe is dropped
    ("Нова Каховка", "Nova Kakhovka"),
])
def test_names_are_romanised_as_the_official_system_writes_them(cyrillic: str,
                                                                latin: str) -> None:
    assert romanise(cyrillic) == latin


def test_a_district_is_centred_on_the_town_of_its_name_not_a_longer_village_name() -> None:
    members = [Settlement("Бахмутське", "C", "D", "H1"), Settlement("Бахмут", "M", "D", "H2"),
               Settlement("Кліщіївка", "C", "D", "H2")]
    centre = centre_of("Бахмутський", members)
    assert centre is not None and centre.name == "Бахмут"
    assert centre_of("Токмацька", [Settlement("Токмак", "M", "D", "H")]) is not None
    assert centre_of("Оріхівська", [Settlement("Роботине", "C", "D", "H")]) is None


def test_the_index_has_front_line_villages_but_none_named_like_english_words() -> None:
    gaz = load_gazetteer()
    for name in ("Robotyne", "Klishchiivka", "Tonenke"):
        assert any(e.source == VILLAGES for e in gaz.lookup([place_key(name)])[place_key(name)])
    for word in ("Marine", "Side", "Nobel", "Bar"):
        assert not any(e.source == VILLAGES for e in gaz.lookup([place_key(word)]).get(
            place_key(word), []))


def test_a_front_line_village_without_a_place_word_is_placed_near_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Assault units retook Robotyne after weeks of shelling, the governor of the "
                  "Zaporizhzhia region said on Monday."))
    assert got["Robotyne"].resolved_by == COMMUNITY_POINT and got["Robotyne"].country == "UA"
    assert near(got["Robotyne"], 47.44, 35.84, 40)


def test_of_many_villages_of_one_name_the_one_near_the_other_places_wins(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Brigades pushed through Klishchiivka on Thursday, and the enemy fell back from "
                  "Andriivka, south of Bakhmut."))
    assert near(got["Klishchiivka"], 48.53, 37.96, 30)
    assert near(got["Andriivka"], 48.50, 37.97, 30)  # dozens of villages bear the name


def test_a_stated_distance_moves_a_village_off_its_community_point(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Shelling hit Robotyne, 20 km north of Tokmak, in the Zaporizhzhia region."))
    assert got["Robotyne"].resolved_by != COMMUNITY_POINT
    assert near(got["Robotyne"], 47.43, 35.71, 8)  # the point the text gives, not Tokmak's


def test_a_village_never_beats_a_large_city_of_its_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    gaz = load_gazetteer()
    assert any(e.source == VILLAGES for e in gaz.lookup(["rostov"])["rostov"])  # one exists
    got = by_mention(places_of(
        pipeline, "Ukrainian drones struck an airfield near Rostov overnight, officials in Kyiv "
                  "said."))
    assert got["Rostov"].country == "RU" and near(got["Rostov"], 47.22, 39.71, 30)


def test_the_region_named_after_in_holds_the_village(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the largest Pishchane lies in Poltava oblast; the region named after it decides
    got = by_mention(places_of(
        pipeline, "Assault groups entered the village of Pishchane in the Kharkiv region at "
                  "dawn, the brigade reported."))
    assert near(got["Pishchane"], 49.6, 36.4, 150)
    bare = by_mention(places_of(pipeline, "Assault groups entered Pishchane at dawn."))
    assert not near(bare["Pishchane"], 49.6, 36.4, 150)  # no region named: the prior's


def test_a_town_qualified_by_a_state_after_a_comma_still_resolves(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(pipeline, "Guardsmen from Columbus, Ohio, deployed on Friday."))
    assert near(got["Columbus"], 39.96, -83.0, 30)

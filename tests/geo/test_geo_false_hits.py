"""Words that look like places but are not: demonyms, organisations, people, ships, words."""

from __future__ import annotations

from sitrep.records import Document
from tests.geo.helpers import places_of


def mentions(pipeline, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.mention for p in places_of(pipeline, text)}


def test_demonyms_are_not_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "Russian and Ukrainian officials met; American diplomats watched.")
    assert not got & {"Russian", "Ukrainian", "American"}


def test_pentagon_is_not_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "The Pentagon said the convoy was moving towards Kharkiv.")
    assert "Pentagon" not in got and "Kharkiv" in got


def test_place_inside_an_outlet_name_is_not_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "CNN Brazil and Taiwan News both carried the report on Tuesday.")
    assert not got & {"Brazil", "Taiwan"}


def test_people_named_like_towns_are_not_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Defense Secretary Lloyd Austin spoke after John Kirby briefed reporters. "
            "Kirby said the column had stalled.")
    assert not mentions(pipeline, text) & {"Austin", "Kirby"}


def test_ship_named_after_a_city_is_not_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "The cruiser Moskva sank in the Black Sea in April.")
    assert "Moskva" not in got and "Black Sea" in got


def test_common_words_that_towns_bear_are_not_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Police said the Summit would go ahead. Reach and Enterprise were the names of the "
            "two teams. As the talks ended, no one spoke.")
    assert not mentions(pipeline, text) & {"Police", "Summit", "Reach", "Enterprise", "As"}


def test_lower_case_words_are_not_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "the march went on along the bay, past the mobile reading room.")
    assert got == set()


def test_short_acronyms_are_not_towns(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "The IT team tested MOCA and ISIS alerts with the US Army.")
    assert got <= {"US"}


def test_without_a_parse_a_town_name_beside_another_name_is_a_person(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a document the relevance gate passes by reaches the geo step with no parse
    text = ("Chef Hillori Hansen shares her holiday tips in Fresno this week. Doris Lindenwald "
            "bakes the pies, and the recipes come from Doris Lindenwald's kitchen in Fresno.")
    doc = pipeline.process(Document.from_raw(text, name="t"))
    doc.entities, doc.nlp, doc.places = [], None, []
    geo = next(s for s in pipeline.steps if s.name == "geo")
    mentions = {p.mention for p in geo.process(doc).places}
    assert "Fresno" in mentions and not {"Hansen", "Doris"} & mentions


def test_a_place_closing_an_institutions_name_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(
        pipeline, "The grant came from the Wildlife Foundation of Kenya, and a loan from the "
                  "Bank of Scotland paid for the rest of the new library wing.")
    assert "Kenya" not in got and "Scotland" not in got


def test_a_place_after_a_place_noun_of_stays(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(
        pipeline, "The festival moved to the capital of Kenya after floods closed the road "
                  "to the coast of Scotland's north.")
    assert "Kenya" in got


def geo_with_entities(pipeline, text: str, ents: list[tuple[str, str]]) -> set[str]:  # type: ignore[no-untyped-def]
    """The places the geo step finds when the tagger labels the first occurrence of each
    (text, label) pair so, and nothing else."""
    from sitrep.records import Entity

    doc = pipeline.process(Document.from_raw(text, name="t"))
    found, at = [], 0
    for word, label in ents:
        at = text.index(word, at)
        found.append(Entity(at, at + len(word), label, word))
        at += len(word)
    doc.entities, doc.places = found, []
    geo = next(s for s in pipeline.steps if s.name == "geo")
    return {p.mention for p in geo.process(doc).places}


def test_a_surname_the_tagger_once_reads_as_a_town_stays_the_persons(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Councillor Marcus Whitby toured the flooded farms near Peterborough on Monday. "
            "Whitby flew back to Ottawa the next day.")
    got = geo_with_entities(pipeline, text, [("Marcus Whitby", "PERSON"),
                                             ("Peterborough", "GPE"), ("Whitby", "GPE"),
                                             ("Ottawa", "GPE")])
    assert "Whitby" not in got and {"Peterborough", "Ottawa"} <= got


def test_a_name_read_as_a_place_more_often_than_as_a_persons_is_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Reporter Anna Whitby wrote from Ottawa. Storms hit Whitby on Monday, and the "
            "road out of Whitby stayed shut.")
    got = geo_with_entities(pipeline, text, [("Anna Whitby", "PERSON"), ("Ottawa", "GPE"),
                                             ("Whitby", "GPE"), ("Whitby", "GPE")])
    assert "Whitby" in got


def test_no_shorter_place_inside_a_longer_name_that_is_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Hampshire County" names the club and the paper here, so "Hampshire" alone is none either
    text = ("The Hampshire County Republicans meet on Friday in Northampton, and the Hampshire "
            "County Gazette will print the agenda.")
    got = geo_with_entities(pipeline, text, [])
    assert "Northampton" in got and not {"Hampshire", "Hampshire County"} & got


def test_a_name_a_town_bears_only_as_another_name_needs_support(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the index knows "Mason", "Fletcher", "Karin" and "Hayden" as other names of large towns
    # (Glendale, Aurora, Erzurum, Mesa): said of people, they are no places
    text = ("Mason and Fletcher scored twice each as the visitors won in Leeds on Saturday. "
            "Coach Karin said the squad would rest before flying to Vienna, and Hayden agreed.")
    got = geo_with_entities(pipeline, text, [])
    assert {"Leeds", "Vienna"} <= got and not {"Mason", "Fletcher", "Karin", "Hayden"} & got


def test_another_spelling_of_a_large_town_stands_alone(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = geo_with_entities(pipeline, "Shelling hit Lugansk and Zaporozhye overnight.", [])
    assert {"Lugansk", "Zaporozhye"} <= got


def test_a_town_the_tagger_reads_as_a_place_keeps_the_weight_of_its_other_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Pokrovsk" is also an old name of a large Russian town: read as a place, it stands alone
    text = "Pokrovsk was shelled again overnight."
    assert "Pokrovsk" in geo_with_entities(pipeline, text, [("Pokrovsk", "GPE")])


def test_a_headline_word_after_a_region_leaves_its_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # title case runs a region into the next words; only an organisation's word takes it all
    text = "Drones Hit Russia's Belgorod Region Again Overnight"
    got = geo_with_entities(pipeline, text, [("Russia", "GPE"),
                                             ("Belgorod Region Again Overnight", "ORG")])
    assert any(m.startswith("Belgorod") for m in got)


def test_a_title_case_headline_joins_no_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # in a headline every word is capitalised: "Enter Black Sea Amid" is no one name
    text = ("Iranian Frigates Enter Red Sea Amid Shipping Alarm\n\nTwo Iranian frigates were "
            "seen near Hodeidah on Monday, a maritime security firm said.")
    assert "Red Sea" in mentions(pipeline, text)


def test_a_place_inside_an_armed_group_s_name_is_not_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = mentions(pipeline, "Gunmen of the Sinaloa Cartel clashed with police in Culiacan, and "
                             "Islamic State Sahel Province fighters moved toward Menaka.")
    assert not got & {"Sinaloa", "Sahel Province", "Sahel"}
    assert {"Culiacan", "Menaka"} <= got

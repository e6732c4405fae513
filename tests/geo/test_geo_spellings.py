"""Places written in another romanisation than the gazetteer's: the Arabic article as English
spells it ("ez-", "ash-"), and a consonant skeleton tried where the spelling finds nothing
("Ras al-Ain" for Ra's al 'Ayn). Texts written for the project."""

from __future__ import annotations

from tests.geo.helpers import by_mention, near, places_of


def test_the_article_before_a_sun_letter_joins_the_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian government forces shelled Deir ez-Zor and Jisr ash-Shughur overnight."
    found = by_mention(places_of(pipeline, text))
    assert near(found["Deir ez-Zor"], 35.33, 40.14, 30)
    assert found["Jisr ash-Shughur"].country == "SY"


def test_another_romanisation_is_found_by_its_skeleton(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Syrian army units entered Ras al-Ain and Ain Issa on Sunday, while Sudan's army "
            "said it held the town of Umm Rawaba.")
    found = by_mention(places_of(pipeline, text))
    assert near(found["Ras al-Ain"], 36.85, 40.07, 30)
    assert found["Ain Issa"].country == "SY"
    assert found["Umm Rawaba"].country == "SD"


def test_a_loose_spelling_is_only_a_town_of_the_article_s_countries(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Umm Ruwaba is in Sudan; a story about Peru does not borrow it for a name like it
    text = "Peruvian police said a bus crashed near Umm Rawaba on Tuesday."
    found = by_mention(places_of(pipeline, text))
    assert "Umm Rawaba" not in found or found["Umm Rawaba"].country != "SD"


def test_a_loosely_matched_spelling_cannot_vouch_for_its_own_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Jebel Aulia" shares a skeleton with Jebel Ali in the Emirates; the article is about Sudan
    text = "Fighting near Jebel Aulia went on overnight as RSF units moved south of Khartoum."
    found = by_mention(places_of(pipeline, text))
    assert "Jebel Aulia" not in found or found["Jebel Aulia"].country != "AE"


def test_a_town_geonames_names_with_the_arabic_article_is_found_without_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Kurdish-led fighters regrouped in Qamishli after the raid, while Iraqi troops "
            "held the border town of Qaim, officials in Baghdad said.")
    found = by_mention(places_of(pipeline, text))
    assert found["Qamishli"].country == "SY" and found["Qaim"].country == "IQ"


def test_the_article_is_dropped_only_where_no_english_word_is_left() -> None:
    from sitrep.geo.gazetteer import article_dropped

    assert article_dropped(["Al Qusayr", "Ash Shihr", "El Paso", "Al Bab", "Bayda"],
                           frozenset({"paso"})) == ["Qusayr", "Shihr"]

"""Long rivers and lines stand where the article is along them. Sentences written for these
tests."""

from __future__ import annotations

from tests.geo.helpers import by_mention, near, places_of


def test_a_river_stands_at_the_reach_its_sentence_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    south = by_mention(places_of(
        pipeline, "Marines dug in on the left bank of the Dnipro, across the water from Kherson."))
    north = by_mention(places_of(
        pipeline, "Barges carried grain down the Dnipro from Kyiv before the war."))
    assert near(south["Dnipro"], 46.63, 32.62, 40)
    assert near(north["Dnipro"], 50.45, 30.55, 40)


def test_a_long_line_stands_at_the_sector_the_article_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = by_mention(places_of(
        pipeline, "Indian and Chinese patrols faced off on the Line of Actual Control near "
                  "Tawang in Arunachal Pradesh."))
    assert near(got["Line of Actual Control"], 27.6, 91.9, 100)


def test_every_mention_of_a_river_shares_one_point(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Troops crossed the Dnipro near Kherson on Monday.\n\nOfficials in Zaporizhzhia "
            "said the Dnipro was calm.")
    rivers = [p for p in places_of(pipeline, text) if p.kind == "river"]
    assert len(rivers) == 2 and len({(p.lat, p.lon) for p in rivers}) == 1

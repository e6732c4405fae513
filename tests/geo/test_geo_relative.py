"""Relative locations: distance, bearing and anchor give a point."""

from __future__ import annotations

from sitrep.geo.relative import destination, find_relatives
from sitrep.geo.resolve import km
from tests.geo.helpers import by_mention, places_of


def test_destination_moves_the_stated_distance_along_the_bearing() -> None:
    lat, lon = destination(48.0, 37.8, 0, 100)
    assert abs(km((48.0, 37.8), (lat, lon)) - 100) < 0.5 and lat > 48.0 and abs(lon - 37.8) < 1e-6


def test_range_in_miles_is_read_in_kilometres() -> None:
    text = "troops were about 9-12 miles northwest of Kyiv"
    start = text.index("Kyiv")
    (rel,) = find_relatives(text, [(start, start + 4, "Kyiv", 50.45, 30.52)])
    assert (rel.low_km, rel.high_km, rel.bearing) == (14.5, 19.3, "northwest")
    assert rel.lat > 50.45 and rel.lon < 30.52


def test_relative_phrase_hangs_on_its_anchor_with_the_named_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("A column was seen heading for the town of Izyum, about 180km (112 miles) north of "
            "the city of Donetsk, officials in Ukraine said.")
    places = by_mention(places_of(pipeline, text))
    rel = places["Donetsk"].relative
    assert rel is not None and rel.bearing == "north" and rel.low_km == 180
    assert rel.subject == "Izyum" and rel.subject_km is not None
    assert "loose figure" in rel.note  # Izyum is ~137 km from Donetsk as the crow flies
    assert places["Izyum"].lat is not None and abs(places["Izyum"].lat - 49.21) < 0.05


def test_outskirts_put_the_point_at_the_anchor(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The convoy has reached the outskirts of Ukraine's capital, Kyiv, images showed."
    rel = by_mention(places_of(pipeline, text))["Kyiv"].relative
    assert rel is not None and rel.bearing is None and rel.high_km == 15.0


def test_relative_evidence_is_raw_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    from sitrep.records import Document

    text = "Shells fell 20 km south of Kharkiv overnight, the army in Ukraine said."
    doc = pipeline.process(Document.from_raw(text, name="t"))
    rels = [p.relative for p in doc.places if p.relative]
    assert rels and all(doc.raw_text[r.evidence.start:r.evidence.end] == r.evidence.text
                        for r in rels)


def test_phrases_found_around_distances_are_the_ones_a_full_scan_finds() -> None:
    """`relative_phrases` tries the pattern only near the distances a text gives; on texts
    built to stress it (ranges, odd spacing, brackets, several phrases and stray distances
    in one text) it finds exactly what the pattern run over every character finds."""
    import random

    from sitrep.geo.relative import RELATIVE, relative_phrases

    rng = random.Random(5)

    def pick(*options: str) -> str:
        return rng.choice(options)

    def phrase() -> str:
        return (pick("", "about ", "roughly ", "less than ", "within ", "nearly")
                + pick("", " ", "   ", "\n") + pick("7", "12", "2,400", "6.5", "45")
                + pick("", "-25", " to 35", "–18") + pick("", " ", "-", " - ")
                + pick("km", "kms", "kilometres", "miles", "mi", "kmh")
                + pick("", " (9 miles)", " (seven)") + pick(" ", "  ", "")
                + pick("(y) ", "") + pick("north", "south-east", "northwest", "westward", "up")
                + pick(" of ", " of the ", " off ") + pick("", "the town of ", "the ")
                + pick("Mariupol", "Hodeidah", "y"))

    found = 0
    for _ in range(3000):
        text = "".join(pick(phrase(), " and ", "15 km", " a column ", "\n", phrase())
                       for _ in range(rng.randint(1, 6)))
        full = [(m.span(), m.groupdict()) for m in RELATIVE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in relative_phrases(text)] == full, text
        found += len(full)
    assert found > 500  # the texts hold many phrases, not only near misses


def test_a_town_a_distance_is_told_from_is_a_place_whatever_the_tagger_says(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "Goma" after "20 km of" as a person: the distance says it is a place
    text = "War in Congo. The rebels advanced to within 20 km of Goma on Tuesday, UN sources said."
    assert "Goma" in by_mention(places_of(pipeline, text))


def test_a_name_after_the_parts_of_a_place_is_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("War in Gaza. Armoured bulldozers rolled into the northern neighbourhoods of Beit "
            "Hanoun overnight, residents said.")
    assert "Beit Hanoun" in by_mention(places_of(pipeline, text))

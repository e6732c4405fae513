"""The offline gazetteer: alternate spellings, regions, curated features, acronyms."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import load_gazetteer
from sitrep.geo.names import lookup_keys, place_key


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@pytest.mark.parametrize("a,b", [("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Izium", "Izyum"),
                                 ("Lugansk", "Luhansk"), ("Odessa", "Odesa")])
def test_alternate_spellings_find_the_same_city(gaz, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    ids_a = {e.geonameid for e in gaz.lookup([place_key(a)])[place_key(a)] if e.kind == "city"}
    ids_b = {e.geonameid for e in gaz.lookup([place_key(b)])[place_key(b)] if e.kind == "city"}
    assert ids_a & ids_b


def test_cyrillic_name_finds_the_city(gaz) -> None:  # type: ignore[no-untyped-def]
    key = place_key("Харків")
    assert any(e.name == "Kharkiv" for e in gaz.lookup([key]).get(key, []))


def test_lookalike_letters_fold_inside_latin_words() -> None:
    assert place_key("Kharkiν") == place_key("Kharkiv")  # Greek nu
    assert place_key("Hoҝkɑido") == "hokkaido"


def test_curated_features_have_coordinates(gaz) -> None:  # type: ignore[no-untyped-def]
    for name in ("Tsugaru Strait", "Sea of Japan", "Donbass", "Bosphorus", "Kherson Oblast"):
        hits = gaz.lookup([place_key(name)])[place_key(name)]
        assert any(e.source == "curated" for e in hits), name


def test_acronyms_match_only_in_capitals(gaz) -> None:  # type: ignore[no-untyped-def]
    found = gaz.lookup(lookup_keys("CAR"))
    assert any(e.cc == "CF" for es in found.values() for e in es)
    assert not any(e.cc == "CF" for es in gaz.lookup(lookup_keys("Car")).values() for e in es)


def test_first_level_regions_are_indexed_with_their_abbreviations(gaz) -> None:  # type: ignore[no-untyped-def]
    hits = gaz.lookup([place_key("Calif.")])[place_key("Calif.")]
    assert any(e.kind == "admin1" and e.name == "California" for e in hits)


@pytest.mark.parametrize("name", ["Powys", "Ceredigion"])
def test_a_district_stored_with_an_admin_prefix_is_found_by_its_name(gaz, name: str) -> None:  # type: ignore[no-untyped-def]
    found = gaz.lookup([place_key(name)]).get(place_key(name), [])
    assert any(e.kind == "admin2" and e.cc == "GB" for e in found)


def test_lookups_from_memory_answer_as_the_index_does() -> None:
    from sitrep.geo.gazetteer import Gazetteer

    keys = ["kyiv", "paris", "london", "springfield", "no such place here", "odesa", "kharkiv"]
    fresh = Gazetteer(load_gazetteer().path).lookup(keys)
    warm = Gazetteer(load_gazetteer().path)
    warm.lookup(["springfield", "paris", "mariupol"])  # some keys met before
    again = warm.lookup(keys)
    assert list(again.items()) == list(fresh.items())  # same places, same order
    assert list(fresh) == sorted(k for k in keys if k in fresh)
    assert "no such place here" not in fresh
    assert [e.id for e in fresh["springfield"]] == sorted(e.id for e in fresh["springfield"])
    assert len(fresh["springfield"]) > 1

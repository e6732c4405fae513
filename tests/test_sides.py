"""The one table of sides: every stage reads the same party for the same name."""

import pytest

from sitrep import sides
from sitrep.resolve.names import side_key


@pytest.mark.parametrize(("text", "side"), [
    ("Moldovan border guards stopped the truck", "Moldova"),
    ("a statement from Ouagadougou", "Burkina Faso"),
    ("gunboats of the Bangladeshi coast guard", "Bangladesh"),  # hand-kept demonym
    ("a patrol from Suriname crossed", "Suriname"),  # a country only GeoNames names
    ("pro-Kyiv partisans", "Ukraine"),
    ("Guatemalan soldiers landed at the airport", "Guatemala"),  # demonyms from countryinfo
    ("a convoy of Beninese troops", "Benin"),
    ("two Jamaicans among the police officers", "Jamaica"),  # and their plural
    ("RDF units advanced along the lake shore", "Rwanda"),  # a state's armed forces by acronym
    ("UPDF soldiers flew into Juba", "Uganda"),
    ("SAF artillery shelled the bridge", "Sudan"),
])
def test_sides_are_found_in_running_text(text, side):
    assert sides.side_in(text) == side


def test_found_mentions_carry_offsets_into_the_text():
    text = "Ferries left Tallinn while Finnish jets flew overhead."
    found = sides.find_sides(text, offset=100)
    assert [(m.name, text[m.start - 100:m.end - 100]) for m in found] == [
        ("Estonia", "Tallinn"), ("Finland", "Finnish")]


def test_backed_and_held_do_not_make_a_side():
    assert sides.side_in("Iranian-backed militias") is None
    assert sides.side_in("a Russian-held village") is None


def test_where_a_body_is_based_is_no_side():
    assert sides.side_in("the Qatar-based broadcaster reported") is None
    assert sides.side_in("a London-based monitor said Syrian troops fired") == "Syria"


def test_given_names_are_not_countries():
    assert sides.side_in("Chad Miller, a spokesman, said") is None
    assert sides.side_in("Jordan Peters wrote") is None
    assert sides.side_in("troops crossed into Chad overnight") == "Chad"


def test_lowercase_lookup_and_leaders_for_force_owners():
    assert sides.SIDES["tajik"] == "Tajikistan"
    assert sides.side_of("Netanyahu's") == "Israel"
    assert sides.side_of("BEIRUT—Lebanon") == "Lebanon"


def test_proxies_fight_for_a_state_but_are_a_side_of_their_own():
    assert sides.side_of("Wagner") == "Wagner Group"
    assert sides.PROXIES["wagner"] == "Russia"


def test_states_and_armed_groups_are_told_apart():
    assert sides.is_state("Niger") and sides.is_state("Suriname")
    assert not sides.is_state("Hezbollah") and not sides.is_state("RSF")


def test_claimants_fold_capitals_but_keep_people_and_offices():
    assert sides.canonical_side("Tehran") == "Iran"
    assert sides.canonical_side("the Pentagon") == "the Pentagon"
    assert sides.canonical_side("Lukashenko") == "Lukashenko"


def test_country_codes_name_the_side():
    assert sides.country_name("cd") == "DR Congo"
    assert sides.country_name("SR") == "Suriname"
    assert sides.country_name(None) is None


def test_resolve_keys_come_from_the_same_table():
    assert side_key("Slovak troops") == "slovakia"
    assert side_key("U.S. forces") == "united states"
    assert side_key("Americans") == "united states"


def test_pronouns_and_short_words_are_no_sides():
    for word in ("its", "ins", "us", "it", "in"):
        assert word not in sides.SIDES or word == "us", word
    assert sides.NAVY_PREFIXES["HMS"] == "United Kingdom"


def test_a_demonym_several_countries_share_goes_to_the_most_populous():
    # Dominica and the Dominican Republic both have "Dominican"
    assert sides.side_of("Dominican") == "Dominican Republic"


def test_a_force_named_by_a_demonym_only_the_package_knows_has_its_owner():
    import sitrep

    doc = sitrep.process("Salvadoran soldiers arrived in Port-au-Prince on Friday to join the "
                         "Kenyan-led mission, the ministry said.")
    assert [m.actor for m in doc.movements] == ["El Salvador"]


def test_the_tree_of_names_matches_what_the_longest_first_list_matches() -> None:
    """`trie_alternation` writes the names as a tree of shared beginnings; with the same
    boundaries around it, it finds exactly what the plain longest-first list finds, also where
    the longest name is refused by what follows and a shorter one must be taken."""
    import random
    import re

    from sitrep.sides import trie_alternation

    words = {"Korea", "Korean", "Koreans", "North Korea", "North Korean", "Nor", "Kor",
             "Sahel", "Sahelian", "Sa", "pro", "pro-army", "São Tomé", "A.U.", "A"}
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    around = r"(?<![\w.])({})(?![\w]|-held)"
    plain, tree = (re.compile(around.format(x)) for x in (flat, trie_alternation(words)))
    rng = random.Random(11)
    pieces = [*sorted(words), "s", "n", "-held", "-x", ".", " ", "'s", "an", "ian"]
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "])
                       for _ in range(rng.randint(1, 7)))
        want = [(m.span(), m.group(1)) for m in plain.finditer(text)]
        assert [(m.span(), m.group(1)) for m in tree.finditer(text)] == want, text
        found += len(want)
    assert found > 1000


def test_the_armed_forces_and_groups_of_africa_s_and_yemen_s_wars_have_sides() -> None:
    assert sides.side_of("ENDF") == "Ethiopia" and sides.side_of("FAMa") == "Mali"
    assert sides.side_of("KPA") == "North Korea"
    assert sides.side_of("the Libyan National Army") == "LNA" and sides.side_of("STC") == "STC"
    assert sides.side_of("Tigray Defence Forces") == "TPLF" and sides.side_of("ISWAP") == "ISWAP"


@pytest.mark.parametrize(("name", "side"), [
    ("UAE", "United Arab Emirates"), ("U.A.E.", "United Arab Emirates"), ("PRC", "China"),
    ("ROK", "South Korea"), ("KSA", "Saudi Arabia"), ("IRGC", "Iran"),
])
def test_states_named_by_their_common_acronyms(name: str, side: str) -> None:
    assert [m.name for m in sides.find_sides(f"Officials said {name} forces moved.")] == [side]

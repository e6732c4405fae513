"""Numbers and quantities, on phrases written for the project."""

from __future__ import annotations

import pytest

from sitrep.extract.claims.numbers import find_quantities, parse_figure


def only(text: str):  # type: ignore[no-untyped-def]
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("phrase", "value"), [
    ("1,292", 1292), ("2.5 million", 2_500_000), ("4.1 million", 4_100_000), ("5.9k", 5900),
    ("seventy-five", 75), ("two hundred and fifty thousand", 250_000), ("a dozen", 12),
    ("half a dozen", 6),
])
def test_numbers_read_figures_and_number_words(phrase: str, value: float) -> None:
    assert parse_figure(phrase) == value


@pytest.mark.parametrize(("phrase", "value"), [
    ("two dozen riflemen", 24), ("some three dozen lorries", 36)])
def test_numbers_read_a_count_of_dozens(phrase: str, value: float) -> None:
    q = only(phrase)
    assert (q.low, q.high) == (value, value)


def test_numbers_read_a_plain_figure_as_a_point() -> None:
    q = only("the brigade lost 1,250 vehicles")
    assert (q.low, q.high, q.vague) == (1250, 1250, False)


def test_numbers_read_up_to_as_upper_bound() -> None:
    q = only("officials put it at up to 6,000 men")
    assert (q.low, q.high, q.qualifier) == (None, 6000, "up to")


def test_numbers_read_as_many_as_as_upper_bound() -> None:
    assert (only("as many as 30,000 reservists").low, only("as many as 30,000 reservists").high) \
        == (None, 30000)


@pytest.mark.parametrize("phrase", ["at least 7,000 sailors", "more than 1,250 trucks",
                                    "over 900 marines", "1,000+ dead"])
def test_numbers_read_at_least_and_more_than_as_lower_bound(phrase: str) -> None:
    q = only(phrase)
    assert q.low is not None and q.high is None


@pytest.mark.parametrize("phrase", ["some 2,500 people", "about 2,500 people",
                                    "an estimated 2,500 people", "almost 2,500 people"])
def test_numbers_read_approximations_as_points(phrase: str) -> None:
    q = only(phrase)
    assert (q.low, q.high) == (2500, 2500)


@pytest.mark.parametrize(("phrase", "low", "high"), [
    ("another 14,000 to 21,000 were hurt", 14000, 21000),
    ("between 24,000 and 55,200 soldiers", 24000, 55200),
    ("from 300 to 450 tanks", 300, 450),
    ("3,000-4,000 conscripts", 3000, 4000),
    ("2 to 3 million refugees", 2_000_000, 3_000_000),
])
def test_numbers_read_ranges(phrase: str, low: float, high: float) -> None:
    q = only(phrase)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(("phrase", "low", "high"), [
    ("tens of thousands of residents", 20000, 99999),
    ("hundreds of drones", 200, 999),
    ("Thousands of shells", 2000, 9999),
    ("dozens of boats", 24, 99),  # two dozen up to what "hundreds" would start at
    ("scores of gunmen", 40, 99),
    ("several dozen lorries", 24, 99),
])
def test_numbers_read_vague_amounts_as_ranges(phrase: str, low: float, high: float) -> None:
    q = only(phrase)
    assert (q.low, q.high, q.vague) == (low, high, True)


def test_numbers_keep_two_coordinated_figures_apart() -> None:
    found = find_quantities("it includes 400 officers and two generals")
    assert [(q.low, q.high) for q in found] == [(400, 400), (2, 2)]


@pytest.mark.parametrize(("phrase", "measure"), [
    ("about 180km north of the city", "distance"), ("a 40-mile-long column", "distance"),
    ("for eight years", "duration"), ("men aged between 18 and 60", "age"),
    ("since 2014", "year"), ("70% of the force", "percent"), ("at 9 a.m. local time", "time"),
    ("on March 10-11", "date"), ("up to one-fifth of its tanks", "fraction"),
    ("three times as many", "multiplier"), ("the 98th brigade", "ordinal"),
])
def test_numbers_mark_measures_that_are_no_head_count(phrase: str, measure: str) -> None:
    assert find_quantities(phrase)[0].measure == measure


@pytest.mark.parametrize("phrase", ["killed 37 students", "12 staff members", "40 stretchers",
                                    "9 thugs", "14 stations"])
def test_a_word_after_a_figure_that_opens_like_an_ordinal_suffix_is_no_ordinal(phrase: str) -> None:
    # only a suffix glued to the figure ("21st", "98th") makes it an ordinal
    assert find_quantities(phrase)[0].measure is None


def test_numbers_ignore_model_names_and_codes() -> None:
    assert find_quantities("S-400 batteries, Su-25 jets, F-16s and the M23 group") == []


@pytest.mark.parametrize(("phrase", "value"), [
    ("a garrison of 15 000 troops", 15_000), ("some 1\u00a0250 tanks", 1_250),
    ("about 3.500 soldiers", 3_500), ("1.250.000 people", 1_250_000),
    ("a 12\u202f000-strong force", 12_000),
])
def test_thousands_grouped_by_a_space_or_a_dot_are_one_figure(phrase: str, value: int) -> None:
    # translated and continental copy groups thousands so; offsets stay those of the text
    (q,) = find_quantities(phrase)
    assert q.low == value and phrase[q.num_start].isdigit()
    assert not phrase[q.end:q.end + 1].isdigit()


@pytest.mark.parametrize(("phrase", "values"), [
    ("2.500 million people", [2_500_000]), ("on May 12 300 soldiers", [12, 300]),
    ("rose 3.5 percent", [3.5]), ("in 2022 300 people", [2022, 300]),
])
def test_a_decimal_or_a_date_beside_a_figure_is_not_grouped(phrase: str,
                                                          values: list[float]) -> None:
    assert [q.low for q in find_quantities(phrase)] == values


@pytest.mark.parametrize(("size", "count"), [("some 1,500 troops", 1500), ("15 000 troops", 15000),
                                             ("Four warships", 4), ("hundreds of troops", None)])
def test_the_count_a_force_s_size_gives(size: str, count: float | None) -> None:
    from sitrep.extract.movements.merge import _count
    assert _count(size) == count

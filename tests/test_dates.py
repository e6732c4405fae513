"""Dates resolved against the publication date, on phrases written for the project."""

from __future__ import annotations

from sitrep.dates import find_dates, resolve_date

PUBLISHED = "2022-03-16"  # a Wednesday


def test_dates_read_a_weekday_as_the_last_one_before_publication() -> None:
    assert resolve_date("the ministry said on Monday", PUBLISHED) == "2022-03-14"


def test_dates_read_the_publication_weekday_as_that_day() -> None:
    assert resolve_date("figures released on Wednesday", PUBLISHED) == "2022-03-16"


def test_dates_read_yesterday_and_days_ago() -> None:
    assert resolve_date("the column moved yesterday", PUBLISHED) == "2022-03-15"
    assert resolve_date("the attack began 21 days ago", PUBLISHED) == "2022-02-23"


def test_dates_read_month_and_day_in_the_publication_year() -> None:
    assert resolve_date("ships passed on March 10", PUBLISHED) == "2022-03-10"
    assert resolve_date("on 1 April 2023 the draft starts", PUBLISHED) == "2023-04-01"


def test_dates_need_a_publication_date_for_relative_words() -> None:
    assert resolve_date("on Monday", None) is None
    assert find_dates("yesterday", None) == []


def test_numeric_dates_read_month_first_unless_they_cannot():
    assert resolve_date("posted 07/04/2025 at noon", None) == "2025-07-04"
    assert resolve_date("posted 25.04.2025", None) == "2025-04-25"


def test_one_resolver_dates_movements_and_claims_in_the_same_sentence():
    import sitrep

    text = ("Published 20 March 2025\n\nTanks of the 5th Brigade rolled into Kherson on March 14, "
            "the governor said, and 40 soldiers were wounded.\n")
    doc = sitrep.process(text)
    assert doc.source.published and doc.source.published.startswith("2025-03-20")
    assert [m.date for m in doc.movements] == ["2025-03-14"]
    assert [c.date for c in doc.claims] == ["2025-03-14"]

from __future__ import annotations

from sitrep.clean import provenance
from sitrep.records import Document, Source


def test_byline_names_author_and_outlet() -> None:
    found = provenance.parse_byline("By Maria Okafor and Tom Hale for The Daily Ledger")
    assert found is not None
    author, outlet = found
    assert author.value == "Maria Okafor and Tom Hale"
    assert outlet is not None and outlet.value == "The Daily Ledger"


def test_byline_with_a_role_has_no_outlet() -> None:
    found = provenance.parse_byline("By Anna Berg, Senior Correspondent")
    assert found is not None and found[1] is None


def test_source_and_via_lines_name_the_original_outlet() -> None:
    assert provenance.parse_source_line("Source: Kyiv Independent").value == "Kyiv Independent"
    assert provenance.parse_source_line("Originally published by The Baltic Times") is not None
    via = provenance.parse_via_line("via GlobalNewsWire News https://t.co/abc Jane Roe")
    assert via is not None and via[0].value == "GlobalNewsWire" and via[1].value == "Jane Roe"


def test_dates_read_as_iso() -> None:
    assert provenance.find_date("Mon, 04/11/2022 - 14:05").value == "2022-04-11"
    assert provenance.find_date("Published 7 May 2023 at 10:00").value == "2023-05-07"
    assert provenance.find_date("Updated: March 3rd, 2022").value == "2022-03-03"
    assert provenance.find_date("25/12/2021").value == "2021-12-25"
    assert provenance.is_dateline("Thu, 06/09/2022 – 18:20")
    assert not provenance.is_dateline("On 06/09/2022 troops crossed the river near the city.")


def test_provenance_lines_leave_the_body_with_raw_evidence(clean) -> None:
    raw = (
        "Ferries resume after the storm\n\n"
        "By Lena Fischer for Harbour Post\n"
        "Sat, 10/15/2022 – 08:10\n\n"
        "Ferry services across the strait resumed on Saturday after three days of gales.\n\n"
        "Source: Harbour Post\n"
    )
    doc = clean(raw)
    src = doc.source
    assert (src.title, src.author, src.original_publisher, src.published) == (
        "Ferries resume after the storm", "Lena Fischer", "Harbour Post", "2022-10-15")
    for ev in src.evidence.values():
        assert raw[ev.start:ev.end] == ev.text
    assert "Lena" not in doc.clean_text and "2022" not in doc.clean_text


def test_values_a_reader_set_are_kept(clean) -> None:
    from sitrep.clean.step import CleanStep
    from sitrep.config import Config

    raw = "By Lena Fischer for Harbour Post\n\nFerries resumed on Saturday.\n"
    doc = Document.from_raw(raw)
    doc.source = Source(author="Desk Editor", original_publisher="Wire Service")
    CleanStep(Config()).process(doc)
    assert doc.source.author == "Desk Editor" and doc.source.original_publisher == "Wire Service"


def test_seed_provenance(seed) -> None:
    d001, d004, d000 = seed("001"), seed("004"), seed("000")
    assert d001.source.author == "Tyler Durden"
    assert d001.source.published == "2022-03-01"
    assert d001.source.original_publisher == "ZeroHedge"
    assert d004.source.author == "Chris Pleasance"
    assert d004.source.original_publisher == "MailOnline"
    assert d000.source.original_publisher == "Al Jazeera"

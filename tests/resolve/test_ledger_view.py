"""The ledger as the claims view reads it: no unit or period the evidence does not state, one
claimant for the spellings of one name, and the catch-all metric split by what it counts."""

from __future__ import annotations

from sitrep.records import Claim, Document
from sitrep.resolve.ledger import read_period, stated_unit
from sitrep.resolve.names import name_key
from sitrep.resolve.step import resolve_store
from sitrep.store.db import Store
from tests.resolve.corpus import make_doc, span
from tests.resolve.test_api import client_for

RAW = (
    "Rescuers had waited for more than a week before the road opened. "
    "About 3,100 managed to leave in buses on Friday, the relief agency said.\n\n"
    "President Zelenskyy said 40 drones were shot down overnight. "
    "Zelensky later said 900 people had left the town over the past week.\n\n"
    "The navy said it had seen 6 helicopters and 12 trucks near the port, "
    "and a spokesman counted 8 helicopters there a day later. Another 17 were reported.\n"
)


def claims_doc() -> Document:
    doc = make_doc(RAW, RAW, name="view", publisher="Harbour Gazette", published="2025-02-03")
    sentence = "About 3,100 managed to leave in buses on Friday, the relief agency said."
    doc.claims = [
        # the extraction called these evacuees "troops": the evidence says no such thing
        Claim("relief agency", "Ukraine", "evacuated", 3100, 3100, span(RAW, sentence),
              unit="troops", date="2025-02-03"),
        Claim("Zelensky", "Ukraine", "evacuated", 900, 900,
              span(RAW, "Zelensky later said 900 people had left the town over the past week."),
              unit="people", date="2025-02-03"),
        Claim("Zelenskyy", "Russia", "other", 40, 40,
              span(RAW, "President Zelenskyy said 40 drones were shot down overnight."),
              unit="drones", date="2025-02-03"),
        Claim("navy", "Russia", "other", 6, 6, span(RAW, "6 helicopters"), unit="helicopters",
              date="2025-02-03"),
        Claim("navy", "Russia", "other", 12, 12, span(RAW, "12 trucks"), unit="trucks",
              date="2025-02-03"),
        Claim("spokesman", "Russia", "other", 8, 8,
              span(RAW, "a spokesman counted 8 helicopters there"), unit="helicopters",
              date="2025-02-03"),
        Claim(None, "Russia", "other", 17, 17, span(RAW, "Another 17 were reported."),
              unit="vehicles", date="2025-02-03"),
    ]
    return doc


def test_a_period_is_read_from_the_figures_own_evidence_only() -> None:
    assert read_period("900 people had left the town over the past week") == "week"
    assert read_period("150 trucks a day were carried by ferry") == "day"
    # a time in the past is no span a figure is counted over
    assert read_period("300 vehicles that had not been there a week earlier") is None
    assert read_period("held up for more than a week beforehand") is None


def test_a_unit_is_kept_only_where_the_evidence_says_it() -> None:
    assert stated_unit("people", "900 people had left") == "people"
    assert stated_unit("troops", "About 3,100 managed to leave in buses") is None
    assert stated_unit("helicopters", "8 h\u0435licopters there") == "helicopters"
    assert stated_unit(None, "anything") is None


def test_spellings_of_one_name_are_one_claimant() -> None:
    assert name_key("Zelensky") == name_key("Zelenskyy") == name_key("Zelenskiy")
    assert name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")
    assert name_key("Zelensky") != name_key("Zelenska")


def read(store: Store, **params: str) -> list[dict]:  # type: ignore[type-arg]
    store.upsert(claims_doc())
    resolve_store(store)
    body = client_for(store).get("/api/ledger", params=params)
    assert body.status_code == 200
    return body.json()["quantities"]  # type: ignore[no-any-return]


def test_the_ledger_invents_no_unit_and_no_period(store: Store) -> None:
    quantities = read(store, metric="evacuated")
    by_period = {q["period"]: q for q in quantities}
    assert set(by_period) == {None, "week"}  # "more than a week before" is another sentence
    [agency] = by_period[None]["figures"]
    assert agency["low"] == 3100 and agency["unit"] is None
    [zelensky] = by_period["week"]["figures"]
    assert zelensky["unit"] == "people"


def test_the_catch_all_metric_is_split_by_what_it_counts(store: Store) -> None:
    others = [q for q in read(store) if q["metric"] == "other"]
    by_unit = {q["unit"]: sorted(f["low"] for f in q["figures"]) for q in others}
    # helicopters with helicopters; a figure that names nothing counted stands alone
    assert by_unit == {"helicopters": [6, 8], "trucks": [12], "drones": [40], None: [17]}
    assert len({q["key"] for q in others}) == len(others)


def test_one_claimant_key_for_two_spellings_and_a_series_finds_both(store: Store) -> None:
    series = read(store, claimant="Zelenskiy")
    figures = [f for q in series for f in q["figures"]]
    assert sorted(f["claimant"] for f in figures) == ["Zelensky", "Zelenskyy"]
    assert len({f["claimant_key"] for f in figures}) == 1

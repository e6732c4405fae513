"""The claims ledger: figures lined up by quantity and claimant, contradictions flagged."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from sitrep.records import Claim, Document
from sitrep.resolve.ledger import build_ledger, read_period
from sitrep.resolve.records import ClaimRow, ResolveOptions
from sitrep.resolve.step import resolve_store
from sitrep.sentences import sentence_around
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from tests.resolve import corpus
from tests.resolve.conftest import snapshot


def ledger_rows(store: Store) -> list[dict]:  # type: ignore[type-arg]
    with store.engine.connect() as conn:
        return [r._asdict() for r in conn.execute(select(rt.ledger))]


def claim(claim_id: str, claimant: str, metric: str, low: float | None, high: float | None,
          date: str | None = "2023-03-07", group: str = "g1") -> ClaimRow:
    return ClaimRow(claim_id=claim_id, doc_id=f"d-{claim_id}", group_id=group, claimant=claimant,
                    claimant_key=claimant.lower(), subject="Russia", subject_key="russia",
                    metric=metric, period=None, low=low, high=high, date=date, start=0, end=1,
                    evidence="x", confidence=0.5)


def flags(entries) -> dict[str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return {e.claim.claim_id: e.contradicts for e in entries}


def test_the_ledger_flags_figures_on_one_quantity_that_cannot_both_hold(store: Store) -> None:
    store.upsert(corpus.original())
    resolve_store(store)
    rows = {r["claimant"]: r for r in ledger_rows(store)}
    assert set(rows) == {"Kyiv", "western officials", "Moscow"}
    assert {r["subject_key"] for r in rows.values()} == {"russia"}
    kyiv, west, moscow = rows["Kyiv"], rows["western officials"], rows["Moscow"]
    assert set(kyiv["contradicts"]) == {west["claim_id"], moscow["claim_id"]}
    assert west["contradicts"] == [kyiv["claim_id"]]
    # 350 casualties can hold with "up to 4,000 killed": no flag between those two
    assert moscow["contradicts"] == [kyiv["claim_id"]]


def test_a_figure_repeated_by_a_copy_is_lined_up_once(store: Store) -> None:
    orig, copy = corpus.original(), corpus.copy_with_source_line()
    store.upsert_many([orig, copy])
    resolve_store(store)
    rows = ledger_rows(store)
    from_copy = [r for r in rows if r["doc_id"] == copy.id]
    from_orig = {r["claim_id"] for r in rows if r["doc_id"] == orig.id}
    assert len(from_copy) == 3 and all(r["copy_of"] in from_orig for r in from_copy)
    assert all(r["contradicts"] == [] for r in from_copy)
    assert all(r["copy_of"] is None for r in rows if r["doc_id"] == orig.id)


def test_one_claimants_figures_over_time_are_a_series_not_a_contradiction() -> None:
    march = claim("a", "General Staff", "killed", 9000, 9000, "2023-03-01")
    may = claim("b", "General Staff", "killed", 15000, 15000, "2023-05-01")
    assert flags(build_ledger([march, may], {}, ResolveOptions())) == {"a": (), "b": ()}


def test_figures_months_apart_do_not_contradict() -> None:
    a = claim("a", "Kyiv", "killed", 9000, 9000, "2023-03-01")
    b = claim("b", "Moscow", "killed", 500, 500, "2023-06-01")
    assert flags(build_ledger([a, b], {}, ResolveOptions())) == {"a": (), "b": ()}


def test_ranges_that_nearly_meet_are_within_the_margin() -> None:
    a = claim("a", "Kyiv", "killed", None, 6000)
    b = claim("b", "London", "killed", 6400, 6400)
    c = claim("c", "Paris", "killed", 7000, None)
    got = flags(build_ledger([a, b, c], {}, ResolveOptions()))
    assert got == {"a": ("c",), "b": (), "c": ("a",)}


def test_a_part_larger_than_another_claimants_whole_is_a_contradiction() -> None:
    killed = claim("a", "Pentagon", "killed", 7000, None)
    casualties = claim("b", "Moscow", "killed_or_wounded", 500, 500)
    wounded_only = claim("c", "Kyiv", "wounded", 100, 100)
    got = flags(build_ledger([killed, casualties, wounded_only], {}, ResolveOptions()))
    assert got == {"a": ("b",), "b": ("a",), "c": ()}


def test_an_undated_figure_is_compared_only_within_its_own_article() -> None:
    same_article = claim("a", "Kyiv", "killed", 9000, 9000, None, group="g1")
    beside_it = claim("b", "Moscow", "killed", 500, 500, None, group="g1")
    elsewhere = claim("c", "London", "killed", 100, 100, "2023-03-07", group="g2")
    got = flags(build_ledger([same_article, beside_it, elsewhere], {}, ResolveOptions()))
    assert got == {"a": ("b",), "b": ("a",), "c": ()}


def test_a_period_hidden_behind_lookalike_letters_is_read() -> None:
    assert read_period("lost 180 troops in the p\u0430\u0455t d\u0430y") == "day"


def test_a_daily_figure_is_not_compared_with_a_running_total() -> None:
    raw = "The ministry said Ukraine had lost up to 180 troops in the area in the past day. More."
    sentence = sentence_around(raw, raw.index("180"), raw.index("180") + 3)
    assert read_period(sentence) == "day"
    daily = replace(claim("a", "ministry", "killed", None, 180), period="day")
    total = claim("b", "Kyiv", "killed", 9000, 9000)
    assert flags(build_ledger([daily, total], {}, ResolveOptions())) == {"a": (), "b": ()}


def test_removing_a_documents_claims_clears_the_flags_they_raised(store: Store) -> None:
    doc = corpus.original()
    store.upsert(doc)
    resolve_store(store)
    doc.claims = doc.claims[:1]
    store.upsert(doc)
    resolve_store(store)
    [row] = ledger_rows(store)
    assert row["claimant"] == "Kyiv" and row["contradicts"] == []


def monthly_report(month: int, claimant: str, figure: int) -> Document:
    raw = f"{claimant} said on the record that {figure:,} Russian soldiers have been killed so far."
    doc = corpus.make_doc(raw, raw, name=f"m{month}-{claimant}", publisher=f"Outlet {month}",
                          published=f"2023-{month:02d}-10")
    doc.claims = [Claim(claimant, "Russian", "killed", figure, figure,
                        corpus.span(raw, f"{figure:,} Russian soldiers have been killed"))]
    return doc


def test_the_ledger_built_one_document_at_a_time_equals_the_batch(tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = [monthly_report(1, "Kyiv", 9000), monthly_report(1, "Moscow", 500),
            monthly_report(3, "Kyiv", 14000), monthly_report(3, "London", 13000),
            monthly_report(5, "Moscow", 900), monthly_report(5, "Kyiv", 20000)]
    one_by_one = Store(f"sqlite:///{tmp_path / 'a.db'}")
    for doc in reversed(docs):
        one_by_one.upsert(doc)
        resolve_store(one_by_one, [doc.id])
    batch = Store(f"sqlite:///{tmp_path / 'b.db'}")
    batch.upsert_many(docs)
    resolve_store(batch)
    assert snapshot(one_by_one)["ledger"] == snapshot(batch)["ledger"]
    flagged = {r["claimant"] + r["date"][:7] for r in ledger_rows(batch) if r["contradicts"]}
    assert flagged == {"Kyiv2023-01", "Moscow2023-01", "Kyiv2023-05", "Moscow2023-05"}


def test_figures_of_the_catch_all_metric_are_never_contradictions() -> None:
    from sitrep.resolve.ledger import find_contradictions
    from sitrep.resolve.records import ClaimRow, ResolveOptions

    def row(i: int, claimant: str, low: float) -> ClaimRow:
        return ClaimRow(claim_id=f"c{i}", doc_id=f"d{i}", group_id=f"d{i}", claimant=claimant,
                        claimant_key=claimant.lower(), subject="Russia", subject_key="russia",
                        metric="other", period=None, low=low, high=low, date="2024-03-01",
                        start=0, end=1, evidence="x", confidence=0.5)

    # twenty helicopters by one claimant and four hundred drones by another are unlike things
    assert find_contradictions([row(1, "Kyiv", 20), row(2, "Moscow", 400)], ResolveOptions()) == {}

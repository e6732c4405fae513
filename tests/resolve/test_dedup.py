"""Republished copies: grouped with MinHash LSH, the original chosen by provenance."""

from __future__ import annotations

import numpy as np
from sqlalchemy import select

from sitrep.resolve.dedup import original_rank, share, shingles
from sitrep.resolve.names import words
from sitrep.resolve.records import DocInfo
from sitrep.resolve.step import resolve_store
from sitrep.store import resolve_tables as rt
from sitrep.store.db import Store
from tests.resolve import corpus


def group_rows(store: Store) -> dict[str, dict]:  # type: ignore[type-arg]
    with store.engine.connect() as conn:
        return {r.doc_id: r._asdict() for r in conn.execute(select(rt.doc_groups))}


def test_original_and_three_noisy_copies_form_one_group_with_the_right_original(
        store: Store) -> None:
    docs = [corpus.original(), corpus.copy_with_source_line(), corpus.copy_spun(),
            corpus.copy_with_spam(), corpus.unrelated()]
    store.upsert_many(docs)
    resolve_store(store)
    rows = group_rows(store)
    orig, *copies = (d.id for d in docs[:4])
    assert {rows[c]["group_id"] for c in copies} == {rows[orig]["group_id"]}
    assert rows[orig]["role"] == "original" and rows[orig]["size"] == 4
    for c in copies:
        assert rows[c]["role"] == "copy" and rows[c]["original_id"] == orig
        assert rows[c]["parent_id"] == orig
        assert rows[c]["share"] >= 0.8
    unrelated = docs[4].id
    assert rows[unrelated]["group_id"] == unrelated and rows[unrelated]["size"] == 1


def test_a_copy_keeps_the_credit_line_as_evidence(store: Store) -> None:
    orig, copy = corpus.original(), corpus.copy_with_source_line()
    store.upsert_many([orig, copy])
    resolve_store(store)
    row = group_rows(store)[copy.id]
    assert row["credits"] == "Donbas Courier"
    assert copy.raw_text[row["credit_start"]:row["credit_end"]] == row["credit_text"]
    assert row["credit_text"] == "Source: Donbas Courier"
    assert row["reasons"][0] == "credits the source's outlet"


def test_lookalike_letters_do_not_hide_a_copy() -> None:
    plain = shingles(words(corpus.BODY), 5)
    spun = shingles(words(corpus.spin(corpus.BODY)), 5)
    assert spun.size > 100 and np.array_equal(plain, spun)


def test_different_texts_share_almost_no_shingles() -> None:
    a = shingles(words(corpus.BODY), 5)
    b = shingles(words(corpus.unrelated().clean_text), 5)
    assert share(b, a) < 0.05


def test_the_credited_outlet_is_the_original_even_when_dated_later() -> None:
    wire = DocInfo("a", "wire", "Eastern Wire", None, "2023-11-12", 0, 0, 0, 1.0)
    reprint = DocInfo("b", "reprint", "Frontline Digest", "Eastern Wire", "2023-11-11", 0, 0, 0,
                      1.0)
    members = [reprint, wire]
    assert min(members, key=lambda m: original_rank(m, members)) is wire


def test_without_credits_the_earliest_then_the_cleanest_is_the_original() -> None:
    early = DocInfo("b", "early", "A", None, "2023-01-01", 5, 1, 900, 0.7)
    late = DocInfo("a", "late", "B", None, "2023-01-02", 0, 0, 0, 1.0)
    same_day_clean = DocInfo("c", "clean", "C", None, "2023-01-01", 0, 0, 10, 1.0)
    members = [early, late, same_day_clean]
    ranked = sorted(members, key=lambda m: original_rank(m, members))
    assert [m.name for m in ranked] == ["clean", "early", "late"]


def test_a_copy_arriving_later_joins_the_existing_group(store: Store) -> None:
    orig, copy, later = corpus.original(), corpus.copy_spun(), corpus.copy_with_spam()
    store.upsert_many([orig, copy])
    resolve_store(store)
    store.upsert(later)
    stats = resolve_store(store)
    assert stats.documents == 1
    rows = group_rows(store)
    assert rows[later.id]["group_id"] == rows[orig.id]["group_id"]
    assert rows[orig.id]["size"] == 3 and rows[later.id]["original_id"] == orig.id


def test_an_earlier_original_arriving_later_takes_over_the_group(store: Store) -> None:
    copies = [corpus.copy_with_source_line(), corpus.copy_with_spam()]
    store.upsert_many(copies)
    resolve_store(store)
    # the document that names another outlet as its source is surely not the original
    assert group_rows(store)[copies[0].id]["original_id"] == copies[1].id
    orig = corpus.original()
    store.upsert(orig)
    resolve_store(store)
    rows = group_rows(store)
    assert {rows[d.id]["original_id"] for d in [orig, *copies]} == {orig.id}

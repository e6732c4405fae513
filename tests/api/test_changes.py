"""Reading what cleaning did back from an offset map, and mapping raw spans to clean ones."""

from __future__ import annotations

from sitrep.api.changes import clean_span, cleaning_changes
from sitrep.offsets import TextBuilder

RAW = "2.1k Shares\nThe cоnvoy moved north. Buy Cheap Widgets now.\nLeave a Reply\n"


def build() -> tuple[str, list[list[int]]]:
    tb = TextBuilder(RAW)
    start = RAW.index("The")
    o = RAW.index("о")  # a Cyrillic o inside an English word
    tb.copy(start, o)
    tb.replace(o, o + 1, "o")
    end = RAW.index(" Buy")
    tb.copy(o + 1, end)
    clean, omap = tb.build()
    return clean, [[p.start, p.end, p.src_start, p.src_end] for p in omap.pieces]


def test_changes_report_folded_letters_with_counts() -> None:
    clean, offsets = build()
    ch = cleaning_changes(RAW, clean, offsets, {})
    assert ch["folded"] == [{"raw": "о", "clean": "o", "count": 1}]
    assert RAW[ch["folded_spans"][0]["start"]] == "о"


def test_changes_report_removed_text_as_spam_when_flagged_else_boilerplate() -> None:
    clean, offsets = build()
    s = RAW.index("Buy")
    spam = [
        {"start": s, "end": s + len("Buy Cheap Widgets now."), "text": "Buy Cheap Widgets now."}
    ]
    ch = cleaning_changes(RAW, clean, offsets, {"spam_spans": spam})
    reasons = {r["text"].strip(): r["reason"] for r in ch["removed"]}
    assert reasons["2.1k Shares"] == "boilerplate"
    assert reasons["Buy Cheap Widgets now.\nLeave a Reply"] == "spam"
    assert ch["removed_chars"] == sum(r["end"] - r["start"] for r in ch["removed"])


def test_clean_span_maps_raw_evidence_to_the_clean_text() -> None:
    clean, offsets = build()
    s = RAW.index("cоnvoy")
    cs, ce = clean_span(offsets, s, s + len("cоnvoy moved"))
    assert clean[cs:ce] == "convoy moved"


def test_clean_span_is_none_for_text_cleaning_removed() -> None:
    _, offsets = build()
    assert clean_span(offsets, 0, 4) is None


def test_evidence_view_is_the_clean_span_with_its_folded_letters() -> None:
    from sitrep.api.changes import evidence_view

    clean, offsets = build()
    start, end = RAW.index("The"), RAW.index(" Buy")
    view = evidence_view(RAW, clean, offsets, start, end)
    assert view["raw"] == "The cоnvoy moved north."
    assert view["clean"]["text"] == "The convoy moved north."
    assert clean[view["clean"]["start"]:view["clean"]["end"]] == view["clean"]["text"]
    [fold] = view["folded"]
    assert (fold["raw"], fold["clean"]) == ("о", "o")
    assert view["clean"]["text"][fold["start"]:fold["end"]] == "o" and fold["start"] == 5
    # a span cleaning removed whole has no clean text; no map: the raw text is the clean one
    gone = RAW.index("Leave")
    assert evidence_view(RAW, clean, offsets, gone, gone + 5)["clean"] is None
    assert evidence_view(RAW, RAW, [], 0, 4)["clean"]["text"] == "2.1k"

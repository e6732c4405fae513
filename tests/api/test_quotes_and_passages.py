"""Who is quoted (/api/quotes/speakers, spellings of one name as one speaker), quotes found by
their words or their speaker, and document search results that carry the matched passage."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.records import Document, Quote
from sitrep.store.db import Store
from sitrep.store.passages import passage, search_pattern
from tests.api.conftest import LOCAL, assert_error, plain_doc, span

RAW = (
    "Harbour Gazette, evening edition.\n\n"
    '"The bridge will be repaired before the frost," President Zelensky told reporters.\n\n'
    '"We have enough generators for the winter," Zelenskyy said later in the day.\n\n'
    '"No ferry has crossed since Sunday," said Marta Kowalczyk, a port official.\n\n'
    '"The bridge is closed to lorries," Kowalczyk added.\n\n'
    '"Shelling resumed at dawn," said Tomas Berg.\n'
)


def quote(speaker: str, words: str) -> Quote:
    ev = span(RAW, words)
    return Quote(speaker=speaker, text=words, evidence=ev, date="2025-01-20", confidence=0.7,
                 rule="fixture")


def quotes_doc() -> Document:
    doc = plain_doc(RAW, "quotes-fixture", "Harbour Gazette", "2025-01-20")
    doc.quotes = [
        quote("Volodymyr Zelensky", "The bridge will be repaired before the frost"),
        quote("Volodymyr Zelenskyy", "We have enough generators for the winter"),
        quote("Marta Kowalczyk", "No ferry has crossed since Sunday"),
        quote("Marta Kowalczyk", "The bridge is closed to lorries"),
        quote("Tomas Berg", "Shelling resumed at dawn"),
    ]
    return doc


@pytest.fixture
def small(tmp_path: Path) -> TestClient:
    from sitrep.api.app import create_app

    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    store = Store(url)
    store.upsert(quotes_doc())
    store.dispose()
    return TestClient(create_app(url, token=""), raise_server_exceptions=False, base_url=LOCAL)


def speakers(client: TestClient, **params: object) -> dict:  # type: ignore[type-arg]
    resp = client.get("/api/quotes/speakers", params=params)  # type: ignore[arg-type]
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


def test_speakers_are_counted_with_the_spellings_of_one_name_as_one(small: TestClient) -> None:
    body = speakers(small)
    assert body["total"] == 3 and body["next_cursor"] is None
    got = [(s["name"], s["count"], sorted(s["names"])) for s in body["items"]]
    assert got[2] == ("Tomas Berg", 1, ["Tomas Berg"])
    assert sorted(got[:2]) == [
        ("Marta Kowalczyk", 2, ["Marta Kowalczyk"]),
        ("Volodymyr Zelensky", 2, ["Volodymyr Zelensky", "Volodymyr Zelenskyy"])]


def test_a_speakers_spellings_find_all_their_quotes(small: TestClient) -> None:
    [zelensky] = [s for s in speakers(small)["items"] if "zelensk" in s["key"]]
    resp = small.get("/api/quotes", params={"speaker": zelensky["names"]})
    texts = {q["text"] for q in resp.json()["items"]}
    assert texts == {"The bridge will be repaired before the frost",
                     "We have enough generators for the winter"}


def test_quotes_are_found_by_their_words_or_their_speaker(small: TestClient) -> None:
    by_words = small.get("/api/quotes", params={"q": "bridge"}).json()["items"]
    assert {q["speaker"] for q in by_words} == {"Volodymyr Zelensky", "Marta Kowalczyk"}
    by_name = small.get("/api/quotes", params={"q": "kowalczyk"}).json()["items"]
    assert len(by_name) == 2 and {q["speaker"] for q in by_name} == {"Marta Kowalczyk"}
    # the speaker list answers the same search
    assert [s["name"] for s in speakers(small, q="berg")["items"]] == ["Tomas Berg"]
    found = {s["name"]: s["count"] for s in speakers(small, q="bridge")["items"]}
    assert found == {"Volodymyr Zelensky": 1, "Marta Kowalczyk": 1}


def test_speakers_page_by_cursor_without_repeats_or_gaps(small: TestClient) -> None:
    seen, cursor = [], None
    for _ in range(5):
        body = speakers(small, limit=1, **({"cursor": cursor} if cursor else {}))
        seen += [s["key"] for s in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [s["key"] for s in speakers(small)["items"]]


def test_a_bad_or_foreign_cursor_is_a_clear_400(small: TestClient) -> None:
    assert_error(small.get("/api/quotes/speakers", params={"cursor": "not-a-cursor"}), 400)
    other = small.get("/api/quotes", params={"limit": 1}).json()["next_cursor"]
    assert other is not None
    err = assert_error(small.get("/api/quotes/speakers", params={"cursor": other}), 400)
    assert err["code"] == "bad_cursor"


def test_a_search_result_carries_the_matched_passage_with_its_words(client) -> None:  # type: ignore[no-untyped-def]
    items = client.get("/api/documents", params={"q": "Dzhankoi helicopters"}).json()["items"]
    assert items
    for d in items:
        clean = client.get(f"/api/documents/{d['id']}").json()["clean_text"]
        start, text = d["snippet_start"], d["snippet"]
        assert clean[start:start + len(text)] == text
        marked = [text[a:b].lower() for a, b in d["highlights"]]
        assert marked, d["name"]
        assert all(m.startswith(("dzhankoi", "helicopter")) for m in marked)


def test_the_matched_word_is_marked_exactly(client) -> None:  # type: ignore[no-untyped-def]
    [d] = client.get("/api/documents", params={"q": "Widget"}).json()["items"]
    assert d["name"] == "api-fixture-post"
    [(a, b)] = d["highlights"]
    assert d["snippet"][a:b] == "Widget"


def test_without_a_search_a_document_shows_its_opening_unmarked(client) -> None:  # type: ignore[no-untyped-def]
    items = client.get("/api/documents", params={"limit": 5}).json()["items"]
    assert all(d["snippet_start"] == 0 and d["highlights"] == [] for d in items)


def test_a_passage_is_cut_at_word_edges_around_the_first_match() -> None:
    text = ("word " * 100) + "the convoys reached Tokmak " + ("more " * 100)
    p = passage(text, search_pattern("convoy tokmak"))
    assert p.start > 0 and text[p.start:p.start + len(p.text)] == p.text
    assert not p.text.startswith(" ") and not text[p.start - 1].isalnum()
    assert [p.text[a:b] for a, b in p.marks] == ["convoys", "Tokmak"]
    assert search_pattern("  ") is None


@pytest.mark.postgres
def test_speakers_quote_search_and_passages_on_postgres(pg_empty: str) -> None:
    from sitrep.api.app import create_app

    store = Store(pg_empty)
    store.upsert(quotes_doc())
    store.dispose()
    with TestClient(create_app(pg_empty, token=""), raise_server_exceptions=False,
                    base_url=LOCAL) as client:
        top = speakers(client)["items"]
        assert [s["count"] for s in top] == [2, 2, 1]
        assert sorted(next(s for s in top if "zelensk" in s["key"])["names"]) == [
            "Volodymyr Zelensky", "Volodymyr Zelenskyy"]
        found = client.get("/api/quotes", params={"q": "KOWALCZYK"}).json()["items"]
        assert {q["speaker"] for q in found} == {"Marta Kowalczyk"}
        [d] = client.get("/api/documents", params={"q": "generators"}).json()["items"]
        assert [d["snippet"][a:b] for a, b in d["highlights"]] == ["generators"]

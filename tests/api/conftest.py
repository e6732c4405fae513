"""A real SQLite store built from the bundled examples, the seeds and two hand-made documents.

The examples and seeds go through the whole pipeline, so what they yield follows the extraction
work; the two hand-made documents carry facts written here, so filters can be checked exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.offsets import OffsetMap
from sitrep.records import Claim, Document, Evidence, Movement, Place, PlaceRef, Quote
from tests.conftest import EXAMPLES, SEEDS, need_shared

TOKEN = "test-token-7f3a"
# the server answers only to loopback names (TestClient's own default, "testserver", is refused)
LOCAL = "http://127.0.0.1"

WIRE_TEXT = (
    "Test Wire report (api fixture).\n\n"
    "A column of tanks moved from Belgorod toward Kharkiv on Monday, "
    "the Testland ministry said.\n\n"
    "The ministry said 300 soldiers of Otherland were killed in the fighting.\n\n"
    '"We will hold every road into the city," said Anna Testova, a regional official.\n'
)
POST_TEXT = (
    "Other Post bulletin (api fixture).\n\n"
    "Two Otherland warships sailed through the Tsugaru Strait, the coast guard reported.\n\n"
    "The Other Ministry said only 50 of its soldiers were killed.\n\n"
    "Cheap Widget Deals here.\n"
)


def span(raw: str, needle: str) -> Evidence:
    start = raw.index(needle)
    return Evidence.of(raw, start, start + len(needle))


def plain_doc(raw: str, name: str, publisher: str, published: str) -> Document:
    doc = Document.from_raw(raw, name=name)
    doc.clean_text = raw
    doc.offsets = OffsetMap.identity(len(raw))
    doc.language = "en"
    doc.source.publisher = publisher
    doc.source.published = published
    doc.source.title = raw.split("\n", 1)[0]
    return doc


def place(raw: str, mention: str, lat: float, lon: float, kind: str) -> Place:
    ev = span(raw, mention)
    return Place(
        mention=mention,
        start=ev.start,
        end=ev.end,
        name=mention,
        lat=lat,
        lon=lon,
        kind=kind,
        country="XX",
    )


def wire_doc() -> Document:
    raw = WIRE_TEXT
    doc = plain_doc(raw, "api-fixture-wire", "Test Wire", "2024-05-02")
    doc.places = [
        place(raw, "Belgorod", 50.6, 36.6, "city"),
        place(raw, "Kharkiv", 50.0, 36.2, "city"),
    ]
    doc.movements = [
        Movement(
            actor="Testland",
            equipment=["tanks"],
            status="en_route",
            evidence=span(raw, "A column of tanks moved from Belgorod toward Kharkiv on Monday"),
            origin=PlaceRef("Belgorod", 50.6, 36.6),
            destination=PlaceRef("Kharkiv", 50.0, 36.2),
            observed_by="Testland ministry",
            date="2024-05-02",
            confidence=0.9,
            rule="fixture",
        )
    ]
    doc.claims = [
        Claim(
            claimant="Testland ministry",
            subject="Otherland",
            metric="killed",
            low=300,
            high=300,
            evidence=span(raw, "300 soldiers of Otherland were killed"),
            date="2024-05-02",
            confidence=0.8,
            rule="fixture",
        )
    ]
    doc.quotes = [
        Quote(
            speaker="Anna Testova",
            text="We will hold every road into the city",
            evidence=span(raw, '"We will hold every road into the city," said Anna Testova'),
            date="2024-05-02",
            confidence=0.7,
            rule="fixture",
        )
    ]
    return doc


def post_doc() -> Document:
    raw = POST_TEXT
    doc = plain_doc(raw, "api-fixture-post", "Other Post", "2024-06-10")
    doc.places = [place(raw, "Tsugaru Strait", 41.5, 140.5, "strait")]
    doc.movements = [
        Movement(
            actor="Otherland",
            equipment=["warships"],
            status="transiting",
            evidence=span(raw, "Two Otherland warships sailed through the Tsugaru Strait"),
            location=PlaceRef("Tsugaru Strait", 41.5, 140.5),
            observed_by="coast guard",
            date="2024-06-10",
            confidence=0.3,
            rule="fixture",
        )
    ]
    doc.claims = [
        Claim(
            claimant="Other Ministry",
            subject="Otherland",
            metric="killed",
            low=50,
            high=50,
            evidence=span(raw, "only 50 of its soldiers were killed"),
            date="2024-06-10",
            confidence=0.6,
            rule="fixture",
        )
    ]
    doc.flags.homoglyphs_folded = 2
    doc.flags.spam_spans = [span(raw, "Cheap Widget Deals here.")]
    doc.flags.integrity = 0.7
    return doc


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory, pipeline) -> str:
    from sitrep.ingest.step import read_paths
    from sitrep.store.db import Store

    need_shared()
    path: Path = tmp_path_factory.mktemp("api") / "sitrep.db"
    url = f"sqlite:///{path}"
    store = Store(url)
    for doc in read_paths([str(EXAMPLES), str(SEEDS)]):
        store.upsert(pipeline.process(doc))
    store.upsert(wire_doc())
    store.upsert(post_doc())
    store.dispose()
    return url


@pytest.fixture(scope="session")
def client(store_url: str) -> Iterator[TestClient]:
    from sitrep.api.app import create_app

    with TestClient(create_app(store_url, token=""), raise_server_exceptions=False,
                    base_url=LOCAL) as c:
        yield c


def ids(resp_json: dict) -> list[str]:
    return [it["id"] for it in resp_json["items"]]


def assert_error(resp, status: int) -> dict:
    """The one error shape: {"error": {"status", "code", "message", "details"}}."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and err["code"] and len(err["message"]) > 15
    return err

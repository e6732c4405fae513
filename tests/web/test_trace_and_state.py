"""Traceability and shareable state in Chromium, at desktop and phone widths: a fact's outlet,
author, date and link; "Source" opening the article at the evidence; text search through a
place's other names; downloads of exactly what the filters show, in every map mode; the URL as
the state, in the map and the claims views."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pyarrow.parquet as pq
import pytest
from playwright.sync_api import expect

from tests.conftest import need_shared
from tests.web.conftest import Watched
from tests.web.test_ui import api

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=sorted(WIDTHS))
def screen(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Watched]:
    phone = request.param == "phone"
    context = browser.new_context(viewport=WIDTHS[request.param], is_mobile=phone,
                                  has_touch=phone, bypass_csp=True, accept_downloads=True)
    watched = Watched(context.new_page(), base_url)
    watched.width = request.param  # type: ignore[attr-defined]
    yield watched
    context.close()


def hash_params(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).fragment.partition("?")[2])


def listed_ids(page: Any) -> list[str]:
    return page.locator("#mv-list button.fact").evaluate_all("els => els.map(e => e.dataset.id)")


def wait_listed(page: Any, n: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('#mv-list button.fact').length === {n}")


def open_fact(ui: Watched, fact_id: str) -> Any:
    page = ui.open(f"#/map?fact={fact_id}", "map")
    page.locator("#detail .source").wait_for()
    return page


def test_a_seed_fact_shows_the_outlet_author_and_date_the_pipeline_found(screen) -> None:
    need_shared()
    page = screen.open("#/map", "map")
    offered = page.locator("#filters select[name=publisher] option").all_inner_texts()
    for outlet in ("Al Jazeera", "ZeroHedge", "MailOnline"):
        assert any(o.startswith(outlet + " (") for o in offered), offered
    zh = api(screen.base, "movements", publisher="ZeroHedge", limit=500)["items"]
    assert zh
    page.select_option("#filters select[name=publisher]", "ZeroHedge")
    page.click("#filters button[type=submit]")
    wait_listed(page, len(zh))
    page.locator("#mv-list button.fact").first.click()
    source = page.locator("#detail .source")
    source.wait_for()
    assert source.locator("dd.outlet").inner_text() == "ZeroHedge"
    assert source.locator("dd.author").inner_text() == "Tyler Durden"
    assert source.locator("dd.published").inner_text() == "2022-03-01"
    assert "001_570e4b5328ffaf42" not in source.locator("dd.title").inner_text()  # not a stem
    assert screen.problems == []


def test_an_incident_names_the_outlet_of_each_seed_report(screen) -> None:
    need_shared()
    outlets = {"000_71e1585eceabb743": "Al Jazeera", "001_570e4b5328ffaf42": "ZeroHedge",
               "004_1c37168e199462a6": "MailOnline"}
    incidents = api(screen.base, "incidents", limit=500)["items"]
    inc, report = next((i, r) for i in incidents for r in i["reports"]
                       if r["doc"]["name"] in outlets)
    assert report["doc"]["publisher"] == outlets[report["doc"]["name"]]
    page = screen.open(f"#/map/incidents?fact={inc['id']}", "map")
    page.locator("#detail li.report").first.wait_for()
    assert f"({outlets[report['doc']['name']]}" in page.locator("#detail").inner_text()
    # its Source opens the article at that report's evidence
    doc = api(screen.base, f"documents/{report['doc']['id']}")
    fact = next(m for m in doc["movements"] if m["id"] == report["movement_id"])
    page.locator(f"#detail a[href*='fact={report['movement_id']}']").first.click()
    page.wait_for_selector("body[data-ready=doc]")
    page.locator(".article .focus").first.wait_for()
    clean = doc["clean_text"][fact["clean"]["start"]:fact["clean"]["end"]]
    assert "".join(page.locator(".article .focus").all_text_contents()) == clean
    assert screen.problems == []


def test_a_fact_from_the_web_links_to_its_address(screen) -> None:
    moves = api(screen.base, "movements", limit=500)["items"]
    web = next(m for m in moves if (m["document"]["uri"] or "").startswith("https://"))
    page = open_fact(screen, web["id"])
    link = page.locator("#detail .source dd.uri a")
    assert link.get_attribute("href") == web["document"]["uri"]
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    outlet = web["document"]["publisher"] or web["document"]["original_publisher"]
    assert page.locator("#detail .source dd.outlet").inner_text() == outlet
    assert screen.problems == []


def test_source_opens_the_article_at_the_evidence_highlighted_whole_in_the_clean_text(
        screen) -> None:
    need_shared()
    doc = api(screen.base, "documents/004_1c37168e199462a6")
    # the fact read furthest into a long article full of lookalike letters
    fact = max(doc["movements"], key=lambda m: m["evidence"]["start"])
    page = open_fact(screen, fact["id"])
    page.locator("#detail a.open-evidence").click()
    page.wait_for_selector("body[data-ready=doc]")
    focus = page.locator(".article .focus")
    focus.first.wait_for()
    clean = doc["clean_text"][fact["clean"]["start"]:fact["clean"]["end"]]
    assert "".join(focus.all_text_contents()) == clean
    assert page.locator(".doc-main button", has_text="Show the raw text").count() == 1
    box = focus.first.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, box  # scrolled to it
    assert page.evaluate("window.scrollY + document.querySelector('.article').scrollTop") > 0
    assert hash_params(page)["fact"] == [fact["id"]]
    screen.shot(f"source-at-evidence-{screen.width}")
    assert screen.problems == []


def test_searching_kiev_finds_the_evidence_that_says_kyiv(screen) -> None:
    need_shared()
    found = api(screen.base, "movements", q="Kiev", limit=500)["items"]
    kyiv_only = [m for m in found if "Kyiv" in m["evidence"]["text"]
                 and "Kiev" not in m["evidence"]["text"]]
    assert kyiv_only
    page = screen.open("#/map", "map")
    page.fill("#filters input[name=q]", "Kiev")
    page.click("#filters button[type=submit]")
    wait_listed(page, len(found))
    assert set(listed_ids(page)) == {m["id"] for m in found}
    assert hash_params(page)["q"] == ["Kiev"]
    assert screen.problems == []


def download(page: Any, fmt: str) -> bytes:
    with page.expect_download() as info:
        page.locator(f"#exports a[data-format={fmt}]").click()
    path = info.value.path()
    with open(path, "rb") as fh:
        return fh.read()


def test_the_downloads_hold_exactly_what_the_filters_show(screen) -> None:
    page = screen.open("#/map", "map")
    page.select_option("#filters select[name=actor]", "Russia")
    page.fill("#filters input[name=min_confidence]", "0.7")
    page.click("#filters button[type=submit]")
    shown = api(screen.base, "movements", actor="Russia", min_confidence=0.7, limit=500)["items"]
    wait_listed(page, len(shown))
    ids = set(listed_ids(page))
    assert ids == {m["id"] for m in shown}
    rows = list(csv.DictReader(io.StringIO(download(page, "csv").decode("utf-8"))))
    assert {r["id"] for r in rows} == ids
    features = json.loads(download(page, "geojson"))["features"]
    located = {m["id"] for m in shown if m["lat"] is not None
               or (m["origin"] or {}).get("lat") is not None}
    assert {f["properties"]["id"] for f in features} == located
    table = pq.read_table(io.BytesIO(download(page, "parquet")))
    assert set(table.column("id").to_pylist()) == ids
    assert screen.problems == []


def mode_ids(page: Any, kind: str) -> set[str]:
    return set(page.locator(f"#mv-list button.{kind}").evaluate_all(
        "els => els.map(e => e.dataset.id)"))


def test_every_map_mode_downloads_exactly_what_its_filters_show(screen) -> None:
    """Dates, "keep undated" and text in the reports; dates and sources in the incidents; the
    reports' own filters in the tracks (a track one of whose positions a listed report gave)."""
    window = {"date_from": "2023-11-11", "date_to": "2023-11-12"}  # the examples' November
    page = screen.open("#/map?" + urlencode({**window, "undated": "true", "q": "Russian"}), "map")
    shown = api(screen.base, "movements", **window, undated="true", q="Russian",
                limit=500)["items"]
    wait_listed(page, len(shown))
    assert [m for m in shown if m["date"] is None] and [m for m in shown if m["date"]]
    rows = list(csv.DictReader(io.StringIO(download(page, "csv").decode("utf-8"))))
    assert {r["id"] for r in rows} == set(listed_ids(page)) == {m["id"] for m in shown}
    # incidents: the same dates, and two independent sources at least
    page = screen.open("#/map/incidents?" + urlencode({"date_from": "2024-04-01",
                                                       "date_to": "2024-04-30",
                                                       "min_sources": "2"}), "map")
    incidents = api(screen.base, "incidents", date_from="2024-04-01", date_to="2024-04-30",
                    min_sources=2, limit=500)["items"]
    assert incidents and len(incidents) < api(screen.base, "incidents", limit=1)["total"]
    expect(page.locator("#mv-list button.incident")).to_have_count(len(incidents))
    features = json.loads(download(page, "geojson"))["features"]
    assert {f["properties"]["id"] for f in features} == mode_ids(page, "incident") == {
        i["id"] for i in incidents if i["lat"] is not None}
    # tracks: the reports' own filters (dates with "keep undated", text, status...) pick the
    # tracks one of whose positions a report they list gave; both downloads hold those
    for params in ({**window, "undated": "true", "q": "Russian"}, {"status": "withdrawing"}):
        page = screen.open("#/map/tracks?" + urlencode(params), "map")
        reported = {m["id"] for m in api(screen.base, "movements", **params, limit=500)["items"]}
        shown = tracks_reported_by(screen.base, reported)
        assert 0 < len(shown) < api(screen.base, "tracks", limit=1)["total"]
        expect(page.locator("#mv-list button.track")).to_have_count(len(shown))
        features = json.loads(download(page, "geojson"))["features"]
        assert {f["properties"]["id"] for f in features} == mode_ids(page, "track") == shown
        rows = list(csv.DictReader(io.StringIO(download(page, "csv").decode("utf-8"))))
        assert {r["track_id"] for r in rows} == shown
        assert len(rows) == sum(len(f["geometry"]["coordinates"]) for f in features)
    assert screen.problems == []


def tracks_reported_by(base: str, movement_ids: set[str]) -> set[str]:
    """The tracks with a position (an incident) that one of these movements reported, read
    from the API's incidents and tracks."""
    incidents = {i["id"] for i in api(base, "incidents", limit=500)["items"]
                 if {r["movement_id"] for r in i["reports"]} & movement_ids}
    return {t["id"] for t in api(base, "tracks", limit=500)["items"]
            if {p["incident_id"] for p in t["points"]} & incidents}


def test_the_claims_view_keeps_its_quantity_and_claimant_in_the_url(screen) -> None:
    [q] = [q for q in api(screen.base, "ledger", subject="Northland", limit=500)["quantities"]
           if q["metric"] == "killed"]
    ministry = [f for f in q["figures"] if f["claimant"] == "Northland defence ministry"]
    page = screen.open("#/claims", "claims")
    page.locator(f"#ledger-groups button.group[data-key='{q['key']}']").click()
    page.wait_for_function("k => location.hash.includes('quantity=' + encodeURIComponent(k))",
                           arg=q["key"])
    assert hash_params(page)["quantity"] == [q["key"]]
    page.locator("#ledger-detail table.ledger button.claimant",
                 has_text="Northland defence ministry").first.click()
    rows = page.locator("#ledger-detail table.ledger tbody tr")
    expect(rows).to_have_count(len(ministry))
    params = hash_params(page)
    assert params["claimant"] == ["Northland defence ministry"]
    assert params["quantity"] == [q["key"]]
    # the link, opened fresh: the same claimant's figures on the same quantity
    fresh = Watched(screen.page.context.new_page(), screen.base)
    fresh.page.goto(page.url)
    fresh.page.wait_for_selector("body[data-ready=claims]")
    expect(fresh.page.locator("#ledger-detail table.ledger tbody tr")).to_have_count(
        len(ministry))
    pressed = fresh.page.locator("#ledger-groups button.group[aria-pressed=true]")
    assert pressed.get_attribute("data-key") == q["key"]
    assert fresh.page.input_value("#claim-filters select[name=claimant]") == \
        "Northland defence ministry"
    fresh.page.close()
    # back: every claimant again, still on that quantity
    page.go_back()
    expect(rows).to_have_count(len(q["figures"]))
    assert "claimant" not in hash_params(page) and hash_params(page)["quantity"] == [q["key"]]
    pressed = page.locator("#ledger-groups button.group[aria-pressed=true]")
    assert pressed.get_attribute("data-key") == q["key"]
    assert screen.problems == [] and fresh.problems == []


def test_the_url_holds_filters_and_fact_through_reload_back_and_forward(screen) -> None:
    page = screen.open("#/map", "map")
    testland = api(screen.base, "movements", actor="Testland")["items"]
    page.select_option("#filters select[name=actor]", "Testland")
    page.click("#filters button[type=submit]")
    wait_listed(page, len(testland))
    page.locator("#mv-list button.fact").first.click()
    page.locator("#detail .source").wait_for()
    params = hash_params(page)
    assert params["actor"] == ["Testland"] and params["fact"] == [testland[0]["id"]]
    shared = page.url
    # a shared link, opened fresh: the same filters, list and fact
    fresh = screen.page.context.new_page()
    other = Watched(fresh, screen.base)
    other.page.goto(shared)
    other.page.wait_for_selector("body[data-ready=map]")
    other.page.locator("#detail .source").wait_for()
    assert other.page.input_value("#filters select[name=actor]") == "Testland"
    assert other.page.locator("#mv-list button.fact").count() == len(testland)
    assert testland[0]["evidence"]["text"][:30] in other.page.locator("#detail").inner_text()
    fresh.close()
    # another filter is a new history entry; back restores the first, forward the second
    page.select_option("#filters select[name=actor]", "")
    page.fill("#filters input[name=q]", "convoy")
    page.click("#filters button[type=submit]")
    convoy = api(screen.base, "movements", q="convoy", limit=500)["items"]
    wait_listed(page, len(convoy))
    page.go_back()
    wait_listed(page, len(testland))
    assert page.input_value("#filters select[name=actor]") == "Testland"
    assert page.input_value("#filters input[name=q]") == ""
    page.go_forward()
    wait_listed(page, len(convoy))
    assert page.input_value("#filters input[name=q]") == "convoy"
    assert screen.problems == [] and other.problems == []


def test_the_other_views_keep_their_filters_in_the_url(screen) -> None:
    page = screen.open("#/claims?metric=killed", "claims")
    assert page.input_value("#claim-filters select[name=metric]") == "killed"
    page = screen.open("#/documents?q=Kupiansk", "documents")
    assert page.input_value("#doc-search input[name=q]") == "Kupiansk"
    total = api(screen.base, "documents", q="Kupiansk", with_total="true")["total"]
    page.wait_for_function(f"document.querySelectorAll('#doc-list .doc-card').length === {total}")
    page = screen.open("#/quotes?q=Testova", "quotes")
    assert page.input_value("#quote-search input[name=q]") == "Testova"
    page = screen.open("#/map/incidents?actor=Northland", "map")
    assert page.locator("#map-mode input[value=incidents]").is_checked()
    assert page.input_value("#filters select[name=actor]") == "Northland"
    assert screen.problems == []


def test_a_figure_and_a_quote_open_their_article_at_their_evidence(screen) -> None:
    claim = api(screen.base, "claims", claimant="Testland ministry")["items"][0]
    quote = api(screen.base, "quotes", speaker="Anna Testova")["items"][0]
    doc = api(screen.base, f"documents/{claim['doc_id']}")
    page = screen.open("#/claims?claimant=Testland+ministry", "claims")
    page.locator("#ledger-groups button.group").first.click()
    page.locator(f"tr[data-claim='{claim['id']}'] a").click()
    page.wait_for_selector("body[data-ready=doc]")
    page.locator(".article .focus").first.wait_for()
    assert "".join(page.locator(".article .focus").all_text_contents()) == claim["evidence"]["text"]
    assert hash_params(page)["fact"] == [claim["id"]]
    page = screen.open("#/quotes?q=Testova", "quotes")
    page.locator(f".quote-card[data-quote='{quote['id']}'] a").click()
    page.wait_for_selector("body[data-ready=doc]")
    page.locator(".article .focus").first.wait_for()
    assert "".join(page.locator(".article .focus").all_text_contents()) == quote["evidence"]["text"]
    assert doc["id"] == quote["doc_id"]
    assert screen.problems == []

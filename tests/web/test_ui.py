"""The web UI in Chromium: map, evidence, filters, timeline, claims, document view, escaping."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser


def api(base: str, path: str, **params: Any) -> Any:
    return httpx.get(base + "api/" + path, params=params, timeout=30).json()


def list_texts(page: Any) -> list[str]:
    return page.locator("#mv-list button.fact").all_inner_texts()


def test_map_draws_every_located_movement_and_lists_them_all(ui) -> None:
    page = ui.open("#/map", "map")
    movements = api(ui.base, "movements", limit=500)["items"]
    located = api(ui.base, "movements.geojson", limit=5000)["features"]
    # an origin that is an area (a sea, a country) is no point an arrow sets out from
    set_out = [m for m in movements if (m["origin"] or {}).get("lat") is not None
               and not m["origin"]["area"]]
    assert page.locator("#mv-list button.fact").count() == len(movements)
    # each movement is one circle or one line; a line (out of an origin) has an arrow head
    assert page.locator("#map path.leaflet-interactive").count() == len(located)
    assert page.locator("#map .arrow-head").count() == len(set_out)
    shown = " ".join(list_texts(page))
    for m in movements:
        place = (m["destination"] or m["location"] or m["origin"] or {}).get("mention")
        if place:
            assert place in shown
    ui.shot("map")
    assert ui.problems == []


def test_the_seeds_movements_are_on_the_map(ui) -> None:
    page = ui.open("#/map", "map")
    seeds = [d for d in api(ui.base, "documents", limit=500)["items"]
             if re.fullmatch(r"\d{3}_[0-9a-f]{16}", d["name"])]
    assert len(seeds) == 3
    seed_moves = [m for d in seeds for m in api(ui.base, "movements", doc_id=d["id"])["items"]
                  if m["lat"] is not None]
    shown = " ".join(list_texts(page))
    for m in seed_moves:  # Izyum, Kyiv, the Tsugaru Strait, as far as extraction finds them
        assert (m["destination"] or m["location"] or m["origin"])["mention"] in shown
    assert ui.problems == []


def test_clicking_a_movement_on_the_map_shows_its_evidence_source_and_date(ui) -> None:
    page = ui.open("#/map", "map")
    movements = api(ui.base, "movements", limit=500)["items"]
    # wait until Leaflet has projected the shapes, then click a drawn one
    drawn = "#map path.leaflet-interactive:not([d='M0 0'])"
    page.wait_for_selector(drawn, state="attached")
    page.locator(drawn).first.dispatch_event("click")
    detail = page.locator("#detail")
    detail.locator("blockquote").wait_for()
    text = detail.inner_text()
    hit = [m for m in movements if m["evidence"]["text"].split()[0] in text
           and (m["date"] or "undated") in text]
    assert hit, text
    assert detail.locator("a[href^='#/doc/']").count() == 1
    ui.shot("map-evidence")
    assert ui.problems == []


def test_a_filter_changes_the_list_and_the_map(ui) -> None:
    page = ui.open("#/map", "map")
    before = page.locator("#mv-list button.fact").count()
    page.select_option("#filters select[name=actor]", "Testland")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#mv-list button.fact').length === 1")
    assert "Testland" in list_texts(page)[0]
    assert page.locator("#map .arrow-head").count() == 1
    assert before > 1
    ui.shot("map-filtered")
    assert ui.problems == []


def test_choosing_a_day_on_the_timeline_filters_the_map(ui) -> None:
    page = ui.open("#/map", "map")
    days = api(ui.base, "timeline", kind="movements")["days"]
    day = days[0]
    page.locator(f"#timeline rect[data-day='{day['day']}']").dispatch_event("click")
    page.wait_for_function(
        f"document.querySelectorAll('#mv-list button.fact').length === {day['count']}")
    # the timeline is redrawn with the chosen day marked once the list has loaded
    page.wait_for_function("document.querySelectorAll('#timeline rect.on').length === 1")
    assert ui.problems == []


def test_keyboard_reaches_a_movement_and_opens_it(ui) -> None:
    page = ui.open("#/map", "map")
    page.locator("#mv-list button.fact").first.focus()
    page.keyboard.press("Enter")
    page.locator("#detail blockquote").wait_for()
    for _ in range(60):  # tabbing from the top reaches the list too
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#mv-list button.fact')"):
            break
    else:
        pytest.fail("Tab never reached the movement list")
    assert ui.problems == []


def test_claims_view_lists_a_seeds_figures_by_claimant(ui) -> None:
    page = ui.open("#/claims", "claims")
    doc = api(ui.base, "documents/004_1c37168e199462a6")
    wanted = {c["id"]: c["evidence"]["text"] for c in doc["claims"]}
    seen: set[str] = set()
    groups = page.locator("#ledger-groups button.group")
    for i in range(groups.count()):
        groups.nth(i).click()
        for row in page.locator("table.ledger tbody tr").all():
            cells = row.locator("td").all_inner_texts()
            assert cells[0].strip()  # every figure names its claimant (or the outlet itself)
            claim = row.get_attribute("data-claim")
            if claim in wanted:  # its evidence, as read (clean text once it has arrived)
                shown = row.locator("blockquote.evidence").inner_text()
                assert shown == wanted[claim] or row.locator(
                    "blockquote.evidence[data-view=clean]").count() == 1
            seen.add(claim)
    assert set(wanted) <= seen
    ui.shot("claims")
    assert ui.problems == []


def test_an_article_with_markup_in_its_text_renders_as_text(ui) -> None:
    page = ui.open("#/doc/06_dzhankoi_helicopters_xss", "doc")
    article = page.locator(".article")
    text = article.text_content() or ""
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert article.locator("script, img").count() == 0
    assert ui.dialogs == []
    ui.shot("xss-as-text")
    assert ui.problems == []


def test_document_view_highlights_facts_and_shows_integrity(ui) -> None:
    page = ui.open("#/doc/api-fixture-wire", "doc")
    marks = page.locator(".article .m-claim")
    marks.first.wait_for()
    page.locator(".integrity").wait_for()
    assert "300 soldiers of Otherland were killed" in " ".join(marks.all_inner_texts())
    assert page.locator(".integrity").inner_text().startswith("Integrity")
    page.locator(".doc-side button.fact").first.click()
    assert page.locator(".fact-detail blockquote").count() == 1
    page = ui.open("#/doc/api-fixture-post", "doc")
    page.locator(".integrity").wait_for()
    assert "Cheap Widget Deals here." in page.locator(".integrity").inner_text()
    ui.shot("document")
    assert ui.problems == []


def test_documents_search_finds_an_article(ui) -> None:
    page = ui.open("#/documents", "documents")
    page.fill("#doc-search input[name=q]", "Kupiansk")
    page.click("#doc-search button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#doc-list .doc-card').length === 2")
    assert ui.problems == []


def test_phone_width_has_no_sideways_scroll(browser, base_url) -> None:
    from tests.web.conftest import Watched

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    ui = Watched(context.new_page(), base_url)
    try:
        for route, ready in (("#/map", "map"), ("#/claims", "claims"),
                             ("#/doc/04_avdiivka_losses", "doc")):
            page = ui.open(route, ready)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 392, f"{route} is {width}px wide"
            ui.shot("phone-" + ready)
        assert page.locator("#counts").count() == 1
        assert ui.problems == []
    finally:
        context.close()

"""The resolve stage in Chromium: incidents and tracks on the map, copies in the documents,
the claims ledger with contradictions, copies and a claimant's series. Every expectation is read
from the API the page itself calls."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.test_ui import api

pytestmark = pytest.mark.browser


def copies_by_doc(base: str) -> dict[str, dict[str, Any]]:
    """doc id -> {"group": ..., "member": ...} for every document in a group of copies."""
    out = {}
    for g in api(base, "groups", limit=500)["items"]:
        for m in g["members"]:
            out[m["doc"]["id"]] = {"group": g, "member": m}
    return out


def doc_label(ref: dict[str, Any]) -> str:
    return ref["title"] or ref["name"]


def best_corroborated(base: str) -> dict[str, Any]:
    return max(api(base, "incidents", limit=500)["items"],
               key=lambda i: (i["n_sources"], i["n_reports"]))


def test_incidents_are_one_marker_each_sized_by_independent_sources(ui) -> None:
    page = ui.open("#/map/incidents", "map")
    incidents = api(ui.base, "incidents", limit=500)
    located = api(ui.base, "incidents.geojson")["features"]
    assert page.locator("#mv-list button.incident").count() == incidents["total"]
    assert page.locator("#map path.incident-marker").count() == len(located)
    counts = sorted({f["properties"]["n_sources"] for f in located})
    assert len(counts) > 1, "the test store should hold a corroborated incident"
    widths = []
    for n in counts:
        markers = page.locator(f"#map path.incident-marker.n-sources-{n}")
        assert markers.count() == sum(f["properties"]["n_sources"] == n for f in located)
        widths.append(markers.first.evaluate("el => el.getBBox().width"))
    assert widths == sorted(widths) and widths[0] < widths[-1]
    assert page.locator("#mv-title").inner_text() == "Incidents"
    ui.shot("map-incidents")
    assert ui.problems == []


def test_an_incident_lists_its_reports_with_evidence_source_and_copies(ui) -> None:
    page = ui.open("#/map/incidents", "map")
    copies = copies_by_doc(ui.base)
    # the best corroborated incident one of whose reports is a copy (the fixture's convoy)
    inc = max((i for i in api(ui.base, "incidents", limit=500)["items"]
               if any(copies.get(r["doc"]["id"], {}).get("member", {}).get("role") == "copy"
                      for r in i["reports"])),
              key=lambda i: (i["n_sources"], i["n_reports"]))
    assert inc["n_sources"] >= 2, "a copy and an independent report of the fixture's convoy"
    page.locator(f"#mv-list button.incident[data-id='{inc['id']}']").click()
    detail = page.locator("#detail")
    reports = detail.locator("ol.reports > li")
    reports.first.wait_for()
    assert reports.count() == inc["n_reports"]
    assert f"{inc['n_sources']} independent sources" in detail.locator(".n-sources").inner_text()
    # one report per group of copies is a source; the rest are marked as not counted again
    assert detail.locator("ol.reports > li:not(.repeat)").count() == inc["n_sources"]
    for i, rep in enumerate(inc["reports"]):
        item = reports.nth(i)
        assert item.locator("blockquote").inner_text() == rep["evidence"]
        assert doc_label(rep["doc"]) in item.locator(".source").inner_text()
        entry = copies.get(rep["doc"]["id"])
        is_copy = entry is not None and entry["member"]["role"] == "copy"
        assert (item.locator(".badge.copies").count() == 1) == is_copy
        if is_copy:
            parent = next(m["doc"] for m in entry["group"]["members"]
                          if m["doc"]["id"] == entry["member"]["parent_id"])
            assert doc_label(parent) in item.locator(".badge.copies").inner_text()
    ui.shot("map-incident-reports")
    assert ui.problems == []


def test_clicking_an_incident_marker_opens_it(ui) -> None:
    page = ui.open("#/map/incidents", "map")
    drawn = "#map path.incident-marker:not([d='M0 0'])"
    page.wait_for_selector(drawn, state="attached")
    page.locator(drawn).last.dispatch_event("click")  # drawn last: the best corroborated
    page.locator("#detail ol.reports").wait_for()
    assert page.locator("#detail h2").inner_text().endswith(best_corroborated(ui.base)["place"])
    assert ui.problems == []


def test_tracks_are_lines_with_a_time_label_at_each_position(ui) -> None:
    page = ui.open("#/map/tracks", "map")
    tracks = api(ui.base, "tracks", limit=500)["items"]
    assert tracks, "the test store should hold a track"
    assert page.locator("#map path.track-line").count() == len(tracks)
    assert page.locator("#mv-list button.track").count() == len(tracks)
    labels = page.locator(".leaflet-tooltip.track-label").all_inner_texts()
    assert len(labels) == sum(len(t["points"]) for t in tracks)
    for t in tracks:
        for p in t["points"]:
            assert f"{p['place']} · {p['first_seen'] or 'undated'}" in " ".join(labels)
    longest = max(tracks, key=lambda t: len(t["points"]))
    page.locator(f"#mv-list button.track[data-id='{longest['id']}']").click()
    points = page.locator("#detail ol.track-points > li")
    points.first.wait_for()
    assert points.count() == len(longest["points"])
    for i, p in enumerate(longest["points"]):
        assert p["place"] in points.nth(i).inner_text()
    assert page.locator("#detail ol.track-points blockquote").count() >= 1
    ui.shot("map-tracks")
    assert ui.problems == []


def test_the_map_mode_switches_by_keyboard(ui) -> None:
    page = ui.open("#/map", "map")
    page.locator("#map-mode input[value=reports]").focus()
    page.evaluate("document.body.removeAttribute('data-ready')")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("body[data-ready=map]")
    assert page.url.endswith("#/map/incidents")
    total = api(ui.base, "incidents", limit=1)["total"]
    assert page.locator("#mv-list button.incident").count() == total
    # filters the incidents endpoint does not read are hidden, and one it does is shown
    assert page.locator("#filters select[name=status]").is_hidden()
    assert page.locator("#filters input[name=min_sources]").is_visible()
    page.fill("#filters input[name=min_sources]", "2")
    page.press("#filters input[name=min_sources]", "Enter")
    wanted = api(ui.base, "incidents", min_sources=2)["total"]
    page.wait_for_function(
        f"document.querySelectorAll('#mv-list button.incident').length === {wanted}")
    assert ui.problems == []


def test_the_documents_list_badges_copies_and_originals(ui) -> None:
    page = ui.open("#/documents", "documents")
    copies = copies_by_doc(ui.base)
    cards = page.locator("#doc-list .doc-card")
    assert cards.count() == len(api(ui.base, "documents", limit=50)["items"])
    marked = 0
    for i in range(cards.count()):
        card = cards.nth(i)
        entry = copies.get(card.get_attribute("data-doc") or "")
        badge = card.locator(".badge.copies")
        if entry is None:
            assert badge.count() == 0
            continue
        marked += 1
        text = badge.inner_text()
        if entry["member"]["role"] == "copy":
            parent = next(m["doc"] for m in entry["group"]["members"]
                          if m["doc"]["id"] == entry["member"]["parent_id"])
            assert text == f"copy of {doc_label(parent)}"
        else:
            assert str(entry["group"]["size"] - 1) in text
    assert marked == len(copies) > 0
    ui.shot("documents-copies")
    assert ui.problems == []


def test_a_copy_shows_its_source_share_and_credit_line(ui) -> None:
    groups = api(ui.base, "groups", limit=500)["items"]
    credited = [(g, m) for g in groups for m in g["members"] if m["credit_text"]]
    assert credited
    group, member = credited[0]
    parent = next(m["doc"] for m in group["members"] if m["doc"]["id"] == member["parent_id"])
    page = ui.open(f"#/doc/{member['doc']['id']}", "doc")
    panel = page.locator(".copies")
    text = panel.inner_text()
    assert "Republished from" in text and doc_label(parent) in text
    assert f"{round(member['share'] * 100)}%" in text
    assert panel.locator("q.credit").inner_text() == member["credit_text"]
    # the credit line is marked where it stands in the raw text (a click from the clean one)
    page.locator(".doc-main button", has_text="Show the raw text").click()
    assert page.locator(".article .c-credit").inner_text() == member["credit_text"]
    for reason in member["reasons"]:
        assert reason in text
    ui.shot("document-copy")
    page = ui.open(f"#/doc/{group['original_id']}", "doc")
    links = page.locator(".copies .copy-list a")
    assert links.count() == group["size"] - 1
    assert ui.problems == []


def test_a_document_without_copies_has_no_copies_panel(ui) -> None:
    page = ui.open("#/doc/api-fixture-post", "doc")
    page.locator(".integrity").wait_for()
    assert page.locator(".copies").count() == 0
    assert ui.problems == []


def test_the_ledger_flags_contradictions_and_points_at_them(ui) -> None:
    page = ui.open("#/claims", "claims")
    quantities = api(ui.base, "ledger", limit=500)["quantities"]
    assert page.locator("#ledger-groups button.group").count() == len(quantities)
    first = quantities[0]  # the ledger lists the most contradicted quantity first
    rows = page.locator("table.ledger tbody tr")
    assert rows.count() == len(first["figures"])
    flagged = [f for f in first["figures"] if f["n_contradicts"]]
    assert flagged, "the seeds' Russian losses should contradict each other"
    assert page.locator("#ledger-detail > p.badge.warn").count() == 1
    fig = flagged[0]
    row = page.locator(f"table.ledger tr[data-claim='{fig['claim_id']}']")
    row.locator("td.check button").click()
    shown = {f["claim_id"] for f in first["figures"]}
    hits = page.locator("table.ledger tr.hit")
    assert hits.count() == len(set(fig["contradicts"]) & shown) > 0
    for i in range(hits.count()):
        assert hits.nth(i).get_attribute("data-claim") in fig["contradicts"]
    ui.shot("claims-contradictions")
    assert ui.problems == []


def test_republished_figures_are_shown_as_copies_and_not_counted(ui) -> None:
    page = ui.open("#/claims", "claims")
    with_copies = api(ui.base, "ledger", limit=500, with_copies="true")["quantities"]
    n, q = next((n, q) for n, q in enumerate(with_copies)
                if any(f["copy_of"] for f in q["figures"]))
    n_copies = sum(1 for f in q["figures"] if f["copy_of"])
    page.check("#claim-filters input[name=with_copies]")
    page.click("#claim-filters button[type=submit]")
    page.wait_for_function("[...document.querySelectorAll('#ledger-groups .g-meta')]"
                           ".some(e => e.textContent.includes('not counted'))")
    group = page.locator("#ledger-groups button.group").nth(n)
    group.click()
    assert page.locator("table.ledger tr.copy-row").count() == n_copies
    # the chart draws each figure once: copies are not a second source for the same number
    assert page.locator(".claims-chart rect").count() == len(q["figures"]) - n_copies
    assert f"{n_copies} cop" in group.inner_text()
    assert ui.problems == []


def test_a_claimants_name_opens_their_series_over_time(ui) -> None:
    page = ui.open("#/claims", "claims")
    series_of, at = None, 0
    for n, q in enumerate(api(ui.base, "ledger", limit=500)["quantities"]):
        for f in q["figures"]:
            mine = [x for x in q["figures"] if x["claimant_key"] == f["claimant_key"] and x["date"]]
            if f["claimant"] and len(mine) >= 2:
                series_of, at = f["claimant"], n
                break
        if series_of:
            break
    assert series_of, "the test store should hold a claimant with two dated figures"
    page.locator("#ledger-groups button.group").nth(at).click()
    page.locator("table.ledger").get_by_role("button", name=series_of, exact=True).first.click()
    page.locator(".series-chart").wait_for()
    series = api(ui.base, "ledger", claimant=series_of, limit=500)["quantities"]
    assert page.locator("#claim-filters select[name=claimant]").input_value() == series_of
    assert page.locator("#ledger-groups button.group").count() == len(series)
    shown = page.locator("#ledger-groups button.group[aria-pressed=true]").inner_text()
    current = next(q for q in series if q["metric"].replace("_", " ") in shown
                   and (q["subject"] or "") in shown)
    dated = [f for f in current["figures"] if f["date"]]
    assert page.locator(".series-chart circle").count() == len(dated)
    dates = page.locator(".series-chart text.c-label").all_text_contents()
    assert sorted(f["date"][:10] for f in dated) == [
        d for d in dates if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)]
    ui.shot("claims-series")
    page.get_by_role("button", name="Show every claimant").click()
    page.wait_for_function("document.querySelectorAll('#ledger-groups button.group').length"
                           f" === {len(api(ui.base, 'ledger', limit=500)['quantities'])}")
    assert page.locator("#claim-filters select[name=claimant]").input_value() == ""
    assert ui.problems == []


@pytest.mark.parametrize("route,ready", [("#/map/incidents", "map"), ("#/map/tracks", "map"),
                                         ("#/documents", "documents"),
                                         ("#/doc/web-fixture-copy", "doc")])
def test_resolve_views_fit_a_phone(browser, base_url, route, ready) -> None:
    from tests.web.conftest import Watched

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    ui = Watched(context.new_page(), base_url)
    try:
        page = ui.open(route, ready)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 392, f"{route} is {width}px wide"
        ui.shot("phone-" + route.strip("#/").replace("/", "-"))
        assert ui.problems == []
    finally:
        context.close()

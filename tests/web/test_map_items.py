"""The map's own items in Chromium, at a desktop (1280x800) and a phone (390x844) width: arrows
out of an origin, no "at X" that repeats the destination, tracks of one force only, evidence in
clean text, article dates for undated facts, the actor legend, place names, the time axis."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from sitrep.geodesy import km
from sitrep.records import AREA_KINDS
from sitrep.resolve.records import ResolveOptions
from tests.web import map_corpus
from tests.web.test_ui import api

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
TSUGARU_SEED = "004_1c37168e199462a6"
THEATRE_KM = ResolveOptions().track_theatre_km


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    from tests.web.conftest import Watched

    phone = request.param == "phone"
    context = browser.new_context(viewport=SCREENS[request.param], is_mobile=phone,
                                  has_touch=phone, bypass_csp=True)
    watched = Watched(context.new_page(), base_url)
    watched.name = request.param
    yield watched
    context.close()


def westland(base: str) -> dict[str, dict[str, Any]]:
    """The fixture's movements by status word of their evidence: withdrawing, heading, set off."""
    items = api(base, "movements", actor="Westland", limit=50)["items"]
    out = {}
    for m in items:
        for key in ("withdrawing", "heading", "set off"):
            if key in m["evidence"]["text"]:
                out[key] = m
    assert len(out) == 3, items
    return out


def point(ref: dict[str, Any] | None) -> bool:
    """A place a force can be at: located, and not an area (a sea, an ocean, a country)."""
    return bool(ref) and ref["lat"] is not None and not ref["area"]  # type: ignore[index]


def drawn_paths(page: Any, base: str) -> dict[str, list[list[float]]]:
    return page.evaluate(f"import('{base}js/map.js').then((m) => m.arrowPaths())")


def apply_filters(page: Any, **values: str) -> None:
    for name, value in values.items():
        sel = f"#filters [name={name}]"
        if page.locator(sel).evaluate("el => el.tagName") == "SELECT":
            page.select_option(sel, value)
        else:
            page.fill(sel, value)
    page.locator("#filters button[type=submit]").click()


def wait_list(page: Any, n: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('#mv-list button.fact').length === {n}")


def open_item(page: Any, text: str) -> Any:
    page.locator("#mv-list button.fact", has_text=text).first.click()
    detail = page.locator("#detail")
    detail.locator("blockquote").wait_for()
    return detail


def test_an_origin_alone_is_an_arrow_out_of_it(screen) -> None:
    page = screen.open("#/map", "map")
    paths = drawn_paths(page, screen.base)
    movements = api(screen.base, "movements", limit=500)["items"]
    left_only = [m for m in movements if point(m["origin"])
                 and not (m["destination"] or {}).get("mention")]
    assert len(left_only) >= 3  # Westland's two, and the seeds' and examples' own
    for m in left_only:
        first, last = paths[m["id"]][0], paths[m["id"]][-1]
        assert first == pytest.approx([m["origin"]["lat"], m["origin"]["lon"]]), m["evidence"]
        assert last != pytest.approx(first)
    for m in movements:  # with a destination, the line runs from the origin into it
        o, d = m["origin"] or {}, m["destination"] or {}
        if point(o) and point(d):
            assert paths[m["id"]][0] == pytest.approx([o["lat"], o["lon"]])
            assert paths[m["id"]][-1][0] == pytest.approx(d["lat"])
    w = westland(screen.base)
    apply_filters(page, actor="Westland")
    wait_list(page, 3)
    titles = page.locator("#mv-list .f-title").all_inner_texts()
    assert "Westland withdrawing from Chernihiv" in titles
    assert "Westland en route from Kursk" in titles
    detail = open_item(page, "withdrawing from Chernihiv")
    assert "from Chernihiv" in detail.inner_text() and "toward" not in detail.inner_text()
    # its arrow head sits at the end of the line leaving Chernihiv, not on Chernihiv
    assert drawn_paths(page, screen.base)[w["withdrawing"]["id"]][0] == pytest.approx(
        [map_corpus.CHERNIHIV.lat, map_corpus.CHERNIHIV.lon])
    assert screen.problems == []


def test_a_destination_is_not_also_shown_as_the_location(screen) -> None:
    w = westland(screen.base)
    heading = w["heading"]
    assert heading["location"]["mention"] == heading["destination"]["mention"] == "Izyum"
    page = screen.open("#/map", "map")
    apply_filters(page, actor="Westland")
    wait_list(page, 3)
    assert "Westland en route → Izyum" in page.locator("#mv-list .f-title").all_inner_texts()
    where = open_item(page, "→ Izyum").locator("dd").first.inner_text()
    assert where == "toward Izyum"
    # drawn as the place it is heading to: a marker on Izyum, no line into it from itself
    assert drawn_paths(page, screen.base).get(heading["id"]) is None
    assert screen.problems == []


def test_tracks_join_one_force_and_never_an_oceans_centre(screen) -> None:
    tracks = api(screen.base, "tracks", limit=500)["items"]
    assert tracks, "the test store has tracks (Northland's convoy, Russia's column)"
    places = [p["place"] for t in tracks for p in t["points"]]
    # the examples' Chinese ships sailed from the East China Sea into the Pacific Ocean
    assert "Pacific Ocean" not in places and "East China Sea" not in places
    page = screen.open("#/map/tracks", "map")
    shown = " ".join(page.locator("#mv-list button.track").all_inner_texts())
    assert "Pacific Ocean" not in shown
    assert page.locator("#mv-list button.track").count() == len(tracks)
    for t in tracks:
        legs = zip(t["points"], t["points"][1:], strict=False)
        for a, b in legs:  # the store's tracks are on land: no leg is longer than a theatre
            assert km((a["lat"], a["lon"]), (b["lat"], b["lon"])) <= THEATRE_KM, t
    assert screen.problems == []


def test_a_sea_or_an_ocean_is_drawn_as_an_area_never_as_an_arrows_end(screen) -> None:
    movements = api(screen.base, "movements", limit=500)["items"]
    places = api(screen.base, "places", limit=500)
    assert places["next_cursor"] is None
    areas = {(p["doc_id"], p["mention"]) for p in places["items"] if p["kind"] in AREA_KINDS}
    for m in movements:  # each place says whether its document's gazetteer made it an area
        for ref in filter(None, (m["origin"], m["destination"], m["location"])):
            assert ref["area"] == ((m["doc_id"], ref["mention"]) in areas), ref
    east = {m["status"]: m for m in movements if m["actor"] == "Eastland"}
    assert east["en_route"]["destination"]["area"] and east["transiting"]["location"]["area"]
    # the examples' Chinese ships sailed from the East China Sea into the Pacific Ocean
    assert any(m["destination"] and m["destination"]["mention"] == "Pacific Ocean"
               for m in movements)
    page = screen.open("#/map", "map")
    paths = drawn_paths(page, screen.base)
    for m in movements:
        areas = [[r["lat"], r["lon"]] for r in (m["origin"], m["destination"], m["location"])
                 if r and r["area"] and r["lat"] is not None]
        for vertex in paths.get(m["id"], []):
            assert all(vertex != pytest.approx(a) for a in areas), (m["evidence"], vertex)
    # a movement with no place but an area is a dashed ring over it, not a point marker
    only_areas = [m for m in movements if not any(point(r) for r in (
        m["origin"], m["destination"], m["location"])) and m["lat"] is not None]
    assert len(only_areas) >= 2  # Eastland's submarines, the examples' ships
    expect(page.locator("#map path.mv-area")).to_have_count(len(only_areas))
    apply_filters(page, actor="Eastland")
    wait_list(page, 2)
    # out of Sevastopol into the Black Sea: a stub out of the port, the sea named as an area
    sailed = paths[east["en_route"]["id"]]
    assert sailed[0] == pytest.approx([map_corpus.SEVASTOPOL.lat, map_corpus.SEVASTOPOL.lon])
    assert page.locator("#map path.mv-departure").count() == 1
    detail = open_item(page, "Sevastopol")
    assert "from Sevastopol toward Black Sea (an area)" in detail.inner_text()
    detail = open_item(page, "Pacific Ocean")
    assert "in Pacific Ocean (an area)" in detail.inner_text()
    expect(page.locator("#map path.mv-area")).to_have_count(1)
    assert screen.problems == []


def test_evidence_is_the_clean_text_with_folded_letters_marked(screen) -> None:
    doc = api(screen.base, f"documents/{TSUGARU_SEED}")
    [ship] = [m for m in doc["movements"] if "Tsug" in m["evidence"]["text"]]
    raw = ship["evidence"]["text"]
    assert "\u1959" in raw  # the raw sentence spells "trucks" with a Tai Le letter
    page = screen.open("#/map", "map")
    apply_filters(page, q="Defense released an image")
    wait_list(page, 1)
    # the list line too: its evidence in clean text once it is in view
    snippet = page.locator("#mv-list .f-ev").first
    expect(snippet).to_have_attribute("data-view", "clean")
    assert "military trucks" in snippet.inner_text() and "\u1959" not in snippet.inner_text()
    assert snippet.locator(".folded[data-raw='\u1959']").count() == 1
    detail = open_item(page, "Defense released an image")
    quote = detail.locator("blockquote.evidence")
    page.wait_for_selector("#detail blockquote[data-view=clean]")
    text = quote.inner_text()
    assert "military trucks through the Tsugaru Strait" in text and "\u1959" not in text
    folded = quote.locator(".folded")
    raws = folded.evaluate_all("els => els.map((e) => e.dataset.raw)")
    ev = api(screen.base, f"documents/{doc['id']}/evidence", start=ship["evidence"]["start"],
             end=ship["evidence"]["end"])
    assert "\u1959" in raws and raws == [f["raw"] for f in ev["folded"]]
    marked = folded.nth(raws.index("\u1959"))
    assert marked.inner_text() == "u" and "U+1959" in marked.get_attribute("title")
    # the raw text, one click away, and back
    detail.get_by_role("button", name="Show raw text").click()
    assert quote.inner_text() == raw
    detail.get_by_role("button", name="Show clean text").click()
    assert quote.get_attribute("data-view") == "clean"
    assert screen.problems == []


def test_undated_facts_keep_their_articles_date_under_a_date_filter(screen) -> None:
    day = map_corpus.PUBLISHED
    items = api(screen.base, "movements", actor="Westland", date_from=day, date_to=day)["items"]
    assert {m["date_source"] for m in items} == {"article"}
    assert {m["date"] for m in items} == {day} and len(items) == 2
    page = screen.open("#/map", "map")
    apply_filters(page, actor="Westland", date_from=day, date_to=day)
    wait_list(page, 2)
    metas = page.locator("#mv-list .f-meta").all_inner_texts()
    assert all(f"{day} (article date)" in m for m in metas), metas
    detail = open_item(page, "withdrawing from Chernihiv")
    assert detail.locator("dd.article-date").inner_text() == f"{day} (article date)"
    # facts with no date at all (the seeds name none) are kept when asked
    kept = api(screen.base, "movements", date_from=day, date_to=day, undated="true",
               limit=500)["items"]
    never = [m for m in kept if m["date"] is None]
    assert never and len(kept) == len(never) + len(
        api(screen.base, "movements", date_from=day, date_to=day, limit=500)["items"])
    apply_filters(page, actor="")
    page.check("#filters [name=undated]")
    page.locator("#filters button[type=submit]").click()
    wait_list(page, len(kept))
    # by its id: the list shows evidence in clean text, which a raw lookalike letter may not match
    page.locator(f"#mv-list button.fact[data-id='{never[0]['id']}']").click()
    detail = page.locator("#detail")
    detail.locator("blockquote").wait_for()
    assert detail.locator("dd", has_text="undated").count() == 1
    page.uncheck("#filters [name=undated]")
    # a fact with its own date says only the date
    apply_filters(page, actor="Westland", date_from="", date_to="")
    wait_list(page, 3)
    assert any(m.startswith(map_corpus.HEADING_DAY + " ·") or m == map_corpus.HEADING_DAY
               for m in page.locator("#mv-list .f-meta").all_inner_texts())
    assert screen.problems == []


def test_the_legend_names_each_actor_in_its_colour(screen) -> None:
    page = screen.open("#/map", "map")
    actors = {m["actor"] or "unknown actor"
              for m in api(screen.base, "movements", limit=500)["items"]}
    legend = page.locator(".map-legend .chip")
    assert set(legend.all_inner_texts()) == actors
    swatches = page.locator(".map-legend .chip .dot").evaluate_all(
        "els => els.map((e) => getComputedStyle(e).backgroundColor)")
    assert len(set(swatches)) == len(swatches)  # a colour of its own for each actor
    chip = page.locator(".map-legend .chip[data-actor=Westland] .dot")
    colour = chip.evaluate("el => getComputedStyle(el).backgroundColor")
    apply_filters(page, actor="Westland")
    wait_list(page, 3)
    assert legend.all_inner_texts() == ["Westland"]
    strokes = page.locator("#map path.mv-arrow").evaluate_all(
        "els => els.map((e) => getComputedStyle(e).stroke)")
    assert strokes and set(strokes) == {colour}
    assert screen.problems == []


def label_boxes(page: Any) -> list[dict[str, float]]:
    return page.locator("#map .place-name span").evaluate_all(
        "els => els.map((e) => { const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height, t: e.textContent}; })")


def wait_names(page: Any, shown: list[str], hidden: tuple[str, ...] = ()) -> None:
    """Until the map's labels include every name of `shown` and none of `hidden`."""
    page.wait_for_function(
        "([shown, hidden]) => { const t = new Set([...document.querySelectorAll("
        "'#map .place-name span')].map((e) => e.textContent));"
        " return shown.every((n) => t.has(n)) && !hidden.some((n) => t.has(n)); }",
        arg=[shown, list(hidden)], timeout=20_000)


def assert_apart(boxes: list[dict[str, float]]) -> None:
    for i, a in enumerate(boxes):  # no two names overlap
        for b in boxes[i + 1:]:
            assert (a["x"] + a["w"] <= b["x"] + 1 or b["x"] + b["w"] <= a["x"] + 1
                    or a["y"] + a["h"] <= b["y"] + 1 or b["y"] + b["h"] <= a["y"] + 1), (a, b)


def test_place_names_on_the_offline_map_where_they_fit(screen) -> None:
    page = screen.open("#/map", "map")
    apply_filters(page, actor="Westland")  # the map fits Westland's places, in Ukraine
    wait_list(page, 3)
    wait_names(page, ["Kharkiv"])
    assert_apart(label_boxes(page))
    zoom_out = page.locator(".leaflet-control-zoom-out")
    zoom_out.click()
    zoom_out.click()
    # a country-wide zoom names the great cities; a small one gives way
    wait_names(page, ["Kyiv", "Moscow"], ("Kramatorsk",))
    assert_apart(label_boxes(page))
    assert screen.problems == []  # no request left the server


def test_the_timeline_is_a_time_axis_and_a_bar_fills_the_date_boxes(screen) -> None:
    page = screen.open("#/map", "map")
    days = api(screen.base, "timeline", kind="movements")["days"]
    assert len(days) >= 3
    bars = page.locator("#timeline rect.tl-bar")
    assert bars.count() == len(days)
    xs = {d["day"]: float(page.locator(f"#timeline rect[data-day='{d['day']}']")
                          .get_attribute("x")) for d in days}
    from datetime import date

    def n(day: str) -> int:
        return date.fromisoformat(day).toordinal()

    first, last = days[0]["day"], days[-1]["day"]
    per_day = (xs[last] - xs[first]) / (n(last) - n(first))
    for d in days:  # x grows with the date itself: gaps between days stay gaps
        assert xs[d["day"]] - xs[first] == pytest.approx(per_day * (n(d["day"]) - n(first)),
                                                         abs=0.01)
    ticks = page.locator("#timeline text.tl-label").all_text_contents()
    assert len(ticks) >= 2 and all(len(t) == 10 and t[4] == "-" for t in ticks)
    assert ticks[0] == first
    pick = max(days, key=lambda d: d["count"])
    page.locator(f"#timeline rect[data-day='{pick['day']}']").dispatch_event("click")
    wait_list(page, pick["count"])
    assert page.input_value("#filters [name=date_from]") == pick["day"]
    assert page.input_value("#filters [name=date_to]") == pick["day"]
    page.wait_for_function("document.querySelectorAll('#timeline rect.on').length === 1")
    assert page.locator("#timeline rect.tl-bar").count() == len(days)  # every day still there
    screen.shot(f"timeline-{screen.name}")
    assert screen.problems == []

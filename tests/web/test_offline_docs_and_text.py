"""In Chromium: the API docs render with the network cut off; data cannot reorder the page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.conftest import Watched

pytestmark = pytest.mark.browser

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_api_docs_render_with_every_outside_request_blocked(browser: Any, base_url: str,
                                                                  width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=width < 500)
    blocked: list[str] = []

    def loopback_only(route: Any) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOOPBACK:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", loopback_only)
    watched = Watched(context.new_page(), base_url)
    try:
        page = watched.page
        page.goto(base_url + "docs")
        page.wait_for_selector(".swagger-ui .opblock-summary-path", timeout=30_000)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert {"/api/movements", "/api/documents/{doc_id}", "/api/ingest"} <= set(paths)
        assert page.locator(".swagger-ui .info .title").inner_text().startswith("sitrep")
        # one operation opens with its parameters, as a reader would use the page
        page.locator(".opblock-summary-path", has_text="/api/movements").first.click()
        page.wait_for_selector(".swagger-ui .parameters-container .parameter__name",
                               timeout=10_000)
        watched.shot(f"docs-offline-{width}")
    finally:
        context.close()
    assert blocked == []
    assert watched.problems == []  # CSP violations show up here as console errors


@pytest.mark.parametrize("route,ready", [
    ("#/map", "map"), ("#/map/incidents", "map"), ("#/map/tracks", "map"),
    ("#/claims", "claims"), ("#/documents", "documents"), ("#/doc/api-fixture-post", "doc"),
])
def test_every_view_works_under_the_content_security_policy(browser: Any, base_url: str,
                                                           route: str, ready: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 860})
    watched = Watched(context.new_page(), base_url)
    try:
        page = watched.open(route, ready)
        assert page.locator("main").inner_text().strip()
    finally:
        context.close()
    assert watched.problems == []  # a refused inline style or script is a console error


def test_a_right_to_left_override_cannot_reverse_a_title(ui: Watched) -> None:
    page = ui.open("#/map", "map")
    # the UI's own text helper, as every view uses it for data
    lefts = page.evaluate("""async () => {
        const { h } = await import('./js/dom.js');
        const row = h('p', { id: 'probe', class: 'probe' }, 'Filed: ', '\\u202Eevil title',
                      ' 2024-05-02');
        document.body.append(row);
        return [...row.childNodes].map((n) => {
            const r = document.createRange(); r.selectNodeContents(n);
            return r.getBoundingClientRect().left; });
    }""")
    probe = page.locator("#probe")
    # the date still follows the title, and the title reads left to right
    assert lefts[0] < lefts[1] < lefts[2]
    assert "evil title" in probe.inner_text() and "\u202e" not in probe.inner_text()
    assert probe.locator("bdi").count() == 1
    assert ui.problems == []

"""A live server (uvicorn in a thread, on a free port) and the system Chromium, via Playwright."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import store_url  # noqa: F401 - the same real store as the API tests

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "web"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_store_url(store_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:  # noqa: F811
    """The API tests' store, copied (they count its rows), with the resolve corpus added and the
    resolve stage run over everything: groups of copies, incidents, tracks and the ledger."""
    from sitrep.resolve.step import resolve_store
    from sitrep.store.db import Store
    from tests.web import corpus, map_corpus

    path = tmp_path_factory.mktemp("web") / "sitrep.db"
    src, dst = sqlite3.connect(store_url.removeprefix("sqlite:///")), sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    url = f"sqlite:///{path}"
    store = Store(url)
    store.upsert_many([*corpus.documents(), *map_corpus.documents()])
    resolve_store(store)
    store.dispose()
    return url


@pytest.fixture(scope="session")
def base_url(web_store_url: str) -> Iterator[str]:
    import uvicorn

    from sitrep.api.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_store_url, token=""), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium "
                    "(apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors, dialogs and requests leaving the server."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith((base, "data:"))
                else self.problems.append(f"external request: {r.url}"))

    def open(self, route: str, ready: str) -> Any:
        if self.page.url.startswith(self.base):
            # a hash-only change keeps the page: forget the last view's ready mark first
            self.page.evaluate("document.body.removeAttribute('data-ready')")
        self.page.goto(self.base + route)
        self.page.wait_for_selector(f"body[data-ready={ready}]", timeout=20_000)
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def ui(browser: Any, base_url: str) -> Iterator[Watched]:
    # Playwright's wait_for_function runs its predicate through eval, which the server's
    # Content-Security-Policy forbids; test_offline_docs_and_text opens every view under it
    context = browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True)
    watched = Watched(context.new_page(), base_url)
    yield watched
    context.close()

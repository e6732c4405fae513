"""Screenshots of the workspace for the README: `make screenshots`.

Starts `sitrep demo` (the bundled examples, a throw-away store) on a free port, opens the map,
claims, documents and quotes views in Debian's Chromium at desktop (1280x800) and phone
(390x844) widths, and writes docs/screenshots/<view>-<width>.png (`--out DIR`: into DIR). A view
the UI does not have is reported and skipped; the script exits 1 if any was.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SITREP = Path(sys.executable).parent / "sitrep"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--no-first-run"]
WIDTHS: dict[str, Any] = {"desktop": {"width": 1280, "height": 800},
                          "phone": {"width": 390, "height": 844}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_demo(db: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([str(SITREP), "demo", "--db", f"sqlite:///{db}", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600  # the demo ingests the examples first
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"sitrep demo stopped: {said}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/facets", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("sitrep demo did not answer within 10 minutes")


def pick_first(selector: str, widths: tuple[str, ...] = ("desktop", "phone")
               ) -> Callable[[Any, str], None]:
    """After the view is ready: choose its first item, so the shot shows a detail too."""
    def act(page: Any, width: str) -> None:
        items = page.locator(selector)
        if width in widths and items.count():
            items.first.click()
            page.wait_for_timeout(800)
    return act


# name, route, the data-ready mark the view sets, what to do before the shot (on a phone the
# map's detail sits below the map: that shot shows the map itself)
VIEWS: list[tuple[str, str, str, Callable[[Any, str], None] | None]] = [
    ("map", "#/map", "map", pick_first("#mv-list button.fact", ("desktop",))),
    ("claims", "#/claims", "claims", pick_first("#ledger-groups button.group")),
    ("documents", "#/documents", "documents", None),
    ("quotes", "#/quotes", "quotes", None),
]


def shoot(base: str, out: Path = OUT) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    missing = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for width, viewport in WIDTHS.items():
            phone = width == "phone"
            context = browser.new_context(viewport=viewport, device_scale_factor=1,
                                          is_mobile=phone, has_touch=phone)
            page = context.new_page()
            for name, route, ready, act in VIEWS:
                page.goto(base + route)
                try:
                    page.wait_for_selector(f"body[data-ready={ready}]", timeout=20_000)
                except Exception:  # noqa: BLE001 - a view this UI does not have
                    missing.append(f"{name} ({width})")
                    continue
                page.wait_for_timeout(1000)  # map tiles of borders, fonts
                if act:
                    act(page, width)
                path = out / f"{name}-{width}.png"
                page.screenshot(path=str(path))
                print(f"{path}: {path.stat().st_size // 1024} KB")
                page.evaluate("document.body.removeAttribute('data-ready')")
            context.close()
        browser.close()
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    out = parser.parse_args().out.resolve()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_demo(Path(tmp) / "demo.db", port)
        try:
            missing = shoot(f"http://127.0.0.1:{port}/", out)
        finally:
            proc.terminate()
            proc.wait(30)
    if missing:
        print("no such view: " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

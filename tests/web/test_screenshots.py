"""`make screenshots` (scripts/screenshots.py): the real `sitrep demo`, started on a free port,
photographed in Chromium: map, claims, documents and quotes at desktop and phone widths, as the
README shows them."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web.conftest import CHROMIUM

VIEWS = ("map", "claims", "documents", "quotes")
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_readme_shows_the_four_views_at_both_widths() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\((docs/screenshots/[\w-]+\.png)\)", readme))
    wanted = {f"docs/screenshots/{v}-{w}.png" for v in VIEWS for w in SIZES}
    assert wanted <= shown
    for rel in wanted:
        assert png_size(ROOT / rel) == SIZES[rel.rsplit("-", 1)[1].removesuffix(".png")], rel


@pytest.mark.browser
@pytest.mark.slow
def test_make_screenshots_takes_them_again_from_the_demo(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"),
                          "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    made = {p.name: png_size(p) for p in tmp_path.glob("*.png")}
    assert made == {f"{v}-{w}.png": SIZES[w] for v in VIEWS for w in SIZES}

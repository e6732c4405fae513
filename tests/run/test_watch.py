"""`sitrep watch`: three polls of a feed that changes store each item once, ETags honoured."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.run.watch import parse_every
from sitrep.store.db import Store

ITEMS = [
    ("https://example.test/a", "Russian tanks were seen moving towards Kupiansk on Monday, "
     "the governor said."),
    ("https://example.test/b", "The ministry said 40 soldiers were wounded near Avdiivka."),
    ("https://example.test/c", "A convoy of Belarusian trucks crossed into Gomel region "
     "overnight, a monitoring group said."),
]  # fmt: skip


def _rss(n: int) -> bytes:
    entries = "".join(
        f"<item><title>Item {i}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{text}</description></item>"
        for i, (link, text) in enumerate(ITEMS[:n])
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://example.test/</link>{entries}</channel></rss>"
    ).encode()


class FeedServer:
    """Serves 2 items with ETag v1 on the first request, then 3 items with ETag v2."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests.append(dict(self.headers))
                version = "v1" if len(outer.requests) == 1 else "v2"
                if self.headers.get("If-None-Match") == f'"{version}"':
                    self.send_response(304)
                    self.end_headers()
                    return
                body = _rss(2 if version == "v1" else 3)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", f'"{version}"')
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    server = FeedServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.mark.slow
def test_three_polls_of_a_changing_feed_store_each_item_once(
    feed: FeedServer, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    db = f"sqlite:///{tmp_path / 'watch.db'}"
    res = CliRunner().invoke(app, ["watch", feed.url, "--every", "0s", "--cycles", "3",
                                   "--db", db])  # fmt: skip
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if ln.startswith("cycle ")]
    assert [ln.split(":")[1].split(",")[0].strip() for ln in lines] == ["2 new", "1 new", "0 new"]
    assert "1 feeds unchanged" in lines[2]
    assert [r.get("If-None-Match") for r in feed.requests] == [None, '"v1"', '"v2"']
    with Store(db).engine.connect() as conn:
        from sqlalchemy import text

        uris = conn.execute(text("SELECT uri FROM documents ORDER BY uri")).scalars().all()
    assert uris == [link for link, _ in ITEMS]


def test_every_takes_seconds_minutes_and_hours() -> None:
    assert [parse_every(s) for s in ("30s", "15m", "1h", "90")] == [30, 900, 3600, 90]
    with pytest.raises(ValueError):
        parse_every("soon")


@pytest.mark.slow
def test_a_folder_is_read_again_only_when_a_file_is_new_or_changed(tmp_path: Path) -> None:
    from sitrep.config import Config
    from sitrep.run.watch import Watcher

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text(ITEMS[0][1] + "\n")
    watcher = Watcher([str(drop)], Store(f"sqlite:///{tmp_path / 'w.db'}"), Config())
    news = [watcher.run_cycle(1).new, watcher.run_cycle(2).new]
    (drop / "b.txt").write_text(ITEMS[1][1] + "\n")
    news.append(watcher.run_cycle(3).new)
    (drop / "a.txt").write_text(ITEMS[2][1] + "\n")  # rewritten with other text
    news.append(watcher.run_cycle(4).new)
    assert news == [1, 0, 1, 1]
    assert watcher.store.counts()["documents"] == 3

"""Crawl archives and feeds are read as streams."""

from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest.step import read_paths

SITREP = str(Path(sys.executable).parent / "sitrep")


def _write_warc(path: Path, n: int, body_kb: int = 12) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            filler = (
                f"<p>Report {i}: supply trucks crossed the bridge at dawn, residents said.</p>"
                * (body_kb * 14)
            )
            html = (
                f"<html><head><title>Report {i}</title></head><body><article><h1>Report {i}</h1>"
                f"{filler}</article></body></html>"
            ).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                f"http://news.example/{i}",
                "response",
                payload=io.BytesIO(html),
                http_headers=headers,
            )
            writer.write_record(rec)
            if i % 10 == 0:  # non-HTML records are skipped
                meta = writer.create_warc_record(
                    f"http://news.example/{i}.json", "metadata", payload=io.BytesIO(b"{}")
                )
                writer.write_record(meta)


def test_warc_with_1000_records_streams_in_constant_memory(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, 1000)
    tracemalloc.start()
    n, uris = 0, set()
    for doc in read_paths([str(warc)]):
        n += 1
        uris.add(doc.source.uri)
        assert doc.kind == "html" and doc.source.published is None or doc.source.published
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 1000 and len(uris) == 1000
    # the archive holds ~12 MB of HTML; reading it must hold about one record at a time
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.slow
def test_warc_with_1000_records_is_ingested(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, 1000, body_kb=2)
    db = tmp_path / "w.db"
    res = subprocess.run(
        [SITREP, "ingest", str(warc), "--db", f"sqlite:///{db}", "--workers", "2"],
        capture_output=True,
        timeout=1200,
    )
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    from sitrep.store.db import Store

    assert Store(str(db)).counts()["documents"] == 1000


def test_rss_feed_entries_become_documents(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Convoy near Sumy</title><link>http://wire.example/1</link>
<pubDate>Tue, 01 Mar 2022 09:31:00 GMT</pubDate>
<description>A convoy was seen near Sumy.</description></item>
<item><title>Ships in the strait</title><link>http://wire.example/2</link>
<description>Two landing ships passed the strait on Monday.</description></item>
</channel></rss>""")
    docs = list(read_paths([str(feed)]))
    assert [d.source.uri for d in docs] == ["http://wire.example/1", "http://wire.example/2"]
    assert docs[0].source.published == "2022-03-01" and docs[0].source.title == "Convoy near Sumy"

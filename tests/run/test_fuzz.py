"""Bad input: over a thousand generated broken inputs, each yields a result or an error record."""

from __future__ import annotations

import gzip
import io
import random
import resource
from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.ingest.step import read_paths
from sitrep.pipeline import Pipeline
from sitrep.run.local import process_safely

pytestmark = pytest.mark.slow

PROSE = (
    "Russian armoured vehicles were seen moving towards Kupiansk on Tuesday, the governor said. "
    "\u201cThe column is at least ten kilometres long,\u201d he told reporters. "
)
HTML = (
    "<!doctype html><html><head><title>Convoy</title></head><body><article><h1>Convoy</h1>"
    + "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(8))
    + "</article></body></html>"
)


def _warc_record(body: bytes, declared: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/a\r\n"
        f"WARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _generate(folder: Path, rng: random.Random) -> int:
    n = 0

    def put(name: str, data: bytes) -> None:
        nonlocal n
        (folder / name).write_bytes(data)
        n += 1

    for i in range(350):
        put(f"random-{i}.bin", rng.randbytes(rng.randint(0, 4096)))
    for i in range(150):
        put(f"trunc-{i}.html", HTML.encode()[: rng.randint(1, len(HTML))])
    for i in range(60):
        depth = rng.randint(500, 5000)
        put(
            f"nested-{i}.html",
            (
                b"<html><body>"
                + b"<div><span>" * depth
                + PROSE.encode()
                + b"</span></div>" * (depth // 2)
            ),
        )
    for i in range(150):
        raw = bytearray(PROSE.encode() * rng.randint(1, 6))
        for _ in range(rng.randint(1, 30)):
            raw.insert(rng.randrange(len(raw)), rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0xE2, 0xED]))
        put(f"badutf8-{i}.txt", bytes(raw))
    for i in range(100):
        put(
            f"utf16-{i}.txt",
            (PROSE * rng.randint(1, 4)).encode("utf-16-le" if i % 2 else "utf-16-be"),
        )
    for i in range(100):
        zw = "\u200b\u200c\u200d\u2060\ufeff"
        put(
            f"zerowidth-{i}.txt",
            "".join(c + (rng.choice(zw) if rng.random() < 0.3 else "") for c in PROSE).encode(),
        )
    for i in range(60):
        body = HTML.encode()
        declared = rng.choice([len(body) * 3, len(body) // 3, 0, 10**9])
        put(f"lying-{i}.warc", _warc_record(body, declared) * rng.randint(1, 3))
    for i in range(30):
        if i % 2:
            bomb = gzip.compress(b"\0" * 20_000_000)  # 20 MB of zeros in ~20 KB
        else:
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
                gz.write(
                    _warc_record(
                        b"<html><body>" + b"A" * 30_000_000 + b"</body></html>", 30_000_060
                    )
                )
            bomb = buf.getvalue()[: rng.randint(100, len(buf.getvalue()))]
        put(f"bomb-{i}.warc.gz", bomb)
    put(
        "oneline.txt",
        (PROSE.replace("\n", " ") * (50_000_000 // len(PROSE) + 1)).encode()[:50_000_000],
    )
    return n


def test_a_thousand_bad_inputs_give_results_or_reasons(tmp_path: Path) -> None:
    rng = random.Random(20241123)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    n = _generate(folder, rng)
    assert n >= 1000
    pipe = Pipeline(Config(doc_timeout_s=20)).setup()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcomes = {"ok": 0, "error": 0}
    for path in sorted(folder.iterdir()):
        docs = [process_safely(pipe, d) for d in read_paths([str(path)])]
        assert docs, f"{path.name} yielded nothing"
        for doc in docs:
            if doc.errors and not doc.raw_text:
                assert all(e.message and e.code for e in doc.errors), path.name
                outcomes["error"] += 1
                continue
            for fact in doc.facts:
                assert doc.raw_text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
            outcomes["ok"] += 1
    assert outcomes["ok"] > 300 and outcomes["error"] > 300, outcomes
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    assert grown_mb < 1500, f"peak memory grew by {grown_mb:.0f} MB"

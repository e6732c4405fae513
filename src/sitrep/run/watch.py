"""`sitrep watch`: poll feeds, folders and WARC drop folders; ingest only what is new.

Each cycle fetches every HTTP(S) feed with the ETag and Last-Modified of its last answer (a
304 costs nothing), lists every folder for files it has not seen at this size and time, drops
feed entries already seen (by link) and documents already stored (by content id), runs the
pipeline on the rest, writes them, resolves the store incrementally and logs one line.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.ingest.failures import error_doc
from sitrep.ingest.paths import expand
from sitrep.ingest.readers import read_bytes, read_file
from sitrep.records import Document
from sitrep.run.local import RunStats, batches, process_batch_safely

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """'15m', '30s', '1h', '2d' or plain seconds, in seconds."""
    m = DURATION.match(text.lower())
    if not m:
        raise ValueError(f"not a duration: {text!r} (use 30s, 15m, 1h or seconds)")
    return float(m.group(1)) * UNIT_S[m.group(2)]


def is_feed_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


@dataclass
class FeedState:
    etag: str | None = None
    modified: str | None = None
    seen: set[str] = field(default_factory=set)  # entry links (or content ids) already taken


@dataclass
class Cycle:
    number: int
    new: int = 0
    unchanged_feeds: int = 0
    stats: RunStats = field(default_factory=RunStats)

    def line(self) -> str:
        s = self.stats
        return (
            f"cycle {self.number}: {self.new} new, {s.documents} analysed, {s.facts} facts, "
            f"{s.errors} errors/warnings, {self.unchanged_feeds} feeds unchanged, "
            f"{s.seconds:.1f} s"
        )


class Watcher:
    """The sources of one `sitrep watch` and what has been seen of them."""

    def __init__(self, sources: list[str], store: Any, config: Config, timeout_s: float = 30):
        from sitrep.pipeline import Pipeline

        self.feeds = {s: FeedState() for s in sources if is_feed_url(s)}
        self.paths = [s for s in sources if not is_feed_url(s)]
        self.files: dict[str, tuple[int, int]] = {}  # path -> (size, mtime_ns) when read
        self.store, self.config, self.timeout_s = store, config, timeout_s
        self.pipe = Pipeline(config).setup()

    def poll(self, cycle: Cycle) -> Iterator[Document]:
        """The documents not seen before, from every source."""
        for url, state in self.feeds.items():
            yield from self._poll_feed(url, state, cycle)
        for item in expand(self.paths):
            if isinstance(item, Path):
                yield from self._poll_file(item)
            elif isinstance(item, Document) and item.id not in self.files:
                self.files[item.id] = (0, 0)  # an unreadable folder is reported once
                yield item

    def _poll_feed(self, url: str, state: FeedState, cycle: Cycle) -> Iterator[Document]:
        headers = {"User-Agent": "sitrep-watch"}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        try:
            req = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                data = resp.read(self.config.max_input_bytes + 1)
                state.etag = resp.headers.get("ETag") or state.etag
                state.modified = resp.headers.get("Last-Modified") or state.modified
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                cycle.unchanged_feeds += 1
                return
            yield error_doc(url, url, Code.READ_FAILED, f"HTTP {exc.code} {exc.reason}")
            return
        except (urllib.error.URLError, OSError, ValueError) as exc:
            yield error_doc(url, url, Code.READ_FAILED, f"fetch failed: {exc}")
            return
        for doc in read_bytes(data, name=_feed_name(url), uri=url, config=self.config):
            key = doc.source.uri if doc.source.uri and doc.source.uri != url else doc.id
            if key not in state.seen:
                state.seen.add(key)
                yield doc

    def _poll_file(self, path: Path) -> Iterator[Document]:
        try:
            st = path.stat()
        except OSError:
            return  # gone since the listing; a later cycle will not see it either
        mark = (st.st_size, st.st_mtime_ns)
        if self.files.get(str(path)) == mark:
            return
        self.files[str(path)] = mark
        yield from read_file(path, self.config)

    def run_cycle(self, number: int) -> Cycle:
        """Poll once, analyse and store what is new, resolve."""
        from sitrep.resolve import resolve_store
        from sitrep.run.resume import stored_among

        cycle = Cycle(number)
        t0 = time.perf_counter()
        fresh = list(self.poll(cycle))
        stored = stored_among(self.store, [d.id for d in fresh if d.raw_text])
        todo = [d for d in fresh if not (d.raw_text and d.id in stored)]
        cycle.new = len(todo)
        done = [d for b in batches(todo) for d in process_batch_safely(self.pipe, b)]
        for d in done:
            cycle.stats.add(d)
        if done:
            self.store.upsert_many(done)
            resolve_store(self.store)
        cycle.stats.seconds = time.perf_counter() - t0
        return cycle


def _feed_name(url: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", url.split("://", 1)[-1]).strip("-")[:80] or "feed"


def watch(
    watcher: Watcher,
    every_s: float,
    *,
    cycles: int | None = None,
    log: Callable[[str], None] = print,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll every `every_s` seconds (`cycles` times, or until Ctrl-C); the cycles run."""
    n = 0
    try:
        while cycles is None or n < cycles:
            n += 1
            log(watcher.run_cycle(n).line())
            if cycles is None or n < cycles:
                sleep(every_s)
    except KeyboardInterrupt:
        log(f"stopped after {n} cycles (Ctrl-C); everything stored so far is kept")
    return n

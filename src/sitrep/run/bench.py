"""`sitrep bench`: whole-pipeline speed and memory on a generated corpus of noisy news articles.

The corpus is generated from the project's own example articles: paragraphs shuffled into
news-length documents (3-6 KB) with the kinds of noise real scraped news has (share counters,
related-headline blocks, lookalike letters). Each worker process loads the models once and
reports its own stage times and peak memory.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import resource
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.config import Config
from sitrep.records import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
LOOKALIKES = {"a": "а", "e": "е", "o": "о", "i": "і", "c": "с", "p": "р"}  # Cyrillic lookalikes
NOISE_HEAD = ["1.2k Share this", "Share on Facebook  Share on X", ""]
NOISE_TAIL = [
    "You May Also Like\nMarkets rally as oil prices fall\nTen gadgets for summer travel",
    "Leave a Reply\nYour email address will not be published. Required fields are marked *",
    "[embedded content]",
    "",
]


def example_paragraphs() -> list[str]:
    paras: list[str] = []
    for f in sorted(EXAMPLES.glob("*.txt")):
        paras += [
            p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80
        ]
    if not paras:
        raise RuntimeError(f"no example articles found in {EXAMPLES}")
    return paras


def generate_corpus(n: int, seed: int = 7, size: tuple[int, int] = (3000, 6000)) -> list[Document]:
    """`n` news-length noisy documents built from the example paragraphs (deterministic)."""
    rng = random.Random(seed)
    paras = example_paragraphs()
    docs = []
    for i in range(n):
        target = rng.randint(*size)
        body: list[str] = [rng.choice(NOISE_HEAD)]
        while sum(len(p) for p in body) < target:
            p = rng.choice(paras)
            if rng.random() < 0.2:  # spin a few letters in one paragraph
                p = "".join(LOOKALIKES.get(c, c) if rng.random() < 0.05 else c for c in p)
            body.append(p)
        body.append(rng.choice(NOISE_TAIL))
        text = "\n\n".join(b for b in body if b) + f"\n\n(bench document {i})\n"
        docs.append(Document.from_raw(text, name=f"bench-{i:05d}"))
    return docs


_pipe = None


def _init(config: Config) -> None:
    global _pipe
    from sitrep.pipeline import Pipeline

    _pipe = Pipeline(config).setup()


def _run_chunk(docs: list[Document]) -> tuple[int, int, dict[str, float], int]:
    from sitrep.run.local import process_safely

    assert _pipe is not None
    before = Counter(_pipe.seconds)
    facts = sum(len(process_safely(_pipe, d).facts) for d in docs)
    delta = {k: v - before.get(k, 0.0) for k, v in _pipe.seconds.items()}
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return len(docs), facts, delta, peak_kb


@dataclass
class BenchResult:
    workers: int
    docs: int
    seconds: float
    facts: int
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_mb_per_worker: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def run_bench(
    docs: list[Document], workers: int, config: Config | None = None, chunk: int = 8
) -> BenchResult:
    """Time the whole pipeline over `docs` with `workers` processes (model loading not timed)."""
    config = config or Config()
    ctx = mp.get_context("fork")
    chunks = [docs[i : i + chunk] for i in range(0, len(docs), chunk)]
    with ctx.Pool(workers, initializer=_init, initargs=(config,)) as pool:
        pool.map(_run_chunk, [[Document.from_raw("Warm-up: troops moved to Kyiv.")]] * workers)
        t0 = time.perf_counter()
        results = pool.map(_run_chunk, chunks, chunksize=1)
        seconds = time.perf_counter() - t0
    stages: Counter[str] = Counter()
    for _, _, delta, _ in results:
        stages.update(delta)
    return BenchResult(
        workers=workers,
        docs=sum(r[0] for r in results),
        seconds=seconds,
        facts=sum(r[1] for r in results),
        stage_seconds=dict(stages),
        peak_mb_per_worker=max(r[3] for r in results) / 1024,
    )

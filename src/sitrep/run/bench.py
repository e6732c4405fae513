"""`sitrep bench`: whole-pipeline speed and memory on a generated corpus of noisy news articles.

The corpus is generated from the project's own example articles: paragraphs shuffled into
news-length documents (3-6 KB) with the kinds of noise real scraped news has (share counters,
related-headline blocks, lookalike letters). Each worker process loads the models once and
reports its own stage times and peak memory.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.config import Config
from sitrep.records import Document
from sitrep.run.memory import peak_rss_mb

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
GENERAL = Path(__file__).resolve().parents[1] / "examples" / "general"
LOOKALIKES = {"a": "а", "e": "е", "o": "о", "i": "і", "c": "с", "p": "р"}  # Cyrillic lookalikes
NOISE_HEAD = ["1.2k Share this", "Share on Facebook  Share on X", ""]
NOISE_TAIL = [
    "You May Also Like\nMarkets rally as oil prices fall\nTen gadgets for summer travel",
    "Leave a Reply\nYour email address will not be published. Required fields are marked *",
    "[embedded content]",
    "",
]


def example_paragraphs(folder: Path = EXAMPLES) -> list[str]:
    paras: list[str] = []
    for f in sorted(folder.glob("*.txt")):
        paras += [
            p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80
        ]
    if not paras:
        raise RuntimeError(f"no example articles found in {folder}")
    return paras


def generate_corpus(
    n: int, seed: int = 7, size: tuple[int, int] = (3000, 6000), mix: float = 1.0
) -> list[Document]:
    """`n` news-length noisy documents (deterministic): a share `mix` built from the conflict
    example paragraphs, the rest from the general-news ones."""
    rng = random.Random(seed)
    conflict, general = example_paragraphs(), example_paragraphs(GENERAL) if mix < 1 else []
    docs = []
    for i in range(n):
        target = rng.randint(*size)
        paras = conflict if rng.random() < mix else general
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


def _run_chunk(docs: list[Document]) -> tuple[int, int, dict[str, float], int, int]:
    from sitrep.run.local import process_batch_safely

    assert _pipe is not None
    before = Counter(_pipe.seconds)
    done = process_batch_safely(_pipe, docs)
    delta = {k: v - before.get(k, 0.0) for k, v in _pipe.seconds.items()}
    peak_kb = int(peak_rss_mb() * 1024)
    low = sum(d.relevance == "low" for d in done)
    return len(docs), sum(len(d.facts) for d in done), delta, peak_kb, low


@dataclass
class BenchResult:
    workers: int
    docs: int
    seconds: float
    facts: int
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_mb_per_worker: float = 0.0
    low_relevance: int = 0  # documents the relevance gate kept from the full analysis

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
    for _, _, delta, _, _ in results:
        stages.update(delta)
    return BenchResult(
        workers=workers,
        docs=sum(r[0] for r in results),
        seconds=seconds,
        facts=sum(r[1] for r in results),
        stage_seconds=dict(stages),
        peak_mb_per_worker=max(r[3] for r in results) / 1024,
        low_relevance=sum(r[4] for r in results),
    )


def time_reference(docs: list[Document], config: Config | None = None) -> float:
    """Documents/s of a bare `nlp.pipe` of the full spaCy model over the same raw texts, in this
    process on one core (model loading not timed): the yardstick that makes figures from
    different or busy machines comparable."""
    from sitrep.nlp.annotate import load_stock

    config = config or Config()
    nlp = load_stock(config.spacy_model)  # as installed: none of the pipeline's changes
    texts = [d.raw_text for d in docs]
    list(nlp.pipe(texts[:2]))  # warm-up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - t0)


def bench_report(
    docs: list[Document], workers: int, mix: float, config: Config | None = None
) -> dict[str, object]:
    """The whole benchmark as one JSON-ready object: the pipeline on 1 and `workers` processes,
    per-stage times, peak memory, speed-up, and the ratio to a bare spaCy pass on one core."""
    results = [run_bench(docs, w, config) for w in sorted({1, max(1, workers)})]
    reference = time_reference(docs, config)
    one, last = results[0], results[-1]
    total = sum(one.stage_seconds.values()) or 1.0
    stages = one.stage_seconds.items()
    return {
        "docs": len(docs),
        "mix": mix,
        "kb_per_doc": round(sum(len(d.raw_text) for d in docs) / len(docs) / 1024, 2),
        "runs": [
            {
                "workers": r.workers,
                "docs_per_s": round(r.docs_per_s, 2),
                "docs_per_s_per_core": round(r.docs_per_s / r.workers, 2),
                "peak_mb_per_worker": round(r.peak_mb_per_worker, 1),
                "facts": r.facts,
            }
            for r in results
        ],
        "low_relevance_docs": one.low_relevance,
        "speedup": round(last.docs_per_s / one.docs_per_s, 2) if one.docs_per_s else None,
        "stage_ms_per_doc": {k: round(v / one.docs * 1000, 2) for k, v in stages},
        "stage_share": {k: round(v / total, 3) for k, v in stages},
        "peak_mb_per_worker": round(max(r.peak_mb_per_worker for r in results), 1),
        "reference_docs_per_s": round(reference, 2),  # bare nlp.pipe, full model, 1 core
        "ratio": round(one.docs_per_s / reference, 3) if reference else None,
    }

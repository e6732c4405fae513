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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
WARM_UP_SEED = 99  # the article each bench worker analyses before the timed runs


def _init(config: Config) -> None:
    """Each worker loads the pipeline, then analyses one article of its own (not timed), so
    that no worker's first timed chunk pays for lazy first-use costs (the gazetteer's pages,
    compiled patterns, caches) while another's does not."""
    global _pipe
    from sitrep.pipeline import Pipeline
    from sitrep.run.local import process_batch_safely

    _pipe = Pipeline(config).setup()
    process_batch_safely(_pipe, generate_corpus(1, seed=WARM_UP_SEED))


def _run_chunk(docs: list[Document]) -> tuple[int, int, dict[str, float], int, int, float]:
    from sitrep.run.local import process_batch_safely

    assert _pipe is not None
    before = Counter(_pipe.seconds)
    cpu = time.process_time()
    done = process_batch_safely(_pipe, docs)
    cpu = time.process_time() - cpu
    delta = {k: v - before.get(k, 0.0) for k, v in _pipe.seconds.items()}
    peak_kb = int(peak_rss_mb() * 1024)
    low = sum(d.relevance == "low" for d in done)
    return len(docs), sum(len(d.facts) for d in done), delta, peak_kb, low, cpu


@dataclass
class BenchResult:
    workers: int
    docs: int
    seconds: float
    facts: int
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_mb_per_worker: float = 0.0
    low_relevance: int = 0  # documents the relevance gate kept from the full analysis
    cpu_seconds: float = 0.0  # the workers' CPU time over the documents

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def run_bench(
    docs: list[Document], workers: int, config: Config | None = None, chunk: int = 8,
    between: Callable[[list[Document]], None] | None = None, turns: int = 1,
) -> BenchResult:
    """Time the whole pipeline over `docs` with `workers` processes (model loading not timed).

    With `between`, the documents go through in `turns` slices, and `between(slice)` runs,
    untimed here, after each slice: the reference's turn over the same documents, so that
    both meet the same load on a shared machine."""
    config = config or Config()
    ctx = mp.get_context("fork")
    size = -(-len(docs) // max(1, turns))
    slices = [docs[i : i + size] for i in range(0, len(docs), size)] if between else [docs]
    results = []
    seconds = 0.0
    with ctx.Pool(workers, initializer=_init, initargs=(config,)) as pool:
        for part in slices:
            chunks = [part[i : i + chunk] for i in range(0, len(part), chunk)]
            t0 = time.perf_counter()
            results += pool.map(_run_chunk, chunks, chunksize=1)
            seconds += time.perf_counter() - t0
            if between is not None:
                between(part)
    stages: Counter[str] = Counter()
    for r in results:
        stages.update(r[2])
    return BenchResult(
        workers=workers,
        docs=sum(r[0] for r in results),
        seconds=seconds,
        facts=sum(r[1] for r in results),
        stage_seconds=dict(stages),
        peak_mb_per_worker=max(r[3] for r in results) / 1024,
        low_relevance=sum(r[4] for r in results),
        cpu_seconds=sum(r[5] for r in results),
    )


class Reference:
    """A bare `nlp.pipe` of the full spaCy model as installed (none of the pipeline's changes)
    over the raw texts, in this process on one core: the yardstick that makes figures from
    different or busy machines comparable. Called once per slice of documents, it adds up the
    seconds and the CPU seconds; the model is loaded and warmed up at the first call, untimed."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.nlp: Any = None
        self.docs = 0
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    def __call__(self, docs: list[Document]) -> None:
        if self.nlp is None:
            from sitrep.nlp.annotate import load_stock

            self.nlp = load_stock(self.config.spacy_model)
            list(self.nlp.pipe([d.raw_text for d in docs[:2]]))  # warm-up
        texts = [d.raw_text for d in docs]
        t0, cpu = time.perf_counter(), time.thread_time()
        for _ in self.nlp.pipe(texts, batch_size=16):
            pass
        self.seconds += time.perf_counter() - t0
        self.cpu_seconds += time.thread_time() - cpu
        self.docs += len(texts)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def time_reference(docs: list[Document], config: Config | None = None) -> float:
    """Documents/s of the `Reference` pass over `docs`."""
    ref = Reference(config)
    ref(docs)
    return ref.docs_per_s


REFERENCE_TURNS = 4  # slices in which the one-worker run and the reference take turns


def bench_report(
    docs: list[Document], workers: int, mix: float, config: Config | None = None
) -> dict[str, object]:
    """The whole benchmark as one JSON-ready object: the pipeline on 1 and `workers` processes,
    per-stage times, peak memory, speed-up, and the ratio to a bare spaCy pass on one core."""
    # the other worker counts first: workers forked after the reference model is loaded would
    # count its memory as theirs
    more = [run_bench(docs, workers, config)] if workers > 1 else []
    ref = Reference(config)
    one = run_bench(docs, 1, config, between=ref, turns=REFERENCE_TURNS)
    results = [one, *more]
    last = results[-1]
    reference = ref.docs_per_s
    # CPU seconds per document, the reference's over the pipeline's: less sensitive to the load
    # that other processes put on a shared machine than the docs/s
    cpu_ratio = (ref.cpu_seconds / ref.docs) / (one.cpu_seconds / one.docs) \
        if ref.docs and one.cpu_seconds else None
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
        "cpu_ratio": round(cpu_ratio, 3) if cpu_ratio else None,
    }

"""A batch of documents through the pipeline comes out as each document does on its own."""

from __future__ import annotations

from sitrep.config import Config
from sitrep.pipeline import Pipeline
from sitrep.records import Document
from sitrep.run.local import batches, process_batch_safely

ARTICLES = [
    "Russian tanks moved from Belgorod toward Kharkiv on Monday, the ministry said.",
    "Officials in Kyiv said 40 soldiers were wounded when a column came under fire near Izium.",
    "The farmers' market in the old town opens on Saturday with fresh bread and cheese.",
    "Two warships sailed from Sevastopol into the Black Sea, satellite images showed.\n\n"
    "The navy declined to comment, a spokesman told reporters in Odesa.",
]


def _docs() -> list[Document]:
    return [Document.from_raw(t, name=f"a{i}") for i, t in enumerate(ARTICLES)]


def test_a_batch_gives_what_each_document_gives_alone() -> None:
    pipe = Pipeline(Config()).setup()
    alone = [pipe.process(d).to_contract() for d in _docs()]
    together = [d.to_contract() for d in pipe.process_batch(_docs())]
    assert together == alone
    assert any(c["movements"] for c in together)  # the articles do hold facts


def test_a_step_that_fails_on_a_batch_runs_on_each_document() -> None:
    pipe = Pipeline(Config()).setup()
    annotate = next(s for s in pipe.steps if s.name == "annotate")
    works = annotate.process_batch  # type: ignore[attr-defined]

    def broken(docs: list[Document]) -> list[Document]:
        if len(docs) > 1:
            raise RuntimeError("batch call broke")
        return works(docs)  # type: ignore[no-any-return]

    annotate.process_batch = broken  # type: ignore[attr-defined]
    alone = [Pipeline(Config()).setup().process(d).to_contract() for d in _docs()]
    assert [d.to_contract() for d in pipe.process_batch(_docs())] == alone


def test_the_safe_batch_keeps_order_and_batches_read_lazily() -> None:
    pipe = Pipeline(Config()).setup()
    done = process_batch_safely(pipe, _docs())
    assert [d.name for d in done] == ["a0", "a1", "a2", "a3"]
    assert [len(b) for b in batches(iter(_docs()), 3)] == [3, 1]

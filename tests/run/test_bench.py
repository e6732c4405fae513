"""`sitrep bench`: the --mix corpus and the one JSON object of --json."""

from __future__ import annotations

import json

import pytest

from sitrep.config import DEFAULT_STEPS
from sitrep.run.bench import GENERAL, example_paragraphs, generate_corpus


def _conflict_share(docs: list) -> float:  # type: ignore[type-arg]
    conflict = example_paragraphs()
    return sum(any(p[:60] in d.raw_text for p in conflict) for d in docs) / len(docs)


def test_mix_sets_the_share_of_conflict_documents() -> None:
    general = example_paragraphs(GENERAL)
    assert len(general) >= 10
    assert _conflict_share(generate_corpus(60, mix=1.0)) == 1.0
    assert _conflict_share(generate_corpus(60, mix=0.0)) == 0.0
    mixed = generate_corpus(200, mix=0.2)
    assert 0.1 < _conflict_share(mixed) < 0.3
    assert all(any(p[:60] in d.raw_text for p in general) for d in generate_corpus(20, mix=0.0))


@pytest.mark.slow
def test_bench_json_is_one_object_with_the_figures() -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    res = CliRunner().invoke(app, ["bench", "--docs", "6", "--workers", "1", "--mix", "0.5",
                                   "--json"])  # fmt: skip
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout.strip().splitlines()[-1])
    assert report["docs"] == 6 and report["mix"] == 0.5
    (run,) = report["runs"]
    assert run["workers"] == 1 and run["docs_per_s"] > 0 and run["peak_mb_per_worker"] > 50
    assert set(report["stage_ms_per_doc"]) == set(DEFAULT_STEPS)
    assert 0 <= report["low_relevance_docs"] <= 6
    assert report["reference_docs_per_s"] > 0
    assert report["cpu_ratio"] > 0  # the reference's CPU seconds per document over the pipeline's
    # docs/s are rounded to 0.01: on a loaded machine (0.3 docs/s) that alone is 2% of the ratio
    assert report["ratio"] == pytest.approx(run["docs_per_s"] / report["reference_docs_per_s"],
                                            rel=0.05)  # fmt: skip


def test_the_reference_adds_up_its_turns() -> None:
    from sitrep.run.bench import Reference

    docs = generate_corpus(4)
    ref = Reference()
    ref(docs[:3])
    ref(docs[3:])
    assert ref.docs == 4 and ref.seconds > 0 and ref.cpu_seconds > 0
    assert ref.docs_per_s == pytest.approx(4 / ref.seconds)

"""Evidence always: every fact of every test document points at its exact raw text."""

from __future__ import annotations

import json

import pytest

from sitrep.ingest.step import read_paths
from tests.conftest import DEV, EXAMPLES, need_shared


def _assert_evidence(doc) -> int:  # type: ignore[no-untyped-def]
    raw = doc.raw_text
    n = 0
    for fact in doc.facts:
        ev = fact.evidence
        assert 0 <= ev.start <= ev.end <= len(raw), (doc.name, ev)
        assert raw[ev.start : ev.end] == ev.text, (doc.name, ev)
        assert ev.text.strip(), (doc.name, fact)
        n += 1
    for p in doc.places:
        assert raw[p.start : p.end], (doc.name, p)
        n += 1
    for field_name, ev in doc.source.evidence.items():
        assert raw[ev.start : ev.end] == ev.text, (doc.name, field_name, ev)
    for ev in [*doc.flags.spam_spans, *doc.flags.gaps]:
        assert raw[ev.start : ev.end] == ev.text, (doc.name, ev)
    return n


def test_every_seed_fact_points_at_its_raw_text(seed_docs) -> None:  # type: ignore[no-untyped-def]
    assert len(seed_docs) == 3
    assert sum(_assert_evidence(d) for d in seed_docs) > 20


def test_every_example_fact_points_at_its_raw_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    if not EXAMPLES.is_dir():
        pytest.skip("no bundled examples yet")
    docs = [pipeline.process(d) for d in read_paths([str(EXAMPLES)])]
    assert docs
    assert sum(_assert_evidence(d) for d in docs) > 0


@pytest.mark.slow
def test_every_dev_fact_points_at_its_raw_text(pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    need_shared()
    for f in sorted(DEV.glob("*.json")):
        (tmp_path / f"{f.stem}.txt").write_text(json.loads(f.read_text())["text"], encoding="utf-8")
    docs = [pipeline.process(d) for d in read_paths([str(tmp_path)])]
    assert len(docs) == len(list(DEV.glob("*.json")))
    assert sum(_assert_evidence(d) for d in docs) > 100

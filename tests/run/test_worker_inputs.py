"""What the Ray driver lists and what a Ray read task reads (no Ray needed: plain functions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.errors import Code
from sitrep.ingest.readers import read_paths
from sitrep.run.ray_inputs import list_inputs, read_blocks, read_input, split_evenly


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "news"
    (src / "sub").mkdir(parents=True)
    (src / "b.txt").write_text("Tanks were seen near Kharkiv on Monday, officials said.\n")
    (src / "sub" / "a.txt").write_text("The army said 12 soldiers were wounded near Sumy.\n")
    (src / ".hidden").write_text("never read")
    rows = [{"id": f"r{i}", "text": f"Brief {i}: troops moved towards Dnipro."} for i in range(5)]
    (src / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return src


def test_the_driver_lists_files_not_documents(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    listed = list_inputs([str(src)])
    assert listed == [str(src / "b.txt"), str(src / "feed.jsonl"), str(src / "sub" / "a.txt")]
    assert list_inputs([f"file://{src}"]) == [f"file://{p}" for p in listed]
    with pytest.raises(ValueError, match="stdin"):
        list_inputs(["-"])


def test_a_worker_reads_local_paths_and_uris_as_the_local_runner_does(tmp_path: Path) -> None:
    src, cfg = _folder(tmp_path), Config()
    want = [(d.id, d.raw_text) for d in read_paths([str(src)], cfg)]
    for refs in (list_inputs([str(src)]), list_inputs([f"file://{src}"])):
        got = [(d.id, d.raw_text) for ref in refs for d in read_input(ref, cfg)]
        assert got == want and len(got) == 7


def test_a_missing_uri_is_an_error_record_and_blocks_are_bounded(tmp_path: Path) -> None:
    (missing,) = read_input(f"file://{tmp_path}/gone.txt", Config())
    assert not missing.raw_text and missing.errors[0].code == Code.READ_FAILED
    blocks = list(read_blocks(list_inputs([str(_folder(tmp_path))]), Config(), rows_per_block=3))
    assert [b.num_rows for b in blocks] == [3, 3, 1]


def test_inputs_split_into_contiguous_near_equal_groups() -> None:
    items = [str(i) for i in range(7)]
    assert split_evenly(items, 3) == [["0", "1", "2"], ["3", "4"], ["5", "6"]]
    assert split_evenly(items[:2], 8) == [["0"], ["1"]]

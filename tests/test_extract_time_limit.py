"""`sitrep extract` stops a document at the per-document limit and goes on with the next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import run

SENTENCE = ("Russian tanks moved from Belgorod toward Kharkiv on Monday, the ministry said, "
            "and 300 soldiers were killed. ")


@pytest.mark.slow
def test_extract_stops_a_slow_document_at_the_limit_and_goes_on(tmp_path: Path) -> None:
    slow = tmp_path / "one-line.txt"
    slow.write_text((SENTENCE * 20_000)[:2_000_000], encoding="utf-8")  # 2 MB, one line
    small = tmp_path / "small.txt"
    small.write_text("Ministry bulletin.\n\n" + SENTENCE, encoding="utf-8")
    res = run("extract", "--timeout", "3", str(slow), str(small))
    assert res.returncode == 0, res.stderr.decode()
    first, second = (json.loads(line) for line in res.stdout.decode().splitlines())
    (timeout,) = [e for e in first["errors"] if e["code"] == "E201"]
    assert first["id"] == "one-line" and "stopped after 3 s" in timeout["message"]
    assert "one-line" in res.stderr.decode() and "E201" in res.stderr.decode()
    assert second["id"] == "small" and not second["errors"] and second["movements"]

"""The quality gate: extraction scores on the tune and check sets must not fall below the floors
recorded in `quality_floors.json`.

Runs the project's own scorer (../shared/eval/score.py) over `sitrep extract --format jsonl`, as
`make score` does, and reads only the totals: the check set's misses are never printed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text())
SITREP = Path(sys.executable).with_name("sitrep")

pytestmark = [
    pytest.mark.slow,  # runs `sitrep extract` over each eval set
    pytest.mark.skipif(not (EVAL / "score.py").exists(),
                       reason="../shared/eval is not beside the project"),
]


@pytest.mark.parametrize("split", ["dev", "check"])
def test_scores_stay_above_their_floors(split: str, tmp_path: Path) -> None:
    out = tmp_path / "score.json"
    run = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / split),
         "--cmd", f"{SITREP} extract --format jsonl", "--json", str(out)],
        capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(out.read_text())["result"]
    assert not result["documents_without_output"]
    below = {kind: (result[kind]["f1"], floor) for kind, floor in FLOORS[split].items()
             if result[kind]["f1"] < floor}
    assert not below, f"{split}: F1 below its floor (got, floor): {below}"

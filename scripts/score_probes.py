"""Score the extractors on the long-article probes we wrote ourselves (train/probes/).

    .venv/bin/python scripts/score_probes.py                 # every probe
    .venv/bin/python scripts/score_probes.py long-claims-2   # one probe
    .venv/bin/python scripts/score_probes.py --detail long-movements-1

Each probe is a folder of long articles (`in/NN.txt`, 250-600 words, written by helpers of the
fifteenth and sixteenth sessions in wire, ISW-style, briefing, monitoring, tracker, live-blog,
tabloid and analysis registers) with its own gold (`gold/NN.json`): movements (status, actor,
places, observer; retellings marked optional) or claims (metric, low, high, subject,
claimant). The `-1` and `-2` probes have been read for failure patterns and fixes answered
them; the `-3` probes (sixteenth session) are scored in totals only and never read, so they
measure what the fixes are worth on text no one tuned on (see train/probes/README.md). Their
conventions are the helpers' own, not the eval sets': compare a tree with another on the same
probe, not a probe's figure with the check set's. The extractors run without the relevance
gate (`sitrep extract --full`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "train" / "probes"


def score(probe: Path, detail: bool) -> str:
    kind = "movements" if probe.name.startswith("long-movements") else "claims"
    texts = sorted(str(p) for p in (probe / "in").glob("*.txt"))
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as out:
        subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", "--full", "--format",
                        "jsonl", *texts], stdout=out, stderr=subprocess.DEVNULL, check=True)
        out.flush()
        args = [sys.executable, str(PROBES / f"score_{kind}.py"), str(probe), out.name]
        return subprocess.run(args + (["--detail"] if detail else []), capture_output=True,
                              text=True, check=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("probes", nargs="*", help="probe folders under train/probes (default: all)")
    ap.add_argument("--detail", action="store_true", help="list every error")
    args = ap.parse_args()
    names = args.probes or sorted(p.name for p in PROBES.iterdir() if (p / "gold").is_dir())
    for name in names:
        probe = PROBES / name
        if not (probe / "gold").is_dir():
            sys.exit(f"no probe {probe}: expected {probe}/in and {probe}/gold")
        print(f"== {name}")
        print(score(probe, args.detail), end="")


if __name__ == "__main__":
    main()

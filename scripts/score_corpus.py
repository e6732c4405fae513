"""Score the extractors on the corpus we wrote ourselves (train/corpus/), sentence by sentence.

A third measure beside the tune and check sets: thousands of short texts across many conflicts
and registers, labelled by us. The rules were never fitted to it, so it shows whether a rule
generalises before the check set does. The movement sentence model is trained on it, so the
rules run alone here unless `--with-model` is given (its own held-out score is `make train`'s).
Field matching uses the evaluation's own scorer (../shared/eval/score.py).

    .venv/bin/python scripts/score_corpus.py                 # movements and claims, every text
    .venv/bin/python scripts/score_corpus.py --step 3        # every third text (quicker)
    .venv/bin/python scripts/score_corpus.py --show miss     # list one kind of error
    .venv/bin/python scripts/score_corpus.py --full          # the extractors without the gate
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

import score as scorer  # noqa: E402  (the evaluation's scorer, for its name matching)

import sitrep  # noqa: E402


def _rows(pattern: str) -> list[dict[str, Any]]:
    return [json.loads(line) for f in sorted((ROOT / "train" / "corpus").glob(pattern))
            for line in f.open(encoding="utf-8")]


def _norm(s: str | None) -> str:
    return re.sub(r"[^\w ]", "", (s or "").lower()).strip()


def score_movements(step: int, errors: dict[str, list[Any]]) -> dict[str, float]:
    """Detection (a movement or none per sentence), then status, actor, main place and observer."""
    c: collections.Counter[str] = collections.Counter()
    for r in _rows("movements-*.jsonl")[::step]:
        found = sitrep.process(r["text"]).movements
        if not r["movement"]:
            c["neg"] += 1
            if found:
                c["fp"] += 1
                errors["fp"].append(r["text"][:140])
            continue
        c["pos"] += 1
        if not found:
            errors["miss"].append((r["kind"], r["text"][:140]))
            continue
        m = found[0]
        c["tp"] += 1
        c["status"] += m.status == r["status"]
        if m.status != r["status"]:
            errors["status"].append((r["status"], m.status, r["text"][:120]))
        c["actor"] += _norm(m.actor) == _norm(r["actor"])
        if _norm(m.actor) != _norm(r["actor"]):
            errors["actor"].append((r["actor"], m.actor, r["text"][:120]))
        gold = r["destination"] or r["location"] or r["origin"]
        pred = m.destination or m.location or m.origin
        said = _norm(pred.mention) if pred else ""
        ok = (gold is None and pred is None) or bool(
            gold and said and (said in _norm(gold) or _norm(gold) in said))
        c["where"] += ok
        if not ok:
            errors["where"].append((gold, pred and pred.mention, r["text"][:120]))
        seen = bool(scorer.name_match(r.get("observer"), m.observed_by))
        c["observer"] += seen
        if not seen:
            errors["observer"].append((r.get("observer"), m.observed_by, r["text"][:120]))
    tp = max(1, c["tp"])
    return {"recall": c["tp"] / max(1, c["pos"]), "false_positive_rate": c["fp"] / max(1, c["neg"]),
            "status": c["status"] / tp, "actor": c["actor"] / tp, "main_place": c["where"] / tp,
            "observer": c["observer"] / tp, "sentences": c["pos"] + c["neg"]}


def score_claims(step: int, errors: dict[str, list[Any]]) -> dict[str, float]:
    """Figures matched by value; then metric and claimant (the subject follows a different
    convention in the corpus, so it is left out)."""
    by_text: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for r in _rows("claims-*.jsonl"):
        by_text[r["text"]].append(r)
    c: collections.Counter[str] = collections.Counter()
    for text in list(by_text)[::step]:
        preds = list(sitrep.process(text).claims)
        used: set[int] = set()
        for g in (r for r in by_text[text] if r["claim"]):
            c["gold"] += 1
            k = next((i for i, p in enumerate(preds) if i not in used
                      and scorer.num_eq(p.low, g["low"]) and scorer.num_eq(p.high, g["high"])),
                     None)
            if k is None:
                errors["miss"].append((g["kind"], g["figure"], text[:130]))
                continue
            used.add(k)
            c["tp"] += 1
            c["metric"] += preds[k].metric == g["metric"]
            if preds[k].metric != g["metric"]:
                errors["metric"].append((g["metric"], preds[k].metric, text[:120]))
            ok = scorer.name_match(g["claimant"], preds[k].claimant)
            c["claimant"] += ok
            if not ok:
                errors["claimant"].append((g["claimant"], preds[k].claimant, text[:120]))
        c["pred"] += len(preds)
        errors["fp"].extend((p.low, p.metric, text[:120]) for i, p in enumerate(preds)
                            if i not in used)
    p, r = c["tp"] / max(1, c["pred"]), c["tp"] / max(1, c["gold"])
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
            "metric": c["metric"] / max(1, c["tp"]), "claimant": c["claimant"] / max(1, c["tp"]),
            "figures": c["gold"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--step", type=int, default=1, help="score every STEP-th text")
    ap.add_argument("--only", choices=("movements", "claims"))
    ap.add_argument("--show", help="print this kind of error: miss, fp, status, actor, where, "
                                   "observer, claimant, metric")
    ap.add_argument("--with-model", action="store_true",
                    help="let the movement sentence model (trained on this corpus) take part")
    ap.add_argument("--full", action="store_true",
                    help="turn the relevance gate off, as `sitrep extract --full` does: a "
                         "sentence alone is no article, and the gate reads whole articles")
    args = ap.parse_args()
    if not args.with_model:
        os.environ["SITREP_MOVEMENT_MODEL"] = "0"  # read when the pipeline's Config is made
    if args.full:
        os.environ["SITREP_ANALYSE_ALL"] = "1"
    for name, fn in (("movements", score_movements), ("claims", score_claims)):
        if args.only and args.only != name:
            continue
        errors: dict[str, list[Any]] = collections.defaultdict(list)
        figures = fn(args.step, errors)
        print(name.ljust(10), "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                         for k, v in figures.items()))
        for e in errors.get(args.show or "", [])[:60]:
            print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

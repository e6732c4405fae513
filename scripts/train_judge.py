"""Train the movement judge (`src/sitrep/extract/judge.py`) and write its weights.

    python scripts/train_judge.py [--tune ../shared/eval/dev] [--out FILE]

Examples are the movement candidates the rules find (a trigger word, see
`movements.frames.is_trigger`) in:
- our own corpus, `train/corpus/movements-*.jsonl`: one sentence each, labelled movement or not
  (with its status); every candidate in a sentence takes the sentence's label;
- the tune set's texts: a candidate is a movement when its evidence line covers most of a gold
  movement's evidence (the scorer's rule), with that movement's status.
The check set is never read. The corpus part `movements-06.jsonl` is held out once to report the
judge's own score and to choose the decision threshold; the weights are then fitted on all
examples. Deterministic: the same files give the same weights.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.config import Config  # noqa: E402
from sitrep.extract.judge import WEIGHTS, features  # noqa: E402
from sitrep.extract.movements.evidence import evidence_bounds  # noqa: E402
from sitrep.extract.movements.frames import is_trigger  # noqa: E402
from sitrep.ingest.step import detect_kind  # noqa: E402
from sitrep.nlp.annotate import load_model  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.records import STATUSES, Document  # noqa: E402

HELD_OUT = "movements-06.jsonl"
C_BINARY = 0.5
C_STATUS = 0.5
MIN_COUNT = 2


def corpus_examples(paths: list[str]) -> list[tuple[list[str], int, str | None, str]]:
    nlp = load_model(Config().spacy_model)
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rows.append((json.loads(line), Path(path).name))
    out = []
    texts = [r["text"] for r, _ in rows]
    for (row, part), sdoc in zip(rows, nlp.pipe(texts, batch_size=64), strict=True):
        status = row.get("status") if row.get("movement") else None
        for tok in sdoc:
            if is_trigger(tok):
                out.append((features(tok), int(bool(row.get("movement"))), status, part))
    return out


def tune_examples(folder: str) -> list[tuple[list[str], int, str | None, str]]:
    out = []
    pipe = Pipeline(Config()).setup()
    for path in sorted(glob.glob(f"{folder}/*.json")):
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        raw = gold["text"]
        spans = []
        for m in gold["gold"].get("movements", []):
            at = raw.find(m["evidence"])
            if at >= 0:
                spans.append((at, at + len(m["evidence"]), m["status"]))
        doc = Document.from_raw(raw, name=Path(path).stem, kind=detect_kind(raw))
        for step in pipe.steps:  # up to the parse; the extractors are what is being trained
            if step.name == "extract":
                break
            doc = step.process(doc)
        if doc.nlp is None:
            continue
        for tok in doc.nlp:
            if not is_trigger(tok):
                continue
            s, e = evidence_bounds(doc, tok)
            ev = doc.evidence(s, e)
            label, status = 0, None
            for gs, ge, st in spans:
                covered = max(0, min(ge, ev.end) - max(gs, ev.start))
                if covered >= 0.6 * (ge - gs):
                    label, status = 1, st
                    break
            out.append((features(tok), label, status, "tune"))
    return out


def fit(examples: list[tuple[list[str], int, str | None, str]]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for feats, *_ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats, *_ in examples])
    y = np.array([label for _, label, _, _ in examples])
    binary = LogisticRegression(C=C_BINARY, max_iter=2000,
                                fit_intercept=False)
    binary.fit(X, y)
    pos = [k for k, (_, label, status, _) in enumerate(examples) if label and status]
    statuses = list(STATUSES)
    ys = np.array([statuses.index(examples[k][2]) for k in pos])  # type: ignore[arg-type]
    multi = LogisticRegression(C=C_STATUS, max_iter=2000, fit_intercept=False)
    multi.fit(X[pos], ys)
    names = vec.get_feature_names_out()
    coef = np.zeros((len(statuses), X.shape[1]))
    coef[multi.classes_] = multi.coef_
    w_bin = {str(n): round(float(w), 4) for n, w in zip(names, binary.coef_[0], strict=True)
             if abs(w) >= 1e-4}
    w_st = {str(n): [round(float(x), 4) for x in coef[:, j]] for j, n in enumerate(names)
            if np.abs(coef[:, j]).max() >= 1e-4}
    return {"statuses": statuses, "binary": w_bin, "status": w_st}


def evaluate(model: dict[str, Any], examples: list[tuple[list[str], int, str | None, str]],
             threshold: float) -> dict[str, float]:
    from sitrep.extract.judge import Judge

    judge = Judge({**model, "threshold": threshold, "status_confidence": 0.0})
    tp = fp = fn = 0
    right = total = 0
    for feats, label, status, _ in examples:
        z = sum(judge.binary.get(f, 0.0) for f in feats)
        pred = 1 / (1 + np.exp(-z)) >= threshold
        tp += int(pred and label)
        fp += int(pred and not label)
        fn += int(not pred and label)
        if label and status:
            scores = np.zeros(len(judge.statuses))
            for f in feats:
                if f in judge.status:
                    scores += np.array(judge.status[f])
            right += int(judge.statuses[int(scores.argmax())] == status)
            total += 1
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / max(1e-9, p + r), 3),
            "status_accuracy": round(right / max(1, total), 3), "n": len(examples)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "train" / "corpus"))
    ap.add_argument("--tune", default=str(ROOT.parent / "shared" / "eval" / "dev"),
                    help="the tune set's gold folder; '' to train on the corpus alone")
    ap.add_argument("--out", default=str(WEIGHTS))
    args = ap.parse_args()
    t0 = time.time()
    paths = sorted(glob.glob(f"{args.corpus}/movements-*.jsonl"))
    if not paths:
        sys.exit(f"no corpus files in {args.corpus}/movements-*.jsonl")
    examples = corpus_examples(paths)
    sentences = sum(1 for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines()
                    if line.strip())
    print(f"corpus: {sentences} sentences in {len(paths)} files, {len(examples)} candidates")
    tune = tune_examples(args.tune) if args.tune and Path(args.tune).is_dir() else []
    print(f"tune set: {len(tune)} candidates")
    train = [x for x in examples if x[3] != HELD_OUT] + tune
    held = [x for x in examples if x[3] == HELD_OUT]
    model = fit(train)
    # the threshold is chosen on real news the model has not seen: the tune set's candidates
    # under a model fitted to the corpus alone (else the held-out corpus part)
    picker = (fit(examples), tune) if tune else (model, held)
    best = max((evaluate(picker[0], picker[1], t)["f1"], -abs(t - 0.5), t)
               for t in np.arange(0.05, 0.81, 0.05))
    threshold = round(float(best[2]), 2)
    held_score = evaluate(model, held, threshold)
    print(f"held-out part {HELD_OUT}: {held_score} at threshold {threshold}")
    if tune:
        print(f"tune-set candidates, corpus-only model: {evaluate(picker[0], tune, threshold)}")
    final = fit(examples + tune)
    final.update({
        "threshold": threshold, "status_confidence": 0.6,
        "meta": {"corpus_sentences": sentences,
                 "threshold_from": "tune" if tune else HELD_OUT, "corpus_candidates": len(examples),
                 "tune_candidates": len(tune), "held_out_part": HELD_OUT,
                 "held_out": held_score, "features": len(final["binary"])},
    })
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(final, sort_keys=True, separators=(",", ":")) + "\n",
                              encoding="utf-8")
    size = Path(args.out).stat().st_size
    print(f"wrote {args.out} ({size / 1024:.0f} KB, {len(final['binary'])} features) "
          f"in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()

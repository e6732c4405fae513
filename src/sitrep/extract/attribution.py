"""Who said or observed something: speakers, sources and observers read from the spaCy parse.

Shared by the quote and movement extractors. Everything works on the spaCy `Doc` over the clean
text (`doc.nlp`): a speech verb's subject becomes a name ("Pentagon Press Secretary John Kirby
said" -> John Kirby), pronouns and relative pronouns are resolved to the person or organisation
named before, and "according to satellite images from Maxar" -> Maxar.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from sitrep.nlp.step import space_tokens
from sitrep.sides import (  # noqa: F401 - read as at.SIDES, at.PROXIES, at.side_of
    PROXIES,
    SIDES,
    find_sides,
    is_armed_group,
    is_state,
    side_in,
    side_of,
    state_of_capital,
)

SpacyToken = Any  # a spaCy Token (spaCy has no stable typing for it)
SpacySpan = Any  # a spaCy Span or Doc (not `sitrep.records.Span`)

# verbs whose subject is the source of what their complement says
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "warn", "write", "tweet", "describe", "call",
    "condemn", "insist", "claim", "explain", "note", "stress", "urge", "promise", "vow", "accuse",
    "acknowledge", "admit", "deny", "respond", "reply", "argue", "declare", "report", "confirm",
    "emphasize", "emphasise", "underscore", "believe", "estimate", "assess", "reveal", "disclose",
    "post", "publish", "release", "share", "show", "suggest", "indicate", "caution", "predict",
    "allege", "assert", "quote", "observe", "spot", "detect", "track", "monitor", "record",
    "conclude", "recall", "repeat", "comment", "brief", "inform", "signal", "threaten",
})
# heads of noun phrases that name no one ("a senior official said", "sources say")
ANONYMOUS_HEADS = frozenset({
    "official", "officials", "source", "sources", "spokesperson", "spokesman", "spokeswoman",
    "expert", "experts", "analyst", "analysts", "diplomat", "diplomats", "resident", "residents",
    "witness", "witnesses", "people", "person", "someone", "observer", "observers", "aide",
    "aides", "critic", "critics", "commentator", "commentators", "report", "reports", "one",
    "some", "others", "many", "most", "all", "both",
})
# heads of noun phrases that name an institution ("the Russian defence ministry said")
INSTITUTION_HEADS = frozenset({
    "military", "ministry", "army", "navy", "intelligence", "government", "command", "office",
    "police", "agency", "council", "administration", "department", "service", "kremlin",
    "pentagon", "forces", "force", "guard", "staff", "headquarters", "presidency", "cabinet",
    "parliament", "embassy", "mission", "committee", "authorities", "media", "outlet", "company",
    "firm", "group", "organisation", "organization", "observatory", "institute",
    "newspaper", "channel", "broadcaster", "corps", "directorate", "secretariat", "spokesperson",
    "coalition", "alliance", "regime", "junta", "delegation", "front", "monitor", "watchdog",
})
IMAGERY_WORDS = frozenset({
    "image", "images", "imagery", "photograph", "photographs", "photo", "photos", "picture",
    "pictures", "footage", "video", "videos", "satellite",
})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"it", "they", "we", "its", "their"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

_TITLE_NOUNS = frozenset({
    "officer", "commanding", "commander", "chief", "spokesman", "spokeswoman", "spokesperson",
    "minister", "secretary", "president", "director", "general", "colonel", "captain", "head",
    "governor", "mayor", "ambassador", "envoy", "adviser", "advisor", "official", "senior",
})
_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "brig", "lt", "sgt", "prof"})


def is_titled_person(phrase: str, tok: SpacyToken | None = None) -> bool:
    """Whether a phrase names one person by a title ("the defence minister", "an army
    spokesman"), or is the name set beside a title (`tok`, its head word: "a spokesman for the
    faction, Asres Mare Damte,"): what a later "he" or "she" is."""
    words = phrase.lower().split()
    titles = _TITLE_NOUNS - {"senior", "commanding", "head"}
    return bool(words) and (words[-1] in titles or (
        tok is not None and tok.dep_ == "appos" and tok.head.lower_ in titles))


@dataclass(frozen=True, slots=True)
class Named:
    """A person or organisation named in the text, at a clean-text offset."""

    start: int
    name: str
    kind: str  # "person" or "org"
    subject: bool  # the grammatical subject of a clause (a likely antecedent for "he")
    addressee: bool = False  # the one spoken to ("he told the newspaper Bild"): never "he"


def per_document(sdoc: SpacySpan, key: str, make: Callable[[Any], Any]) -> Any:
    """What `make(doc)` gives for the parse's whole Doc, worked out once and kept in the Doc
    (`user_data`), so that every extractor reading it pays once per document."""
    doc = sdoc.doc if hasattr(sdoc, "doc") else sdoc
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = make(doc)
    return cached


def ents(sdoc: SpacySpan) -> tuple[SpacySpan, ...]:
    """The parse's entities, built once per document: spaCy rebuilds `doc.ents` at every
    access, which made extraction quadratic in a long text."""
    return per_document(sdoc, "sitrep_ents", lambda doc: tuple(doc.ents))


def tokens_where(sdoc: SpacySpan, attrs: tuple[int, ...],
                 keep: Callable[..., bool]) -> list[SpacyToken]:
    """The tokens of `sdoc`, in order, whose values of the spaCy attributes `attrs` (DEP,
    LOWER, LEMMA...), as strings, `keep` says yes to: read from one array, so that a loop over
    the few tokens a rule can start from builds no Token object for the others. `keep` is asked
    once per distinct combination of values."""
    import numpy

    if not len(sdoc):
        return []
    strings = sdoc.vocab.strings
    rows = sdoc.to_array(list(attrs)).reshape(len(sdoc), len(attrs))  # one attribute: 1-D
    values, which = _distinct_rows(rows)
    if len(_KEPT) > MAX_KEPT:
        _KEPT.clear()
    kept = []
    for row in values:
        key = (keep, *row)
        hit = _KEPT.get(key)
        if hit is None:
            hit = _KEPT[key] = keep(*(strings[v] for v in row))
        kept.append(hit)
    return [sdoc[i] for i in numpy.flatnonzero(numpy.array(kept)[which]).tolist()]


def _distinct_rows(rows: Any) -> tuple[list[tuple[int, ...]], Any]:
    """The distinct rows of a 2-D integer array, and for each row the index of its own among
    them: each column's values numbered, the numbers combined into one code per row."""
    import numpy

    code = numpy.zeros(len(rows), dtype=numpy.int64)
    columns = []
    for j in range(rows.shape[1]):
        column, number = numpy.unique(rows[:, j], return_inverse=True)
        code = code * len(column) + number.reshape(-1)
        columns.append(column)
    codes, which = numpy.unique(code, return_inverse=True)
    parts = []
    for column in reversed(columns):
        parts.append(column[codes % len(column)].tolist())
        codes = codes // len(column)
    return list(zip(*reversed(parts), strict=True)), which.reshape(-1)


# (test, values) -> whether the test keeps a token with those values: what a test says of a
# word's values holds in every document (spaCy's string ids are hashes of the strings)
_KEPT: dict[tuple[Any, ...], bool] = {}
MAX_KEPT = 200_000


def subjects(sdoc: SpacySpan) -> list[SpacyToken]:
    """The tokens of `sdoc` that are a clause's nominal subject ("nsubj"), in order."""
    from spacy.attrs import DEP

    return tokens_where(sdoc, (DEP,), _is_nsubj)


def _is_nsubj(dep: str) -> bool:
    return dep == "nsubj"


class TokenAt(Mapping[int, SpacyToken]):
    """The parse's tokens by the clean-text offset they start at (what `{t.idx: t for t in
    doc}` holds), read from one array of offsets: a Token object is built only for the
    offsets looked up."""

    def __init__(self, sdoc: SpacySpan | None) -> None:
        from spacy.attrs import IDX

        self.sdoc: SpacySpan = sdoc
        self.index: dict[int, int] = {} if sdoc is None or not len(sdoc) else {
            idx: i for i, idx in enumerate(sdoc.to_array(IDX).tolist())}

    def __getitem__(self, offset: int) -> SpacyToken:
        return self.sdoc[self.index[offset]]

    def __iter__(self) -> Iterator[int]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


def index_names(sdoc: SpacySpan) -> list[Named]:
    """Every PERSON and ORG entity of the parse, in text order, marked when it is a subject
    (worked out once per document: the quote and movement extractors both read it)."""
    if sdoc.doc is not sdoc:  # a span: built afresh, not kept (a Doc's `doc` is itself)
        return _index_names(sdoc)
    return list(per_document(sdoc, "sitrep_names", lambda doc: tuple(_index_names(doc))))


def _index_names(sdoc: SpacySpan) -> list[Named]:
    out: list[Named] = []
    for ent in ents(sdoc):
        if ent.label_ not in ("PERSON", "ORG") and entity_kind(ent) is None:
            glued = _glued_person(sdoc, ent)
            if glued is not None:  # "the head of the mission in Congo Bintou Keita" (FAC)
                out.append(Named(glued[0].idx, " ".join(t.text for t in glued), "person",
                                 _speaks(glued[-1]), _is_addressee(glued[-1])))
            continue
        kind = entity_kind(ent)
        name = _person_name(ent.text) if kind == "person" else _strip_name(ent.text)
        if not name or kind is None:
            continue
        out.append(Named(ent.start_char, name, kind,
                         _is_in_subject(ent.root) or (kind == "person" and _speaks(ent[-1])),
                         _is_addressee(ent.root)))
        glued = _glued_person(sdoc, ent) if kind == "org" else None
        if glued is not None:  # "Ambassador to the UN Dorothy Shea" tagged as one ORG
            out.append(Named(glued[0].idx, " ".join(t.text for t in glued), "person",
                             _speaks(glued[-1]), _is_addressee(glued[-1])))
    # a name the tagger missed, set beside its title ("Volker Perthes, the UN envoy,")
    for run in _titled_names(sdoc):
        if not any(n.start == run[0].idx for n in out):
            out.append(Named(run[0].idx, " ".join(t.text for t in run), "person",
                             _is_in_subject(run[-1]), _is_addressee(run[-1])))
    # institutions that speak without being an entity ("the Israeli military said")
    for t in subjects(sdoc):
        if (t.ent_type_ == "" and t.lemma_.lower() in INSTITUTION_HEADS
                and t.head.lemma_.lower() in SPEECH_VERBS):
            phrase = _institution_phrase([], sdoc, t)
            if phrase:
                out.append(Named(sdoc[_np_bounds(t)[0]].idx, phrase, "org", True))
    out.sort(key=lambda n: n.start)
    return out


_PLACES = "sitrep_places"  # the (start, end) of every place the geoparser found, in the Doc


def mark_places(sdoc: SpacySpan, spans: list[tuple[int, int]]) -> None:
    """Tell the attribution layer where the geoparser found places (clean-text offsets): a
    name it resolved as a place is no one who speaks ("the towns of Debre Markos and Bahir
    Dar", tagged as persons)."""
    doc = sdoc.doc if hasattr(sdoc, "doc") else sdoc
    doc.user_data[_PLACES] = frozenset(spans)


def entity_kind(ent: SpacySpan) -> str | None:
    """"person" or "org" for a PERSON or ORG entity or for another whose head word names a body
    ("the Syrian Observatory for Human Rights" tagged as a place), or None for any other or a
    place the tagger took for a person or an organisation ("the Tillaberi region"); an armed
    group the side table names whole is an organisation whatever the tagger says ("Boko Haram"
    tagged as a person)."""
    placed = (ent.start_char, ent.end_char) in ent.doc.user_data.get(_PLACES, ())
    if ent.label_ not in ("PERSON", "ORG"):
        # "the Syrian Observatory for Human Rights" tagged as a place: a body by its head word
        root = ent.root
        named = len(ent) > 1 and root.pos_ == "PROPN" and root.lemma_.lower() in INSTITUTION_HEADS
        return "org" if named and not placed else None
    if placed:  # a capital speaks for its government ("…, Kigali said"); another place not
        return "org" if state_of_capital(ent.text) else None
    if ent.label_ == "ORG":
        return "org"
    whole = [m for m in find_sides(ent.text) if m.start == 0 and m.end == len(ent.text)]
    return "org" if whole and is_armed_group(whole[0].name) else "person"


def titled_speakers(sdoc: SpacySpan) -> list[Named]:
    """One person who speaks by a title alone ("a police spokesman said", "the Taliban's chief
    spokesman said"): what a "he" after them stands for, though no name is given."""
    out = []
    for t in subjects(sdoc):
        if t.ent_type_ == "" and t.pos_ == "NOUN" and t.head.lemma_.lower() in SPEECH_VERBS \
                and is_titled_person(t.lower_) and not any(c.dep_ == "appos" for c in t.children):
            lo = _np_bounds(t)[0]
            body = next((o for p in t.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                         for o in p.children if o.dep_ == "pobj"
                         and any(w.pos_ == "PROPN" for w in o.subtree)), None)
            # "a spokesman for the Khortytsia group of forces": he speaks for the body
            name = sdoc[body.left_edge.i:body.right_edge.i + 1].text if body is not None \
                else sdoc[lo:t.i + 1].text
            name = re.sub(r"^(?:an?|An?)\s+", "", name)  # "a police spokesman"
            out.append(Named(sdoc[lo].idx, _strip_name(name), "person", True))
    return out


def _titled_names(sdoc: SpacySpan) -> list[list[SpacyToken]]:
    """Two or three capitalised words with a title in apposition after them ("Volker Perthes,
    the UN envoy, met…"): a person's name, whatever the tagger made of it."""
    from spacy.attrs import DEP, LOWER

    out = []
    for t in tokens_where(sdoc, (DEP, LOWER),
                          lambda dep, lower: dep == "appos" and lower in _TITLE_HEADS):
        head = t.head
        run = [c for c in head.lefts if c.dep_ == "compound"] + [head]
        if t.i > head.i and run[-1].i - run[0].i == len(run) - 1 and _is_name_run(run) \
                and not any(x.ent_type_ == "PERSON" for x in run):  # the tagger's are in
            out.append(run)
    return out


def _is_name_run(words: Any) -> bool:
    """Two or three proper nouns written as a person's name, none of them a side or a place."""
    return 2 <= len(words) <= 3 and all(
        t.pos_ == "PROPN" and _NAME_WORD.fullmatch(t.text) and not side_of(t.text)
        and t.ent_type_ not in ("GPE", "LOC", "FAC", "NORP") for t in words)


# words a title phrase is headed by ("the envoy of the AU to Sudan Mariam Okoro")
_TITLE_HEADS = frozenset({"head", "envoy", "representative", "spokesperson", "spokesman",
                          "spokeswoman", "ambassador", "chief", "minister", "secretary",
                          "director", "commander", "president", "coordinator", "rapporteur",
                          "governor", "mayor", "general", "adviser", "advisor"})
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


def _glued_person(sdoc: SpacySpan, ent: SpacySpan) -> list[SpacyToken] | None:
    """A person's name the tagger glued to the place or body of a title before it ("Ambassador
    to the UN Dorothy Shea", "the head of the mission in Congo Bintou Keita"): the entity's last
    two or three capitalised words, after a side or an acronym, when a title word heads the
    phrase the entity hangs from. None otherwise."""
    run: list[SpacyToken] = []
    for t in reversed(ent):
        if (t.pos_ != "PROPN" or not _NAME_WORD.fullmatch(t.text) or side_of(t.text)
                or t.lower_ in INSTITUTION_HEADS | _TITLE_NOUNS):
            break
        run.insert(0, t)
    if not 2 <= len(run) <= 3 or run[0].i == ent.start:
        return None
    before = sdoc[run[0].i - 1]
    if not (side_of(before.text) or before.text.isupper()):
        return None
    for t in reversed(sdoc[max(ent.sent.start, ent.start - 8):ent.start]):
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return None
        if t.lower_ in _TITLE_HEADS:
            return run
    return None


@lru_cache(maxsize=8192)  # the same names come back many times in a document
def _strip_name(text: str) -> str:
    """An entity's text without a leading article, possessive or title abbreviation."""
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = re.sub(r"['’]s?$", "", text).strip(" ,.;:-–—")
    words = text.split()
    while words and (words[0].lower().rstrip(".") in _TITLE_WORDS or not words[0].strip(".")):
        words = words[1:]  # "Lt. Col. Nadav Shoshani", which the tokenizer may split ". Col ."
    return " ".join(words)


def _person_name(text: str) -> str:
    """A person entity's name, without the owner the tagger sometimes joins to it
    ("Notre Dame's Arike Ogunbowale" -> "Arike Ogunbowale")."""
    m = re.match(r"^.*\S\s?['’]s\s+([A-Z].*)$", text)
    name = _strip_name(m.group(1) if m else text)
    words = name.split()  # "Sudan Mariam Okoro": a place glued before a name of two words
    if len(words) >= 3 and side_of(words[0]) and all(_NAME_WORD.fullmatch(w) for w in words[1:]):
        return " ".join(words[1:])
    return name


def _is_addressee(tok: SpacyToken) -> bool:
    """The object of "tell" or of "said to", directly or as an apposition ("told the German
    newspaper Bild", "said to Reuters")."""
    t = tok.head if tok.dep_ == "appos" else tok
    if t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() == "tell":
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lemma_.lower() in SPEECH_VERBS


def _speaks(last: SpacyToken) -> bool:
    """A name that is a subject, or that the next verb after it is a speech verb of
    ("… Bintou Keita said", "resident Hassan Fadel, 54, said"), where the parser lost the
    subject to a long title or an aside."""
    if _is_in_subject(last):
        return True
    for t in last.doc[last.i + 1:last.i + 8]:
        if t.pos_ in ("VERB", "AUX"):  # a finite verb: "a statement in Pashto, posted on X,"
            return t.lemma_.lower() in SPEECH_VERBS and t.tag_ in ("VBD", "VBZ", "VBP")
        if "\n" in t.text or t.text in ".;:!?":
            return False
    return False


def _is_in_subject(tok: SpacyToken) -> bool:
    for t in [tok, *list(tok.ancestors)[:3]]:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def expand_person(names: list[Named], short: str, pos: int) -> str:
    """The fullest name of the person called `short` ("Kirby" -> "John Kirby"), nearest `pos`."""
    toks = short.split()
    if not toks:
        return short
    key = toks[-1].lower()
    best: tuple[int, int, str] | None = None  # (score, -distance, name)
    for n in names:
        if n.kind != "person" or len(n.name.split()) <= len(toks):
            continue
        parts = [p.lower() for p in n.name.split()]
        if key == parts[-1]:
            score = 3
        elif key in parts:
            score = 2
        elif SequenceMatcher(None, key, parts[-1]).ratio() >= 0.85:
            score = 1  # spelling variants: Zelenskiy / Zelensky / Zelenskyy
        else:
            continue
        dist = pos - n.start if n.start <= pos else 10 * (n.start - pos)
        cand = (score, -dist, n.name)
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best[2] if best else short


_MINOR_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "to"})


def expand_acronym(names: list[Named], short: str, pos: int) -> str:
    """An acronym with the organisation it stands for, named before `pos` ("MOD" -> "Ministry
    of Defence (MOD)", "SAF" -> "Sudanese Armed Forces (SAF)"): the last organisation whose
    initials spell it, with or without its minor words. Both forms stay, as texts and readers
    use either. `short` itself when no organisation before spells it."""
    key = re.sub(r"^the\s+", "", short.strip(), flags=re.I).replace(".", "")
    if not re.fullmatch(r"[A-Z]{2,6}", key):
        return short
    for n in reversed(names):
        if n.kind != "org" or n.start >= pos or n.name == key:
            continue
        words = re.findall(r"[A-Za-z]+", n.name)
        every = "".join(w[0] for w in words).upper()
        major = "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()
        if key in (every, major) and len(words) >= 2:
            return f"{n.name} ({key})"
    return short


# words of a described organisation too general to pick out its name ("the military
# intelligence service" is named by "intelligence")
_GENERIC_ORG_WORDS = frozenset({"the", "a", "an", "military", "service", "services", "agency",
                                "office", "department", "its", "own", "country's", "national"})


def named_for(names: list[Named], described: str, pos: int) -> str:
    """The name an organisation described in lower-case words goes by, named before `pos`:
    "Ukraine's military intelligence service" -> "Defense Intelligence of Ukraine". The last
    organisation whose name holds every telling word of the description and, where the
    description names a country, that country; `described` itself when none does or when it
    is a name already."""
    words = described.replace("’", "'").split()
    country = None
    if words and (words[0].endswith("'s") or side_of(words[0])):
        country = side_of(words[0].removesuffix("'s"))
        words = words[1:]
    telling = [w.lower() for w in words if w.lower() not in _GENERIC_ORG_WORDS]
    if not telling or any(not w.islower() for w in words) or len(telling) > 3:
        return described
    for n in reversed(names):
        if n.kind != "org" or n.start >= pos:
            continue
        have = {w.lower().replace("defense", "defence")
                for w in re.findall(r"[A-Za-z]+", n.name)}
        if all(w.replace("defense", "defence") in have for w in telling) and len(have) > 1 \
                and (country is None or side_of(n.name) == country
                     or side_in(n.name) == country):
            return n.name
    return described


# what a capital stands for when it acts ("the Niamey regime", "the Bamako junta")
_GOVERNMENT_WORDS = frozenset({"regime", "junta", "government", "authorities", "administration",
                               "leadership", "rulers"})


def government_of_capital(name: str) -> str:
    """A capital used as its government reads as its country: "Niamey regime" -> "Niger
    regime", "Niamey" (speaking) -> "Niger"; any other name stays as it is."""
    words = name.split()
    for k in (2, 1):  # "Addis Ababa government", "Bamako junta"
        state = state_of_capital(" ".join(words[:k])) if len(words) >= k else None
        rest = words[k:]
        if state and (not rest or (len(rest) == 1 and rest[0].lower() in _GOVERNMENT_WORDS)):
            return " ".join([state, *rest])
    return name


def resolve_pronoun(names: list[Named], sdoc: SpacySpan, tok: SpacyToken) -> str | None:
    """The person ("he", "she") or organisation ("it", "they") a pronoun most likely stands for."""
    word = tok.lower_
    pos = tok.idx
    kind = "person" if word in PERSON_PRONOUNS else "org"
    # the subject of this sentence's main clause, when it is named before the pronoun
    sent = tok.sent
    root_subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
    for subj in root_subj:
        if subj.i != tok.i and subj.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            found = entity_in(sdoc, subj, "PERSON" if kind == "person" else "ORG")
            if found is not None:
                name = _strip_name(found.text)
                return expand_person(names, name, pos) if kind == "person" else name
    titled = per_document(sdoc, "sitrep_titled", lambda doc: tuple(titled_speakers(doc))) \
        if kind == "person" and sdoc.doc is sdoc else ()
    before = sorted((n for n in (*names, *titled) if n.start < pos and n.kind == kind
                     and not n.addressee and not _in_reported_clause(sdoc, n, sent)),
                    key=lambda n: n.start)
    if not before:
        return None
    subjects = [n for n in before if n.subject]
    pick = subjects[-1] if subjects and pos - subjects[-1].start < 1500 else before[-1]
    return expand_person(names, pick.name, pick.start) if kind == "person" else pick.name


def _in_reported_clause(sdoc: SpacySpan, name: Named, sent: SpacySpan) -> bool:
    """A name in the pronoun's own sentence, inside a clause that hangs from a noun ("asked
    about reports that Macron had offered troops, he said"): a topic, not the one who speaks.
    ("When Macron arrived, he said" keeps Macron: his clause hangs from the verb.)"""
    if not sent.start_char <= name.start < sent.end_char:
        return False
    tok = next((t for t in sent if t.idx == name.start), None)
    if tok is None:
        return False
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.dep_ in ("acl", "ccomp", "relcl") \
                and a.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def entity_in(sdoc: SpacySpan, head: SpacyToken, label: str) -> SpacySpan | None:
    """The last entity with `label` inside the noun phrase of `head` (relative clauses left out)."""
    lo, hi = _np_bounds(head)
    found, starts = ents(sdoc), _ent_starts(sdoc)
    # entities in text order: the ones starting from `lo` on, up to the last starting at `hi`
    for i in range(bisect_right(starts, hi) - 1, bisect_left(starts, lo) - 1, -1):
        e = found[i]
        if e.end <= hi + 1 and e.label_ == label:
            return e
    return None


def _ent_starts(sdoc: SpacySpan) -> list[int]:
    """The first token of each of `ents(sdoc)`, found once per document."""
    return per_document(
        sdoc, "sitrep_ent_starts", lambda doc: [e.start for e in ents(doc)])


_DATELINE_ENDS = frozenset(("):", ")-", ")—", ")–"))


def closes_dateline(t: SpacyToken) -> bool:
    """The mark that closes a dateline's agency: "(Reuters):", "(AP) —"."""
    return t.text in _DATELINE_ENDS or (
        t.text == ")" and t.i + 1 < len(t.doc) and t.nbor(1).text in (":", "-", "—", "–"))


def _np_bounds(head: SpacyToken) -> tuple[int, int]:
    """Token bounds of a noun phrase, without relative clauses, appositions or clauses after it."""
    lo, hi = head.left_edge.i, head.i  # the leftmost word of its subtree (the parser keeps it)
    for t in head.doc[lo:head.i]:  # "MOSCOW (Reuters): Russia's defence ministry": a dateline
        if closes_dateline(t):  # the parser hung on the phrase is not of it
            lo = t.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl"):
            break
        hi = max(hi, child.right_edge.i)
    # a headline glued by the parser to the sentence below it: a phrase stops at the line break
    breaks = line_breaks(head.doc)
    before = bisect_left(breaks, head.i) - 1  # the last break before the head
    if before >= 0 and breaks[before] >= lo:
        lo = breaks[before] + 1
    after = bisect_left(breaks, head.i + 1)  # the first break after it
    if after < len(breaks) and breaks[after] <= hi:
        hi = breaks[after] - 1
    return lo, hi


def line_breaks(sdoc: SpacySpan) -> list[int]:
    """The indices of the parse's whitespace tokens that hold a line break, found once per
    document."""
    return per_document(
        sdoc, "sitrep_line_breaks",
        lambda doc: [i for i in space_tokens(doc) if "\n" in doc[i].text])


def name_of(names: list[Named], sdoc: SpacySpan, head: SpacyToken, *,
            person_only: bool = False) -> str | None:
    """A name for the subject `head` of a speech verb, or None when it names no one.

    Persons come out as their (fullest) name, institutions as their noun phrase without the
    article ("the Russian defence ministry" -> "Russian defence ministry"), pronouns and
    relative pronouns as what they stand for.
    """
    word = head.lower_
    if word in RELATIVE_PRONOUNS:
        ante = head.head.head if head.head.dep_ == "relcl" else None
        return name_of(names, sdoc, ante) if ante is not None else None
    if word in ANONYMOUS_HEADS:  # "an army spokesperson, Lt. Col. Dan Levi, said": the name;
        # "the spokeswoman said": the one named with that title before
        return _appositive_person(names, sdoc, head) or _titled_person(names, sdoc, head)
    if head.pos_ == "PRON" or word in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return resolve_pronoun(names, sdoc, head)
    # "The head of Hezbollah's media office, Mohammad Afif, said", "President Biden's envoy,
    # Amos Hochstein, said": a title's appositive name speaks, not a name inside the title
    person = None if head.ent_type_ == "PERSON" else next(
        (p for c in head.children if c.dep_ == "appos"
         for p in [entity_in(sdoc, c, "PERSON")] if p is not None), None)
    if person is None:
        person = _indexed(names, entity_in(sdoc, head, "PERSON"))
    if person is not None:
        return expand_person(names, _person_name(person.text), person.start_char)
    closing = _closing_name(sdoc, head)
    if closing is not None:
        return expand_person(names, closing.text, closing.start_char)
    inner = _indexed_person_in(names, sdoc, head)
    if inner is not None:
        return inner
    titled = _titled_person(names, sdoc, head)
    if titled is not None:
        return titled
    if person_only:
        return None
    described = described_before(names, sdoc, head)
    if described is not None:
        return described
    if head.pos_ == "PROPN" or _NAME_WORD.fullmatch(head.text):
        # "Saree said", tagged as an organisation, or "Zelenskyy said", tagged as a common
        # noun: a person named before
        full = expand_person(names, head.text, head.idx)
        if full != head.text:
            return full
    org = entity_in(sdoc, head, "ORG")
    if org is not None and _strip_name(org.text):
        return _institution_phrase(names, sdoc, head) or _strip_name(org.text)
    if head.lower_ in ANONYMOUS_HEADS or head.lemma_.lower() in ANONYMOUS_HEADS:
        return None
    if head.ent_type_ in ("GPE", "NORP") and head.pos_ == "PROPN":
        return _strip_name(_ent_of(sdoc, head) or head.text)
    group = _group_named_before(names, head)
    if group is not None:
        return group
    if head.lemma_.lower() in INSTITUTION_HEADS or head.lower_ in INSTITUTION_HEADS:
        return _institution_phrase(names, sdoc, head)
    if head.pos_ == "PROPN":
        run = [head]  # the run of proper nouns that ends at the head
        while run[0].i > 0 and sdoc[run[0].i - 1].pos_ == "PROPN":
            run.insert(0, sdoc[run[0].i - 1])
        if all(t.lower_ in _TITLE_NOUNS for t in run):
            return None  # "the Commanding Officer": a title, no name
        return _strip_name(" ".join(t.text for t in run))
    return None


# what an organisation named before is called again ("Hamas … The movement said")
GROUP_WORDS = frozenset(("group", "movement", "organisation", "organization", "militia",
                         "faction", "rebels", "insurgents", "militants"))
_GROUP_BACK = 1500  # how far back "the group" still reaches for its name


_WENT_ON_BACK = 400  # how far back the subject "the group" goes on with may stand
# an institution's head word that a "group" may still be ("the monitoring group", "the
# observatory"); the others are a state's (the army, a ministry): no "group"
_BODIES = frozenset(("group", "organisation", "organization", "monitor", "observatory",
                     "institute", "coalition", "alliance", "front", "watchdog", "network"))


def subject_went_on(subjects: list[tuple[int, str]], floor: int) -> str | None:
    """Of the bodies named as subjects (offset, name), the last one before the sentence at
    `floor` ("Human Rights Watch has accused both sides. … the group said"): what "the group"
    goes on with; never a state or one of its institutions."""
    for start, name in sorted(subjects, reverse=True):
        if start >= floor or floor - start >= _WENT_ON_BACK:
            continue
        last = name.lower().split()[-1]
        if not (last in INSTITUTION_HEADS - _BODIES or is_state(side_of(name))):
            return name
    return None


def _group_named_before(names: list[Named], head: SpacyToken) -> str | None:
    """"the group", "the movement": the body the sentence before had for its subject when it is
    "the group" (`subject_went_on`), else the armed group the text named last before it, else
    the organisation it named last."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in GROUP_WORDS \
            or [c.lower_ for c in head.lefts] not in (["the"], ["this"]):
        return None
    went_on = subject_went_on([(n.start, n.name) for n in names if n.kind == "org"
                               and n.subject and not n.addressee],
                              head.sent.start_char) if head.lower_ == "group" else None
    if went_on is not None:
        return went_on
    armed = armed_group_before(head.doc, head.idx)
    if armed is not None:
        return armed
    before = [n for n in names if n.kind == "org" and not n.addressee
              and 0 < head.idx - n.start < _GROUP_BACK]
    return before[-1].name if before else None


def described_before(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """The organisation named last before a description that says only where it is based
    ("the Britain-based war monitor", "the New York-based group", "the Paris-based watchdog"):
    news names a body once and then describes it; the place it is based in is no speaker."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                      for c in head.children):
        return None
    based = [c for c in head.children if c.dep_ == "amod" and c.lower_ in _BASED]
    if not based:
        return None
    epithet = {t.i for c in based for t in c.subtree}
    lo, _hi = _np_bounds(head)
    if not all(t.is_lower for t in sdoc[lo:head.i + 1] if t.i not in epithet and t.dep_ != "det"):
        return None  # "the London-based Syrian Observatory" names itself
    start = sdoc[lo].idx
    before = [n for n in names if n.kind == "org" and not n.addressee
              and 0 < start - n.start < _GROUP_BACK]
    before = [n for n in before if n.subject] or before  # the body that acted, not a place
    return before[-1].name if before else None


_BASED = frozenset(("based", "headquartered"))


def is_rebel_army(name: str) -> bool:
    """Whether a name with "Army" in it is an armed group's ("Arakan Army", "National Liberation
    Army"): "the army" said after it is the state's army, not the rebels."""
    return is_armed_group(side_in(name))


def armed_group_before(sdoc: SpacySpan, pos: int) -> str | None:
    """The armed group the side table finds named last before `pos` (as the text writes it):
    what "the group", "the militia" or "the rebels" stand for; the parser's organisations miss
    many ("Fano militias attacked… The militia said") and take places for some."""
    groups = per_document(sdoc, "armed_groups", lambda doc: [
        (m.start, doc.text[m.start:m.end]) for m in find_sides(doc.text)
        if is_armed_group(m.name)])
    near = [words for start, words in groups if 0 < pos - start < _GROUP_BACK]
    return near[-1] if near else None


def _closing_name(sdoc: SpacySpan, head: SpacyToken) -> SpacySpan | None:
    """The name set off by commas that closes a title's phrase ("The head of the UN mission in
    Sudan, Volker Perthes, said", "The chief of the general staff, Oleksandr Syrskyi, said"),
    whatever the tagger calls it or the parser hangs it on: two or three capitalised words."""
    if head.lower_ not in _TITLE_NOUNS:
        return None
    end = max(t.i for t in head.subtree if not t.is_punct)  # the phrase with its apposition
    if end + 1 >= len(sdoc) or sdoc[end + 1].text != ",":
        return None
    start = end
    while start > 0 and sdoc[start - 1].pos_ == "PROPN" and sdoc[start - 1].is_title:
        start -= 1
    words = sdoc[start:end + 1]
    return words if sdoc[start - 1].text == "," and _is_name_run(words) else None


def _indexed(names: list[Named], person: SpacySpan | None) -> SpacySpan | None:
    """A person entity the index keeps; None for one it left out ("Niamey", tagged a person but
    placed on the map). With no index, every entity stands."""
    if person is None or not names:
        return person
    return person if any(n.kind == "person" and person.start_char <= n.start < person.end_char
                         for n in names) else None


def _appositive_person(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """The person named in apposition to `head`, or None."""
    for c in head.children:
        if c.dep_ == "appos":
            person = entity_in(sdoc, c, "PERSON")
            if person is not None:
                return expand_person(names, _person_name(person.text), person.start_char)
    return None


def _indexed_person_in(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """The last person of the index named inside the noun phrase of `head`, for names the tagger
    did not tag as a person ("Ambassador to the UN Dorothy Shea")."""
    lo, hi = _np_bounds(head)
    first, last = sdoc[lo].idx, sdoc[hi].idx + len(sdoc[hi])
    inside = [n for n in names if n.kind == "person" and first <= n.start < last]
    return inside[-1].name if inside else None


# titles a definite description can stand for a person by ("the colonel told reporters")
_RANKS = frozenset({"colonel", "general", "commander", "spokesman", "spokeswoman",
                    "spokesperson", "minister", "ambassador", "envoy", "governor", "mayor",
                    "president", "captain", "admiral", "major", "lieutenant", "brigadier"})


def _titled_person(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """"the colonel", "the foreign minister": the last person named before with that title, in
    front of the name ("Colonel Amadou Maiga", "French General, Eric Ozanne") or beside it ("Ali
    Hassan, Sudan's foreign minister", "the spokeswoman for the agency, Olga Sarrado"); None
    when no one was, and for a description of its own ("the army's general")."""
    title = head.lemma_.lower()
    if head.pos_ != "NOUN" or title not in _RANKS \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            or any(c.dep_ == "poss" for c in head.children):
        return None
    words = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod")] + [title]
    text = head.doc.text
    for n in reversed(names):
        if n.kind != "person" or n.start >= head.idx:
            continue
        roles = [text[max(0, n.start - 30):n.start].lower(), _role_beside(sdoc, n)]
        if any(all(w in role for w in words) for role in roles):
            return n.name
    return None


def _role_beside(sdoc: SpacySpan, name: Named) -> str:
    """The description set beside a name ("Ali Hassan, Sudan's foreign minister," -> "sudan's
    foreign minister"; "the spokeswoman for the agency, Olga Sarrado" -> "the spokeswoman for
    the agency"), lower-cased; "" when there is none."""
    root = next((e.root for e in ents(sdoc) if e.start_char == name.start), None)
    if root is None:
        return ""
    if root.dep_ == "appos":
        top = _phrase_top(root.head)
        lo, _hi = _np_bounds(top)
        return sdoc[lo:root.i].text.lower()
    for c in root.children:
        if c.dep_ == "appos":
            lo, hi = _np_bounds(c)
            return sdoc[lo:hi + 1].text.lower()
    return ""


def _ent_of(sdoc: SpacySpan, tok: SpacyToken) -> str | None:
    for e in ents(sdoc):
        if e.start <= tok.i < e.end:
            return e.text
    return None


def _institution_phrase(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """"the Russian defence ministry" -> "Russian defence ministry"; a bare "the ministry" -> the
    fuller phrase with the same head named before it."""
    lo, _hi = _np_bounds(head)
    hi = head.i
    for e in ents(sdoc):  # "Ministry of Defence": keep the whole entity
        if e.start <= head.i < e.end:
            hi = max(hi, e.end - 1)
    toks = [t for t in _unarticled(sdoc[lo:hi + 1]) if not t.is_punct or inner_hyphen(t)]
    if toks and toks[0].lower_ in ANONYMOUS_HEADS:
        return None
    if len(toks) > 1 and toks[0].dep_ == "poss" and toks[0].lower_ in ("its", "their"):
        return resolve_pronoun(names, sdoc, toks[0])  # "its forces": whoever "it" is
    phrase = _strip_name(join_words(toks))
    if len(toks) <= 1 and phrase:
        fuller = _fuller_before(sdoc, head, phrase)
        if fuller:
            return fuller
        if head.pos_ != "PROPN":
            return None  # a bare common noun ("the military") names no one by itself
    if 1 < len(toks) <= 3 and all(t.is_lower for t in toks) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        # "the intelligence service" after "the Defence Intelligence of Ukraine": the name
        # given before that holds its head or another of its words
        for word in (head, *reversed([t for t in toks if t.i != head.i])):
            fuller = _fuller_before(sdoc, sdoc[lo], word.lower_, whole_name=word.i != head.i)
            if fuller and not fuller.islower():
                return fuller
    return phrase or None


def _unarticled(span: SpacySpan) -> list[SpacyToken]:
    """The words of a name without the determiners that open it ("the Russian defence
    ministry"); one inside it stays ("Institute for the Study of War")."""
    toks = list(span)
    k = 0
    while k < len(toks) and toks[k].dep_ == "det":
        k += 1
    return toks[k:]


def inner_hyphen(t: SpacyToken) -> bool:
    """A hyphen inside a word ("Saudi-led", "al-Sham"), not a dash between words."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.nbor(-1).whitespace_


def join_words(toks: list[SpacyToken]) -> str:
    """Words as written: a space between them, none around a hyphen inside a word nor where
    the text has none ("army's", not "army 's")."""
    out = ""
    for k, t in enumerate(toks):
        glued = t.text == "-" or (k > 0 and toks[k - 1].text == "-") or (
            k > 0 and toks[k - 1].i == t.i - 1 and not toks[k - 1].whitespace_)
        out += t.text if (k == 0 or glued) else " " + t.text
    return out


def _fuller_before(sdoc: SpacySpan, head: SpacyToken, word: str,
                   whole_name: bool = False) -> str | None:
    """The last fuller noun phrase before `head` whose head is the same word (with
    `whole_name`, the phrase of the name the word is part of: "Intelligence" ->
    "Military Intelligence Directorate")."""
    before = sdoc[: head.i]
    if not len(before):
        return None
    # the earlier tokens of the word, read from the document's array of lower-case forms (no
    # Token object for the others)
    lowers = _lowers(sdoc.doc)[before.start:before.end]
    same = (lowers == sdoc.vocab.strings[word.lower()]).nonzero()[0]
    for k in reversed(same.tolist()):  # every one of them lies before `head`
        t = before[k]
        while whole_name and t.dep_ == "compound" and t.head.i > t.i:
            t = t.head
        described = _described_org(sdoc, t)
        if described:
            return described
        lo, _ = _np_bounds(t)
        hi = max([t.i, *(e.end - 1 for e in ents(sdoc) if e.start <= t.i < e.end)])
        hi = next((x.i - 1 for x in sdoc[t.i:hi + 1] if x.lower_ in ("in", "at")), hi)
        toks = [x for x in _unarticled(sdoc[lo:hi + 1]) if not x.is_punct]
        if word == "army" and is_rebel_army(" ".join(x.text for x in toks)):
            continue
        if len(toks) > 1:
            return _strip_name(" ".join(x.text for x in toks).replace(" 's", "'s")
                               .replace(" ’s", "’s"))
    return None


def _lowers(doc: Any) -> Any:
    """The lower-case form of every token of the document, as one array (read once)."""
    from spacy.attrs import LOWER

    return per_document(doc, "sitrep_lowers", lambda d: d.to_array(LOWER))


def _phrase_top(tok: SpacyToken) -> SpacyToken:
    """The head of the noun phrase a word ends ("Harm" in "the Observatory for Civilian Harm"
    -> "Observatory"), climbing through prepositions."""
    top = tok
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.i < top.i:
        top = top.head.head
    return top


def _described_org(sdoc: SpacySpan, word: SpacyToken) -> str | None:
    """The organisation a description stands beside ("the Observatory for Civilian Harm, a
    monitor based in Geneva": "monitor" -> Observatory for Civilian Harm), or None."""
    if word.dep_ != "appos" or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                       for c in word.children):
        return None
    lo, _ = _np_bounds(_phrase_top(word.head))
    toks = [t for t in _unarticled(sdoc[lo:word.head.i + 1]) if not t.is_punct]
    if not toks or not all(t.is_title or t.is_upper or t.lower_ in _MINOR_WORDS for t in toks):
        return None  # a description beside a common noun names no organisation
    return _strip_name(join_words(toks)) or None


def subject_of(verb: SpacyToken) -> SpacyToken | None:
    """The subject of a verb, looking through auxiliaries, conjunctions and open complements."""
    seen = 0
    v = verb
    while v is not None and seen < 4:
        subjects = [c for c in v.children
                    if c.dep_ in ("nsubj", "nsubjpass") and same_line(c, verb)]
        if subjects:  # "JERUSALEM—Israel has begun": the subject nearest the verb
            return past_dateline(min(subjects, key=lambda c: abs(c.i - v.i)))
        stranded = stranded_subject(v) if v.i == verb.i else None
        if stranded is not None:
            return stranded
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            seen += 1
            continue
        break
    return lost_subject(verb)


def stranded_subject(verb: SpacyToken) -> SpacyToken | None:
    """The subject of a joined verb the parser joined to the object before it instead ("moved
    troops to the frontier and India rushed reinforcements": "India" hangs on "frontier")."""
    if verb.dep_ != "conj" or verb.i < 2:
        return None
    name, joiner = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if joiner.lower_ == "and" and name.dep_ == "conj" and name.head.i != verb.head.i \
            and (name.pos_ == "PROPN" or name.ent_type_ in ("GPE", "NORP", "ORG")):
        return name
    return None


def past_dateline(subj: SpacyToken) -> SpacyToken:
    """The subject behind a dateline the parser took for it ("KHARTOUM, Aug 4 - Sudan's army
    said": the town is the subject, the army its apposition), or behind an opening participle
    it read as a noun's modifier ("Briefing journalists in Abuja, the army's spokesman said":
    "journalists" is the subject, the spokesman an apposition of the town)."""
    if subj.i == subj.sent.start and subj.text.isupper() and len(subj.text) > 1:
        return next((c for c in subj.children if c.dep_ == "appos"), subj)
    first = subj.left_edge
    if first.i == subj.sent.start and first.i < subj.i and first.lower_.endswith("ing") \
            and first.dep_ in ("compound", "amod") and first.head.i == subj.i:
        after_comma = [t for t in subj.subtree if t.dep_ == "appos" and t.i > subj.i
                       and any(w.text == "," for w in t.doc[subj.i:t.i])]
        if after_comma:
            return after_comma[-1]
    return subj


def lost_subject(verb: SpacyToken) -> SpacyToken | None:
    """The subject of a speech verb the parser lost: to a headline glued above the verb's line
    (`glued_subject`), or to a long title it read as a phrase ("the head of the UN mission in
    Sudan Omar Haddad said": the name was hung on "in"). Then the person or organisation named
    right before the verb is its subject."""
    glued = glued_subject(verb)
    if glued is not None or verb.i == 0 or verb.lemma_.lower() not in SPEECH_VERBS:
        return glued
    last = verb.doc[verb.i - 1]
    named = last.ent_type_ in ("PERSON", "ORG") or (
        last.pos_ == "PROPN" and last.ent_type_ not in ("GPE", "LOC", "NORP", "DATE", "TIME"))
    if named and last.head.i != verb.i and same_line(last, verb) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return last
    return None


def same_line(a: SpacyToken, b: SpacyToken) -> bool:
    """Whether no line break lies between two tokens (a headline is not the sentence below)."""
    lo, hi = sorted((a.i, b.i))
    breaks = line_breaks(a.doc)
    first = bisect_left(breaks, lo)  # the first break from `lo` on
    return not (first < len(breaks) and breaks[first] < hi)


def glued_subject(verb: SpacyToken) -> SpacyToken | None:
    """The subject the parser lost to a headline glued above the verb's line: the noun phrase
    that opens the line before the verb but hangs from a word of the line above."""
    doc = verb.doc
    breaks = line_breaks(doc)
    last = bisect_left(breaks, verb.i) - 1  # the last break before the verb
    start = breaks[last] + 1 if last >= 0 else 0
    if start == 0:
        return None
    for t in doc[start:verb.i]:
        if t.head.i < start and t.pos_ in ("NOUN", "PROPN", "PRON") and t.right_edge.i < verb.i:
            return t
    return None


def speech_ancestor(tok: SpacyToken, *, max_up: int = 8) -> SpacyToken | None:
    """The nearest speech verb above `tok` in the parse ("Kirby said [a convoy was seen]")."""
    for n, a in enumerate(tok.ancestors):
        if n >= max_up:
            break
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in SPEECH_VERBS:
            return a
    return None


def according_to(sent: SpacySpan, clause_of: SpacyToken | None = None) -> SpacyToken | None:
    """The head of X in "according to X" within a sentence; with `clause_of`, only when it
    qualifies that word's clause (it hangs from the word or a word above it)."""
    above = {clause_of.i, *(a.i for a in clause_of.ancestors)} if clause_of is not None else None
    for t in sent:
        if t.lower_ != "according" or (above is not None and t.head.i not in above):
            continue
        if t.i + 1 < sent.end and t.nbor(1).lower_ == "to":
            objs = [c for c in t.nbor(1).children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def source_in_phrase(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """A named source inside a phrase: "satellite images from Maxar" -> Maxar."""
    if head.lower_ in IMAGERY_WORDS or head.lemma_.lower() in IMAGERY_WORDS:
        for t in head.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("from", "by", "of"):
                return name_of(names, sdoc, t)
        return None
    return name_of(names, sdoc, head)


def imagery_sources(names: list[Named], sdoc: SpacySpan) -> list[tuple[int, str]]:
    """Where the document names who took its images: "images from Maxar", "Maxar, a ... satellite
    company", "satellite company Maxar". Returns (clean offset, name) pairs in text order."""
    from spacy.attrs import LOWER

    out: list[tuple[int, str]] = []
    for t in tokens_where(sdoc, (LOWER,), _imagery_word):
        low = t.lower_
        if low in IMAGERY_WORDS and low != "satellite":
            # "images from Maxar", "images provided by Maxar", "imagery obtained from Planet"
            told = [v for v in t.children if v.dep_ == "acl" and v.tag_ == "VBN"]
            for c in [*t.children, *(c for v in told for c in v.children)]:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                    objs = [o for o in c.children if o.dep_ == "pobj"]
                    if objs:
                        who = name_of(names, sdoc, objs[0])
                        if who:
                            out.append((t.idx, who))
        if (low in _IMAGERY_FIRMS and t.dep_ == "appos"
                and any(x.lower_ == "satellite" for x in t.subtree)):
            who = name_of(names, sdoc, t.head)
            if who:
                out.append((t.head.idx, who))
    return out


_IMAGERY_FIRMS = ("company", "firm", "provider", "operator")


def _imagery_word(low: str) -> bool:
    """A word `imagery_sources` starts from."""
    return (low in IMAGERY_WORDS and low != "satellite") or low in _IMAGERY_FIRMS


def nearest_source(sources: list[tuple[int, str]], pos: int) -> str | None:
    """The imagery source named nearest before `pos`, else the first one named after it."""
    before = [s for s in sources if s[0] <= pos]
    if before:
        return before[-1][1]
    return sources[0][1] if sources else None


def group_phrase(head: SpacyToken) -> str | None:
    """An unnamed group with its country, as sources are cited ("two US officials" -> US officials,
    "UK defence sources"); None without a country or a group word."""
    if head.lower_ not in ANONYMOUS_HEADS:
        return None
    mods = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and not t.like_num]
    if not mods or not side_of(mods[0].text):
        return None
    return " ".join([*(t.text for t in mods), head.text])


def source_phrase(names: list[Named], sdoc: SpacySpan, head: SpacyToken) -> str | None:
    """An observer as the text styles it: a person with the title or affiliation written before the
    name ("Pentagon Press Secretary John Kirby", "Al Jazeera's Resul Serdar"), else `name_of`."""
    person = entity_in(sdoc, head, "PERSON")
    if person is not None and person.end - 1 == head.i:
        lo, _ = _np_bounds(head)
        toks = _unarticled(sdoc[lo:head.i + 1])
        titled = all(t.dep_ in ("compound", "poss", "case", "amod", "nmod") or t.i >= person.start
                     for t in toks)
        # a place alone before the name is where the phrase was, not a title ("the mission in
        # Sudan Omar Haddad said")
        title = [t for t in toks if t.i < person.start and t.dep_ != "case"]
        if toks and titled and title and any(t.ent_type_ != "GPE" for t in title):
            text = sdoc[toks[0].i:head.i + 1].text
            if len(text) < 80:
                return _strip_name(text)
            return expand_person(names, person.text, person.start_char)
    return name_of(names, sdoc, head)


# a monitor that reports what it saw in the first person ("we have geolocated", "our
# contributors"), and the name it signs with: a masthead ("Black Sea Watch | Weekly digest"), a
# byline ("Posted by the Aircraft Spots team"), "an update from the Sudan War Monitor"
_WE_SAW = re.compile(
    r"\bwe(?:\s+have|['’]ve)?\s+(?:\w+ly\s+)?(?:geolocated|assess|assessed|observed|tracked|"
    r"logged|recorded|verified|counted|spotted|saw|seen|identified|monitored)\b|"
    r"\bour\s+(?:contributors|analysts|network|visual|tracking|team\s+of|defenders|forces|"
    r"troops|units|soldiers|servicemen)\b", re.I)
_NAME = (r"((?:@\w+|[A-Z][\w&.'’-]*)(?:[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?[A-Z][\w&.'’-]*)"
         r"{0,5})")  # on one line: "General Staff of the Armed Forces of Ukraine"
_SIGNED = (re.compile(rf"\b(?:[Pp]osted|[Pp]ublished|[Cc]ompiled|[Ww]ritten)\s+by\s+(?:the\s+)?"
                      rf"{_NAME}"),
           re.compile(rf"\b(?:update|report|digest|thread|roundup|summary)\s+from\s+(?:the\s+)?"
                      rf"{_NAME}"),
           re.compile(rf"^\s*{_NAME}\s+\|\s"))
_SIGNED_WITHIN = 600  # characters from the top where a masthead or byline stands
# a bulletin that says whose it is in its title: "Briefing by the Ministry of Defence of X"
_ISSUED = re.compile(rf"^\s*(?:[Bb]riefing|[Ss]tatement|[Bb]ulletin|[Rr]eport|[Uu]pdate|"
                     rf"[Pp]ress\s+release|[Cc]ommuniqu[eé])\s+(?:by|of|from)\s+(?:the\s+)?{_NAME}")


@lru_cache(maxsize=4)  # asked by claims, movement owners and observers of the same article
def document_issuer(text: str) -> str | None:
    """Who issued a report that tells what it saw in its own name: a monitor writing in the
    first person ("we have geolocated…", "our contributors"), a ministry speaking of "our
    defenders", a bulletin titled with its issuer ("Briefing by the Ministry of Defence of X");
    by the name its title, masthead ("Black Sea Watch | Weekly digest") or byline ("Posted by
    the Aircraft Spots team") gives. None for a news report that cites others."""
    top = text[:_SIGNED_WITHIN]
    issued = _ISSUED.match(top)
    if issued is not None:
        return issued.group(1).strip()
    if not _WE_SAW.search(text):
        return None
    return next((m.group(1).strip() for p in _SIGNED for m in [p.search(top)] if m), None)


def issuer_side(text: str) -> str | None:
    """The side whose own bulletin the article is ("General Staff of the Armed Forces of
    Ukraine | Operational update" -> Ukraine), or None."""
    issuer = document_issuer(text)
    return side_in(issuer) if issuer else None

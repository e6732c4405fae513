"""Direct quotations and their speakers.

Quotation marks are paired on the clean text paragraph by paragraph (curly and straight double
quotes, and the single quotes British outlets use, told apart from apostrophes by what follows
them). A quotation of three words or more becomes a `Quote` when a named person or organisation
said it: the speaker of a speech verb right after it ("…," he said), above it in the parse
(Kirby said the city is "still being fought over"), of the quotation it continues, or of the
sentence before it. Anonymous speakers ("a senior official said") give no quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract import attribution as at
from sitrep.extract.claims.subject import SubjectContext, subject_context
from sitrep.records import Document, Quote

_OPEN_DOUBLE = "“„«"  # guillemets as translated French, Russian and Ukrainian copy keeps them
_CLOSE_DOUBLE = "”»"
_SINGLE_CLOSERS = "’'"
# the marks that open or close a quotation: the only characters the pairing reads
_MARK = re.compile(f"[{_OPEN_DOUBLE}{_CLOSE_DOUBLE}{_SINGLE_CLOSERS}\"‘]")
_WORD = re.compile(r"\w+")
_MIN_WORDS = 3
_FOLLOW_GAP = 220  # characters between two quotations of one speaker ("…," he said. "…")
# a speech verb used as a modifier says nothing ("the "…" of alleged separatists")
_NOT_SAYING = frozenset(("amod", "acl", "compound", "nmod", "pcomp"))


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: where its words are and where its marks are, in clean-text offsets."""

    open_at: int  # position of the opening mark
    start: int  # first character of the quoted words
    end: int  # one past the last quoted character (trailing comma and spaces cut)
    close_end: int  # one past the closing mark (== end when the quotation is left open)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, paired within paragraphs; an unclosed one runs to the
    paragraph end."""
    out: list[QuoteSpan] = []
    pos = 0
    for para in text.split("\n"):
        out.extend(_spans_in_paragraph(para, pos))
        pos += len(para) + 1
    return out


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def _spans_in_paragraph(para: str, base: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    mode: str | None = None  # "double", "straight" or "single"
    opened = 0
    n = len(para)
    for m in _MARK.finditer(para):  # every other character leaves the state as it is
        i, c = m.start(), m.group()
        if mode is None:
            prev = para[i - 1] if i else " "
            nxt = para[i + 1] if i + 1 < n else " "
            if c in _OPEN_DOUBLE:
                mode, opened = "double", i
            elif c == '"':
                mode, opened = "straight", i
            elif (c == "‘" or (c in _SINGLE_CLOSERS and _opens_single(prev, nxt))) \
                    and not _stray_possessive(para, i):
                mode, opened = "single", i
        elif _closes(mode, c, para, i, opened):
            out.append(_make_span(para, base, opened, i, i + 1))
            mode = None
    if mode is not None:
        out.append(_make_span(para, base, opened, len(para.rstrip()), len(para.rstrip())))
    return [s for s in out if s.end > s.start]


def _closes(mode: str, c: str, para: str, i: int, opened: int) -> bool:
    """Whether the mark at `i` closes the quotation opened at `opened`."""
    if mode in ("double", "straight"):  # scraped text mixes curly and straight marks
        return c in _CLOSE_DOUBLE or c == '"'
    nxt = para[i + 1] if i + 1 < len(para) else " "
    return (c in _SINGLE_CLOSERS and not _is_word_char(nxt) and i > opened + 1
            and not _plural_possessive(para, i))


def _plural_possessive(para: str, i: int) -> bool:
    """"the parties’ dispositions’": a ’ after an s, before a lower-case word, with another
    closing mark soon after, is an apostrophe."""
    if para[i - 1] != "s" or para[i + 1:i + 2] != " " or not para[i + 2:i + 3].islower():
        return False
    rest = para[i + 1:i + 60]
    return any(rest[k] in _SINGLE_CLOSERS and (k + 1 == len(rest) or not rest[k + 1].isalnum())
               for k in range(len(rest)) if rest[k] in _SINGLE_CLOSERS) and "‘" not in rest


def _stray_possessive(para: str, i: int) -> bool:
    """"the ‘s reserve forces": a possessive whose noun the page lost, not an opening mark."""
    return para[i + 1:i + 2] == "s" and not para[i + 2:i + 3].isalnum()


def _opens_single(prev: str, nxt: str) -> bool:
    """A ' or ’ opens a quotation after a space or a sentence mark and before a word
    ("said Arestovich.’There…"), never inside a word (Ukraine’s, don’t)."""
    return (prev.isspace() or prev in "([.:;,!?—–-") and _is_word_char(nxt)


def _make_span(para: str, base: int, opened: int, closed: int, close_end: int) -> QuoteSpan:
    s, e = opened + 1, closed
    while s < e and para[s].isspace():
        s += 1
    while e > s and (para[e - 1].isspace() or para[e - 1] in ",;"):
        e -= 1
    return QuoteSpan(base + opened, base + s, base + e, base + close_end)


def count_words(text: str) -> int:
    """Words as the evaluation counts them: letters or digits, one-letter words left out."""
    return sum(1 for w in _WORD.findall(text) if len(w) > 1 or w.isdigit())


def find_quotes(doc: Document, ctx: SubjectContext | None = None) -> list[Quote]:
    """Direct quotations of three words or more with a named speaker (`ctx`: the document's
    `subject_context`, when the caller has it already)."""
    sdoc = doc.nlp
    if sdoc is None:
        return []
    text = doc.clean_text[: text_length(sdoc)]
    # a name the tagger took for a person but the geo stage placed on the map is a place
    placed = {p.mention for p in doc.places}
    names = [n for n in at.index_names(sdoc)
             if not (n.kind == "person" and (n.name in placed or _is_acronym(n.name)))]
    out: list[Quote] = []
    last: tuple[QuoteSpan, str] | None = None
    side = (ctx or subject_context(doc)).dominant
    for q in find_quote_spans(text):
        if count_words(text[q.start:q.end]) < _MIN_WORDS:
            continue
        found = _attribute(doc, sdoc, names, q, last, side)
        if found is None:
            continue
        speaker, rule, conf = found
        if not speaker:
            last = None  # an anonymous speaker: what follows is not the previous speaker's
            continue
        speaker = at.government_of_capital(at.expand_acronym(names, speaker, q.start))
        out.append(Quote(speaker=speaker, text=text[q.start:q.end],
                         evidence=doc.evidence(q.start, q.end), confidence=conf, rule=rule))
        last = (q, speaker)
    return out


def text_length(sdoc: at.SpacySpan) -> int:
    """`len(sdoc.text)` without building the text: where the last token and its space end."""
    if not len(sdoc):
        return 0
    last = sdoc[-1]
    return int(last.idx) + len(last.text_with_ws)


def _is_acronym(name: str) -> bool:
    """"MI6", "RL": capitals and digits, a tagger's person that names no person."""
    return bool(re.fullmatch(r"[A-Z0-9/&.-]{2,8}", name))


def _attribute(doc: Document, sdoc: at.SpacySpan, names: list[at.Named], q: QuoteSpan,
               last: tuple[QuoteSpan, str] | None, side: str | None
               ) -> tuple[str | None, str, float] | None:
    """(speaker, rule, confidence); speaker None when the quotation is anonymous; None when no
    speaker could be found at all. `side` is the article's own side, whose institution a bare
    "the ministry" is when no fuller one was named."""
    text = doc.clean_text
    inside = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None
    after = _speech_verb_after(sdoc, q, text)
    if after is not None:
        found = _speaker_from_verb(names, sdoc, after, q, "quote-said-after", 0.9, side)
        if found is not None:
            return found
    verb = _speech_verb_above(inside)
    if verb is not None:
        found = _speaker_from_verb(names, sdoc, verb, q, "quote-speech-verb", 0.8, side)
        if found is not None:
            return found
    follows = last is not None and 0 <= q.open_at - last[0].close_end <= _FOLLOW_GAP
    colon = _colon_speaker(names, sdoc, text, q)
    if colon is not None:
        return colon, "quote-colon", 0.75
    source = _according_to(names, sdoc, inside, q)
    if source is not None:
        return source, "quote-according-to", 0.7
    if not _starts_sentence(text, q.open_at):
        verb = _speech_verb_in_sentence(sdoc, inside, q)
        if verb is not None:
            return _speaker_from_verb(names, sdoc, verb, q, "quote-same-sentence", 0.65, side)
        found = _speaker_of_governor(names, sdoc, inside)
        if found is None and follows and last is not None and not _in_headline(text, q) \
                and not _someone_else_acts(names, sdoc, inside, q, last[1]):
            # a phrase quoted with no speech verb of its own ("…, and "three flights" were
            # used") goes on quoting whoever was quoted just before
            return last[1], "quote-phrase-continued", 0.55
        return found
    if follows and last is not None:
        return last[1], "quote-continued", 0.75
    prev = _previous_sentence(sdoc, inside[0])
    if prev is not None:
        verbs = [t for t in prev
                 if _says(t) or (t.pos_ in ("VERB", "AUX") and _issues_statement(t))]
        for v in reversed(verbs):
            found = _speaker_from_verb(names, sdoc, v, q, "quote-previous-sentence", 0.6, side)
            if found is not None and found[0]:
                return found
        if _whole_paragraph(text, q):
            return _person_introduced(names, sdoc, prev)
    return None


# a name and a colon opening a line or a sentence before the quotation: 'Zelensky: "…"',
# 'IDF spokesman Daniel Hagari: "…"'
_COLON_BEFORE = re.compile(r"(?:^|\n|[.!?]\s+)((?:[A-Z][a-z]{0,3}\.|[A-Z][\w’'-]*)"
                           r"(?:\s+(?:[A-Z][a-z]{0,3}\.|[\w’'-]+)){0,5}?\s+[A-Z][\w’'-]*"
                           r"|[A-Z][\w’'-]*):\s*$")


def _colon_speaker(names: list[at.Named], sdoc: at.SpacySpan, text: str,
                   q: QuoteSpan) -> str | None:
    """The person or organisation a colon hands the quotation to, with no verb between."""
    m = _COLON_BEFORE.search(text, max(0, q.open_at - 80), q.open_at)
    if m is None:
        return None
    span = sdoc.char_span(m.start(1), m.end(1), alignment_mode="contract")
    if span is None or not len(span):
        return None
    return at.name_of(names, sdoc, span.root)


def _line_of(text: str, q: QuoteSpan) -> tuple[int, int]:
    """Where the line that holds the quotation starts and ends."""
    end = text.find("\n", q.close_end)
    return text.rfind("\n", 0, q.open_at) + 1, end if end >= 0 else len(text)


def _whole_paragraph(text: str, q: QuoteSpan) -> bool:
    """A quotation that is a paragraph of its own."""
    start, end = _line_of(text, q)
    return not text[start:q.open_at].strip() and not text[q.close_end:end].strip(" .”\"’'")


def _person_introduced(names: list[at.Named], sdoc: at.SpacySpan,
                       prev: at.SpacySpan) -> tuple[str | None, str, float] | None:
    """"President Karimov addressed the nation on Sunday." and a paragraph of quoted words
    below it: the named person the sentence before is about speaks them."""
    subj = at.subject_of(prev.root)
    if subj is None or subj.pos_ != "PROPN":
        return None
    who = at.name_of(names, sdoc, subj, person_only=True)
    return (who, "quote-person-introduced", 0.5) if who else None


def _according_to(names: list[at.Named], sdoc: at.SpacySpan, inside: at.SpacySpan,
                  q: QuoteSpan) -> str | None:
    """"According to Colonel Bello, "the militants fled"": the named source of the quotation's
    sentence, outside the quoted words."""
    head = at.according_to(inside[0].sent)
    if head is None or q.start <= head.idx < q.end:
        return None
    return at.name_of(names, sdoc, head)


def _speaker_from_verb(names: list[at.Named], sdoc: at.SpacySpan, verb: at.SpacyToken, q: QuoteSpan,
                       rule: str, conf: float, side: str | None
                       ) -> tuple[str | None, str, float] | None:
    cited = _cited(names, sdoc, verb)
    if cited is not None:
        return cited, rule + "-cited", conf - 0.1
    subj = _quoted_as_saying(verb) or at.subject_of(verb) or _inverted_speaker(verb, q)
    if subj is None or q.start <= subj.idx < q.end:
        return None
    if subj.lower_ == "they" and _unnamed_group_before(verb):
        return None, rule, conf  # "Residents said …. "…," they said": still no one named
    who = _speaker_before(names, sdoc, verb) if subj.lower_ in ("it", "they") else None
    who = who or at.name_of(names, sdoc, subj)
    if who is None and subj.pos_ == "NOUN" and subj.lemma_.lower() in _CHANNELS:
        who = _issuer(names, sdoc, subj)
    if who is None and side and _bare_institution(subj):
        who, conf = f"{side}'s {subj.lower_}", conf - 0.2  # "the army said": the article's side's
    if who is not None and subj.lower_ in at.PERSON_PRONOUNS | at.GROUP_PRONOUNS:
        conf -= 0.1
    return who, rule, conf


def _inverted_speaker(verb: at.SpacyToken, q: QuoteSpan) -> at.SpacyToken | None:
    """""Who will pay?" asked Oleksandr Vilkul": after the quotation an inverted verb's speaker
    is the name right after it, which the parser may read as its object."""
    if verb.idx < q.close_end:
        return None
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.pos_ != "PROPN" or nxt.dep_ not in ("dobj", "compound", "nsubj"):
        return None
    return nxt.head if nxt.dep_ == "compound" and nxt.head.pos_ == "PROPN" else nxt


def _bare_institution(subj: at.SpacyToken) -> bool:
    """ "the ministry", "the army", "the command": an institution named by its kind alone, with
    "the" and nothing else before it."""
    return subj.pos_ == "NOUN" and subj.lemma_.lower() in at.INSTITUTION_HEADS \
        and [c.lower_ for c in subj.lefts] == ["the"]


def _quoted_as_saying(verb: at.SpacyToken) -> at.SpacyToken | None:
    """"X was quoted as saying", "the agency quoted X as saying": X, who said the words."""
    if verb.lemma_.lower() != "say" or verb.tag_ != "VBG":
        return None
    quoted = next((a for a in list(verb.ancestors)[:3] if a.lemma_.lower() == "quote"), None)
    if quoted is None:
        return None
    for dep in ("nsubjpass", "dobj"):
        found = [c for c in quoted.children if c.dep_ == dep]
        if found:
            return found[0]
    return None


def _cited(names: list[at.Named], sdoc: at.SpacySpan, verb: at.SpacyToken) -> str | None:
    """"…," the agency said, quoting the delegation: whom the speaker passes the words on from
    ("quoting X", "citing X" beside the speech verb), or None."""
    for c in verb.children:
        if c.lower_ not in ("quoting", "citing") or c.dep_ not in ("advcl", "xcomp", "conj"):
            continue
        for obj in c.children:
            if obj.dep_ == "dobj":
                if obj.lemma_.lower() in _CHANNELS:
                    return _issuer(names, sdoc, obj) or _owner(names, sdoc, obj)
                return at.name_of(names, sdoc, obj)
    return None


def _owner(names: list[at.Named], sdoc: at.SpacySpan, channel: at.SpacyToken) -> str | None:
    """Who a statement is of when the phrase says so before it ("a Chinese delegation
    statement", "the ministry's statement")."""
    for c in channel.children:
        if c.dep_ in ("compound", "poss") and c.pos_ in ("NOUN", "PROPN"):
            return at.name_of(names, sdoc, c)
    return None


# what an organisation speaks through: "the statement said", "the post read"
_CHANNELS = frozenset(("statement", "communique", "communiqué", "post", "update", "release",
                       "bulletin", "message", "announcement", "readout"))
_ISSUER_REACH = 1500  # characters back to the organisation that issued a statement


def _issuer(names: list[at.Named], sdoc: at.SpacySpan, channel: at.SpacyToken) -> str | None:
    """"…," the statement added: who issued it — the one named in it ("a statement by the
    army"), else the last organisation that spoke before it ("the ministry said in a
    statement")."""
    for prep in channel.children:
        if prep.lower_ in ("by", "from", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    who = at.name_of(names, sdoc, obj)
                    if who:
                        return who
    spoke = [n for n in names if n.kind == "org" and n.subject
             and 0 < channel.idx - n.start < _ISSUER_REACH]
    return spoke[-1].name if spoke else None


def _unnamed_group_before(verb: at.SpacyToken) -> bool:
    """Whether the last speech verb of the sentence before has an unnamed group of people as
    its subject ("residents", "officials"), whom a following "they" stands for."""
    sent = verb.sent
    if sent.start == 0:
        return False
    spoke = [t for t in verb.doc[sent.start - 1].sent if _says(t)]
    subj = at.subject_of(spoke[-1]) if spoke else None
    return subj is not None and subj.tag_ == "NNS" and subj.lower_ in at.ANONYMOUS_HEADS


def _speaker_before(names: list[at.Named], sdoc: at.SpacySpan,
                    verb: at.SpacyToken) -> str | None:
    """"…," it added: the organisation that spoke in the sentence before ("in a statement, the
    army said…"), whose words the pronoun goes on quoting; None when that sentence names no
    speaker."""
    sent = verb.sent
    if sent.start == 0:
        return None
    prev = sdoc[sent.start - 1].sent
    for v in reversed([t for t in prev if _says(t)]):
        subj = at.subject_of(v)
        if subj is None or subj.lower_ in at.PERSON_PRONOUNS | at.GROUP_PRONOUNS:
            continue
        who = at.name_of(names, sdoc, subj)
        if who is None and subj.lemma_.lower() in _CHANNELS:
            who = _issuer(names, sdoc, subj)
        if who:
            return who
    return None


# verbs that introduce a quotation besides the speech verbs every stage shares
_QUOTING_VERBS = frozenset(("outline", "highlight", "remark",
                            # how the words were said: ""We are surrounded," he shouted"
                            "shout", "scream", "yell", "cry", "plead", "whisper", "sob",
                            "exclaim", "concede", "counter", "retort", "ask", "demand",
                            "lament", "complain", "boast", "recount"))


def _says(t: at.SpacyToken) -> bool:
    """A verb that reports what someone said: a speech verb, "outlined", "pointed out"."""
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma = t.lemma_.lower()
    return lemma in at.SPEECH_VERBS or lemma in _QUOTING_VERBS or (
        lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children))


def _issues_statement(verb: at.SpacyToken) -> bool:
    """"The ministry issued a statement", "the army put out a communique": a sentence that
    announces the words quoted after it."""
    return verb.lemma_.lower() in ("issue", "put", "send", "circulate", "distribute") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _CHANNELS for c in verb.children)


def _speech_verb_after(sdoc: at.SpacySpan, q: QuoteSpan, text: str) -> at.SpacyToken | None:
    """A speech verb within a few words after the closing mark ("…," Kirby told reporters)."""
    if q.close_end == q.end:
        return None
    if text[q.end - 1:q.end] == "." and text[q.close_end:q.close_end + 3].lstrip()[:1].isupper():
        # "… were "destroyed over the Black Sea." Ukraine said …": the quoted words end their
        # sentence; the next sentence's speaker says something else
        return None
    tail = text[q.close_end:q.close_end + 120]
    stop = re.search(r"[.!?](?:\s|$)|[“\"‘]|\n", tail)
    window = tail[: stop.start() if stop else len(tail)]
    span = sdoc.char_span(q.close_end, q.close_end + len(window), alignment_mode="contract")
    if span is None:
        return None
    for k, t in enumerate(span):
        if k > 7 or t.dep_ in ("cc", "mark") or t.lower_ in _NEW_CLAUSE:
            break  # ""…", while Netanyahu called it": another speaker's clause begins
        if _says(t) and t.dep_ not in _NOT_SAYING:
            return t
    return None


# words that open another clause after a quotation, whose speech verb is not the quotation's
_NEW_CLAUSE = frozenset(("while", "but", "whereas", "although", "though", "and", "however"))


def _speech_verb_above(inside: at.SpacySpan) -> at.SpacyToken | None:
    """The nearest speech verb governing the quoted words, outside them."""
    lo, hi = inside.start, inside.end
    for t in inside:
        if lo <= t.head.i < hi and t.head.i != t.i:
            continue
        for a in [t, *t.ancestors]:
            if lo <= a.i < hi:
                continue
            if _says(a):
                return a
    return None


def _speech_verb_in_sentence(sdoc: at.SpacySpan, inside: at.SpacySpan,
                             q: QuoteSpan) -> at.SpacyToken | None:
    """The speech verb of the quotation's sentence nearest to it, outside the quoted words."""
    sent = inside[0].sent
    cands = [t for t in sent if _says(t) and not q.start <= t.idx < q.end]
    if not cands:
        return None
    return min(cands, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))


def _speaker_of_governor(names: list[at.Named], sdoc: at.SpacySpan,
                         inside: at.SpacySpan) -> tuple[str | None, str, float] | None:
    """A named person's own words used as a phrase ("he launched his 'special military
    operation'"): the person who is the subject of the verb governing the quotation."""
    first = sdoc[inside.start:min(inside.end, inside[0].sent.end)]  # "…. A victory for all"
    root = first.root
    verb = root.head if root.head.i != root.i else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.i in range(inside.start, inside.end):
        return None
    subj = at.subject_of(verb)
    if subj is None:
        return None
    who = at.name_of(names, sdoc, subj,
                     person_only=verb.lemma_.lower() not in _VERDICT_VERBS)
    if who is None:
        return None
    return who, "quote-phrase-of-subject", 0.5


# verbs of judging in words: an organisation that "denounced the "…"" quotes them as a person
# would ("slammed the sale as "…"", "hailed it as "…"")
_VERDICT_VERBS = frozenset(("denounce", "slam", "hail", "dismiss", "reject", "welcome", "label",
                            "brand", "term", "dub", "decry", "praise", "criticise", "criticize",
                            "blast", "lambast", "condemn", "describe", "call"))


def _someone_else_acts(names: list[at.Named], sdoc: at.SpacySpan, inside: at.SpacySpan,
                       q: QuoteSpan, speaker: str) -> bool:
    """Whether the quotation's sentence has a named subject of its own, other than `speaker`
    ("Hamas hailed the raid as "…"" after someone else's quotation)."""
    subj = at.subject_of(inside[0].sent.root)
    if subj is None or q.start <= subj.idx < q.end or subj.pos_ != "PROPN":
        return False
    who = at.name_of(names, sdoc, subj)
    return who is not None and who != speaker


def _in_headline(text: str, q: QuoteSpan) -> bool:
    """A line that does not end as a sentence does: a headline or a subheading."""
    start, end = _line_of(text, q)
    return not text[start:end].rstrip().endswith((".", "!", "?", "”", '"', "’", "'", ":"))


def _starts_sentence(text: str, open_at: int) -> bool:
    """Only spaces, or the end of another sentence or quotation, before the opening mark."""
    line_start = text.rfind("\n", 0, open_at) + 1
    before = text[line_start:open_at].rstrip()
    return not before or before[-1] in ".!?”\"’'"


def _previous_sentence(sdoc: at.SpacySpan, tok: at.SpacyToken) -> at.SpacySpan | None:
    sent = tok.sent
    if sent.start == 0:
        return None
    return sdoc[sent.start - 1].sent

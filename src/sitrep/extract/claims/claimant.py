"""Who states a figure: "according to Oryx", "the Pentagon estimates", ", Oryx added",
"Moscow itself has acknowledged", "He estimated" (the analyst named just before).

Reads the spaCy parse when it has one (the speech verb above the figure and its subject) and
falls back on patterns over the sentence text. Pronouns and descriptions ("it", "he",
"the group", "the intelligence service") are resolved against earlier names in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sitrep.dates import MONTH_WORDS, MONTHS, WEEKDAYS, without_leading_date
from sitrep.extract import attribution as at
from sitrep.extract.claims import lexicon as lex
from sitrep.extract.claims.figures import segment_of, split_segments
from sitrep.extract.headline import is_title_line
from sitrep.sides import canonical_side

# words a name never ends with
_DANGLING = frozenset(("and", "or", "but", "of", "the", "to", "in", "near", "at", "on", "for"))
# "her team", "his office": a possessive pronoun before a description stands for its owner
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}
_PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "org", "we": "org"}
_VAGUE_HEADS = frozenset(("group", "website", "site", "organisation", "organization", "monitor",
                          "company", "agency", "outlet", "blog", "project", "team", "tracker"))
# the kinds of armed group a description names ("the rebel group", "the armed militia")
_GROUP_KINDS = frozenset(("rebel", "armed", "militant", "jihadist", "insurgent", "islamist",
                          "paramilitary"))
# people who speak for the organisation they work at ("researchers at the Oryx blog")
_MEMBER_HEADS = frozenset(("researcher", "spokesman", "spokeswoman", "spokesperson", "analyst",
                           "official", "expert", "team", "staff", "investigator", "monitor"))
# what an organisation speaks through
_DOCUMENTS = frozenset(("report", "study", "investigation", "analysis", "assessment", "survey",
                        "statement", "update", "bulletin", "review", "inquiry"))
# what counts a toll and "shows" it: "figures from the ministry show", "UN data suggest"
_TALLIES = frozenset(("figure", "data", "tally", "count", "statistic", "record", "datum"))
# verbs that tell a figure only with a figure as their object ("the agency gave a toll of 31",
# "the ministry published a figure of 40"; not "gave shelter to 300")
_GIVES_FIGURES = frozenset(("put", "give", "publish", "release", "issue", "provide", "update"))
_FIGURE_NOUNS = frozenset(("figure", "toll", "number", "estimate", "loss", "tally", "count",
                           "total"))
_JOINERS = frozenset(("of", "for", "the", "and", "on", "in"))
# the prepositions inside an organisation's name ("Office for …", "Doctors Without Borders")
_NAME_PREPS = frozenset(("for", "without", "against", "on"))
_SAID = (r"(?:says|said|say|claims|claimed|estimates|estimated|acknowledged|acknowledges|"
         r"admitted|admits|reported|reports|believes|believed|announced|stated|states|added|"
         r"adds|told|tells|confirmed|confirms|put|puts|insists|insisted|wrote|writes|tweeted)")
_SUBJECT_BEFORE = re.compile(
    r"((?:[A-Z][\w’'.-]*|the|The)(?:\s+(?:of|and|for|on|the|[A-Z][\w’'.-]*|[a-z]+(?=\s+[A-Z]))){0,6}"
    r"|[Tt]he\s+(?:(?!(?:is|are|was|were|be|been|being)\s)[a-z]+\s+){0,3}"
    r"(?!(?:is|are|was|were|be|been|being)\s)[a-z]+)"
    rf"(?:\s+(?:itself|also|has|have|had|now|later|previously|earlier|again|already))*\s+{_SAID}\b"
    r"(?!\s+to\s+(?:have|be)\b)")  # "Russia said to have lost": "is said to", not a source
# a clause of time after the comma ("…, hours after Kyiv announced an offensive"):
# its speaker reports that clause, not the one before the comma
_SUBORDINATORS = r"(?:after|before|since|until|when|once)"
_SUBORDINATE = rf"(?!\s*(?:[\w-]+\s+){{0,2}}{_SUBORDINATORS}\s)"
_OPENS_SUBORDINATE = re.compile(rf"\b{_SUBORDINATORS}\s+$")
_TRAILING = re.compile(
    rf",\s*(?:{_SAID}\s+([^,.;:“”\"]+)|{_SUBORDINATE}([^,.;:“”\"]+?)\s+{_SAID})(?:\s+[^,.;]*)?"
    r"(?:,\s+[a-z]+ing\b[^.;]*)?[.”\"'’]*\s*$")  # "…, a commander said, asking not to be named."
# a document and its author: "a tally by the AP", "the latest figures from the UN agency",
# "figures released by the health office"
_AUTHORED = re.compile(r"(?:(?:an?|the)\s+)?(?:\w+\s+){0,2}?(?:tally|count|report|estimates?|"
                       r"figures|data|study|analysis|assessment|survey|statement|update|database)"
                       r"\s+(?:(?:compiled|released|published|issued|provided|gathered|collected)"
                       r"\s+)?(?:by|from|of)\s+(?:the\s+)?(.+)$", re.I)
# a document told by its owner: "the army's own figures", "the ministry's latest tally"
_OWNED_TALLY = re.compile(r"((?:the\s+)?[\w\s-]+?)['’]s?\s+(?:own\s+|latest\s+|official\s+|"
                          r"daily\s+|weekly\s+|monthly\s+|preliminary\s+|updated\s+)*"
                          r"(?:tally|count|report|estimates?|figures|data|statement|update|"
                          r"assessment|records)\b", re.I)
_ACCORDING = re.compile(r"\b(?:according\s+to|per)\s+([^,.;:()–—“”\"\n]+)", re.I)
# "Health ministry: death toll rises to…", "09:42 — Army spokesman: …": a source and a colon
# opening a line, as live blogs, posts and headlines write it
_COLON_SOURCE = re.compile(r"(?:^|\n)(?:[0-2]?\d[:.][0-5]\d\s*[-–—:]?\s*)?"
                           r"((?:[A-Z][\w’'.-]*|the|of|for)(?:\s+(?:[A-Za-z][\w’'.-]*)){0,5}):\s")
# common nouns before a name: "analysts at Oryx", "officials from the Pentagon"
_MEMBERS_OF = re.compile(r"^[A-Za-z][a-z]+(?:\s[a-z]+){0,2}\s(?:at|from|with|of)\s(?:the\s)?"
                         r"([A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*)$")
# the head of an organisation's own name ("Ministry of Defence", "Department of Health")
_ORGANISATION_HEADS = frozenset(("ministry", "department", "office", "council", "committee",
                                 "commission", "agency", "service", "command", "institute",
                                 "directorate", "bureau", "administration", "secretariat"))
_CUT = re.compile(r"\s+(?:that|which|who|whose|on|in|at|as|from|via|after|when|while|"
                  r"this|last|earlier)\b.*$")


@dataclass(slots=True)
class Antecedent:
    pos: int
    text: str
    kind: str  # person or org
    speaker: bool = False  # the subject of a speech verb: what a later "it said" stands for
    subject: bool = False  # a clause's subject: what a later "it" most likely continues


@dataclass(slots=True)
class Speakers:
    """Names seen so far in a document, to resolve "he", "it" and "the group"."""

    names: list[Antecedent] = field(default_factory=list)
    # (start, end, text) of every PERSON entity: spaCy rebuilds `doc.ents` at each access
    persons: list[tuple[int, int, str]] = field(default_factory=list)
    sdoc: Any = None  # the parse: the armed groups it names are what "the group" stands for

    def add(self, pos: int, text: str, kind: str, speaker: bool = False,
            subject: bool = False) -> None:
        text = without_leading_date(text)  # "KYIV, June 2 - Ukraine's navy said": the navy
        if text:
            self.names.append(Antecedent(pos, text, kind, speaker, subject))

    def resolve(self, phrase: str, pos: int, sent_start: int | None = None) -> str | None:
        """The earlier name a pronoun or a description stands for, or None. A pronoun that
        speaks stands for no name of its own sentence before it: "Russia lost 1,240 soldiers,
        it said" reports what Russia lost, it is not Russia speaking."""
        words = phrase.lower().split()
        if not words:
            return None
        before = sorted((a for a in self.names if a.pos < pos), key=lambda a: a.pos, reverse=True)
        if len(words) == 1 and words[0] in _PRONOUNS:
            kind = _PRONOUNS[words[0]]
            floor = pos if sent_start is None else sent_start
            near = [a for a in before if a.kind == kind and pos - a.pos < 1500
                    and (a.pos < floor or a.speaker)]
            said = [a for a in near if a.speaker and pos - a.pos < 800]
            # a pronoun goes on with the subject before it, not the last name an object or a
            # phrase named ("Pakistan has lodged complaints over shelling across the Line.
            # It has said…")
            subjects = [a for a in near if a.subject and pos - a.pos < 800]
            pick = said or subjects or near
            return pick[0].text if pick else None
        content = [w for w in words if w not in ("the", "a", "an", "its", "their") and len(w) > 3]
        for a in before:
            if content == ["army"] and at.is_rebel_army(a.text):
                continue  # "the Arakan Army attacked… The army said": the state's army
            if a.kind == "org" and any(w in a.text.lower().split() for w in content
                                       if w not in lex.INSTITUTION_WORDS or w in ("ministry",
                                                                                  "intelligence",
                                                                                  "military",
                                                                                  "army")):
                return a.text
        if content and content[-1] in at.GROUP_WORDS and self.sdoc is not None and all(
                w in at.GROUP_WORDS or w in _GROUP_KINDS for w in content):
            # "the group" goes on with the body the sentence before had for its subject
            # ("Human Rights Watch has accused both sides. … the group said"), else it is the
            # armed group named last ("the group", "the militia", "the rebel group")
            went_on = at.subject_went_on(
                [(a.pos, a.text) for a in before if a.kind == "org" and (a.subject or a.speaker)],
                pos if sent_start is None else sent_start) if content == ["group"] else None
            if went_on:
                return went_on
            armed = at.armed_group_before(self.sdoc, pos)
            if armed is not None:
                return armed
        if content and (content[-1] in _VAGUE_HEADS or content[-1] in _DOCUMENTS):
            # "the group", "the report": the organisation named last
            near = [a for a in before if a.kind == "org" and pos - a.pos < 1200]
            return near[0].text if near else None
        return None


def collect_names(sdoc: Any, speakers: Speakers) -> None:
    """Remember every person and organisation named, and proper-noun subjects ("Oryx, an ...")."""
    if sdoc is None:
        return
    speakers.sdoc = sdoc
    for ent in at.ents(sdoc):
        kind = at.entity_kind(ent)
        if kind == "person":
            speakers.add(ent.start_char, ent.text, "person")
            speakers.persons.append((ent.start_char, ent.end_char, ent.text))
        elif kind == "org":
            speakers.add(ent.start_char, _strip_the(ent.text), "org")
    for tok in at.subjects(sdoc):
        if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
            speakers.add(tok.idx, _strip_the(sdoc[_name_start(tok):tok.i + 1].text), "org",
                         subject=True)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in at.INSTITUTION_HEADS:
            # "The Lebanese government protested…": an institution a side names, as written
            name = at.name_of([], sdoc, tok)
            if name and any(w[:1].isupper() for w in name.split()):
                speakers.add(tok.idx, name, "org", subject=True)
        if tok.pos_ != "PRON" and tok.head.pos_ in ("VERB", "AUX") \
                and tok.head.lemma_.lower() in lex.SPEECH_LEMMAS:
            # "The Saudi-led coalition said…"; "the Britain-based monitor said": the body
            name = at.described_before(at.index_names(sdoc), sdoc, tok) \
                or at.name_of([], sdoc, tok)
            if name and any(w[:1].isupper() for w in name.split()):
                person = at.entity_in(sdoc, tok, "PERSON") is not None
                speakers.add(tok.idx, name, "person" if person else "org", speaker=True)


def _name_start(tok: Any) -> int:
    """Where a proper-noun subject's name begins: its whole phrase when short, or a longer run
    of names ("South Korea's National Intelligence Service"), else the word alone."""
    left = tok.left_edge.i
    if left >= tok.i - 3:
        return int(left)
    words = tok.doc[left:tok.i]
    if tok.i - left <= 6 and all(t.pos_ in ("PROPN", "PART", "DET") for t in words):
        return int(left)
    return int(tok.i)


def _strip_the(text: str) -> str:
    """A name without the article that opens it ("the ministry", "a Russian milblogger")."""
    return re.sub(r"^(?:the|The|an?|An?)\s+(?=\S)", "", text.strip())


def _valid(phrase: str) -> bool:
    """A claimant names someone: a proper name, or an institution ("the ministry")."""
    words = phrase.split()
    if not words or len(words) > 10 or words[-1].lower() in _DANGLING:
        return False  # "Kupiansk and": a pattern's cut through a clause, not a name
    if any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper()
                                                    and words[0].lower() not in ("the", "a")):
        return True
    return any(_institution_word(w.lower().strip(".,")) for w in words)


def _institution_word(word: str) -> bool:
    """An institution or a speaker by role, in the singular or the plural ("aid groups",
    "a village leader")."""
    return word in lex.INSTITUTION_WORDS or f"{word}s" in lex.INSTITUTION_WORDS \
        or (word.endswith("s") and word[:-1] in lex.INSTITUTION_WORDS)


def tidy(phrase: str, persons: list[tuple[int, int, str]] | None = None,
         start: int | None = None) -> str:
    """Claimant as shown: a person's name without titles; a capital as its country."""
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.'’“”\"")
    phrase = without_leading_date(phrase)  # "June 2 - Ukraine's navy": the navy
    phrase = re.sub(r"['’]s$", "", phrase)
    phrase = _strip_the(phrase)
    if persons and start is not None:
        inside = [p for p in persons if start <= p[0] < start + len(phrase) + 1]
        if inside:
            return _joined_person(inside)
    m = _MEMBERS_OF.match(phrase)
    if m and phrase.split()[0].lower() not in _ORGANISATION_HEADS:
        phrase = m.group(1)  # "analysts at Oryx" -> Oryx; "Ministry of Defence" stays whole
    stripped = lex.TITLES.sub("", phrase)
    if stripped and stripped != phrase and stripped[:1].isupper() and len(stripped.split()) <= 3 \
            and not any(w.lower() in lex.INSTITUTION_WORDS for w in stripped.split()):
        phrase = stripped  # "Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky"
    return canonical_side(phrase)


def _joined_person(inside: list[tuple[int, int, str]]) -> str:
    """The first person named in a phrase, with the names the tagger split off it ("Governor
    Oleksandr | Prokudin": two entities a space apart are one name)."""
    words = [inside[0][2]]
    end = inside[0][1]
    for p_start, p_end, name in inside[1:]:
        if p_start - end != 1:
            break
        words.append(name)
        end = p_end
    return " ".join(words)


def find_claimant(text: str, sdoc: Any, fig_start: int, sent: tuple[int, int],
                  speakers: Speakers) -> tuple[str | None, str, tuple[int, int] | None]:
    """(claimant, how it was found, where its words are) for a figure at `fig_start`: the
    source named in the figure's own clause first ("Russia lost 300, according to Kyiv, while
    Moscow said it killed 500": Moscow's 500), then in its sentence."""
    clause = _clause_of(text, fig_start, sent)
    # in a clause of a longer sentence ("29 were killed, the ministry said; X claimed 40") the
    # patterns read the clause's own words too
    words = [(_by_pattern, True, clause)] if clause != sent else []
    for finder, own, span in [(_by_according, True, sent), (_by_parse, True, sent), *words,
                              (_by_according, False, sent), (_by_parse, False, sent),
                              (_by_pattern, False, sent), (_by_colon, False, sent)]:
        found = finder(text, sdoc, fig_start, span)
        if found is None or (own and not clause[0] <= found[1] < clause[1]):
            continue
        phrase, pos, how, end = found
        resolved = _resolve(phrase, pos, speakers, sent[0])
        if resolved is None:
            continue
        # the persons written inside the phrase, where it is the text's own words (not a name
        # a description stands for: "the Britain-based war monitor" -> the Observatory)
        written = resolved == phrase and text.startswith(phrase, pos)
        name = _spelled_out(sdoc, tidy(resolved, speakers.persons, pos if written else None),
                            pos)
        if name:
            last = _token_at(sdoc, pos + len(phrase) - 1)  # the phrase's head word
            person = _is_person(speakers.persons, pos) or at.is_titled_person(name, last)
            kind = "person" if person else "org"
            speakers.add(sent[0], name, kind, speaker=True)  # what a later "it added" is
            return name, how, (_phrase_start(sdoc, pos, sent), max(end, pos + len(phrase)))
    return None, "none", None


def _token_at(sdoc: Any, pos: int) -> Any:
    span = sdoc.char_span(pos, pos + 1, alignment_mode="expand") if sdoc is not None else None
    return span[0] if span is not None and len(span) else None


def _phrase_start(sdoc: Any, pos: int, sent: tuple[int, int]) -> int:
    """Where the phrase of the source's head word at `pos` begins ("Burkina Faso's army said":
    the army's phrase, whose words say whose army it is)."""
    span = sdoc.char_span(pos, pos + 1, alignment_mode="expand") if sdoc is not None else None
    if span is None or not len(span):
        return pos
    return max(sent[0], min(pos, span[0].left_edge.idx))


def _clause_of(text: str, fig: int, sent: tuple[int, int]) -> tuple[int, int]:
    """The clause of the sentence that holds the figure, without the mark that ends it."""
    segs = split_segments(text, *sent)
    start, end = segs[segment_of(segs, fig)]
    while end > fig + 1 and text[end - 1] in " ;:–—-(":
        end -= 1
    return start, end


def _spelled_out(sdoc: Any, name: str, pos: int) -> str:
    """An acronym with the organisation named before it that it stands for ("the MOD said" ->
    "Ministry of Defence (MOD)"), as the quotes give their speakers."""
    return at.expand_acronym(at.index_names(sdoc), name, pos) if sdoc is not None and name \
        else name


def lead_source(text: str, sentences: list[tuple[int, int]], speakers: Speakers) -> str | None:
    """Who the article's first sentence of body text cites ("The UK defence ministry said…",
    "…, the monitoring group reported."): a news lead names the source of the report, and the
    figures after it that cite no one are that source's."""
    lead = next(((s, e) for s, e in sentences if not is_title_line(text, s)), None)
    if lead is None:
        return None
    for fig in (lead[1] - 1, lead[0]):  # the whole sentence before the figure, then after it
        # the lead's own source, not the owner of figures it cites: those may be one figure's
        for finder in (partial(_by_according, owners=False), _by_pattern, _by_colon):
            found = finder(text, None, fig, lead)
            if found is None:
                continue
            phrase, pos, _, _ = found
            resolved = _resolve(phrase, pos, speakers)
            name = tidy(resolved, speakers.persons, pos if resolved == phrase else None) \
                if resolved else None
            if name:
                return name
    return None


# a sentence that says who reported the figures around it: "This was reported by the General
# Staff.", "The statement was made by the defence ministry on Telegram."
_REPORTED_BY = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:reported|announced|stated|published|released|made|issued|posted|confirmed|shared)\s+"
    r"by\s+(?:the\s+)?([^,.;:()“”\"\n]+)")
_REPORT_BEFORE = 400  # how far before a figure's sentence such a sentence still speaks for it


def report_sources(text: str, sentences: list[tuple[int, int]], speakers: Speakers
                   ) -> list[tuple[int, int, str]]:
    """(start, end, source) of every sentence that names who reported ("was reported by X")."""
    out = []
    for start, end in sentences:
        m = _REPORTED_BY.search(text, start, end)
        if m is None:
            continue
        phrase = _CUT.sub("", m.group(1)).strip()
        resolved = _resolve(phrase, m.start(1), speakers) if phrase else None
        if resolved:
            out.append((start, end, tidy(resolved, speakers.persons,
                                         m.start(1) if resolved == phrase else None)))
    return out


def reported_source(reports: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The source of a report sentence just before the sentence text[start:end], else of the
    one right after it."""
    before = [r for r in reports if r[1] <= start and start - r[1] <= _REPORT_BEFORE]
    if before:
        return before[-1][2]
    after = [r for r in reports if end <= r[0] <= end + 3]
    return after[0][2] if after else None


def _is_person(persons: list[tuple[int, int, str]], pos: int) -> bool:
    return any(start <= pos < end + 20 for start, end, _ in persons)


# "Tuesday's update", "yesterday's report": a document dated, not owned
_DATED = re.compile(rf"^(?:{'|'.join(WEEKDAYS)}|{MONTH_WORDS}|today|yesterday|last\s+\w+|"
                    rf"this\s+\w+)['’]s\s+(?=\w+$)", re.I)


def _resolve(phrase: str, pos: int, speakers: Speakers, sent_start: int | None = None
             ) -> str | None:
    phrase = _DATED.sub("the ", phrase.strip())
    plain = _strip_the(phrase.strip())
    low = plain.lower()
    owner, _, rest = low.partition(" ")
    if owner in _POSSESSIVES and rest and rest.split()[-1] in _VAGUE_HEADS | _MEMBER_HEADS \
            | _DOCUMENTS | {"office", "staff"}:
        # "Her team estimates…", "its spokesman said…", "their statement put…": whose
        return speakers.resolve(_POSSESSIVES[owner], pos)
    if low in _PRONOUNS or (phrase.strip().lower().startswith("the ")
                            and not any(w[:1].isupper() for w in plain.split())):
        found = speakers.resolve(phrase.strip() if low not in _PRONOUNS else low, pos,
                                 sent_start)
        if found:
            return found
        if low in _PRONOUNS:
            return None
    return plain if _valid(phrase.strip()) else None


Found = tuple[str, int, str, int]  # phrase, where it starts, how found, end of its words


def _by_colon(text: str, sdoc: Any, fig: int, sent: tuple[int, int]) -> Found | None:
    line = text.rfind("\n", 0, sent[0]) + 1
    m = _COLON_SOURCE.match(text, line - 1 if line else 0)
    if m is None or not (m.end() <= fig and m.start(1) >= line):
        return None
    phrase = m.group(1)
    if not _valid(phrase) or _kicker(phrase) \
            or not (any(w.lower() in lex.INSTITUTION_WORDS for w in phrase.split())
                    or phrase.split()[0][:1].isupper() and len(phrase.split()) <= 3):
        return None
    return phrase, m.start(1), "colon", m.end(1)


def _kicker(phrase: str) -> bool:
    """A headline's lead-in before its colon, not a source: words in capitals that are no
    acronym ("HORROR IN RAFAH:", "NARCO WAR:"), a month a tally's line counts ("March:"), what
    its figure counts ("Tanks:"), or a clause of its own ("Army smashes cell:", a lower-case
    word that names no institution)."""
    words = phrase.split()
    if phrase.isupper() and (len(words) > 1 or len(phrase) > 5):
        return True
    if words[0].lower().rstrip(".") in MONTHS:
        return True
    last = words[-1].lower()
    if (last in lex.EQUIPMENT or last in lex.MILITARY or last in lex.CASUALTY_NOUNS) \
            and not _institution_word(last):
        return True  # a tally's label, what its figure counts: "Tanks: 9,684 (+7)"; not a
        # body that speaks ("Border police: 6 officers wounded")
    return any(w.islower() and w not in _JOINERS and not _institution_word(w) for w in words)


def _by_according(text: str, sdoc: Any, fig: int, sent: tuple[int, int],
                  owners: bool = True) -> Found | None:
    """The source an "according to" phrase names; with `owners`, also the author or owner of
    the figures it cites ("according to figures from the ministry", "to the army's own
    figures")."""
    best = None
    for m in _ACCORDING.finditer(text, sent[0], sent[1]):
        phrase = m.group(1).strip() if owners else _CUT.sub("", m.group(1)).strip()
        author = _AUTHORED.match(phrase) or (_OWNED_TALLY.match(phrase) if owners else None)
        # "according to a tally by the Associated Press", "according to figures from the health
        # ministry", "according to the army's own figures": the author
        phrase = _CUT.sub("", author.group(1) if author else phrase).strip()
        if phrase and (best is None or abs(m.start() - fig) < abs(best[1] - fig)):
            best = (phrase, m.start(1), "according-to", m.start(1) + len(phrase))
    return best


def _by_parse(text: str, sdoc: Any, fig: int, sent: tuple[int, int]) -> Found | None:
    if sdoc is None:
        return None
    span = sdoc.char_span(fig, fig + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    for _ in range(12):
        if not sent[0] <= tok.idx < sent[1]:
            break  # the parse ran two sentences together
        aside = next((c for c in tok.children if c.dep_ == "parataxis"
                      and c.lemma_.lower() in lex.SPEECH_LEMMAS and _speech_use(c)), None)
        if aside is not None and tok.lemma_.lower() not in lex.SPEECH_LEMMAS:
            tok = aside  # "Nine soldiers were wounded, the ministry said, and …"
            continue
        agent = _passive_agent(tok)
        if agent is not None:  # "is estimated by US officials to have 7,000 fighters"
            words = _alias(agent) or _member_of(agent) or _subject_words(agent)
            last = agent.right_edge
            return words.text, words[0].idx, "parse", last.idx + len(last.text)
        if tok.lemma_.lower() in lex.SPEECH_LEMMAS and tok.pos_ in ("VERB", "AUX") \
                and _speech_use(tok):
            subj = _nearest_subject(tok, sent) or _shared(tok, sent)
            if subj is not None and (subj == span[0] or subj.is_ancestor(span[0])):
                return None  # the figure's own phrase as the speaker: the parse went wrong
            if subj is not None:
                subj = at.past_dateline(subj)  # "KHARTOUM, Aug 4 - Sudan's army said"
                subj = _past_relative_clause(tok, subj)
            if subj is not None and subj.lower_ in ("it", "they") and tok.dep_ == "ccomp" \
                    and tok.head.lemma_.lower() in lex.SPEECH_LEMMAS:
                tok = tok.head  # "the army says it recorded 120 attacks": the army
                continue
            if subj is not None:
                last = subj.right_edge
                titled = _titled(subj) or at.described_before(at.index_names(subj.doc),
                                                              subj.doc, subj)
                if titled:  # "the colonel said", "the Britain-based monitor said": the one
                    # named before
                    return titled, subj.idx, "parse", last.idx + len(last.text)
                words = _alias(subj) or _member_of(subj) or _subject_words(subj)
                return (words.text, words[0].idx, "parse",
                        last.idx + len(last.text))
        if tok.head.i == tok.i:
            # the parser cut the sentence after "and": go on from the word "and" joins
            before = tok.doc[tok.sent.start - 1] if tok.sent.start > 0 else None
            if before is not None and before.dep_ == "cc" and before.idx >= sent[0]:
                tok = before.head
                continue
            break
        tok = tok.head
    return None


def _past_relative_clause(verb: Any, subj: Any) -> Any:
    """The speaker behind a relative clause the parse ran into the speech verb ("the Committee,
    a network of volunteers that documents abuses, said": "documents" read as a noun, "abuses"
    as the subject of "said"): the noun the clause describes, or the name it stands beside."""
    rel = subj.doc[subj.left_edge.i - 1] if subj.left_edge.i > 0 else None
    if verb.dep_ != "relcl" or rel is None or rel.lower_ not in ("that", "which", "who") \
            or rel.head.i != verb.i or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return subj
    head = verb.head
    return head.head if head.dep_ == "appos" else head


def _passive_agent(tok: Any) -> Any:
    """Who a passive speech verb names as its doer ("is estimated by US officials to have",
    "the toll was put by the ministry at 400"): the noun of its "by" phrase."""
    if tok.lemma_.lower() not in lex.SPEECH_LEMMAS or tok.pos_ not in ("VERB", "AUX") \
            or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    return next((o for c in tok.children if c.dep_ == "agent"
                 for o in c.children if o.dep_ == "pobj"), None)


def _nearest_subject(verb: Any, sent: tuple[int, int]) -> Any:
    """The verb's subject in the sentence; of two (a dateline or a time stamp the parser took
    for a subject: "KHARTOUM (Reuters) - the army said"), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and sent[0] <= c.idx < sent[1]]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _titled(subj: Any) -> str | None:
    """The person a title ("the colonel") or "he"/"she" stands for, by the attribution layer's
    index of the document's names; None for anything else."""
    if subj.pos_ != "NOUN" and subj.lower_ not in at.PERSON_PRONOUNS:
        return None  # "it" and "they" stay with the claims' own index of speaking organisations
    doc = subj.doc
    return at.name_of(at.index_names(doc), doc, subj, person_only=True)


def _shared(verb: Any, sent: tuple[int, int]) -> Any:
    """A subject the verb shares with the verb it is joined to ("Israel disputes the figures
    and says…"), or that the parser hung from a headline above the sentence. A speech verb the
    parser joined to the reported clause instead of the verb reporting it ("the ministry said
    its units had advanced and claimed that…", "…, adding that 11 more were wounded") shares
    the reporting verb's subject."""
    head = verb.head
    if verb.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" \
            and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in lex.SPEECH_LEMMAS:
        outer = _nearest_subject(head.head, sent)
        if outer is not None:
            return outer
    subj = at.subject_of(verb)
    return subj if subj is not None and sent[0] <= subj.idx < sent[1] else None


def _speech_use(tok: Any) -> bool:
    """ "put" and "point" say a figure only as "put the figure at", "point out"."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "auxpass" for c in tok.children):
        return False  # "North Korea is believed to have sent…": no one named says it
    if lemma == "say" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux"
                                                         for a in c.children)
                              for c in tok.children):
        return False  # a headline's "Russia said to have lost…": "is said to", with "is" dropped
    if lemma in _GIVES_FIGURES:  # "put the toll at 40", "gave a toll of 52 dead"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS for c in tok.children)
    if lemma == "point":
        return any(c.dep_ == "prt" for c in tok.children)
    if lemma == "find":  # "a UN report found…", not "troops found 20 bodies"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENTS for c in tok.children)
    if lemma in ("show", "suggest"):  # "UN figures show", "figures from the ministry show"
        return any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lemma_.lower() in _TALLIES)
                   for c in tok.children)
    return True


def _alias(subj: Any) -> Any:
    """The proper name a described subject goes by: "the rebel alliance, known as the CSP" ->
    CSP, "the paramilitary group (RSF)" -> RSF; None when the subject is a name itself."""
    if subj.pos_ == "PROPN":
        return None
    for c in subj.children:
        names = []
        if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "name"):
            names = [o for p in c.children if p.lower_ == "as" for o in p.children
                     if o.dep_ == "pobj"]
        elif c.dep_ == "appos":
            names = [c]
        for o in names:
            if o.pos_ == "PROPN":
                lo = min(t.i for t in o.subtree if t.pos_ == "PROPN")
                return subj.doc[lo:o.i + 1]
    return None


def _member_of(subj: Any) -> Any:
    """The organisation a described speaker belongs to: "the team of researchers at the Oryx
    blog" -> Oryx, "a spokesman for the Red Cross" -> Red Cross; None for a name or a pronoun."""
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in _DOCUMENTS | _TALLIES:
        names = [t for t in subj.lefts if t.dep_ in ("compound", "poss") and (
            t.pos_ == "PROPN" or t.lemma_.lower() in lex.INSTITUTION_WORDS)
            and t.ent_type_ not in ("DATE", "TIME")]
        if names:  # "a UN report", "Amnesty International's investigation", "ministry figures"
            return subj.doc[names[0].left_edge.i:names[-1].i + 1]
        author = _author_of(subj)
        if author is not None:
            return author
    if subj.pos_ != "NOUN" or not (subj.lower_ in at.ANONYMOUS_HEADS or subj.lower_ in _VAGUE_HEADS
                                   or subj.lemma_.lower() in _MEMBER_HEADS):
        return None
    if at.entity_in(subj.doc, subj, "PERSON") is not None:
        return None  # "a spokesman for the ministry, John Smith": the person speaks
    for prep in subj.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "from", "for", "with"):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            names = [t for t in obj.subtree if t.pos_ == "PROPN" and t.i <= obj.i]
            if names and names[-1].i - names[0].i == len(names) - 1 \
                    and not any(c.dep_ == "case" for t in names for c in t.children):
                return subj.doc[names[0].i:names[-1].i + 1]
    return None


def _author_of(document: Any) -> Any:
    """Who wrote a report: "a report by the monitoring group", "a study from Brown University"."""
    # "figures from the ministry", "data compiled by the project"
    compiled = [p for c in document.children if c.dep_ == "acl" for p in c.children
                if p.dep_ == "agent"]
    for prep in [*document.children, *compiled]:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("by", "from"):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ != "punct"]
            end = obj.i + 1
            for t in obj.doc[obj.i + 1:obj.right_edge.i + 1]:  # "Institute for Peace Studies"
                if t.pos_ != "PROPN" and t.lower_ not in ("for", "of", "on", "and"):
                    break
                if t.pos_ == "PROPN":
                    end = t.i + 1
            return obj.doc[words[0].i:end] if words else None
    return None


def _subject_words(subj: Any) -> Any:
    """The subject's words, without an apposition or a relative clause ("Ben Hodges, a ...")."""
    sdoc = subj.doc
    start = subj.left_edge.i
    for t in sdoc[start:subj.i]:  # not into a headline glued above
        if t.is_space and "\n" in t.text:
            start = t.i + 1
    for t in sdoc[start:subj.i]:  # "KYIV - Ukraine's air force": a dateline glued before it
        if (t.text in ("-", "–", "—", "--") and (t.whitespace_ or sdoc[t.i - 1].whitespace_)) \
                or at.closes_dateline(t):  # a dash between words ("Taliban-run" is one), or
            start = t.i + 1  # "KHARTOUM (Wire): Sudan's army"
    while start > 0 and sdoc[start].pos_ == "PROPN" and sdoc[start - 1].pos_ == "PROPN" \
            and sdoc[start - 1].whitespace_ == " ":
        start -= 1  # a name the parser cut into sentences of its own ("Sudan | Doctors Network")
    end = subj.i + 1
    for c in subj.children:
        if c.dep_ in ("conj", "cc") and c.i > subj.i:
            end = max(end, c.right_edge.i + 1 if c.dep_ == "conj" else c.i + 1)
        if c.dep_ == "compound" and c.i > subj.i:
            end = max(end, c.i + 1)
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == end and any(
                o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children):
            end = c.right_edge.i + 1  # "the UK Ministry of Defence"
        elif c.dep_ == "prep" and c.lower_ in _NAME_PREPS and c.i == end \
                and (subj.pos_ == "PROPN" or c.text[:1].isupper()) \
                and all(t.text[:1].isupper() or t.lower_ in _JOINERS
                        for t in sdoc[c.i + 1:c.right_edge.i + 1]):
            end = c.right_edge.i + 1  # "the UN Office for the Coordination of Humanitarian
            # Affairs", "Doctors Without Borders": a name of capitalised words
    # an organisation's name runs on past the parse's subject ("the Institute for the Study of
    # War", "Doctors Without Borders", "the Committee to Protect Journalists")
    ent = next((e for e in at.ents(sdoc) if e.start <= subj.i < e.end and e.label_ == "ORG"),
               None)
    if ent is not None and ent.end > end and not any(t.text in (",", "(") for t in ent):
        end = ent.end
    # a proper name followed by an apposition keeps only the name
    words = sdoc[start:end]
    cut = next((t.i for t in words if t.text in (",", "(", "–", "—") and t.i > start), end)
    return sdoc[start:cut]


def _holds_verb(sdoc: Any, start: int, end: int) -> bool:
    """Whether the parse reads a verb with a tense among a pattern's subject words."""
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    return span is not None and any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")
                                    for t in span)


def _inside_speech(sdoc: Any, verb_at: int, fig: int) -> bool:
    """Whether the figure at `fig` lies in the clause of the speech verb after `verb_at`
    ("while the US put the figure at 6,000"), not outside it ("…, hours after Kyiv announced
    an offensive")."""
    words = sdoc.char_span(verb_at, fig + 1, alignment_mode="expand") if sdoc is not None \
        else None
    if not words:
        return False
    verb = next((t for t in words if t.idx >= verb_at and not t.is_space), None)
    return verb is not None and verb.left_edge.i <= words[-1].i <= verb.right_edge.i


def _by_pattern(text: str, sdoc: Any, fig: int, sent: tuple[int, int]) -> Found | None:
    head = text[sent[0]:fig]
    found = None
    for m in _SUBJECT_BEFORE.finditer(head):
        if m.group(1).lower() in ("a", "an", "the"):
            continue  # "An estimated 714,000 people": an article is no one
        if _holds_verb(sdoc, sent[0] + m.start(1), sent[0] + m.end(1)):
            continue  # "the ministry rejected claims that…": a clause, and a noun "claims"
        if _OPENS_SUBORDINATE.search(head, max(0, m.start(1) - 20), m.start(1)) \
                and not _inside_speech(sdoc, sent[0] + m.end(1), fig):
            continue  # "…, hours after Kyiv announced an offensive": that clause's speaker
        found = (m.group(1), sent[0] + m.start(1), "pattern-before", sent[0] + m.end(1))
    if found:
        return found
    tail = text[fig:sent[1]]
    after = _TRAILING.search(tail)
    if after:
        g = 1 if after.group(1) else 2
        if g == 2 and _said_is_noun(sdoc, fig + after.end(2)):
            return None  # "…in Zamfara, Katsina and Sokoto states.": no one speaks
        return after.group(g), fig + after.start(g), "pattern-after", fig + after.end(g)
    return None


_SPACES = re.compile(r"\s*")


def _said_is_noun(sdoc: Any, at_char: int) -> bool:
    """Whether the parse reads the speech word after `at_char` as a noun ("in Zamfara,
    Katsina and Sokoto states", "…, and casualty reports")."""
    if sdoc is None:
        return False
    word = _token_at(sdoc, _SPACES.match(sdoc.text, at_char).end())  # type: ignore[union-attr]
    # a noun the parse still gives a subject is a verb it mis-tagged ("the regional
    # administration reports on Telegram")
    return word is not None and word.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ == "nsubj" for c in word.children)

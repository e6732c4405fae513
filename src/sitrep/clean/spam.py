"""Injected SEO spam: whole spam sentences, and a keyword phrase stuffed into sentences.

A spam sentence is a commercial call to action ("e-mail us at our web site", "click here"). A
stuffed keyword is a run of capitalised words that recurs where it breaks the syntax of the
sentence ("martial Turkish Law Firm to", "Turkish Law Firm-made", "UK, X Y Z Canada"), often with
a commercial head noun. Where the keyword replaced one of its own words, that word is restored
("martial law to", "Turkish-made"); elsewhere the keyword is simply cut.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from sitrep.clean.lines import word_set
from sitrep.offsets import OffsetMap, TextBuilder
from sitrep.sentences import split_sentences

# phrases of commercial calls to action; a sentence with two of them is spam
_CALLS = [  # matched against the lower-cased text
    re.compile(p) for p in (
        r"\be[\s-]?mail us\b|\b(?:contact|call|message|text|phone) us\b",
        r"\b(?:our|my)\s+(?:own\s+)?(?:web[\s-]?(?:site|page)|internet\s+(?:site|page)|"
        r"homepage|home page|blog|site)\b",
        r"\bclick (?:here|this link|on the link)\b|\bvisit (?:us|our|my|this)\b|"
        r"\bcheck out (?:our|my)\b",
        r"\b(?:how|ways?) (?:to|you can|you could) "
        r"(?:use|employ|utilize|make use of|work with|get)\b",
        r"\b(?:any|just about any|any kind of|any sort of)\s+(?:issues|questions|inquiries|queries|"
        r"concerns|problems)\b",
        r"\b(?:concerning|regarding|relating to|pertaining to|with regards to) (?:where|wherever|"
        r"how|exactly where)\b|\bwhere(?:ver)? and how\b|\bwherever in addition to\b",
        r"\b(?:it is possible to|you can|you could|you'?ll be able to|feel free to)\s+"
        r"(?:e[\s-]?mail|contact|call|reach|visit|get hold of)\b",
        r"\b(?:buy|order|shop|book) (?:now|online|today)\b|\bpromo code\b|\bfree (?:trial|quote)\b|"
        r"\bbest (?:prices?|deals?|rates?)\b",
    )
]
SPAM_CALLS = 2


@cache
def any_call() -> re.Pattern[str]:
    """All calls to action as one pattern, to find the sentences worth a closer look."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in _CALLS))

# head nouns of business names that spammers advertise
COMMERCIAL_HEADS = word_set(
    "firm firms lawyer lawyers attorney attorneys solicitors company services service "
    "solutions agency clinic clinics dentist dentists casino casinos loans loan insurance "
    "shop store outlet consultants consultancy marketing seo repair repairs roofing "
    "plumbing plumber plumbers cleaning rentals rental realty realtor mortgage mortgages "
    "pharmacy pills betting bet slots slot escorts replica supplements movers locksmith "
    "contractor contractors hosting design academy tutors tutoring coupons deals vpn"
)
FUNCTION_WORDS = word_set(
    "to of in on at by for with from into and or but that which who is was are were be been "
    "has have had will would can could may might should as than then the a an"
)
DETERMINERS = word_set(
    "the a an this that these those its their his her our"
)
# possessive quantifiers and word starts keep the scan linear on junk (no backtracking)
_CAP_RUN = re.compile(r"(?<![\w'’])[A-Z][a-zA-Z'’]*+(?:\s+[A-Z][a-zA-Z'’]*+)+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# a keyword needs this much evidence (spam sentence 2, each broken context 1, commercial head 1)
KEYWORD_SCORE = 3
DEMONYM_END = re.compile(r"(?:ish|ian|an|ese|ic|ch|i)$")


@dataclass(frozen=True, slots=True)
class Cut:
    """A span of the text to drop, and the word (if any) that stands in its place."""

    start: int
    end: int
    keep: str = ""


def count_calls(sentence: str) -> int:
    """How many kinds of call to action a sentence makes."""
    lowered = sentence.lower()
    return sum(1 for p in _CALLS if p.search(lowered))


def find_spam_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of whole spam sentences."""
    # each pattern runs once over the text; only sentences it hit are looked at
    hits = sorted(m.start() for m in any_call().finditer(text.lower()))
    if len(hits) < SPAM_CALLS:
        return []
    return [(s, e) for s, e in split_sentences(text)
            if bisect_left(hits, e) - bisect_left(hits, s) >= SPAM_CALLS
            and count_calls(text[s:e]) >= SPAM_CALLS]


def word_before(text: str, pos: int) -> str:
    """The word or punctuation mark just before `pos`, skipping spaces."""
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def word_after(text: str, pos: int) -> str:
    """The word or punctuation mark just after `pos`, skipping spaces."""
    m = re.match(r"\s*(\S+)", text[pos:pos + 40])
    return m.group(1) if m else ""


def context_kind(text: str, start: int, end: int) -> str | None:
    """How an occurrence breaks its sentence: compound, noun_slot, juxtaposed, list; or None."""
    if re.match(r"-[a-z]", text[end:end + 2]):
        return "compound"  # "X Y Z-made": the phrase took the place of the compound's first part
    prev, nxt = word_before(text, start), word_after(text, end)
    prev_word = _WORD.fullmatch(prev.strip("\"“‘'"))
    nxt_word = _WORD.match(nxt)
    if text[end:end + 1] == " " and nxt_word and nxt[0].isupper() and prev.endswith(","):
        return "juxtaposed"  # ", X Y Z Canada": two names with nothing between them
    if (prev_word and prev.islower() and prev not in FUNCTION_WORDS
            and nxt_word and nxt_word.group() in FUNCTION_WORDS):
        return "noun_slot"  # "martial X Y Z to": an adjective left without its noun
    if prev.endswith(",") and nxt_word and nxt_word.group() in DETERMINERS:
        return "list"  # ", X Y Z the Pacific": inserted before a list item
    return None


def candidate_phrases(text: str) -> set[str]:
    """Runs of two to five capitalised words, and their sub-runs."""
    out: set[str] = set()
    for m in _CAP_RUN.finditer(text):
        words = m.group().split()
        for n in range(2, min(5, len(words)) + 1):
            for i in range(len(words) - n + 1):
                out.add(" ".join(words[i:i + n]))
    return out


def find_keywords(text: str, spam: list[tuple[int, int]]) -> list[str]:
    """Capitalised phrases stuffed into the text, longest first."""
    spam_text = " ".join(text[s:e] for s, e in spam)
    scored: dict[str, tuple[int, int]] = {}
    for phrase in candidate_phrases(text):
        in_spam = phrase in spam_text
        commercial = phrase.split()[-1].lower() in COMMERCIAL_HEADS
        # the best score it could reach: most capitalised runs occur once and are skipped here
        if min(text.count(phrase), 3) + 2 * in_spam + commercial < KEYWORD_SCORE:
            continue
        occ = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", text)]
        broken = sum(1 for s, e in occ if context_kind(text, s, e))
        score = min(broken, 3) + 2 * in_spam + commercial
        if score >= KEYWORD_SCORE and (broken or in_spam):
            scored[phrase] = (score, len(occ))
    # a sub-run that never occurs outside its longer run is the same keyword
    keep: list[str] = []
    for phrase in sorted(scored, key=lambda p: (-len(p.split()), p)):
        if any(phrase in k and scored[k][1] >= scored[phrase][1] for k in keep):
            continue
        if any(k in phrase for k in keep):
            continue
        keep.append(phrase)
    return keep


def restored_word(phrase: str, kind: str | None, prev: str) -> str:
    """The word of the phrase that the injection replaced, or "" when it replaced nothing."""
    words = phrase.split()
    if kind == "compound":
        # the first part of "X-made" / "X-backed" is a demonym or a name
        named = [w for w in words if DEMONYM_END.search(w)]
        return (named or words)[0]
    if kind == "noun_slot":
        # the topical word, not the demonym nor the business noun at the head
        nouns = [w for w in words[:-1] if not DEMONYM_END.search(w)] or words[-1:]
        word = nouns[0]
        return word.lower() if prev.islower() else word
    return ""


def plan_cuts(text: str) -> list[Cut]:
    """Spam sentences and stuffed keywords to cut, in text order, without overlaps."""
    spam = find_spam_sentences(text)
    cuts = [Cut(s, e) for s, e in spam]
    for phrase in find_keywords(text, spam):
        for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", text):
            s, e = m.span()
            if any(c.start <= s < c.end for c in cuts):
                continue
            kind = context_kind(text, s, e)
            keep = restored_word(phrase, kind, word_before(text, s))
            if keep:
                cuts.append(Cut(s, e, keep))
            elif text[e:e + 1] == " ":
                cuts.append(Cut(s, e + 1))
            elif text[s - 1:s] == " ":
                cuts.append(Cut(s - 1, e))
            else:
                cuts.append(Cut(s, e))
    return sorted(cuts, key=lambda c: c.start)


def remove_spam(text: str) -> tuple[str, OffsetMap, list[tuple[int, int]]]:
    """Cut spam from `text`; returns the new text, its map back, and the spans cut."""
    cuts = plan_cuts(text)
    if not cuts:
        return text, OffsetMap.identity(len(text)), []
    b = TextBuilder(text)
    pos = 0
    removed: list[tuple[int, int]] = []
    for cut in cuts:
        if cut.start < pos:
            continue
        b.copy(pos, cut.start)
        if cut.keep:
            at = text.find(cut.keep, cut.start, cut.end)
            if at >= 0:
                b.copy(at, at + len(cut.keep))
            else:  # a lower-cased stand-in: it maps to the word it came from
                src = text.lower().find(cut.keep, cut.start, cut.end)
                b.replace(src, src + len(cut.keep), cut.keep)
        removed.append((cut.start, cut.end))
        pos = cut.end
    b.copy(pos, len(text))
    out, omap = b.build()
    return out, omap, merge_spans(removed)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with touching ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


"""Which lines of a plain text are page furniture rather than article.

Decided by line features (length, final punctuation, title case, an ellipsis at the end, the
vocabulary of page furniture shared by news sites) and by context: a heading such as "You May
Also Like" starts a block of links to other stories; a comment form ends the article; a block of
short headline lines at the end that share no topic with the article is a list of links.
"""

from __future__ import annotations

import re

from sitrep.clean import provenance
from sitrep.clean.lines import (
    Line,
    content_words,
    ends_sentence,
    is_headline_like,
    is_teaser,
    word_set,
    words_of,
)

BODY = "body"
BOILERPLATE = "boilerplate"
DUPLICATE = "duplicate"
BYLINE = "byline"
DATELINE = "dateline"
AUTHOR = "author"
SOURCE = "source"
VIA = "via"
PROVENANCE = frozenset({BYLINE, DATELINE, AUTHOR, SOURCE, VIA})

_I = re.I
# a heading that opens a block of links to other stories
_LINK_HEADING = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy)|related(?: \w+)?|read (?:more|next|also)|"
    r"more (?:stories|news|from \w+(?: \w+)?|on this(?: story| topic)?|videos?|to read)|"
    r"recommended(?: for you| stories| articles| reading)?|most (?:popular|read|viewed|shared)|"
    r"trending(?: now| stories| news)?|popular (?:posts|stories|now)|"
    r"latest(?: news| stories| posts)?|"
    r"top stories|also read|see also|don'?t miss|editor'?s picks?|what to read next|"
    r"up next|watch next|in other news|around the web|from (?:the )?web|"
    r"sponsored(?: links| stories)?|promoted(?: stories)?|further reading|more in \w+(?: \w+)?|"
    r"keep reading|follow us(?: on \w+)?)"
    r"\W*$", _I)
# one-line page furniture
_FURNITURE = [
    re.compile(r"^[\d.,]+\s*[km]?\s+(?:shares?|share this|comments?|views?|likes?|reads?)\b", _I),
    re.compile(r"^\[[^\]]{0,40}\]$"),
    re.compile(r"^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|"
               r"continue reading(?: below)?|scroll (?:down )?to continue.*|skip (?:to|past) .*|"
               r"click (?:here|to) .*|tap (?:here|to) .*|share (?:this|on) .*|print this .*|"
               r"listen to (?:this|the) article.*|\d+ min(?:ute)?s? read)\W*$", _I),
    re.compile(r"^(?:read more|related|also read|see also|more|watch|listen|explainer|live|"
               r"analysis|opinion|video|photos?|gallery)\s*[:|»›>-]\s*\S.*$", _I),
    re.compile(r"^(?:photo|image|picture|video|credit|photograph|illustration)s?\s*(?:credit)?\s*"
               r"[:|,]\s*\S.{0,80}$", _I),
    re.compile(r"^(?:image (?:source|caption)|getty images|ap photo|afp photo|reuters photo)\b"
               r".{0,80}$", _I),
    re.compile(r"^(?:home|news|world)(?:\s*[>»›/|]\s*[\w ]{1,25}){1,6}$", _I),
]
# words of page widgets: a short line made mostly of them is furniture
_WIDGET_WORDS = word_set(
    "share shares tweet pin email e-mail mail print facebook twitter whatsapp linkedin "
    "pinterest tumblr reddit telegram messenger flipboard copy link comments comment save "
    "bookmark x subscribe follow sign login log in register menu search close home"
)
# sentences of comment forms, newsletter and cookie prompts, legal footers
_PROMPTS = re.compile(
    r"leave a (?:reply|comment)|your email address will not be published|required fields are "
    r"marked|post (?:a )?comment|save my name,? email|comments? (?:are|is) closed|you must be "
    r"logged in|cancel reply|notify me of|^\d+ (?:comments?|responses?|replies)$|"
    r"^(?:name|email|e-mail|website|comment|message)\s*\*?$|sign up (?:for|to)|"
    r"subscribe (?:to|now|for|here)|newsletters?\b.{0,40}(?:sign|subscribe|inbox|email)|"
    r"(?:sign|subscribe).{0,40}newsletter|"
    r"we use cookies|cookies? (?:policy|settings|preferences)|accept (?:all )?cookies|"
    r"enter your e-?mail|in your inbox|by (?:clicking|signing up|subscribing)|privacy policy|"
    r"terms of (?:use|service)|all rights reserved|^©|^copyright\b|download (?:our|the) app|"
    r"get (?:our|the) app|follow us on|join (?:us|our) on|have a (?:news )?tip\?|"
    r"(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+\b", _I)  # possessive: one try per word
# a line holds one of these words before `_PROMPTS` can match it: a cheap test that spares
# most lines the long alternation
_PROMPT_WORDS = (
    "leave a", "mail", "required", "comment", "save my", "closed", "logged in", "cancel",
    "notify", "respons", "repl", "name", "website", "message", "sign", "subscrib", "newsletter",
    "cookie", "inbox", "clicking", "privacy", "terms of", "rights reserved", "©", "copyright",
    "app", "follow us", "join us", "join our", "tip?", "@",
)
# furniture lines are short; longer lines are not tested (and cost nothing)
FURNITURE_CHARS = 200
# how many lines after a link heading may be real prose before the block is taken as article
TOPIC_OVERLAP = 0.25


def is_furniture(text: str) -> bool:
    """A one-line widget, placeholder, credit or prompt."""
    if len(text) > FURNITURE_CHARS:
        return False  # a paragraph of prose is never a widget
    words = [w.lower() for w in words_of(text)]
    low = text.lower()
    prompt = any(w in low for w in _PROMPT_WORDS) and _PROMPTS.search(text)
    if prompt or any(p.search(text) for p in _FURNITURE):
        return True
    if 0 < len(words) <= 8 and not ends_sentence(text):
        widget = sum(1 for w in words if w in _WIDGET_WORDS)
        if widget / len(words) >= 0.6:
            return True
    return False


def is_slug(text: str) -> bool:
    """A lower-case label without a sentence (a video slug, an image's alt text)."""
    words = words_of(text)
    return 0 < len(words) <= 8 and text[0].islower() and not ends_sentence(text)


def is_link_heading(text: str) -> bool:
    """A heading that opens a list of links to other stories."""
    return bool(_LINK_HEADING.match(text))


def is_link_like(line: Line) -> bool:
    """A line that could stand in a list of links: a headline, a teaser or furniture."""
    return is_teaser(line.text) or is_headline_like(line.text) or is_furniture(line.text)


def label_provenance(line: Line) -> str | None:
    """The provenance label of a line, if it is a byline, dateline, source or via line."""
    if provenance.parse_byline(line.text):
        return BYLINE
    if provenance.parse_source_line(line.text):
        return SOURCE
    if provenance.parse_via_line(line.text):
        return VIA
    if provenance.is_dateline(line.text):
        return DATELINE
    return None


def normalise_line(text: str) -> str:
    """A line's text for duplicate detection (case and spacing do not count)."""
    return " ".join(text.lower().split())


def classify_lines(lines: list[Line], extracted: bool = False) -> list[str]:
    """One label per line: body, boilerplate, duplicate, or a provenance label.

    `extracted`: the lines are the main text of a page that trafilatura already stripped of
    link blocks; only provenance and one-line furniture are taken out then (on the HTML
    benchmark the block rules cost more recall than they gave precision there).
    """
    labels = [BODY] * len(lines)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        prov = label_provenance(line)
        key = normalise_line(line.text)
        if prov:
            labels[i] = prov
        elif key and key in seen and not extracted:
            labels[i] = DUPLICATE
        elif is_furniture(line.text) or (is_slug(line.text) and not extracted):
            labels[i] = BOILERPLATE
        if key:
            seen.add(key)
    mark_author_lines(lines, labels)
    if not extracted:
        mark_link_blocks(lines, labels)
        mark_trailing_block(lines, labels)
    mark_caption_titles(lines, labels)
    return labels


def mark_author_lines(lines: list[Line], labels: list[str]) -> None:
    """A bare name next to a dateline, byline or the end of the article names the author."""
    for i, line in enumerate(lines):
        if labels[i] not in (BODY, DUPLICATE) or not provenance.is_name_line(line.text):
            continue
        near = labels[max(i - 1, 0): i + 2]
        if any(lab in PROVENANCE for lab in near) or i == len(lines) - 1:
            labels[i] = AUTHOR


def mark_link_blocks(lines: list[Line], labels: list[str]) -> None:
    """A link heading and the headlines and teasers that follow it are boilerplate."""
    i = 0
    while i < len(lines):
        if not is_link_heading(lines[i].text) or labels[i] in PROVENANCE:
            i += 1
            continue
        labels[i] = BOILERPLATE
        j = i + 1
        while j < len(lines) and (is_link_like(lines[j]) or labels[j] != BODY
                                  or not is_article_paragraph(lines[j].text)):
            if labels[j] in (BODY, DUPLICATE):
                labels[j] = BOILERPLATE
            j += 1
        i = j


def is_article_paragraph(text: str) -> bool:
    """Running prose long enough to be article text (not a teaser)."""
    return len(words_of(text)) >= 25 and ends_sentence(text) and not is_teaser(text)


def mark_trailing_block(lines: list[Line], labels: list[str]) -> None:
    """Short headline lines at the end, unrelated to the article's topic, are links."""
    j = len(lines)
    while j > 0 and (labels[j - 1] != BODY or is_link_like(lines[j - 1])):
        j -= 1
    block = [k for k in range(j, len(lines)) if labels[k] == BODY]
    if len(block) < 3:
        return
    topic: set[str] = set()
    for k in range(j):
        if labels[k] == BODY:
            topic |= content_words(lines[k].text)
    unrelated = [k for k in block if overlap(lines[k].text, topic) < TOPIC_OVERLAP]
    if len(unrelated) >= 0.6 * len(block):
        for k in block:
            labels[k] = BOILERPLATE


def overlap(text: str, topic: set[str]) -> float:
    """Share of a line's content words that the article also uses."""
    words = content_words(text)
    return len(words & topic) / len(words) if words else 0.0


def mark_caption_titles(lines: list[Line], labels: list[str]) -> None:
    """The headline just before a media credit ("02:38 - Source: X") belongs to the video box."""
    for i, line in enumerate(lines):
        is_credit = labels[i] == SOURCE and re.match(r"^\d{1,2}:\d\d\s*[-–—]", line.text)
        if is_credit and i > 0 and labels[i - 1] == BODY and is_headline_like(lines[i - 1].text):
            labels[i - 1] = BOILERPLATE


def find_title(lines: list[Line], labels: list[str]) -> int | None:
    """Index of the title line: a headline before a byline, else a headline opening the text."""
    for i, lab in enumerate(labels):
        if lab == BYLINE:
            k = i - 1
            while k >= 0 and labels[k] in (DATELINE, AUTHOR, BOILERPLATE):
                k -= 1
            if k >= 0 and labels[k] == BODY and not ends_sentence(lines[k].text):
                return k  # any unpunctuated line right above a byline, however long
            break
    for i, lab in enumerate(labels):
        if lab == BODY:
            return i if is_headline_like(lines[i].text) else None
    return None

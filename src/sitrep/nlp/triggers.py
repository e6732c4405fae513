"""Which parts of a text need the full parse: the words that the extractors' rules start from.

A chunk of text with none of them (no figure, no quotation, no speech verb, no force or movement
word) can still name places, so it gets entities and sentences, but not the dependency parse.
"""

from __future__ import annotations

import re

_FIGURES = (
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|"
    r"scores|tens)\b"
)
_QUOTES = r"[“”\"‘«»]|(?:^|\s)'"
_SPEECH = (
    r"\b(?:sa(?:y|ys|id)|t[eo]ll?s?|told|add(?:s|ed)?|stat(?:e|es|ed)|announc|warn|claim|"
    r"accord|estimat|acknowledg|admit|confirm|report|quot|brief|tweet|wr[io]te|insist|"
    r"declar|deni|deny|assess|believ|reveal|show|observ|spot|seen|sighted|image|photo|"
    r"satellite)"
)
_FORCES = (
    r"\b(?:troop|force|soldier|army|armies|militar|navy|naval|warship|ship|vessel|fleet|"
    r"frigate|destroyer|submarine|corvette|convoy|column|tank|armou?r|vehicle|truck|artiller|"
    r"howitzer|missile|rocket|drone|aircraft|jet|plane|bomber|fighter|helicopter|infantry|"
    r"brigade|battalion|regiment|division|unit|marine|paratroop|mercenar|militant|rebel|"
    r"reservist|conscript|personnel|insurgen|gunm[ae]n|militia|jihad|police|reinforc|defen[cs]e|casualt|killed|dead|died|wounded|"
    r"injur|captur|missing|evacuat|displac|refugee|loss|lost|destroy)"
)
_MOVES = (
    r"\b(?:head|mov|advanc|redirect|relocat|transfer|march|roll|push|approach|converg|"
    r"travel|withdr|retreat|pull|mass|amass|assembl|gather|concentrat|build|muster|"
    r"reposition|deploy|redeploy|station|sen[dt]|dispatch|commit|position|stag|drill|"
    r"exercise|patrol|arriv|reach|enter|land|pass|transit|sail|cross|carr|left|leav|depart|"
    r"return|link|detect|sight|notic|operat|rotat|consolidat|accumulat|travers|dock|"
    r"fl(?:y|ew|own|ies|ying)\b|incursion|pullout|pullback|passage|shift|airlift|fle[de]|"
    r"regroup|circl|disembark|f[ae]ll)"
)

TRIGGER = re.compile("|".join((_FIGURES, _QUOTES, _SPEECH, _FORCES, _MOVES)), re.I | re.M)


def needs_parse(text: str) -> bool:
    """Whether a chunk holds a word an extraction rule could start from."""
    return TRIGGER.search(text) is not None

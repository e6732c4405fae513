"""Name keys: the folded form under which place names are stored and looked up.

A key ignores case, accents, punctuation and spacing, so "Kyiv", "KYIV" and "Kyïv" share one,
and "N.J." and "N.J" share "n j". Lookalike letters inside Latin words ("Kharkiν" with a Greek
nu) fold to their Latin twins; a word written wholly in Cyrillic keeps its letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic, Greek and IPA letters that spinners put inside English words (a small subset of
# UTS #39, enough for matching; the clean stage folds the full table)
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h",
    "ҝ": "k", "қ": "k", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɡ": "g", "ɑ": "a", "ɩ": "i", "ʀ": "r",
    "ɴ": "n", "ʜ": "h", "ᴍ": "m", "ο": "o", "α": "a", "ν": "v", "ρ": "p", "τ": "t", "ι": "i",
    "κ": "k", "υ": "u", "ε": "e", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ο": "O",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "օ": "o", "ս": "u", "ց": "g", "ı": "i", "г": "r",
    "ո": "n",
})
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"[A-Za-z]")


def fold_lookalikes(word: str) -> str:
    """Latin twins for lookalike letters, only in words that also hold Latin letters."""
    if word.isascii() or not _LATIN.search(word):
        return word
    return word.translate(_LOOKALIKES)


def strip_accents(s: str) -> str:
    """Drop combining marks ("Kyïv" -> "Kyiv"); Cyrillic letters stay Cyrillic."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)  # the same names come back in every document
def place_key(s: str) -> str:
    """The lookup key of a name: folded letters, no accents or punctuation, lower case."""
    s = unicodedata.normalize("NFKC", s)
    s = " ".join(fold_lookalikes(w) for w in s.split())
    s = strip_accents(s).casefold().replace("’", "'")
    s = s.replace("'", "")  # Be'eri, Sil'deu: apostrophes are spelt either way
    s = _NON_WORD.sub(" ", s).replace("_", " ")
    return _SPACES.sub(" ", s).strip()


def is_usable_name(name: str) -> bool:
    """Whether an alternate name is worth indexing: Latin or Cyrillic script, not all lower case.

    GeoNames alternate names include romanisations in lower case and names in scripts an
    English article never uses; both only add false matches.
    """
    if not name or len(name) > 60 or not any(c.isalpha() for c in name):
        return False
    first = next(c for c in name if c.isalpha())
    if not first.isupper():
        return False
    for c in name:
        if c.isalpha() and not c.isascii():
            script = unicodedata.name(c, "").split(" ")[0]
            if script not in ("LATIN", "CYRILLIC"):
                return False
    return True


def is_acronym(name: str) -> bool:
    """"US", "U.S.", "DRC": two to five capitals and nothing else."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 5 and all(c.isupper() for c in letters) and all(
        c.isalpha() or c in ". " for c in name)


def lookup_keys(name: str) -> list[str]:
    """Keys to look a text span up under: an acronym also matches names stored as acronyms
    (stored under "=" + key, so that "Car" does not find the Central African Republic)."""
    k = place_key(name)
    return [k, "=" + k] if is_acronym(name) else [k]


def index_key(name: str) -> str:
    """The key a gazetteer name is stored under."""
    k = place_key(name)
    return "=" + k if is_acronym(name) else k


# the Arabic article as English writes it, assimilated or not ("al", "el", "ash", "ez", "an")
_ARTICLES = frozenset(("al", "el", "ul", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at",
                       "et", "az", "ez", "an", "en", "ath", "adh"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")
SKELETON_MIN_LETTERS = 4  # below this a consonant skeleton is shared by too many names


def skeleton_key(key: str) -> str | None:
    """The transliteration-proof key of a name of two words or more: each word's first letter
    and its consonants, doubled letters once, the Arabic article as "l" ("Ras al-Ain" and
    "Ra's al 'Ayn", "Maarat al-Numan" and "Ma'arrat an Nu'man", "Umm Rawaba" and "Umm Ruwaba"
    share one). Stored beside the plain key ("~" + skeleton) and looked up only where the
    plain key finds nothing; None for one word or a skeleton too short to tell names apart."""
    words = key.split()
    if len(words) < 2 or not key.isascii():
        return None
    out = []
    for w in words:
        if w in _ARTICLES:
            out.append("l")
            continue
        w = _DOUBLE.sub(r"\1", w)
        out.append(w[0] + _VOWELS.sub("", w[1:]))
    skeleton = " ".join(out)
    if sum(len(w) for w in out if w != "l") < SKELETON_MIN_LETTERS:
        return None
    return "~" + skeleton

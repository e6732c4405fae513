"""Numbers and quantities in news text: figures, number words, vague amounts, ranges, qualifiers.

`find_quantities(text)` returns every quantity with its character span, its low/high bounds
(the conventions of DESIGN.md: "up to 6,000" -> None..6000, "at least 7,000" -> 7000..None,
"14,000 to 21,000" -> 14000..21000, "thousands" -> 2000..9999) and the measure unit glued to it
("km", "percent", "year", ...), so that callers can tell a head count from a distance or a date.
Pure functions over plain text; no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# the size of one "unit" of a vague plural: "hundreds" = 2..9.99 hundreds (200..999)
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
         "millions": 1_000_000, "billions": 1_000_000_000}

# qualifiers that read before a figure, and what they do to its bounds
UPPER = ("up to", "as many as", "as much as", "no more than", "not more than", "fewer than",
         "less than", "at most", "a maximum of", "under", "below", "nearly", "almost",
         "just under", "maximum of")
LOWER = ("at least", "more than", "over", "in excess of", "upwards of", "no fewer than",
         "no less than", "not less than", "a minimum of", "above", "exceeding", "well over",
         "minimum of", "some more than")
APPROX = ("about", "around", "approximately", "roughly", "some", "estimated", "an estimated",
          "the estimated", "close to", "nearer", "nearly", "almost", "just over", "just",
          "an approximate", "circa", "perhaps", "possibly", "a further", "another", "anywhere")
# "almost"/"nearly" stay point figures: the gold conventions read approximations as points
_POINT_QUALIFIERS = {"nearly", "almost", "just under"}

MEASURES = {
    "percent": ("%", "percent", "per cent", "pc"),
    "distance": ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile",
                 "miles", "metre", "metres", "meter", "meters", "m", "ft", "feet", "foot",
                 "yards", "nautical miles", "nautical mile", "mi", "inches", "cm", "mm"),
    "duration": ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                 "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                 "century", "centuries", "hrs", "mins", "nights", "night"),
    "age": ("year-old", "years-old", "years old", "year old", "-year-old"),
    "money": ("dollars", "dollar", "euros", "euro", "pounds", "rubles", "roubles", "hryvnias",
              "yuan", "yen", "usd", "eur", "gbp"),
    "time": ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs"),
    "weight": ("tonnes", "tons", "kg", "kilograms", "pounds of", "lb", "lbs"),
    "fraction": ("half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                 "tenth", "tenths", "-fifth", "-third", "-quarter", "-half"),
    "multiplier": ("times", "fold", "-fold"),
}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in text; `start`/`end` cover qualifier and figure, `num_*` the figure."""

    start: int
    end: int
    num_start: int
    low: float | None
    high: float | None
    text: str
    vague: bool = False  # "hundreds", "tens of thousands"
    approx: bool = False  # "about", "some", "estimated"
    measure: str | None = None  # percent, distance, duration, age, money, time, year, date, ...
    qualifier: str | None = None

    @property
    def value(self) -> float | None:
        """The figure itself (the bound that is set)."""
        return self.low if self.low is not None else self.high


_WORD_NUM = "|".join(sorted([*UNITS, *TENS, "hundred", "thousand", "million", "billion"],
                            key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|bn|mn)\b|(?:k|m|bn|mn)\b)"
_NUMWORDS = (rf"(?:(?:{_WORD_NUM})(?:[\s-]+(?:and\s+)?(?:{_WORD_NUM}))*(?:\s+dozen\b)?)")
_VAGUE = (r"(?:(?:tens|hundreds|dozens|scores)\s+of\s+(?:thousands|millions)"
          r"|(?:several|a\s+few|many|some)\s+(?:hundred|thousand|dozen|million)s?"
          r"|tens|dozens|scores|hundreds|thousands|millions)")
_DOZEN = r"(?:half\s+a\s+dozen|a\s+dozen|a\s+hundred|a\s+thousand|a\s+million|one\s+dozen)"
# "a quarter of a million", "half a million", "three quarters of a million"
_PART_OF = (r"(?:(?:a|one|two|three)\s+)?(?:half|third|quarter)s?\s+(?:of\s+)?a\s+"
            r"(?:thousand|million|billion)")
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25}
# "five,000": a number word with the thousands written in digits, as some copy has it
_WORD_THOUSANDS = rf"(?:{_WORD_NUM}),000(?:,000)?\b"
_ONE_FIGURE = rf"(?:(?:{_DIGITS}){_SCALE}?|{_PART_OF}|{_DOZEN}|{_WORD_THOUSANDS}|{_NUMWORDS})"
_QUAL = "|".join(re.escape(q).replace(r"\ ", r"\s+")
                 for q in sorted({*UPPER, *LOWER, *APPROX}, key=len, reverse=True))
_RANGE_SEP = r"(?:\s*(?:-|–|—|to)\s*|\s+(?:and|or)\s+)"

_QUANTITY = re.compile(
    rf"(?<![\w.,/:-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<between>between\s+|from\s+)?"
    rf"(?P<fig>(?P<vague>{_VAGUE})|(?P<a>{_ONE_FIGURE})(?:(?P<sep>{_RANGE_SEP})(?P<b>{_ONE_FIGURE}))?)"
    rf"(?P<plus>\+)?(?![\d])",
    re.IGNORECASE,
)


def parse_words(text: str) -> float | None:
    """Value of number words ("two hundred and fifty thousand" -> 250000), None if not numeric."""
    total, current, seen = 0, 0, False
    for w in re.split(r"[\s-]+", text.lower().strip()):
        if w in ("and", ""):
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "dozen":  # "two dozen"
            current = max(current, 1) * 12
        elif w in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


@lru_cache(maxsize=8192)  # figures repeat ("two", "1,000") and each is read several times
def parse_figure(text: str) -> float | None:
    """Value of one figure: "1,292", "2.5 million", "5.9k", "a dozen", "seventy-five"."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    fixed = {"a dozen": 12, "one dozen": 12, "half a dozen": 6, "a hundred": 100,
             "a thousand": 1000, "a million": 1_000_000}
    if t in fixed:
        return float(fixed[t])
    m = re.fullmatch(r"(?:(a|one|two|three) )?(half|third|quarter)s? (?:of )?a "
                     r"(thousand|million|billion)", t)
    if m:
        count = UNITS.get(m.group(1) or "one", 1) if m.group(1) != "a" else 1
        return float(round(count * _FRACTIONS[m.group(2)] * SCALES[m.group(3)]))
    m = re.fullmatch(r"([a-z-]+)((?:,000)+)", t)
    if m and parse_words(m.group(1)) is not None:
        return float(parse_words(m.group(1)) or 0) * 1000 ** m.group(2).count(",")
    m = re.fullmatch(rf"({_DIGITS})\s?(hundred|thousand|million|billion|bn|mn|k|m)?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value = round(value * SCALES[m.group(2)], 3)  # "4.1 million" is 4100000, exactly
        return value
    return parse_words(t)


def parse_vague(text: str) -> tuple[float, float]:
    """Bounds of a vague amount: "hundreds" -> 200..999, "tens of thousands" -> 20000..99999."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    m = re.fullmatch(r"(tens|hundreds|dozens|scores) of (thousands|millions)", t)
    if m:
        return _vague_bounds(VAGUE[m.group(1)] * VAGUE[m.group(2)])
    m = re.fullmatch(r"(several|a few|many|some) (hundred|thousand|dozen|million)s?", t)
    if m:
        return _vague_bounds(12 if m.group(2) == "dozen" else SCALES[m.group(2)])
    return _vague_bounds(VAGUE[t])


def _vague_bounds(unit: int) -> tuple[float, float]:
    """Two units up to the next power of ten: "hundreds" 200..999, "dozens" and "scores" ..99
    (a hundred and more would be "hundreds")."""
    ceiling = 10 ** len(str(2 * unit))
    return float(2 * unit), float(min(10 * unit, ceiling) - 1)


def _measure_after(text: str, end: int) -> str | None:
    """The measure glued to a figure ("180km", "40-mile-long", "5 per cent", "37-year-old")."""
    tail = text[end:end + 24].lower()
    m = re.match(r"[\s-]?([a-z%'.]+(?:[\s-][a-z.]+)?)", tail)
    if not m:
        return None
    first = re.match(r"[\s-]?([a-z%']+\.?(?:[a-z]\.)?)", tail)
    for measure, words in MEASURES.items():
        for w in words:
            if tail.startswith((w, " " + w, "-" + w.lstrip("-"))):
                nxt = tail[len(w) + (0 if tail.startswith(w) else 1):][:1]
                if w in ("%",) or not nxt.isalpha():
                    return measure
        if first and first.group(1) in words:
            return measure
    return None


def _measure_before(text: str, start: int) -> str | None:
    """Context before a figure that makes it a date, an age, money or a model name."""
    head = text[max(0, start - 16):start].lower()
    if re.search(r"[$£€]\s*$", head):
        return "money"
    if re.search(r"\b(?:aged|ages|age of|age)\s+(?:between\s+)?$", head):
        return "age"
    if re.search(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", head):
        return "date"
    label = r"\b(?:no\.|number|round|page|article|resolution|flight|route|chapter)\s+$"
    if re.search(label, head) and not _NUMBER_VERB.search(text[max(0, start - 40):start]):
        return "label"
    return None


# "number" as the verb of a force's size ("the rebels number 8,000", "likely to number 15,000"),
# not the noun of a label ("flight number 17"): after a plural subject, "to" or an adverb
_NUMBER_VERB = re.compile(
    r"(?:\b(?:to|now|still|currently|already|will|would|could|may|might|together|collectively)"
    r"|\b(?!(?:his|its|this|was|has|is|as|us|bus|plus)\b)[a-z]{2,}s)\s+numbers?\s+$", re.I)


def _is_year(q_text: str, value: float | None) -> bool:
    return bool(value is not None and re.fullmatch(r"(?:1[89]|20)\d\d", q_text.strip())
                and 1800 <= value <= 2100)


# thousands grouped by a space ("15 000", "1 250", also the no-break and thin spaces) or by a
# dot ("3.500") as translated and continental copy writes them
_GROUPED = re.compile(r"(?<![\w.,/:-])\d{1,3}(?:(?:[ \u00a0\u202f\u2009]\d{3})+|(?:\.\d{3})+)"
                      r"(?![\w.,]\d|\w)")
_SCALE_AFTER = re.compile(r"\s?(?:hundred|thousand|million|billion|bn|mn|k|m)\b", re.I)
_DATE_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)}|day|no|number)\.?\s+$", re.I)


def comma_grouped(text: str) -> str:
    """`text` with the thousands of "15 000" and "3.500" grouped by commas, as English copy
    writes them ("15,000", "3,500"); every other character, and so every offset, unchanged. A
    dot before a scale word is a decimal point ("2.500 million"), a figure after a month or a
    day a date ("May 12 300 soldiers" is the 12th)."""
    def group(m: re.Match[str]) -> str:
        figure = m.group(0)
        if "." in figure and _SCALE_AFTER.match(text, m.end()):
            return figure
        if " " in figure and _DATE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return figure
        return re.sub(r"[ .\u00a0\u202f\u2009]", ",", figure)
    return _GROUPED.sub(group, text)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with bounds, qualifier and glued measure."""
    out: list[Quantity] = []
    text = comma_grouped(text)
    for m in _QUANTITY.finditer(text):
        qual = (m.group("qual") or "").lower()
        qual = re.sub(r"\s+", " ", qual)
        fig = m.group("fig")
        if m.group("vague"):
            word = m.group("vague").lower()
            if word in ("some", "many"):
                continue
            low, high = parse_vague(word)
            vague = True
        else:
            a = parse_figure(m.group("a"))
            if a is None:
                continue
            b = parse_figure(m.group("b")) if m.group("b") else None
            sep = (m.group("sep") or "").strip().lower()
            if m.group("b") and b is None:
                continue
            if b is not None and sep in ("and",) and not m.group("between"):
                # "500 officers and three generals" is two figures, not a range
                b = None
            if b is not None:
                scale = re.search(r"(hundred|thousand|million|billion|bn|mn|k|m)$",
                                  m.group("b").lower())
                if scale and a < b and a * SCALES[scale.group(1)] <= b * 1.01 and a < 1000:
                    a *= SCALES[scale.group(1)]  # "2 to 3 million"
                if b < a:  # "1990-91", "10-1": not a range we can read
                    b = None
            low, high = (a, b) if b is not None else (a, a)
            vague = False
            if b is None and m.group("b"):
                # keep only the first figure: the second is its own quantity
                end_a = m.start("a") + len(m.group("a"))
                out.extend(_with_bounds(text, m.start(), m.start("fig"), end_a, low, high,
                                        qual, False, m.group("a")))
                rest = find_quantities(text[m.start("b"):])
                shift = m.start("b")
                out.extend(_shift(q, shift) for q in rest[:1])
                continue
        fig_text = fig
        if text[m.end():m.end() + 1].isalpha() and _measure_after(text, m.end()) is None \
                and not re.match(r"(?:st|nd|rd|th)\b", text[m.end():m.end() + 3]):
            continue  # glued to a word that is no unit: a code or a name ("10x", "4G")
        out.extend(_with_bounds(text, m.start(), m.start("fig"), m.end(), low, high, qual,
                                vague, fig_text, plus=bool(m.group("plus"))))
    return _dedupe(out)


def _shift(q: Quantity, by: int) -> Quantity:
    return Quantity(q.start + by, q.end + by, q.num_start + by, q.low, q.high, q.text, q.vague,
                    q.approx, q.measure, q.qualifier)


def _dedupe(qs: list[Quantity]) -> list[Quantity]:
    seen: set[int] = set()
    out = []
    for q in sorted(qs, key=lambda q: q.start):
        if q.num_start in seen:
            continue
        seen.add(q.num_start)
        out.append(q)
    return out


def _with_bounds(text: str, start: int, num_start: int, end: int, low: float, high: float,
                 qual: str, vague: bool, fig_text: str, plus: bool = False) -> list[Quantity]:
    """Apply the qualifier and the measure context to one figure."""
    lo: float | None = low
    hi: float | None = high
    approx = False
    if qual in _POINT_QUALIFIERS or (qual in APPROX and qual not in UPPER):
        approx = True
    elif qual in UPPER:
        lo, hi = None, high
    elif qual in LOWER:
        lo, hi = low, None
    if plus:
        lo, hi = low, None
    if qual and qual.startswith("between") is False and qual in ("anywhere",):
        approx = True
    measure = _measure_after(text, end) or _measure_before(text, start)
    if measure is None and not vague and low == high and _is_year(fig_text, low):
        measure = "year"
    # "37th", "21st": the suffix glued to the figure; "37 students", "12 staff" are counted
    if measure is None and re.match(r"(?:st|nd|rd|th)\b", text[end:end + 4]):
        measure = "ordinal"
    if measure is None and re.match(r"[:/.]\d", text[end:end + 2]):
        measure = "time"
    return [Quantity(start, end, num_start, lo, hi, text[start:end], vague, approx, measure,
                     qual or None)]

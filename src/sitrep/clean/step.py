"""The clean step: main text, mojibake, lookalike letters, page furniture, spam, gaps, provenance.

Each pass builds a new text with a `TextBuilder`; the maps compose with `OffsetMap.then`, so the
clean text always maps back to the raw input, which never changes.
"""

from __future__ import annotations

from sitrep.clean import boilerplate as bp
from sitrep.clean import provenance
from sitrep.clean.body import assemble_body
from sitrep.clean.gaps import find_gaps
from sitrep.clean.homoglyphs import fold_homoglyphs, load_table
from sitrep.clean.lines import Line, split_lines
from sitrep.clean.mojibake import repair_mojibake
from sitrep.clean.spam import remove_spam
from sitrep.config import Config
from sitrep.errors import Code
from sitrep.offsets import OffsetMap
from sitrep.records import Document, Evidence, Flags, Source

# what each finding costs the integrity score (1.0: a clean, untouched article)
COST_FOLDED = 0.25  # any lookalike letter means the text was spun to evade copy detection
COST_FOLDED_MAX = 0.45
COST_SPAM = 0.1
COST_SPAM_MAX = 0.3
COST_GAP = 0.03
COST_GAP_MAX = 0.15
COST_BOILERPLATE = 0.1

class CleanStep:
    name = "clean"
    requires = ("raw_text", "kind")
    assigns = ("clean_text", "offsets", "flags", "source")

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self) -> None:
        load_table()

    def process(self, doc: Document) -> Document:
        raw = doc.raw_text
        if doc.kind == "html":
            from sitrep.clean.html import extract_html

            page = extract_html(raw)
            text, omap = page.text, page.offsets
            for field, (value, ev) in page.metadata.items():
                set_source(doc.source, field, value, ev)
            if not text.strip():
                doc.fail(self.name, Code.HTML_NO_TEXT, "trafilatura found no main text")
        else:
            text, omap = raw, OffsetMap.identity(len(raw))
        repaired, repair_map, n_mojibake = repair_mojibake(text)
        omap = omap.then(repair_map)
        folded, fold_map, n_folded = fold_homoglyphs(repaired)
        omap = omap.then(fold_map)

        lines = split_lines(folded)
        labels = bp.classify_lines(lines, extracted=doc.kind == "html")
        read_provenance(doc, lines, labels, omap)
        keep = [lab == bp.BODY for lab in labels]
        body, body_map = assemble_body(folded, lines, keep)
        omap = omap.then(body_map)
        dropped = sum(ln.end - ln.start for ln, k in zip(lines, keep, strict=True) if not k)

        clean, spam_map, cuts = remove_spam(body)
        spam_ev = [evidence(raw, omap, s, e) for s, e in cuts]
        omap = omap.then(spam_map)
        gaps = [evidence(raw, omap, s, e) for s, e in find_gaps(clean)]

        doc.clean_text = clean
        doc.offsets = omap
        doc.flags = Flags(
            homoglyphs_folded=n_folded, mojibake_repaired=n_mojibake, spam_spans=spam_ev,
            boilerplate_chars=dropped, gaps=gaps,
            decoding=doc.flags.decoding, truncated=doc.flags.truncated,
            integrity=integrity(n_folded, len(spam_ev), len(gaps), dropped, len(text)),
        )
        return doc


def evidence(raw: str, omap: OffsetMap, start: int, end: int) -> Evidence:
    """Raw-text evidence of a span of the text that `omap` maps."""
    s, e = omap.to_source(start, end)
    return Evidence.of(raw, s, e)


def set_source(source: Source, field: str, value: str | None, ev: Evidence | None) -> None:
    """Set a source field unless a reader already set it."""
    if not value or getattr(source, field):
        return
    setattr(source, field, value)
    if ev is not None:
        source.evidence[field] = ev


def read_provenance(doc: Document, lines: list[Line], labels: list[str], omap: OffsetMap) -> None:
    """Title, author, original publisher and date from the labelled lines."""
    raw = doc.raw_text

    def put(field: str, line: Line, found: provenance.Found) -> None:
        ev = evidence(raw, omap, line.start + found.start, line.start + found.end)
        set_source(doc.source, field, found.value, ev)

    title = bp.find_title(lines, labels)
    if title is not None:
        line = lines[title]
        put("title", line, provenance.Found(line.text, 0, len(line.text)))
    for line, lab in zip(lines, labels, strict=True):
        if lab == bp.BYLINE and (by := provenance.parse_byline(line.text)):
            put("author", line, by[0])
            if by[1]:
                put("original_publisher", line, by[1])
        elif lab == bp.SOURCE and (src := provenance.parse_source_line(line.text)):
            put("original_publisher", line, src)
        elif lab == bp.VIA and (via := provenance.parse_via_line(line.text)):
            put("original_publisher", line, via[0])
            if via[1]:
                put("author", line, via[1])
        elif lab == bp.AUTHOR:
            put("author", line, provenance.Found(line.text, 0, len(line.text)))
        elif lab == bp.DATELINE and (date := provenance.find_date(line.text)):
            put("published", line, provenance.Found(date.value, 0, len(line.text)))


def integrity(folded: int, spam: int, gaps: int, dropped: int, length: int) -> float:
    """0..1: how far the text is from a clean, untouched article."""
    cost = 0.0
    if folded:
        cost += min(COST_FOLDED_MAX, COST_FOLDED + folded / 1000)
    cost += min(COST_SPAM_MAX, COST_SPAM * spam) + min(COST_GAP_MAX, COST_GAP * gaps)
    cost += COST_BOILERPLATE * (dropped / length if length else 0.0)
    return round(max(0.0, 1.0 - cost), 3)

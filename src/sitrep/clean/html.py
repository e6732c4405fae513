"""Main text of an HTML page, with exact offsets into the HTML source.

trafilatura picks the article's paragraphs and its metadata. Its text is then found again in the
page's visible-text stream (the HTML with tags, scripts and comments skipped and entities
decoded, each piece remembering its place in the source), ignoring whitespace, so that every
character of the clean text maps back to the raw HTML.
"""

from __future__ import annotations

import html as htmllib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from sitrep.offsets import OffsetMap, TextBuilder
from sitrep.records import Evidence

_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<(script|style|noscript|template|title|textarea|svg|iframe|object)\b[^>]*>.*?(?:</\1\s*>|$)"
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"
    r"|<[!?/]?[a-zA-Z][^>]*>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?",
    re.S | re.I,
)
# trafilatura's switches, chosen on the article-extraction benchmark (see the README)
EXTRACT_OPTIONS = {"include_comments": False, "favor_recall": True, "include_tables": True}
# a paragraph shorter than this (without spaces) is not searched piecewise when it fails whole
MIN_PIECE = 12


@dataclass(slots=True)
class Stream:
    """The visible text of a page; `seg_*` map runs of it back to the HTML source."""

    text: str = ""
    seg_start: list[int] = field(default_factory=list)  # where each run starts in `text`
    seg_raw: list[tuple[int, int]] = field(default_factory=list)  # its source span
    seg_copy: list[bool] = field(default_factory=list)  # True: the run is the source verbatim


@dataclass(slots=True)
class Page:
    """The main text of a page, its map to the source, and metadata with evidence."""

    text: str
    offsets: OffsetMap
    metadata: dict[str, tuple[str, Evidence | None]]


def visible_stream(source: str) -> Stream:
    """The text a browser would show, with entities decoded and runs mapped to the source."""
    st = Stream()
    parts: list[str] = []
    length = 0
    pos = 0

    def add(text: str, start: int, end: int, copy: bool) -> None:
        nonlocal length
        if not text:
            return
        st.seg_start.append(length)
        st.seg_raw.append((start, end))
        st.seg_copy.append(copy)
        parts.append(text)
        length += len(text)

    for m in _TOKEN.finditer(source):
        add(source[pos:m.start()], pos, m.start(), True)
        tok = m.group()
        if tok.startswith("&"):
            decoded = htmllib.unescape(tok)
            add(decoded, m.start(), m.end(), decoded == tok)
        elif re.match(r"</?(?:p|div|br|li|h\d|tr|td|th|section|article|blockquote|ul|ol|table)\b",
                      tok, re.I):
            add(" ", m.start(), m.end(), False)  # a block border separates words
        pos = m.end()
    add(source[pos:], pos, len(source), True)
    st.text = "".join(parts)
    return st


@dataclass(slots=True)
class Squeezed:
    """The stream without whitespace, and where each of its runs starts in the stream."""

    text: str
    starts: list[int]  # in `text`
    stream_starts: list[int]  # in the stream


def squeeze(text: str) -> Squeezed:
    """Drop whitespace, remembering positions, for whitespace-insensitive search."""
    tokens, starts, sstarts = [], [], []
    n = 0
    for m in re.finditer(r"\S+", text):
        tokens.append(m.group())
        starts.append(n)
        sstarts.append(m.start())
        n += m.end() - m.start()
    return Squeezed("".join(tokens), starts, sstarts)


def to_stream(sq: Squeezed, n: int) -> int:
    """Stream position of a squeezed position."""
    i = bisect_right(sq.starts, n) - 1
    return sq.stream_starts[i] + n - sq.starts[i]


def emit_stream_range(b: TextBuilder, st: Stream, start: int, end: int) -> None:
    """Append stream[start:end] with each whitespace run as one space, mapped to the source."""
    prev_raw_end: int | None = None
    for m in re.finditer(r"\S+", st.text[start:end]):
        s, e = start + m.start(), start + m.end()
        first = True
        i = bisect_right(st.seg_start, s) - 1
        while s < e:
            seg_s = st.seg_start[i]
            seg_e = st.seg_start[i + 1] if i + 1 < len(st.seg_start) else len(st.text)
            stop = min(e, seg_e)
            raw_s, raw_e = st.seg_raw[i]
            if st.seg_copy[i]:
                rs, re_ = raw_s + s - seg_s, raw_s + stop - seg_s
            else:
                rs, re_ = raw_s, raw_e
            if first:
                if prev_raw_end is not None:
                    b.replace(prev_raw_end, max(prev_raw_end, rs), " ")
                first = False
            if st.seg_copy[i]:
                b.copy(rs, re_)
            else:
                b.replace(rs, re_, st.text[s:stop])
            prev_raw_end = re_
            s = stop
            i += 1


def find_pieces(para: str, sq: Squeezed, cursor: int) -> list[tuple[int, int]]:
    """Squeezed spans that spell the paragraph: whole if possible, else its longest runs."""
    # trafilatura marks list items with "- " and table cells with "|": not in the page
    words = [w for w in para.split() if w not in ("-", "|")]
    for target in ("".join(para.split()), "".join(words)):
        at = sq.text.find(target, cursor)
        if at < 0:
            at = sq.text.find(target)
        if at >= 0 and target:
            return [(at, at + len(target))]
    if len("".join(words)) < MIN_PIECE:
        return []
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        # the longest run of words from i that the stream holds after the cursor
        lo, hi, best = i + 1, len(words), None
        while lo <= hi:
            mid = (lo + hi) // 2
            chunk = "".join(words[i:mid])
            pos = sq.text.find(chunk, cursor)
            if pos >= 0:
                best, lo = (pos, pos + len(chunk), mid), mid + 1
            else:
                hi = mid - 1
        if best is None:
            i += 1  # a word the page does not show as such (trafilatura's own marker)
            continue
        s, e, j = best
        if e - s >= MIN_PIECE or j - i >= 3:
            pieces.append((s, e))
            cursor = e
        i = j
    return pieces


def align(paragraphs: list[str], source: str) -> tuple[str, OffsetMap]:
    """Find each paragraph in the page and build the text with its map to the source."""
    st = visible_stream(source)
    sq = squeeze(st.text)
    b = TextBuilder(source)
    cursor = 0
    prev_end = 0
    for para in paragraphs:
        pieces = find_pieces(para, sq, cursor)
        for k, (s, e) in enumerate(pieces):
            ss, se = to_stream(sq, s), to_stream(sq, e - 1) + 1
            if len(b):
                start = raw_start(st, ss)
                # the break stands for the source between the pieces (when they are in order)
                b.replace(prev_end, start if start >= prev_end else prev_end, " " if k else "\n\n")
            emit_stream_range(b, st, ss, se)
            prev_end = raw_end(st, se)
        if pieces:
            cursor = pieces[-1][1]
    return b.build()


def raw_start(st: Stream, stream_pos: int) -> int:
    """Source position of stream character `stream_pos`."""
    i = bisect_right(st.seg_start, stream_pos) - 1
    raw_s, _ = st.seg_raw[i]
    return raw_s + stream_pos - st.seg_start[i] if st.seg_copy[i] else raw_s


def raw_end(st: Stream, stream_end: int) -> int:
    """Source position just after stream character `stream_end - 1`."""
    i = bisect_right(st.seg_start, stream_end - 1) - 1
    raw_s, raw_e = st.seg_raw[i]
    return raw_s + stream_end - st.seg_start[i] if st.seg_copy[i] else raw_e


def extract_paragraphs(source: str) -> tuple[list[str], dict[str, str | None]]:
    """trafilatura's paragraphs of the main text, and its metadata."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(source, with_metadata=True, **EXTRACT_OPTIONS)  # type: ignore[arg-type]
    if doc is None:
        return [], {}
    text = doc.text or ""
    meta = {"title": doc.title, "author": doc.author, "published": doc.date,
            "publisher": doc.sitename}
    return [ln for ln in text.split("\n") if ln.strip()], meta


def locate(source: str, value: str) -> Evidence | None:
    """Where a metadata value stands in the source, as written or HTML-escaped."""
    for form in (value, htmllib.escape(value, quote=False), htmllib.escape(value)):
        at = source.find(form)
        if at >= 0:
            return Evidence.of(source, at, at + len(form))
    return None


def extract_html(source: str) -> Page:
    """The main text of a page, its map back to the HTML, and its metadata with evidence."""
    paragraphs, meta = extract_paragraphs(source)
    text, omap = align(paragraphs, source)
    metadata = {k: (v, locate(source, v)) for k, v in meta.items() if v}
    return Page(text, omap, metadata)

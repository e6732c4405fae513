"""Tell what an input is by its content (the extension is only a hint)."""

from __future__ import annotations

import re
from typing import Literal

InputKind = Literal["text", "html", "jsonl", "warc", "feed", "binary", "empty"]

_HTML = re.compile(
    rb"<(!doctype html|html[\s>]|head[\s>]|body[\s>]|article[\s>]|div[\s>]|p[\s>])", re.I
)
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def sniff(head: bytes) -> InputKind:
    """The kind of an input from its first few kilobytes."""
    if not head.strip():
        return "empty"
    if head[:2] == b"\x1f\x8b":
        return "warc" if b"WARC" in _gunzip_head(head) else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip()[:1]
    if start == b"{":
        first = head.lstrip().split(b"\n", 1)[0]
        if first.rstrip().endswith(b"}") or b'"text"' in first or b'"html"' in first:
            return "jsonl"
    if _FEED.search(head[:2048]) and b"<?xml" in head[:200] or _FEED.match(head.lstrip()):
        return "feed"
    if _HTML.search(head[:4096]):
        return "html"
    if _looks_binary(head):
        return "binary"
    return "text"


def detect_kind(text: str) -> Literal["text", "html"]:
    """Whether a decoded input is an HTML page or plain text."""
    return "html" if _HTML.search(text[:4096].encode("utf-8", "ignore")) else "text"


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 without BOM has NULs every other byte; it is text, handled by decode
        even, odd = head[0::2], head[1::2]
        return not (even.count(0) > len(even) * 0.4 or odd.count(0) > len(odd) * 0.4)
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def _gunzip_head(head: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""

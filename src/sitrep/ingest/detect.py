"""Tell what an input is by its content (the extension is only a hint)."""

from __future__ import annotations

import re
from typing import Literal

InputKind = Literal["text", "html", "jsonl", "warc", "feed", "binary", "empty"]

_HTML = re.compile(
    rb"<(!doctype html|html[\s>]|head[\s>]|body[\s>]|article[\s>]|div[\s>]|p[\s>])", re.I
)
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_XML_START = re.compile(rb"<\?xml|<!doctype\s", re.I)
_CONTROL = bytes([*range(9), *range(14, 32)])  # control bytes no text file holds


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
    if _FEED.match(head.lstrip()):
        return "feed"
    if _XML_START.match(head.lstrip()):
        return _xml_kind(head)
    if _HTML.search(head[:4096]):
        return "html"
    if _looks_binary(head):
        return "binary"
    return "text"


def _xml_kind(head: bytes) -> InputKind:
    """An XML document: a feed (its root may follow a long DOCTYPE), XHTML, or other XML.

    Other XML is handed to the feed reader too, which refuses it with its reason; read as plain
    text its markup would pass for an article.
    """
    if _FEED.search(head):
        return "feed"
    if _HTML.search(head):
        return "html"
    return "feed"


def detect_kind(text: str) -> Literal["text", "html"]:
    """Whether a decoded input is an HTML page or plain text."""
    return "html" if _HTML.search(text[:4096].encode("utf-8", "ignore")) else "text"


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        # UTF-16 without a BOM has NULs in one half of the bytes and letters in the other;
        # NULs in both halves (or nothing but NULs) is binary
        even, odd = head[0::2], head[1::2]
        return not (_nul_half(even) and _text_half(odd) or _nul_half(odd) and _text_half(even))
    control = len(head) - len(head.translate(None, _CONTROL))
    return control > len(head) * 0.05


def _nul_half(half: bytes) -> bool:
    return half.count(0) > len(half) * 0.4


def _text_half(half: bytes) -> bool:
    return half.count(0) < len(half) * 0.1


def _gunzip_head(head: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""

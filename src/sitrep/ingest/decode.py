"""Bytes to text without crashing: UTF-8 first, then BOM-marked and NUL-patterned UTF-16,
then cp1252 / Latin-1 as the fallback (flagged)."""

from __future__ import annotations


def decode(data: bytes) -> tuple[str, str | None]:
    """Decoded text and the fallback codec used (None when the bytes were UTF-8)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16"
    head = data[:4096]
    if head.count(0) > len(head) * 0.3:
        # UTF-16 without a BOM: NULs in every other byte (they would pass as UTF-8)
        codec = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return data[: len(data) // 2 * 2].decode(codec, "replace"), codec
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    if any(ord(c) > 127 and c != "\ufffd" for c in text[:200_000]) and bad < len(data) / 1000 + 4:
        # real UTF-8 with a few broken bytes: keep it, mark the damage
        return text, "utf-8-replace"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"

"""Bytes to text without crashing: a BOM or strict UTF-8 first, then charset-normalizer's guess
(flagged with the codec it chose)."""

from __future__ import annotations

from typing import Any

from charset_normalizer import from_bytes

# the codecs news in our languages comes in; on a tie the first wins (cp1252 is the web's most
# common legacy codec, and the Western cp125x pages read alike on short texts)
CANDIDATES = (
    "utf_8",
    "utf_16_le",
    "utf_16_be",
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "iso8859_15",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
)
_RANK = {codec: i for i, codec in enumerate(CANDIDATES)}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> tuple[str, str | None]:
    """Decoded text and the fallback codec used (None when the bytes were UTF-8)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, "replace"), None if codec == "utf-8-sig" else codec
    if b"\x00" not in data[:4096]:  # NULs in the head point to UTF-16, which is valid UTF-8 too
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
        damaged = _damaged_utf8(data)
        if damaged is not None:
            return damaged, "utf-8-replace"
    return _guess(data)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut download, a bad copy): kept, with the damage marked.

    A legacy codec would misread every accented letter of such a text, so it is not guessed.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    real = any(ord(c) > 127 and c != "\ufffd" for c in text[:200_000])
    return text if real and bad < len(data) / 1000 + 4 else None


def _rank(match: Any) -> int:
    return _RANK.get(match.encoding, len(_RANK))


def _guess(data: bytes) -> tuple[str, str | None]:
    matches = list(from_bytes(data, cp_isolation=list(CANDIDATES)))
    if not matches:
        return data.decode("latin-1"), "latin-1"  # every byte is a Latin-1 character
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), _rank(m)))
    return str(best), None if best.encoding == "utf_8" else best.encoding

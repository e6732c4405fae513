"""Offset maps: the way back from a derived text (clean text) to the raw input.

A derived text is built piece by piece from a source text. Each piece is either a *copy*
of a source range (one character for one character) or a *replacement* whose characters all
point at one source range (a folded lookalike letter, a decoded HTML entity, a joined line).
Maps compose, so the clean text of several cleaning passes still maps to the raw input.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of derived text and the source range it stands for."""

    start: int  # in the derived text
    end: int
    src_start: int  # in the source text
    src_end: int

    @property
    def is_copy(self) -> bool:
        return self.end - self.start == self.src_end - self.src_start


@dataclass(slots=True)
class OffsetMap:
    """Maps spans of a derived text to spans of its source text."""

    pieces: list[Piece] = field(default_factory=list)
    source_len: int = 0
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [p.start for p in self.pieces]

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls([Piece(0, n, 0, n)] if n else [], n)

    @property
    def length(self) -> int:
        return self.pieces[-1].end if self.pieces else 0

    def _piece_at(self, pos: int) -> Piece:
        i = bisect_right(self._starts, pos) - 1
        return self.pieces[max(i, 0)]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering derived span [start, end)."""
        if not self.pieces:
            return 0, 0
        start = min(max(start, 0), self.length)
        end = min(max(end, start), self.length)
        if end == start:
            p = self._piece_at(start)
            s = p.src_start + (start - p.start if p.is_copy else 0)
            s = min(s, p.src_end)
            return s, s
        p = self._piece_at(start)
        s = p.src_start + (start - p.start) if p.is_copy else p.src_start
        q = self._piece_at(end - 1)
        e = q.src_start + (end - q.start) if q.is_copy else q.src_end
        return s, max(e, s)

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose with `outer` (newer text to our derived text): newer text to source."""
        pieces: list[Piece] = []
        for op in outer.pieces:
            if op.is_copy:
                # split the copied range at our own piece borders so copies stay exact
                pos = op.src_start
                while pos < op.src_end:
                    ip = self._piece_at(pos)
                    stop = min(op.src_end, ip.end)
                    if stop <= pos:  # past the end: map to the source end
                        stop = op.src_end
                    s, e = self.to_source(pos, stop)
                    pieces.append(
                        Piece(op.start + pos - op.src_start, op.start + stop - op.src_start, s, e)
                    )
                    pos = stop
            else:
                s, e = self.to_source(op.src_start, op.src_end)
                pieces.append(Piece(op.start, op.end, s, e))
        return OffsetMap(_merge(pieces), self.source_len)


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join adjacent copy pieces that continue each other."""
    out: list[Piece] = []
    for p in pieces:
        if p.end == p.start:
            continue
        if out:
            q = out[-1]
            if q.is_copy and p.is_copy and q.end == p.start and q.src_end == p.src_start:
                out[-1] = Piece(q.start, p.end, q.src_start, p.src_end)
                continue
        out.append(p)
    return out


class TextBuilder:
    """Builds a derived text from a source text while recording the offset map."""

    __slots__ = ("source", "_parts", "_pieces", "_len")

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._len = 0

    def copy(self, start: int, end: int) -> None:
        """Append source[start:end] unchanged."""
        if end <= start:
            return
        self._parts.append(self.source[start:end])
        self._pieces.append(Piece(self._len, self._len + end - start, start, end))
        self._len += end - start

    def replace(self, start: int, end: int, text: str) -> None:
        """Append `text` standing for source[start:end] (end == start: an insertion)."""
        if not text:
            return
        if text == self.source[start:end]:
            self.copy(start, end)
            return
        self._parts.append(text)
        self._pieces.append(Piece(self._len, self._len + len(text), start, end))
        self._len += len(text)

    def __len__(self) -> int:
        return self._len

    def endswith(self, s: str) -> bool:
        tail = "".join(self._parts[-4:])
        return tail.endswith(s)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(_merge(self._pieces), len(self.source))

"""Republished copies: MinHash LSH over word shingles of the folded clean text, then the original.

Spun copies swap letters for lookalikes, add boilerplate and paste spam into sentences; shingles
are taken over the *folded* words, so a copy shares almost all of them with its original while
an unrelated article shares almost none. The original of a group is chosen by provenance: the
outlet the others credit ("via X", "Source: X"), then the earliest date, then the least noise.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from sitrep.resolve.names import day_of, same_outlet
from sitrep.resolve.records import DocInfo, GroupMember, ResolveOptions

SCHEME = "affine32"  # datasketch's default since 2.0: uint32 values, 4 bytes a permutation
SEED = 1
PRIME = 1_000_003  # multiplier combining word hashes into a shingle hash


def shingles(ws: list[str], k: int) -> np.ndarray:
    """Hashes of the overlapping k-word shingles of folded words, sorted and unique (uint32).

    Each word is hashed once (crc32) and a shingle's hash combines its words' hashes
    polynomially, so no shingle string is ever built. A text shorter than k is one shingle.
    """
    if not ws:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter((zlib.crc32(w.encode()) for w in ws), dtype=np.uint64, count=len(ws))
    n = max(len(ws) - k + 1, 1)
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(min(k, len(ws))):
        acc = acc * np.uint64(PRIME) + h[i:i + n]  # wraps modulo 2**64, as intended
    return np.unique((acc & np.uint64(0xFFFFFFFF)).astype(np.uint32))


@cache
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The permutations of every signature (made once: drawing them costs more than hashing)."""
    a, b = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    return a, b


def signature(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """The MinHash signature (uint32 values) of a set of shingle hashes."""
    # the shingles are hashed already; the affine32 scheme mixes each value before permuting
    m = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int, scheme=SCHEME,
                permutations=permutations(num_perm))
    m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def make_lsh(opts: ResolveOptions) -> MinHashLSH:
    return MinHashLSH(threshold=opts.threshold, num_perm=opts.num_perm)


def lean(sig: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def share(part: np.ndarray, whole: np.ndarray) -> float:
    """The share of `part`'s shingles found in `whole` (how much of a copy its source holds)."""
    if not part.size:
        return 0.0
    return np.intersect1d(part, whole, assume_unique=True).size / part.size


def find_components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (sorted ids, sorted by first id): independent of the edge order."""
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in parent:
        groups.setdefault(root(i), []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def credits_other(doc: DocInfo) -> bool:
    """The document names another outlet as its source."""
    return bool(doc.original_publisher) and not same_outlet(doc.original_publisher, doc.publisher)


def noise(doc: DocInfo) -> tuple[float, int, int, int]:
    """Cleaning's findings, least first: copies are spun, spammed and wrapped in more furniture."""
    return (-round(doc.integrity, 3), doc.homoglyphs, doc.spam, doc.boilerplate)


def original_rank(doc: DocInfo, members: list[DocInfo]) -> tuple[object, ...]:
    """Sort key: credited by another member, credits no one, earliest, least noise, id."""
    credited = any(m.id != doc.id and credits_other(m) and same_outlet(m.original_publisher,
                                                                        doc.publisher)
                   for m in members)
    day = day_of(doc.published)
    return (not credited, credits_other(doc), day is None, day or 0, doc.published or "",
            noise(doc), doc.id)


def choose_parent(doc: DocInfo, original: DocInfo, ranked: list[DocInfo]) -> DocInfo:
    """The member whose outlet this copy credits, else the group's original."""
    if credits_other(doc):
        for m in ranked:
            if m.id != doc.id and same_outlet(doc.original_publisher, m.publisher):
                return m
    return original


def break_cycles(parents: dict[str, str], original_id: str) -> dict[str, str]:
    """Point copies whose chain loops back to themselves at the original instead."""
    out = dict(parents)
    for start in parents:
        seen = {start}
        cur = out.get(start)
        while cur is not None and cur != original_id:
            if cur in seen:
                out[start] = original_id
                break
            seen.add(cur)
            cur = out.get(cur)
    return out


def reasons_for(doc: DocInfo, parent: DocInfo, share_: float) -> tuple[str, ...]:
    """Why `parent` is taken as the source of `doc`, strongest first."""
    out = []
    if credits_other(doc) and same_outlet(doc.original_publisher, parent.publisher):
        out.append("credits the source's outlet")
    elif credits_other(doc):
        out.append("credits another outlet")
    out.append(f"shares {share_:.0%} of its text")
    d, p = day_of(doc.published), day_of(parent.published)
    if d is not None and p is not None and p < d:
        out.append("published later")
    if noise(parent) < noise(doc):
        out.append("noisier text")
    return tuple(out)


def member(doc: DocInfo, group_id: str, original_id: str, size: int, parent: DocInfo | None,
           share_: float | None, jaccard_: float | None) -> GroupMember:
    """One document's row in its group, with the credit line it carries as evidence."""
    credit = doc.original_publisher if credits_other(doc) else None
    return GroupMember(
        doc_id=doc.id, group_id=group_id, original_id=original_id,
        role="copy" if parent else "original", parent_id=parent.id if parent else None,
        share=share_, jaccard=jaccard_, credits=credit,
        credit_start=doc.credit_start if credit else None,
        credit_end=doc.credit_end if credit else None,
        credit_text=doc.credit_text if credit else None,
        reasons=reasons_for(doc, parent, share_ or 0.0) if parent else (), size=size)


def build_group(members: list[DocInfo], sigs: dict[str, np.ndarray],
                sets: dict[str, np.ndarray]) -> list[GroupMember]:
    """Each member's role, parent, shared-text share and evidence, for one group of copies."""
    ranked = sorted(members, key=lambda m: original_rank(m, members))
    original = ranked[0]
    group_id = min(m.id for m in members)
    by_id = {m.id: m for m in members}
    parents = break_cycles({m.id: choose_parent(m, original, ranked).id for m in ranked[1:]},
                           original.id)
    out = [member(original, group_id, original.id, len(members), None, None, None)]
    for m in ranked[1:]:
        parent = by_id[parents[m.id]]
        empty = np.zeros(0, dtype=np.uint32)
        s = round(share(sets.get(m.id, empty), sets.get(parent.id, empty)), 3)
        j = round(jaccard(sigs[m.id], sigs[parent.id]), 3) if m.id in sigs and parent.id in sigs \
            else None
        out.append(member(m, group_id, original.id, len(members), parent, s, j))
    return out

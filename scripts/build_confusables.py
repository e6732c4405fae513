"""Build src/sitrep/clean/data/confusables.txt from the Unicode UTS #39 confusables file.

Keeps only characters that look like a Latin letter (a-z, A-Z), resolved to that letter, so the
run-time table is small and the project does not read ../shared at run time. The Unicode
license header is kept: the data is redistributable under the Unicode terms of use.

Usage: python scripts/build_confusables.py [../shared/data/uts39-confusables.txt]
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / ".." / "shared" / "data" / "uts39-confusables.txt"
TARGET = ROOT / "src" / "sitrep" / "clean" / "data" / "confusables.txt"

# letters of real orthographies that the table maps to a Latin letter: never folded
ORTHOGRAPHIC = set("ıłŁøØßæÆœŒđĐðÐþÞŋŊəƏħĦ")
# prototypes that are themselves non-ASCII Latin letters, resolved one step further
LATIN_FIXUPS = {"ĸ": "k", "ı": "i", "ȷ": "j", "ɩ": "i", "ʟ": "L"}


def parse_table(lines: list[str]) -> dict[str, str]:
    """Single-code-point sources and their prototype strings."""
    table: dict[str, str] = {}
    for line in lines:
        if line.startswith("#") or ";" not in line:
            continue
        src_hex, dst_hex, _ = line.split(";", 2)
        src = "".join(chr(int(h, 16)) for h in src_hex.split())
        if len(src) == 1:
            table[src] = "".join(chr(int(h, 16)) for h in dst_hex.split())
    return table


def resolve_latin(proto: str, table: dict[str, str]) -> str | None:
    """The ASCII letters a prototype stands for, or None when it is not letter-like."""
    for _ in range(4):  # the table is meant to be idempotent; follow a few hops to be sure
        nxt = "".join(table.get(c, c) if len(proto) == 1 else c for c in proto)
        if nxt == proto:
            break
        proto = nxt
    out = []
    for c in unicodedata.normalize("NFD", proto):
        if unicodedata.category(c).startswith("M") or c in "'`":
            continue  # hooks and strokes drawn as marks; an apostrophe-like tick
        c = LATIN_FIXUPS.get(c, c)
        if not ("a" <= c <= "z" or "A" <= c <= "Z"):
            return None
        out.append(c)
    latin = "".join(out)
    # "rn" is how the table spells the m-shape; other pairs are ligatures, not one letter
    return "m" if latin == "rn" else latin if len(latin) == 1 else None


def is_plain_latin(ch: str) -> bool:
    """ASCII letters and accented Latin letters (café, Dnipró) are never lookalikes."""
    base = unicodedata.normalize("NFD", ch)[0]
    return ch.isascii() or ("a" <= base <= "z" or "A" <= base <= "Z")


def build(lines: list[str]) -> list[str]:
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line.rstrip("\n"))
    table = parse_table(lines)
    rows = []
    for src, proto in sorted(table.items()):
        if is_plain_latin(src) or src in ORTHOGRAPHIC:
            continue
        cat = unicodedata.category(src)
        if not (cat.startswith("L") or cat in ("Nl", "Nd", "Mn")) or cat == "Mn":
            continue
        latin = resolve_latin(proto, table)
        if latin:
            rows.append(f"{ord(src):04X}\t{latin}")
    return [
        *header,
        "#",
        "# Derived by scripts/build_confusables.py: code point (hex) TAB the Latin letter(s) it",
        "# looks like; only characters that resemble a-z or A-Z are kept.",
        *rows,
    ]


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    out = build(lines)
    TARGET.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({sum(1 for r in out if not r.startswith('#'))} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

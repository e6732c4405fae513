"""Human-readable rendering of one document's contract object (`extract --format pretty`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

console = Console()


def _where(m: dict[str, Any]) -> str:
    parts = []
    for key, arrow in (("origin", "from "), ("destination", "to "), ("location", "at ")):
        ref = m.get(key)
        if ref:
            parts.append(arrow + ref["mention"])
    return ", ".join(parts)


def print_pretty(obj: dict[str, Any]) -> None:
    src = obj["source"]
    console.rule(f"[bold]{obj['id']}[/]  {src.get('title') or ''}")
    console.print(
        f"publisher: {src.get('publisher')}  original: {src.get('original_publisher')}  "
        f"author: {src.get('author')}  published: {src.get('published')}"
    )
    f = obj["flags"]
    console.print(
        f"integrity {f['integrity']:.2f}: {f['homoglyphs_folded']} lookalike letters folded, "
        f"{len(f['spam_spans'])} spam spans, {f['boilerplate_chars']} boilerplate chars, "
        f"{len(f['gaps'])} gaps"
    )
    if obj["movements"]:
        t = Table(
            "actor", "status", "equipment", "where", "observed by", "evidence", title="movements"
        )
        for m in obj["movements"]:
            t.add_row(
                m["actor"] or "",
                m["status"],
                ", ".join(m["equipment"]),
                _where(m),
                m["observed_by"] or "",
                m["evidence"]["text"][:90],
            )
        console.print(t)
    if obj["claims"]:
        t = Table("claimant", "subject", "metric", "low", "high", "evidence", title="claims")
        for c in obj["claims"]:
            t.add_row(
                c["claimant"] or "(outlet)",
                c["subject"] or "",
                c["metric"],
                _num(c["low"]),
                _num(c["high"]),
                c["evidence"]["text"][:90],
            )
        console.print(t)
    if obj["quotes"]:
        t = Table("speaker", "quote", title="quotes")
        for q in obj["quotes"]:
            t.add_row(q["speaker"] or "", q["text"][:120])
        console.print(t)
    places = sorted({p["mention"] for p in obj["places"]})
    console.print(f"places: {', '.join(places)}")
    for e in obj["errors"]:
        console.print(f"[yellow]{e['code']}[/] {e['step']}: {e['message']}")


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:,.0f}"

"""The resolve stage: across documents - copies, incidents, tracks and the claims ledger."""

from __future__ import annotations

from sitrep.resolve.records import ResolveOptions, ResolveStats
from sitrep.resolve.stage import resolve_store

__all__ = ["ResolveOptions", "ResolveStats", "resolve_store"]

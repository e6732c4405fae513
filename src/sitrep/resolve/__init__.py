"""The resolve stage: across documents - copies, incidents, tracks and the claims ledger.

Its entry is `sitrep.resolve.step`; the names below stay importable from the package too.
"""

from __future__ import annotations

from sitrep.resolve.step import ResolveOptions, ResolveStats, resolve_store

__all__ = ["ResolveOptions", "ResolveStats", "resolve_store"]

"""The resolve stage's entry: across the stored documents - groups of copies, incidents, tracks
and the claims ledger - brought up to date by `resolve_store`, and read back for the API.

Unlike the per-document steps it runs over the store, after a batch is written; the rest of
the folder (dedup, incidents, tracks, ledger, their reads and writes) is private to it.
"""

from __future__ import annotations

from sitrep.resolve.names import name_key
from sitrep.resolve.queries import (
    Page,
    iter_tracks,
    list_groups,
    list_incidents,
    list_tracks,
    read_ledger,
)
from sitrep.resolve.records import ResolveOptions, ResolveStats
from sitrep.resolve.stage import resolve_store

__all__ = ["Page", "ResolveOptions", "ResolveStats", "iter_tracks", "list_groups", "list_incidents",
           "list_tracks", "name_key", "read_ledger", "resolve_store"]

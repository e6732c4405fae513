"""The ingest stage's entry: inputs (files, folders, globs, stdin, bytes) in, `Document`s out.

Reading is not a pipeline step: it makes the documents the steps run on, each with the fields
in `ASSIGNS` filled in, or an error record saying why the input could not be read. The rest of
the folder (sniffing, decoding, JSON Lines, WARC, feeds, paths) is private to it.
"""

from __future__ import annotations

from sitrep.ingest.detect import detect_kind
from sitrep.ingest.readers import read_bytes, read_paths
from sitrep.ingest.storable import storable

# the Document fields every reader fills in: what the first pipeline step may require
ASSIGNS = ("id", "raw_text", "name", "kind", "source", "flags", "errors")

__all__ = ["ASSIGNS", "detect_kind", "read_bytes", "read_paths", "storable"]

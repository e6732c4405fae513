"""sitrep: noisy conflict news in, an evidence-linked, geolocated ledger out.

The library entry point is `process`:

    >>> import sitrep
    >>> doc = sitrep.process("A Russian convoy is heading towards Izyum, the Pentagon says.")
"""

from __future__ import annotations

from sitrep.config import Config
from sitrep.records import Document

__all__ = ["Config", "Document", "process", "__version__"]
__version__ = "0.1.0"

_pipelines: dict[Config, object] = {}


def process(
    text_or_html: str, *, name: str = "", uri: str | None = None, config: Config | None = None
) -> Document:
    """Run the whole pipeline on one text or HTML page and return its `Document`."""
    from sitrep.ingest.step import detect_kind
    from sitrep.pipeline import Pipeline

    config = config or Config()
    pipe = _pipelines.get(config)
    if pipe is None:
        pipe = _pipelines[config] = Pipeline(config).setup()
    doc = Document.from_raw(text_or_html, name=name, kind=detect_kind(text_or_html), uri=uri)
    return pipe.process(doc)  # type: ignore[attr-defined]

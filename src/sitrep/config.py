"""One options object for the whole pipeline (no keyword arguments repeated in three layers)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_STEPS = ("clean", "relevance", "annotate", "geo", "extract")


@dataclass(frozen=True, slots=True)
class Config:
    steps: tuple[str, ...] = DEFAULT_STEPS
    spacy_model: str = field(
        default_factory=lambda: os.environ.get("SITREP_SPACY_MODEL", "en_core_web_sm")
    )
    # longer clean texts are analysed up to this many characters and flagged as truncated
    max_nlp_chars: int = 200_000
    # a single text or HTML input larger than this is read up to it and flagged (W105);
    # no news article comes near it, so it only guards against junk and concatenations
    max_input_bytes: int = 8 * 1024 * 1024
    doc_timeout_s: float = 60.0
    # documents with no sign of conflict news get clean text, provenance and gazetteer places
    # only (relevance "low"); off: every document gets the full analysis (`--full`)
    relevance_gate: bool = field(
        default_factory=lambda: os.environ.get("SITREP_ANALYSE_ALL", "") != "1"
    )
    # parse only the chunks with a trigger word (figures, quotes, forces, movements, speech)
    gate_parse: bool = field(default_factory=lambda: os.environ.get("SITREP_PARSE_ALL", "") != "1")
    # the learned movement sentence model (extract/movements/model.py) proposes the sentences
    # the rules find no movement in; SITREP_MOVEMENT_MODEL=0 runs the rules alone
    movement_model: bool = field(
        default_factory=lambda: os.environ.get("SITREP_MOVEMENT_MODEL", "") != "0"
    )

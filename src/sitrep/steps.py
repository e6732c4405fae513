"""Every pipeline step, registered by a stable name in one place."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.clean.step import CleanStep
from sitrep.config import Config
from sitrep.extract.step import ExtractStep
from sitrep.geo.step import GeoStep
from sitrep.nlp.annotate import AnnotateStep
from sitrep.pipeline import Step

REGISTRY: dict[str, Callable[[Config], Step]] = {
    "clean": CleanStep,
    "annotate": AnnotateStep,
    "geo": GeoStep,
    "extract": ExtractStep,
}

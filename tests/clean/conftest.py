"""Shared fixtures for the clean-stage tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sitrep.clean.step import CleanStep
from sitrep.config import Config
from sitrep.records import Document

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"


def run_clean(raw: str, kind: str = "text") -> Document:
    """Run the clean step alone on a raw text."""
    doc = Document.from_raw(raw, name="t", kind=kind)  # type: ignore[arg-type]
    step = CleanStep(Config())
    step.setup()
    return step.process(doc)


@pytest.fixture
def clean() -> Callable[..., Document]:
    """The clean step as a function of the raw text."""
    return run_clean


@pytest.fixture
def seed() -> Callable[[str], Document]:
    """The cleaned seed document whose file name starts with a prefix ("004")."""

    def load(prefix: str) -> Document:
        paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        if not paths:
            pytest.skip("the seed documents of ../shared are not here")
        return run_clean(paths[0].read_text(encoding="utf-8"))

    return load

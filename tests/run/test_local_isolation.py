"""The local runner counts what the store kept: a document it set aside is an error, not a
document, and the others of its batch are written."""

from __future__ import annotations

from pathlib import Path

from sitrep.config import Config
from sitrep.records import Document
from sitrep.run.local import run_local
from sitrep.store.db import Store


def test_a_document_the_store_refuses_is_counted_as_an_error(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'r.db'}")
    texts = ["Tanks were seen near Sumy.", "A lone \ud800 surrogate.", "Ships left Odesa."]
    docs = [Document.from_raw(t, name=f"d{i}") for i, t in enumerate(texts)]
    stats = run_local(docs, Config(steps=()), sink=store.upsert_many, batch_size=8)
    assert (stats.documents, stats.errors) == (2, 1)
    assert [row[:2] for row in stats.error_rows] == [("d1", "E130")]
    assert store.counts()["documents"] == 2 and store.counts()["errors"] == 1

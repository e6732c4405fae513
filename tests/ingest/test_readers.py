"""Readers: every input yields a document or an error record with the reason."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.config import Config
from sitrep.ingest.readers import read_bytes, read_paths

CFG = Config()


def _one(data: bytes, name: str = "x"):  # type: ignore[no-untyped-def]
    docs = list(read_bytes(data, name=name, uri=None, config=CFG))
    assert len(docs) == 1
    return docs[0]


def test_empty_input_becomes_an_error_record_with_a_reason() -> None:
    doc = _one(b"  \n\t ")
    assert doc.errors[0].code == "E101"
    assert "empty" in doc.errors[0].message


def test_binary_input_is_refused_with_a_reason() -> None:
    doc = _one(bytes(range(256)) * 20)
    assert doc.errors[0].code == "E102"


def test_latin1_text_is_decoded_and_flagged() -> None:
    doc = _one("Le café près de Kharkiv".encode("latin-1"))
    assert doc.raw_text == "Le café près de Kharkiv"
    assert doc.flags.decoding == "cp1252"
    assert [e.code for e in doc.errors] == ["W103"]


def test_utf16_without_bom_is_read_as_text() -> None:
    doc = _one("Troops moved to Odesa on Monday.".encode("utf-16-le"))
    assert doc.raw_text == "Troops moved to Odesa on Monday."


def test_html_is_recognised_by_content_not_extension() -> None:
    doc = _one(b"<!doctype html><html><body><p>Tanks seen near Kupiansk.</p></body></html>")
    assert doc.kind == "html"


def test_jsonl_rows_become_documents_and_bad_rows_error_records() -> None:
    rows = [
        json.dumps(
            {
                "id": "a1",
                "text": "Warships passed the strait.",
                "url": "http://x/a",
                "title": "A",
                "published": "2024-05-01",
            }
        ),
        "{not json",
        json.dumps({"id": "a3", "html": "<html><body><p>Convoy seen.</p></body></html>"}),
        json.dumps({"id": "a4", "body": "no text field"}),
    ]
    docs = list(read_bytes("\n".join(rows).encode(), name="feed", uri=None, config=CFG))
    assert [d.name for d in docs] == ["a1", "feed-2", "a3", "feed-4"]
    assert docs[0].source.published == "2024-05-01" and docs[0].source.uri == "http://x/a"
    assert docs[1].errors[0].code == "E104" and "line 2" in docs[1].errors[0].message
    assert docs[2].kind == "html"
    assert docs[3].errors[0].code == "E104"


def test_folders_are_read_recursively_and_globs_expand(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Troops left Kherson.")
    (tmp_path / "sub" / "b.txt").write_text("Troops reached Mykolaiv.")
    assert sorted(d.name for d in read_paths([str(tmp_path)])) == ["a", "b"]
    assert [d.name for d in read_paths([str(tmp_path / "*.txt")])] == ["a"]


def test_missing_path_becomes_an_error_record(tmp_path: Path) -> None:
    docs = list(read_paths([str(tmp_path / "nope.txt")]))
    assert docs[0].errors[0].code == "E100"


def test_oversized_input_is_cut_and_flagged() -> None:
    small = Config(max_input_bytes=1000)
    docs = list(read_bytes(b"Troops moved. " * 200, name="big", uri=None, config=small))
    assert len(docs[0].raw_text) == 1000
    assert docs[0].flags.truncated
    assert any(e.code == "W105" for e in docs[0].errors)


def test_same_text_gets_the_same_id() -> None:
    assert _one(b"Same words.").id == _one(b"Same words.", name="other").id

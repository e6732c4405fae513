"""Hostile inputs at the readers: each gives its own error record (or a repaired, flagged
document) with the input and the line or record, and the inputs after it are still read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.ingest import paths as ingest_paths
from sitrep.ingest.decode import decode
from sitrep.ingest.metadata import coerce_published, coerce_text, coerce_url
from sitrep.ingest.readers import read_bytes, read_paths
from tests.run.hostile import HOSTILE, write_hostile

CFG = Config()


def _read(data: bytes, name: str = "x"):  # type: ignore[no-untyped-def]
    return list(read_bytes(data, name=name, uri=f"{name}.in", config=CFG))


def test_every_hostile_input_has_its_own_record_naming_where_it_was(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    (tmp_path / "zz-after.txt").write_text("Artillery was moved to Sumy on Friday, officials said.")
    docs = list(read_paths([str(tmp_path)]))
    for what, (name, code, where) in HOSTILE.items():
        mine = [
            e
            for d in docs
            if d.name == name or name == "locked" and d.name.startswith("locked")
            for e in d.errors
            if e.code == code
        ]
        assert mine, f"no {code} record for {what}"
        assert any(where in e.message for e in mine), (what, mine)
    assert docs[-1].name == "zz-after" and not docs[-1].errors  # read on after all of them
    assert all("\x00" not in d.raw_text for d in docs)


def test_several_bad_lines_in_one_file_keep_one_record_each() -> None:
    lines = [json.dumps({"id": "ok", "text": "Tanks crossed at Kherson."}), "{broken",
             json.dumps({"no": "text"}), "[1, 2]", '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"]
    docs = _read("\n".join(lines).encode(), name="rows")
    bad = [d for d in docs if not d.raw_text]
    assert [d.name for d in bad] == ["rows-2", "rows-3", "rows-4", "rows-5"]
    assert len({d.id for d in bad}) == 4  # four rows in the errors table, not one
    for n, doc in zip((2, 3, 4, 5), bad, strict=True):
        assert f"line {n}" in doc.errors[0].message
    assert "nested too deeply" in bad[-1].errors[0].message


def test_json_lines_split_on_newlines_only() -> None:
    row = json.dumps({"text": "Ships left\u2028the port of Odesa."}, ensure_ascii=False)
    docs = _read(row.encode())
    assert len(docs) == 1 and "\u2028" in docs[0].raw_text


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("2024-05-01", "2024-05-01"),
        ("2024-05-01T10:30:00Z", "2024-05-01T10:30:00+00:00"),
        ("Wed, 01 May 2024 10:30:00 GMT", "2024-05-01T10:30:00+00:00"),
        ("2024-13-45", None),
        ("yesterday", None),
        ("0001-01-01", None),
        (20240501, None),
        ({"y": 2024}, None),
    ],
)
def test_published_must_be_a_real_date(value: object, kept: str | None) -> None:
    got, note = coerce_published(value)
    assert got == kept
    assert bool(note) == (kept is None)


def test_titles_and_urls_are_coerced_or_dropped_with_a_note() -> None:
    assert coerce_text("title", 12, 100) == ("12", "title is a number: kept as the text '12'")
    assert coerce_text("title", ["a"], 100)[0] is None
    assert coerce_text("title", float("nan"), 100)[0] is None
    assert coerce_text("title", "A\x00B \ud800", 100)[0] == "AB \ufffd"
    assert coerce_url("https://example.test/a?b=1") == ("https://example.test/a?b=1", "")
    assert coerce_url("javascript:alert(1)")[0] is None
    assert coerce_url(["http://x"])[0] is None


def test_a_row_with_bad_metadata_is_kept_with_a_warning() -> None:
    row = {"id": "r1", "text": "Drones struck a depot.", "title": {"a": 1}, "published": 5}
    (doc,) = _read(json.dumps(row).encode())
    assert doc.raw_text and doc.source.title is None and doc.source.published is None
    assert [e.code for e in doc.errors] == ["W108", "W108"]


def test_nul_bytes_and_lone_surrogates_are_repaired_and_flagged() -> None:
    late = b"Columns of trucks waited at the border crossing. " * 200 + b"\x00end."
    (doc,) = _read(late)
    assert "\x00" not in doc.raw_text and doc.raw_text.endswith("end.")
    assert [e.code for e in doc.errors] == ["W107"]
    (row,) = _read(b'{"text": "half \\ud800 pair and a NUL \\u0000 here"}')
    assert row.raw_text == "half \ufffd pair and a NUL  here"
    assert "1 NUL" in row.errors[0].message and "1 lone surrogate" in row.errors[0].message


def test_all_nul_input_is_binary_not_utf16() -> None:
    (doc,) = _read(b"\x00" * 10_000)
    assert doc.errors[0].code == "E102"
    (text,) = _read("Troops moved to Odesa.".encode("utf-16-le"))
    assert text.raw_text == "Troops moved to Odesa."


def test_special_files_are_refused_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    docs = list(read_paths([str(tmp_path / "pipe"), "/dev/zero", str(tmp_path)]))
    assert [d.errors[0].code for d in docs] == ["E106", "E106", "E106"]
    assert "FIFO" in docs[0].errors[0].message and "character device" in docs[1].errors[0].message


def test_a_folder_that_cannot_be_listed_is_an_error_record(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Troops left Kherson.")
    (tmp_path / "sealed").mkdir()
    (tmp_path / "z.txt").write_text("Troops reached Mykolaiv.")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "sealed":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(ingest_paths.os, "scandir", scandir)
    docs = list(read_paths([str(tmp_path)]))
    assert [d.name for d in docs] == ["a", "sealed", "z"]
    assert docs[1].errors[0].code == "E100" and "Permission denied" in docs[1].errors[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists every folder whatever its mode")
def test_an_unreadable_subfolder_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "sealed").mkdir()
    (tmp_path / "sealed" / "inside.txt").write_text("Hidden.")
    (tmp_path / "sealed").chmod(0)
    try:
        docs = list(read_paths([str(tmp_path)]))
    finally:
        (tmp_path / "sealed").chmod(0o755)
    assert [(d.name, d.errors[0].code) for d in docs] == [("sealed", "E100")]


def test_a_file_name_that_is_not_utf8_is_read_and_flagged(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"r\xe9sum\xe9.txt"), "wb") as fh:
        fh.write(b"Ships were seen near Sevastopol.")
    (doc,) = read_paths([str(tmp_path)])
    assert doc.raw_text == "Ships were seen near Sevastopol."
    assert doc.name == "r\ufffdsum\ufffd" and doc.source.uri and "\ufffd" in doc.source.uri
    assert [e.code for e in doc.errors] == ["W109"]


def test_a_long_doctype_does_not_hide_an_atom_feed(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    docs = [d for d in read_paths([str(tmp_path / "atom.xml")])]
    assert [d.name for d in docs] == ["atom-1", "atom-2"]
    assert docs[0].source.published == "2024-04-01" and "Patrol boats" in docs[0].raw_text


def test_xml_that_is_no_feed_is_refused_not_read_as_text() -> None:
    (doc,) = _read(b'<?xml version="1.0"?><catalog><item>Not news</item></catalog>')
    assert doc.errors[0].code == "E100" and "not a feed" in doc.errors[0].message


def test_legacy_codecs_are_recognised() -> None:
    russian = "Колонна техники двигалась к Харькову в понедельник, сообщили чиновники."
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")
    assert decode(russian.encode("koi8-r")) == (russian, "koi8_r")
    french = "Les troupes ont quitté la région près de Kharkiv après une semaine difficile."
    assert decode(french.encode("cp1252")) == (french, "cp1252")


def test_a_warc_record_with_an_absurd_length_is_an_error_record(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    docs = list(read_paths([str(tmp_path / "absurd.warc"), str(tmp_path / "short.warc")]))
    assert [d.name for d in docs] == ["absurd-1", "absurd-2", "short-1", "short-2"]
    assert "Content-Length is too large" in docs[1].errors[0].message
    assert docs[3].raw_text and docs[3].errors[0].code == "W111"

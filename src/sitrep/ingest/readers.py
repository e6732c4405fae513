"""Readers: paths, folders, globs and stdin in; `Document`s (or error records) out.

Every input yields something: a document to analyse, or a document that carries an error
record saying why it could not be read. Nothing raises out of a reader for one bad input: a
failure while reading one input becomes that input's error record and the next input is read.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitrep.config import Config
from sitrep.errors import Code, message
from sitrep.ingest.decode import decode
from sitrep.ingest.detect import sniff
from sitrep.ingest.failures import error_doc, location
from sitrep.ingest.feeds import read_feed
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.paths import expand, refuse_special, special_file_error
from sitrep.ingest.storable import new_document, storable
from sitrep.ingest.warc import read_warc
from sitrep.records import Document

HEAD_BYTES = 8192
MAX_NUL_SHARE = 0.05  # a decoded text with more NULs than this is binary data, not an article

__all__ = ["read_bytes", "read_file", "read_paths"]


def read_paths(paths: Iterable[str], config: Config | None = None) -> Iterator[Document]:
    config = config or Config()
    for item in expand(paths):
        if isinstance(item, Document):
            yield item
        elif item is None:
            yield from _guarded(lambda: _read_stdin(config), "stdin", "stdin")
        else:
            yield from read_file(item, config)


def read_file(path: Path, config: Config) -> Iterator[Document]:
    """The documents of one file; a file name that is not UTF-8 is read and flagged (W109)."""
    name, uri = storable(path.stem or str(path)), storable(str(path))
    renamed = uri != str(path)
    for doc in _guarded(lambda: _read_file(path, name, uri, config), name, uri):
        if renamed and doc.raw_text:
            detail = f"{uri!r} (undecodable bytes shown as \ufffd)"
            doc.fail("read", Code.BAD_FILE_NAME, message(Code.BAD_FILE_NAME, detail))
        yield doc


def _guarded(read: Callable[[], Iterator[Document]], name: str, uri: str) -> Iterator[Document]:
    """The documents `read` yields; if it fails, an error record for the rest of that input."""
    n = 0
    try:
        for doc in read():
            n += 1
            yield doc
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the run
        detail = f"{uri}: reading stopped after {n} documents: {type(exc).__name__}: {exc}"
        yield error_doc(f"{name}-failed", uri, Code.READ_FAILED, detail)


def _read_stdin(config: Config) -> Iterator[Document]:
    data = sys.stdin.buffer.read(config.max_input_bytes + 1)
    yield from read_bytes(data, name="stdin", uri="stdin", config=config)


def _read_file(path: Path, name: str, uri: str, config: Config) -> Iterator[Document]:
    refused = refuse_special(path, name)
    if refused is not None:
        yield refused
        return
    try:
        # O_NONBLOCK: should the path turn into a FIFO after the check, open does not hang
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):
                yield special_file_error(path, name, mode) or error_doc(name, uri, Code.READ_FAILED)
                return
            head = fh.read(HEAD_BYTES)
            if sniff(head) == "warc":
                fh.seek(0)
                yield from read_warc(fh, name=name, uri=uri)
                return
            data = head + fh.read(max(config.max_input_bytes + 1 - len(head), 0))
    except OSError as exc:
        yield error_doc(name, uri, Code.READ_FAILED, f"{uri}: {exc.strerror or exc}")
        return
    yield from read_bytes(data, name=name, uri=uri, config=config)


def read_bytes(data: bytes, *, name: str, uri: str | None, config: Config) -> Iterator[Document]:
    """Documents from the bytes of one input (several for JSON Lines and feeds)."""
    truncated = len(data) > config.max_input_bytes
    data = data[: config.max_input_bytes]
    kind = sniff(data[:HEAD_BYTES])
    if kind == "empty":
        yield error_doc(name, uri, Code.EMPTY_INPUT)
        return
    if kind == "binary":
        yield error_doc(name, uri, Code.BINARY_INPUT, f"{len(data):,} bytes")
        return
    text, fallback = decode(data)
    if text.count("\x00") > len(text) * MAX_NUL_SHARE:
        yield error_doc(name, uri, Code.BINARY_INPUT, f"{text.count(chr(0)):,} NUL bytes")
        return
    if kind == "jsonl":
        yield from read_jsonl(text, name=name, uri=uri)
        return
    if kind == "feed":
        yield from read_feed(text, name=name, uri=uri)
        return
    doc = new_document(
        text, name=name, kind="html" if kind == "html" else "text", uri=uri, where=location(uri)
    )
    if fallback:
        doc.flags.decoding = fallback
        doc.fail(
            "read", Code.DECODE_FALLBACK, message(Code.DECODE_FALLBACK, f"decoded as {fallback}")
        )
    if truncated:
        doc.flags.truncated = True
        doc.fail(
            "read",
            Code.TOO_LARGE,
            message(Code.TOO_LARGE, f"read the first {config.max_input_bytes:,} bytes"),
        )
    yield doc

"""Readers: paths, folders, globs and stdin in; `Document`s (or error records) out.

Every input yields something: a document to analyse, or a document that carries an error
record saying why it could not be read. Nothing raises out of a reader for one bad input.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.config import Config
from sitrep.errors import Code, message
from sitrep.ingest.decode import decode
from sitrep.ingest.detect import detect_kind, sniff
from sitrep.records import Document, content_id


def expand(paths: Iterable[str]) -> Iterator[Path | None]:
    """Files named by paths, folders (recursive, sorted) and globs; None stands for stdin."""
    for p in paths:
        if p == "-":
            yield None
            continue
        path = Path(p)
        if path.is_dir():
            yield from sorted(
                f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
            )
        elif any(ch in p for ch in "*?[") and not path.exists():
            yield from (Path(m) for m in sorted(glob.glob(p, recursive=True)) if Path(m).is_file())
        else:
            yield path


def error_doc(
    name: str, uri: str | None, code: Code, detail: str = "", step: str = "read"
) -> Document:
    """A document that only says why an input could not be read."""
    doc = Document(id=content_id(f"error:{uri or name}:{code}"), raw_text="", name=name)
    doc.source.uri = uri
    doc.fail(step, code, message(code, detail))
    return doc


def read_paths(paths: Iterable[str], config: Config | None = None) -> Iterator[Document]:
    config = config or Config()
    for path in expand(paths):
        if path is None:
            data = sys.stdin.buffer.read(config.max_input_bytes + 1)
            yield from read_bytes(data, name="stdin", uri="stdin", config=config)
            continue
        try:
            with path.open("rb") as fh:
                head = fh.read(8192)
                kind = sniff(head)
                if kind == "warc":
                    fh.seek(0)
                    from sitrep.ingest.warc import read_warc

                    yield from read_warc(fh, name=path.stem, uri=str(path))
                    continue
                data = head + fh.read(max(config.max_input_bytes + 1 - len(head), 0))
        except OSError as exc:
            yield error_doc(path.stem or str(path), str(path), Code.READ_FAILED, str(exc))
            continue
        yield from read_bytes(data, name=path.stem, uri=str(path), config=config)


def read_bytes(data: bytes, *, name: str, uri: str | None, config: Config) -> Iterator[Document]:
    """Documents from the bytes of one input (several for JSON Lines and feeds)."""
    truncated = len(data) > config.max_input_bytes
    data = data[: config.max_input_bytes]
    kind = sniff(data[:8192])
    if kind == "empty":
        yield error_doc(name, uri, Code.EMPTY_INPUT)
        return
    if kind == "binary":
        yield error_doc(name, uri, Code.BINARY_INPUT, f"{len(data):,} bytes")
        return
    text, fallback = decode(data)
    if kind == "jsonl":
        yield from read_jsonl(text, name=name, uri=uri)
        return
    if kind == "feed":
        from sitrep.ingest.feeds import read_feed

        yield from read_feed(text, name=name, uri=uri)
        return
    doc = Document.from_raw(text, name=name, kind="html" if kind == "html" else "text", uri=uri)
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


def read_jsonl(text: str, *, name: str, uri: str | None) -> Iterator[Document]:
    """One article per line: {"text" | "html", optional "id", "url", "title", "published"}."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        row_name = f"{name}-{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield error_doc(row_name, uri, Code.BAD_JSONL, f"line {lineno}: {exc.msg}")
            continue
        body = row.get("html") or row.get("text") if isinstance(row, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield error_doc(row_name, uri, Code.BAD_JSONL, f"line {lineno} has no text or html")
            continue
        kind = "html" if row.get("html") else detect_kind(body)
        doc = Document.from_raw(
            body, name=str(row.get("id") or row_name), kind=kind, uri=row.get("url") or uri
        )
        doc.source.title = row.get("title")
        doc.source.published = row.get("published")
        yield doc

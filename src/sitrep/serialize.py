"""A whole `Document` to a plain dict and back (Parquet shards, worker hand-off)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from sitrep.offsets import OffsetMap, Piece
from sitrep.records import Document


def document_to_dict(doc: Document) -> dict[str, Any]:
    d = {
        f.name: getattr(doc, f.name)
        for f in dataclasses.fields(doc)
        if f.name not in ("nlp", "offsets")
    }
    out = {k: _plain(v) for k, v in d.items()}
    out["offsets"] = [[p.start, p.end, p.src_start, p.src_end] for p in doc.offsets.pieces]
    return out


def document_from_dict(d: dict[str, Any]) -> Document:
    doc = _build(Document, {k: v for k, v in d.items() if k != "offsets"})
    doc.offsets = OffsetMap([Piece(*p) for p in d.get("offsets", [])], len(doc.raw_text))
    return doc


def document_to_json(doc: Document) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False)


def document_from_json(s: str) -> Document:
    return document_from_dict(json.loads(s))


def _plain(v: Any) -> Any:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def _build(tp: Any, value: Any) -> Any:
    """Rebuild a value of type `tp` (dataclass, list, dict, optional) from plain data."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], value) if len(args) == 1 else value
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_build(arg, x) for x in value]
    if origin is dict:
        _, arg = typing.get_args(tp)
        return {k: _build(arg, x) for k, x in value.items()}
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], value[f.name])
            for f in dataclasses.fields(tp)
            if f.name in value and f.init
        }
        return tp(**kwargs)  # type: ignore[operator]
    return value

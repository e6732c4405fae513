"""The write endpoint: run the pipeline on one posted article and store it.

Writes are off unless the server has a token (SITREP_API_TOKEN); then every write must carry it,
as `Authorization: Bearer <token>` or `X-Sitrep-Token: <token>`.
"""

from __future__ import annotations

import hmac
import json
import re
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from sitrep.api.edge import CONTROL
from sitrep.api.errors import ApiError, ErrorResponse
from sitrep.api.params import MAX_DATE, MIN_DATE
from sitrep.api.worker import WorkersBusy, shared_workers
from sitrep.config import Config
from sitrep.errors import Code
from sitrep.ingest.step import detect_kind
from sitrep.records import Document

INGEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "The article as plain text."},
        "html": {"type": "string", "description": "The article as an HTML page."},
        "name": {"type": "string", "maxLength": 200, "description": "A name for the document."},
        "uri": {"type": "string", "maxLength": 2000},
        "title": {"type": "string", "maxLength": 1000},
        "published": {"type": "string", "maxLength": 40, "description": "ISO date."},
    },
}

router = APIRouter(prefix="/api")


def check_token(request: Request) -> None:
    """Writes need the server's token; without one configured they are off."""
    token: str | None = request.app.state.token
    if not token:
        raise ApiError(403, "write endpoints are off: start the server with SITREP_API_TOKEN set "
                            "and send it as 'Authorization: Bearer <token>'",
                       code="writes_disabled")
    auth = request.headers.get("authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else \
        request.headers.get("x-sitrep-token", "")
    if not given:
        raise ApiError(401, "this endpoint needs the API token: send 'Authorization: Bearer "
                            "<token>' (the value of SITREP_API_TOKEN)", code="token_missing")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "the API token is wrong: send the value of SITREP_API_TOKEN the "
                            "server was started with", code="token_invalid")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it grows past the limit."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"the body is larger than {limit:,} bytes: split the article or ingest "
                         "large inputs with `sitrep ingest`", code="body_too_large")


def parse_article(body: bytes, content_type: str) -> dict[str, Any]:
    """The article and its metadata from a JSON object or a raw text/HTML body."""
    media = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "the body is not UTF-8 text: send UTF-8", code="bad_encoding") from exc
    if media in ("text/plain", "text/html", "application/xhtml+xml"):
        art: dict[str, Any] = {"html" if "html" in media else "text": text}
    elif media in ("application/json", ""):
        art = parse_json_object(text)
    else:
        raise ApiError(415, f"cannot ingest {media}: send application/json, text/plain or "
                            "text/html", code="unsupported_media_type")
    for key, spec in INGEST_SCHEMA["properties"].items():
        check_field(key, art.get(key), spec)
    body_text = art.get("html") or art.get("text")
    if not body_text or not body_text.strip():
        raise ApiError(422, "nothing to ingest: give the article in 'text' or 'html'",
                       code="invalid_parameter")
    return art


def parse_json_object(text: str) -> dict[str, Any]:
    try:
        art = json.loads(text)
    except RecursionError as exc:
        raise ApiError(400, "the JSON body is nested too deeply: send one flat object with "
                            "'text' or 'html'", code="bad_json") from exc
    except ValueError as exc:
        raise ApiError(400, f"the body is not valid JSON ({exc}): send an object with 'text' "
                            "or 'html'", code="bad_json") from exc
    if not isinstance(art, dict):
        raise ApiError(400, "the JSON body must be an object with 'text' or 'html'",
                       code="bad_json")
    return art


SURROGATE = re.compile(r"[\ud800-\udfff]")


def check_field(key: str, value: Any, spec: dict[str, Any]) -> None:
    """A field as INGEST_SCHEMA describes it: a string, within its maxLength, storable text."""
    if value is None:
        return
    if not isinstance(value, str):
        raise ApiError(422, f"'{key}' must be a string", code="invalid_parameter")
    if len(value) > spec.get("maxLength", len(value)):
        raise ApiError(422, f"'{key}' is longer than {spec['maxLength']:,} characters: shorten "
                            "it", code="invalid_parameter")
    if SURROGATE.search(value):
        raise ApiError(422, f"'{key}' holds a lone surrogate (such as \\ud800), which is not "
                            "a character: send valid Unicode", code="invalid_parameter")
    article = key in ("text", "html")  # the article itself may hold tabs and line breaks
    if ("\x00" in value) if article else CONTROL.search(value):
        raise ApiError(422, f"'{key}' holds a control character (such as NUL): send printable "
                            "text", code="invalid_parameter")
    if key == "published" and not iso_date(value):
        raise ApiError(422, f"'published' is not an ISO date: {value!r}; send YYYY-MM-DD",
                       code="invalid_parameter")


def iso_date(value: str) -> bool:
    try:
        day = datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return False
    return MIN_DATE <= day <= MAX_DATE


@router.post("/ingest", status_code=201, summary="Extract one article and store it",
             responses={c: {"model": ErrorResponse} for c in (400, 401, 403, 413, 415, 422, 503)},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": INGEST_SCHEMA},
                 "text/plain": {"schema": {"type": "string"}},
                 "text/html": {"schema": {"type": "string"}}}}})
async def ingest(request: Request) -> dict[str, Any]:
    """Run the whole pipeline on the posted article, store it and return the stored document.

    The article is analysed in a worker process under the per-document time limit; one that
    takes longer is answered with 422 (`document_timeout`) and not stored."""
    check_token(request)
    state = request.app.state
    body = await read_body(request, state.max_body_bytes)
    art = parse_article(body, request.headers.get("content-type", ""))
    doc = await run_in_threadpool(analyse, state.config, art)
    doc_id = await run_in_threadpool(store_and_resolve, state, doc)
    from sitrep.api.routes import get_document

    with state.store.engine.connect() as conn:
        return get_document(conn, doc_id)


def analyse(config: Config, art: dict[str, Any]) -> Document:
    """The posted article through the pipeline, in a worker, within the per-document limit."""
    raw = art.get("html") or art.get("text") or ""
    doc = Document.from_raw(raw, name=art.get("name") or "", kind=detect_kind(raw),
                            uri=art.get("uri"))
    workers = shared_workers(config)
    try:
        doc = workers.process(doc)
    except WorkersBusy as exc:
        raise ApiError(503, f"{exc}: the server is busy with other articles; retry in a minute",
                       code="busy") from exc
    if any(e.code == Code.TIMEOUT for e in doc.errors):
        raise ApiError(422, f"analysing this article took longer than the per-document limit of "
                            f"{workers.limit_s:g} s, so it was stopped and not stored: split it "
                            "into articles, or ingest it with `sitrep ingest`",
                       code="document_timeout")
    if art.get("title") and not doc.source.title:
        doc.source.title = art["title"]
    if art.get("published") and not doc.source.published:
        doc.source.published = art["published"]
    return doc


def store_and_resolve(state: Any, doc: Document) -> str:
    """Upsert the document and resolve around it (one writer at a time; analysis is outside)."""
    from sitrep.resolve.step import resolve_store

    with state.write_lock:
        written = state.store.upsert(doc)
        if written.get("set_aside"):  # the store refused it: say why, and store nothing more
            why = next((e.message for e in doc.errors if e.code == Code.WRITE_FAILED), "")
            raise ApiError(422, f"the store refused this article: {why}", code="not_stored")
        resolve_store(state.store, [doc.id])  # copies, incidents and the ledger see it at once
    return doc.id

"""The write endpoint: run the pipeline on one posted article and store it.

Writes are off unless the server has a token (SITREP_API_TOKEN); then every write must carry it,
as `Authorization: Bearer <token>` or `X-Sitrep-Token: <token>`.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from sitrep.api.errors import ApiError, ErrorResponse

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
        try:
            art = json.loads(text)
        except ValueError as exc:
            raise ApiError(400, f"the body is not valid JSON ({exc}): send an object with 'text' "
                                "or 'html'", code="bad_json") from exc
        if not isinstance(art, dict):
            raise ApiError(400, "the JSON body must be an object with 'text' or 'html'",
                           code="bad_json")
    else:
        raise ApiError(415, f"cannot ingest {media}: send application/json, text/plain or "
                            "text/html", code="unsupported_media_type")
    for key in ("text", "html", "name", "uri", "title", "published"):
        if art.get(key) is not None and not isinstance(art[key], str):
            raise ApiError(422, f"'{key}' must be a string", code="invalid_parameter")
    body_text = art.get("html") or art.get("text")
    if not body_text or not body_text.strip():
        raise ApiError(422, "nothing to ingest: give the article in 'text' or 'html'",
                       code="invalid_parameter")
    return art


@router.post("/ingest", status_code=201, summary="Extract one article and store it",
             responses={c: {"model": ErrorResponse} for c in (400, 401, 403, 413, 415, 422)},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": INGEST_SCHEMA},
                 "text/plain": {"schema": {"type": "string"}},
                 "text/html": {"schema": {"type": "string"}}}}})
async def ingest(request: Request) -> dict[str, Any]:
    """Run the whole pipeline on the posted article, store it and return the stored document."""
    check_token(request)
    body = await read_body(request, request.app.state.max_body_bytes)
    art = parse_article(body, request.headers.get("content-type", ""))
    doc_id = await run_in_threadpool(process_and_store, request.app.state, art)
    from sitrep.api.routes import get_document

    with request.app.state.store.engine.connect() as conn:
        return get_document(conn, doc_id)


def process_and_store(state: Any, art: dict[str, Any]) -> str:
    """Run the pipeline (one document at a time: the models are shared) and upsert the result."""
    import sitrep

    raw = art.get("html") or art.get("text") or ""
    with state.pipeline_lock:
        doc = sitrep.process(raw, name=art.get("name") or "", uri=art.get("uri"))
    if art.get("title") and not doc.source.title:
        doc.source.title = art["title"]
    if art.get("published") and not doc.source.published:
        doc.source.published = art["published"]
    state.store.upsert(doc)
    from sitrep.resolve.step import resolve_store

    resolve_store(state.store, [doc.id])  # copies, incidents and the ledger see it at once
    return doc.id

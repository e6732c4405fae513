"""The web application: the REST API under /api, OpenAPI at /docs, the web UI at /."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

import sitrep
from sitrep.api import ingest, resolve_routes, routes
from sitrep.api.errors import error_response, install_error_handlers
from sitrep.api.params import MAX_PAGE
from sitrep.store.db import Store
from sitrep.store.queries import ensure_read_indexes

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
MAX_BODY_BYTES = 2 * 1024 * 1024


class BodyLimit:
    """Refuses a request whose declared body is larger than the limit, before reading it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = dict(scope.get("headers") or []).get(b"content-length", b"")
            if length.isdigit() and int(length) > self.limit:
                resp = error_response(413, f"the body is larger than {self.limit:,} bytes: split "
                                           "the article or ingest large inputs with `sitrep "
                                           "ingest`", code="body_too_large")
                await resp(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(db_url: str, token: str | None = None, *,
               max_body_bytes: int = MAX_BODY_BYTES, tile_url: str | None = None,
               read_only: bool = False) -> FastAPI:
    """The API and UI over the store at `db_url`; writes need `token` (or SITREP_API_TOKEN).
    `read_only` opens an existing store without writing to it (`sitrep serve` without a token)."""
    store = Store(db_url, read_only=read_only)
    if not store.read_only:
        ensure_read_indexes(store.engine)
    app = FastAPI(title="sitrep", version=sitrep.__version__,
                  description="Movements, claims and quotes read from conflict news, each with "
                              "the evidence it was read from. Errors share one shape: "
                              '`{"error": {"status", "code", "message", "details"}}`.')
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get("SITREP_API_TOKEN") or None
    app.state.max_body_bytes = max_body_bytes
    app.state.pipeline_lock = threading.Lock()
    app.state.tile_url = tile_url or os.environ.get("SITREP_TILE_URL") or None
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(resolve_routes.router)

    @app.get("/api/config", summary="What the UI needs to know about this server")
    def get_config(request: Request) -> dict[str, Any]:
        return {"version": sitrep.__version__, "writes_enabled": bool(request.app.state.token),
                "max_page": MAX_PAGE, "max_body_bytes": request.app.state.max_body_bytes,
                "tile_url": request.app.state.tile_url,
                "tile_attribution": os.environ.get("SITREP_TILE_ATTRIBUTION", "")}

    @app.get("/api/health", summary="Liveness and row counts")
    def health(request: Request) -> dict[str, Any]:
        return {"status": "ok", "counts": request.app.state.store.counts()}

    if (STATIC / "index.html").is_file():
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="web")
    return app

"""The web application: the REST API under /api, OpenAPI at /docs, the web UI at /."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

import sitrep
from sitrep.api import ingest, resolve_routes, routes, speakers
from sitrep.api.docs import install_docs
from sitrep.api.edge import (
    LOOPBACK_HOSTS,
    BodyLimit,
    ControlCharacters,
    HostGuard,
    SecurityHeaders,
    content_security_policy,
)
from sitrep.api.errors import install_error_handlers
from sitrep.api.params import MAX_PAGE
from sitrep.api.worker import shared_workers
from sitrep.config import Config
from sitrep.store.db import Store
from sitrep.store.queries import ensure_read_indexes

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
MAX_BODY_BYTES = 2 * 1024 * 1024


def allowed_hosts(bind_host: str | None) -> list[str]:
    """The host names the server answers to: loopback, the one it is bound to, and any listed
    in SITREP_ALLOWED_HOSTS (comma-separated; '*' for any, behind a proxy that checks them)."""
    extra = os.environ.get("SITREP_ALLOWED_HOSTS", "").split(",")
    return [*LOOPBACK_HOSTS, *([bind_host] if bind_host else []), *extra]


@asynccontextmanager
async def start_workers(app: FastAPI) -> AsyncIterator[None]:
    """With writes on, the pipeline workers start loading their models as the server starts."""
    if app.state.token:
        shared_workers(app.state.config)
    yield


def create_app(db_url: str, token: str | None = None, *,
               max_body_bytes: int = MAX_BODY_BYTES, tile_url: str | None = None,
               read_only: bool = False, host: str | None = None,
               config: Config | None = None) -> FastAPI:
    """The API and UI over the store at `db_url`; writes need `token` (or SITREP_API_TOKEN).

    `read_only` opens an existing store without writing to it (`sitrep serve` without a token);
    `host` is the interface it is served on (a name it answers to besides loopback); `config`
    is the pipeline's for posted articles (its per-document time limit among them)."""
    store = Store(db_url, read_only=read_only)
    if not store.read_only:
        ensure_read_indexes(store.engine)
    app = FastAPI(title="sitrep", version=sitrep.__version__, docs_url=None, redoc_url=None,
                  swagger_ui_oauth2_redirect_url=None, lifespan=start_workers,
                  description="Movements, claims and quotes read from conflict news, each with "
                              "the evidence it was read from. Errors share one shape: "
                              '`{"error": {"status", "code", "message", "details"}}`.')
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get("SITREP_API_TOKEN") or None
    app.state.max_body_bytes = max_body_bytes
    app.state.config = config or Config()
    app.state.write_lock = threading.Lock()
    app.state.tile_url = tile_url or os.environ.get("SITREP_TILE_URL") or None
    install_error_handlers(app)
    script_hashes = install_docs(app)
    # the last added runs first: headers on every answer, then the host, then the request
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(ControlCharacters)
    app.add_middleware(HostGuard, hosts=allowed_hosts(host))
    app.add_middleware(SecurityHeaders,
                       csp=content_security_policy(script_hashes, app.state.tile_url))
    app.include_router(resolve_routes.router)  # before /{kind}.csv: /tracks.csv is its own
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(speakers.router)

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

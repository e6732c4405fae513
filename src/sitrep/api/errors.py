"""One JSON error shape for every error the API returns, each with a message that says what to do.

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
         422: "invalid_parameter", 500: "internal_error", 503: "unavailable"}

# a hint for the parameters whose limits people run into
HINTS = {"limit": "use next_cursor from the response to page through more",
         "date_from": "dates are YYYY-MM-DD", "date_to": "dates are YYYY-MM-DD",
         "min_confidence": "confidence is between 0 and 1"}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error to answer with: an HTTP status, a stable code and a message that says what to do."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details or []


def error_response(status: int, message: str, code: str | None = None,
                   details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code or CODES.get(status, "error"),
                      "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, headers=headers)


def describe_validation(errors: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """A readable message and plain details from pydantic's validation errors."""
    parts, details = [], []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ())]
        where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) > 1 else ".".join(loc)
        msg = f"{where}: {e.get('msg', 'invalid')}"
        hint = HINTS.get(loc[-1]) if loc else None
        if hint:
            msg += f" ({hint})"
        parts.append(msg)
        details.append({"loc": loc, "message": e.get("msg", ""), "type": e.get("type", "")})
    return "; ".join(parts) + ". See /docs for the parameters each endpoint takes.", details


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the one error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        message, details = describe_validation(list(exc.errors()))
        return error_response(422, message, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(req: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            message = (f"nothing at {req.url.path}; the API lives under /api "
                       "(see /docs), the web UI at /")
        elif exc.status_code == 405:
            message = f"{req.method} is not allowed on {req.url.path}; see /docs for its methods"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(req: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", req.method, req.url.path)
        return error_response(500, "internal error: this is a bug in sitrep; please report it "
                                   f"with the request ({req.method} {req.url.path})")

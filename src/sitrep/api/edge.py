"""What every request passes before a route, and the headers every response carries.

Pure ASGI middlewares, so they run before FastAPI parses anything: a Host the server does not
answer to (DNS rebinding), a control character in the path or a query parameter, a declared body
over the limit: each is refused in the one JSON error shape. The security headers go on every
response, the refusals included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.api.errors import error_response

# the names a browser on this machine uses for a server on the loopback interface
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# C0 and C1 control characters and DEL: never part of a filter, a name or a path
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers") or []:
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port (`[::1]:8000` -> `::1`)."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class HostGuard:
    """Answers only requests addressed to one of its host names; '*' among them allows any."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {host_name(h) for h in hosts if h.strip()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            name = host_name(_header(scope, b"host"))
            if name not in self.hosts:
                shown = ", ".join(sorted(self.hosts))
                resp = error_response(400, f"this server does not answer to the host name "
                                           f"{name!r}: open it as one of {shown}, or start it with "
                                           "SITREP_ALLOWED_HOSTS listing the names clients use",
                                      code="bad_host")
                await resp(scope, receive, send)
                return
        await self.app(scope, receive, send)


def control_character(scope: Scope) -> str | None:
    """Where the request's path or query holds a control character, or None when nowhere."""
    if CONTROL.search(scope.get("path", "")):
        return "the path"
    query = bytes(scope.get("query_string") or b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if CONTROL.search(name) or CONTROL.search(value):
            return f"the query parameter {CONTROL.sub('?', name)!r}"
    return None


class ControlCharacters:
    """Refuses a path or query parameter holding a control character (NUL, escape, DEL...)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        where = control_character(scope) if scope["type"] == "http" else None
        if where:
            resp = error_response(400, f"{where} holds a control character (such as %00): send "
                                       "printable text only", code="control_character")
            await resp(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses a request whose declared body is larger than the limit, before reading it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = _header(scope, b"content-length")
            if length.isdigit() and int(length) > self.limit:
                resp = error_response(413, f"the body is larger than {self.limit:,} bytes: split "
                                           "the article or ingest large inputs with `sitrep "
                                           "ingest`", code="body_too_large")
                await resp(scope, receive, send)
                return
        await self.app(scope, receive, send)


def tile_source(tile_url: str | None) -> str:
    """The CSP source for a Leaflet tile URL template (`{s}.tile.example.org` -> `*.tile...`)."""
    if not tile_url:
        return ""
    parts = urlsplit(re.sub(r"\{[^}]*\}", "*", tile_url))
    host = parts.hostname or ""
    if not parts.scheme or not re.fullmatch(r"(\*\.)?[a-z0-9.-]+", host):
        return f"{parts.scheme}:" if parts.scheme in ("http", "https") else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def content_security_policy(script_hashes: Iterable[str] = (), tile_url: str | None = None) -> str:
    """Everything from this server only: the UI, its vendored libraries and the API docs."""
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in script_hashes)])
    images = " ".join(s for s in ("'self'", "data:", tile_source(tile_url)) if s)
    return (f"default-src 'self'; script-src {scripts}; style-src 'self'; img-src {images}; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'self'")


class SecurityHeaders:
    """Adds the security headers to every response (CSP, no framing, no sniffing, no referrer)."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [(b"content-security-policy", csp.encode()),
                        (b"x-frame-options", b"DENY"),
                        (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"no-referrer")]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in self.headers if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)

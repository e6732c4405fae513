"""The API docs page (/docs) on the vendored Swagger UI: it works with no network at all."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

ASSETS = "/vendor/swagger-ui"  # served from web/static/vendor (scripts/vendor_web.sh)


def docs_page(title: str) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title=title,
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None})  # no spec validator badge from the web


def inline_script_hashes(html: str) -> list[str]:
    """The CSP hashes of a page's inline scripts, so the policy can allow exactly those."""
    return [base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            for body in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)]


def install_docs(app: FastAPI) -> list[str]:
    """Serve /docs from the vendored assets; returns the hashes its inline script needs."""
    html = bytes(docs_page(f"{app.title} API").body).decode()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(html)

    return inline_script_hashes(html)

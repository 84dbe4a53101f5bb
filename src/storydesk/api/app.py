"""The application factory: ``create_app(desk_url)`` gives the ASGI app ``storydesk serve`` runs.

Layers, outermost first: security headers, the time limit, the body limit, then FastAPI's
routing (the JSON API under /api, the pages, the static files).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware import Middleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from swagger_ui_bundle import swagger_ui_path

from storydesk import __version__, errors
from storydesk.api import errors as api_errors
from storydesk.api.config import DEFAULT_ANALYSIS_SLOTS, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S, ServeConfig
from storydesk.api.handlers import Handlers
from storydesk.api.limits import BodyLimit, SecurityHeaders, TimeLimit
from storydesk.api.routes import api_router
from storydesk.store import Desk
from storydesk.web.pages import page_router
from storydesk.web.render import STATIC

log = logging.getLogger(__name__)

DESCRIPTION = """News reports in, source-linked case files out.

Every item in a case file carries `evidence`: the article id and the character span `[start, end)`
of the cleaned text it was read from. Errors are `{"error": {"status", "code", "message"}}`; the
message says what to do. When the server has a token, every POST needs `Authorization: Bearer <token>`.
"""


def create_app(
    desk_url: str | None = None,
    *,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    analysis_slots: int = DEFAULT_ANALYSIS_SLOTS,
    allow_private: bool = False,
) -> FastAPI:
    """The storydesk web application over the desk at ``desk_url`` (a SQLite path or a
    database URL; else ``STORYDESK_DB``, else ``./storydesk.db``). ``token``, when given, is
    required for every write. ``allow_private`` lets URL analysis fetch from loopback and
    private networks, as ``storydesk add --allow-private``."""
    config = ServeConfig(
        desk_url=desk_url,
        token=token,
        max_body_bytes=max_body_bytes,
        timeout_s=timeout_s,
        analysis_slots=analysis_slots,
        allow_private=allow_private,
    )
    config.check()
    return app_for(config)


def app_for(config: ServeConfig) -> FastAPI:
    desk = Desk.open(config.desk_url)
    pending = desk.assign_pending()  # reports a killed run (or a desk older than stories) left out
    if pending:
        log.info("%d reports assigned to stories", pending)
    handlers = Handlers(config, desk)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("serving the desk at %s", desk.url)
        yield
        desk.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # served below from the swagger-ui-bundle package, not from a CDN
        redoc_url=None,
        title="storydesk",
        version=__version__,
        description=DESCRIPTION,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TimeLimit, seconds=config.timeout_s),
            Middleware(BodyLimit, limit=config.max_body_bytes),
        ],
    )
    app.add_exception_handler(errors.StorydeskError, api_errors.on_storydesk_error)
    app.add_exception_handler(HTTPException, api_errors.on_http_exception)
    app.add_exception_handler(RequestValidationError, api_errors.on_validation_error)
    app.add_exception_handler(Exception, api_errors.on_unexpected)
    app.include_router(api_router(handlers))
    app.include_router(page_router(handlers))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _offline_docs(app)
    app.state.config = config
    app.state.desk = desk
    return app


def _offline_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from the ``swagger-ui-bundle`` package on PyPI, so the API docs
    work on a machine with no internet (FastAPI's default loads them from a CDN)."""
    app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="storydesk API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

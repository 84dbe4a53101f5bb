"""storydesk's coded errors as HTTP responses.

Every error leaves the server as ``{"error": {"status": 422, "code": "E101", "message": "..."}}``
for the API, or as an HTML page with the same message for the pages. The message is the one
the CLI prints: it says what went wrong and what to do about it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import HTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request

from storydesk import errors
from storydesk.web.render import render_error_page

log = logging.getLogger(__name__)

_INTERNAL = "the server failed while handling this request; its log has the details. Please report it."


class CodedHTTPException(HTTPException):
    """An HTTPException that carries a storydesk error, so FastAPI's body parsing passes it through."""

    def __init__(self, error: errors.RequestError) -> None:
        super().__init__(status_code=error.status, detail=error.message)
        self.error = error


# Fetch and desk errors, by class: what the caller should learn from the status alone.
_STATUS_BY_CLASS: tuple[tuple[type[errors.StorydeskError], int], ...] = (
    (errors.BadUrlError, 422),
    (errors.AddressRefusedError, 422),
    (errors.HttpStatusError, 502),
    (errors.ResponseTooLargeError, 413),
    (errors.UnsupportedContentError, 422),
    (errors.NetworkError, 502),
    (errors.TooManyRedirectsError, 502),
    (errors.BadFeedError, 422),
    (errors.ArticleNotFoundError, 404),
    (errors.AmbiguousArticleIdError, 409),
    (errors.StoryNotFoundError, 404),
    (errors.BadCorrectionError, 422),
    (errors.DatabaseUnavailableError, 503),
)
# The same, by code, for failures reported as data (storydesk.store.Failure).
_STATUS_BY_CODE = {cls.code: status for cls, status in _STATUS_BY_CLASS} | {
    "E103": 413,
    "E200": 503,
}


def status_of_code(code: str) -> int:
    if code in _STATUS_BY_CODE:
        return _STATUS_BY_CODE[code]
    return 422 if code.startswith("E1") else 500


def status_of(error: errors.StorydeskError) -> int:
    if isinstance(error, errors.RequestError):
        return error.status
    for cls, status in _STATUS_BY_CLASS:
        if isinstance(error, cls):
            return status
    if isinstance(error, errors.InputTooLargeError):
        return 413
    if isinstance(error, errors.InputError):
        return 422
    if isinstance(error, errors.ModelNotInstalledError):
        return 503
    return 500


def wants_html(path: str, accept: str) -> bool:
    """Pages get HTML errors; the API, the docs and every non-browser client get JSON."""
    if path.startswith(("/api/", "/docs", "/openapi", "/redoc", "/static/")):
        return False
    return "text/html" in accept


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(path: str, accept: str, status: int, code: str, message: str) -> Response:
    if wants_html(path, accept):
        return render_error_page(status, code, message)
    return JSONResponse(error_body(status, code, message), status_code=status)


def _from_request(request: Request, status: int, code: str, message: str) -> Response:
    return error_response(request.url.path, request.headers.get("accept", ""), status, code, message)


def describe_validation(problems: Sequence[Any]) -> str:
    """``body.text: Field required`` for each problem, in words a person can act on."""
    parts = []
    for problem in problems:
        where = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "request"
        message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message}")
    return "; ".join(parts) or "the request body does not match the API (see /docs)"


async def on_storydesk_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, errors.StorydeskError)
    status = status_of(exc)
    if status >= 500:
        log.error("%s on %s: %s", exc.code, request.url.path, exc.message)
    return _from_request(request, status, exc.code, exc.message)


async def on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, CodedHTTPException):
        return _from_request(request, exc.error.status, exc.error.code, exc.error.message)
    if exc.status_code == 404:
        error: errors.RequestError = errors.no_route(request.url.path)
    elif exc.status_code == 405:
        error = errors.RequestError(f"{request.method} is not allowed on {request.url.path}; see /docs.")
        error.status = 405
    else:
        error = errors.RequestError(str(exc.detail))
        error.status = exc.status_code
    return _from_request(request, error.status, error.code, error.message)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    error = errors.invalid_request(describe_validation(exc.errors()))
    return _from_request(request, error.status, error.code, error.message)


async def on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _from_request(request, 500, "E000", _INTERNAL)

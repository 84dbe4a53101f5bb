"""ASGI middleware: request body and time limits, and the headers every response carries.

They sit outside the routes, so no handler can forget them.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storydesk import errors
from storydesk.api.errors import CodedHTTPException, error_response

log = logging.getLogger(__name__)

# Report text is untrusted: even if a bug let markup through, the browser must not run a
# script or load anything from elsewhere. The page's own script and style are files.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The OpenAPI page (/docs) is Swagger UI served from this server (swagger-ui-bundle); its
# start-up script is inline, so that one page allows inline script. It shows no report text.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


async def _send_error(scope: Scope, send: Send, error: errors.RequestError) -> None:
    response = error_response(scope.get("path", ""), _header(scope, b"accept"), error.status, error.code, error.message)
    await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class BodyLimit:
    """Refuses bodies over ``limit`` bytes: at once by Content-Length, or as they stream in."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared:
            if not declared.isdigit():
                await _send_error(scope, send, errors.invalid_request("the Content-Length header is not a number"))
                return
            if int(declared) > self.limit:
                await _send_error(scope, send, errors.body_too_large(int(declared), self.limit))
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise CodedHTTPException(errors.body_too_large(None, self.limit))
            return message

        await self.app(scope, limited, send)


class TimeLimit:
    """Stops a request that runs past ``seconds`` and answers 504 if nothing was sent yet."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            async with asyncio.timeout(self.seconds):
                await self.app(scope, receive, tracking)
        except TimeoutError:
            log.warning("request %s %s stopped after %g s", scope.get("method"), scope.get("path"), self.seconds)
            if not started:
                await _send_error(scope, send, errors.request_timeout(self.seconds))


class SecurityHeaders:
    """Content-Security-Policy, nosniff, referrer kept on this site (so forms send their Origin), no framing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        policy = DOCS_CONTENT_SECURITY_POLICY if path in ("/docs", "/redoc") else CONTENT_SECURITY_POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)

"""Who may write: the token check and the same-origin check.

Every POST is a write (it stores reports or spends the server's CPU on analysis). When the
server has a token, a write must carry it as ``Authorization: Bearer <token>`` (or, from the
page's own forms, in the ``token`` field). Browsers attach an ``Origin`` header to
cross-site requests: a write whose Origin is not this server is refused, so a page on
another site cannot make a visitor's browser write to a desk on 127.0.0.1.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from starlette.requests import Request

from storydesk import errors


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if origin == "null" or urlsplit(origin).netloc != host:
        raise errors.forbidden_origin(origin)


def check_write(request: Request, token: str | None, form_token: str | None = None) -> None:
    """Raise unless this write may go ahead."""
    check_origin(request)
    if token is None:
        return
    given = _bearer(request) or form_token
    if given is None or not hmac.compare_digest(given.encode(), token.encode()):
        raise errors.token_required(given is not None)

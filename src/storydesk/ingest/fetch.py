"""Fetching a URL safely: the host's addresses checked, limits on time, size and type.

``fetch(url, policy)`` refuses, with a coded :class:`storydesk.errors.FetchError`:

- anything but ``http``/``https`` (E401);
- a host that resolves to a loopback, private, link-local, multicast, reserved, unspecified
  or otherwise non-global address (E402), unless ``policy.allow_private``. The connection
  goes to the address that was checked (no second DNS lookup an attacker could answer
  differently), and every redirect is checked again the same way;
- HTTP errors (E403), bodies over ``policy.max_bytes`` (E404, checked against
  Content-Length and while reading), types other than web pages, text, JSON Lines and
  feeds (E405), network failures and time-outs (E406: ``policy.timeout`` per connect and
  read, ``policy.deadline`` for the whole fetch), more than ``policy.max_redirects``
  redirects (E407).

No proxy, cookie or credential is ever used; responses are asked for uncompressed.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from storydesk import __version__, errors
from storydesk.ingest.read import DEFAULT_MAX_BYTES

REDIRECTS = frozenset({301, 302, 303, 307, 308})
ACCEPTED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-ndjson",
        "application/jsonl",
        "application/json",
    }
)
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
_CHUNK = 64 * 1024

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False
    timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    user_agent: str = f"storydesk/{__version__} (+news report analysis)"


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes

    @property
    def is_feed_type(self) -> bool:
        return self.content_type in FEED_TYPES


def forbidden_kind(address: IpAddress) -> str | None:
    """Why an address must not be fetched from without ``allow_private``, or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return forbidden_kind(address.ipv4_mapped)
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-global", not address.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def _resolve(url: str, host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to: the first the host resolves to, every one of them allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise errors.network(url, f"cannot resolve {host} ({exc})") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise errors.network(url, f"{host} has no address")
    if not policy.allow_private:
        for text in addresses:
            kind = forbidden_kind(ipaddress.ip_address(text.split("%")[0]))
            if kind is not None:
                raise errors.address_refused(url, text, kind)
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to a checked address, with the URL's host name in the Host header."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address; the certificate is verified against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)


def _check_url(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise errors.bad_url(url, "only http and https URLs are fetched")
    if not parts.hostname:
        raise errors.bad_url(url, "it has no host")
    if parts.username or parts.password:
        raise errors.bad_url(url, "credentials in URLs are not sent")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise errors.bad_url(url, "its port is not a number") from exc
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return parts.scheme, parts.hostname, port, target


def _content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), charset if isinstance(charset, str) else None


def _read(response: http.client.HTTPResponse, url: str, policy: FetchPolicy, started: float) -> bytes:
    length = response.getheader("content-length")
    if length and length.isdigit() and int(length) > policy.max_bytes:
        raise errors.response_too_large(url, policy.max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > policy.deadline:
            raise errors.network(url, f"took longer than {policy.deadline:.0f} s")
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > policy.max_bytes:
            raise errors.response_too_large(url, policy.max_bytes)
        chunks.append(chunk)


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` under ``policy``, following redirects; see the module docstring."""
    policy = policy or FetchPolicy()
    started = time.monotonic()
    current = url
    for _hop in range(policy.max_redirects + 1):
        scheme, host, port, target = _check_url(current)
        address = _resolve(current, host, port, policy)
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address, policy.timeout)
        try:
            connection.request(
                "GET",
                target,
                headers={
                    "User-Agent": policy.user_agent,
                    "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                    "application/xml;q=0.9,text/plain;q=0.8",
                    "Accept-Encoding": "identity",
                },
            )
            response = connection.getresponse()
            if response.status in REDIRECTS:
                location = response.getheader("location")
                if not location:
                    raise errors.http_status(current, response.status, "redirect without a Location")
                current = urljoin(current, location)
                continue
            if response.status >= 400:
                raise errors.http_status(current, response.status, response.reason)
            content_type, charset = _content_type(response.getheader("content-type"))
            if content_type and content_type not in ACCEPTED_TYPES:
                raise errors.unsupported_content(current, content_type)
            body = _read(response, current, policy, started)
            return Fetched(current, response.status, content_type, charset, body)
        except TimeoutError as exc:
            raise errors.network(current, f"no answer within {policy.timeout:g} s") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise errors.network(current, str(exc) or type(exc).__name__) from exc
        finally:
            connection.close()
    raise errors.too_many_redirects(url, policy.max_redirects)

"""Safe fetching against a real HTTP server on 127.0.0.1, and the address rules."""

from __future__ import annotations

import ipaddress
import re
import time
from collections.abc import Iterator

import pytest

from desk_server import Handler, serve
from storydesk import errors
from storydesk.ingest.feed import parse_feed
from storydesk.ingest.fetch import FetchPolicy, fetch, forbidden_kind

ALLOW = FetchPolicy(allow_private=True, timeout=2.0, max_bytes=200_000)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from serve()


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),
        ("fd00::1", "private"),
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_forbidden_addresses(address: str, kind: str | None) -> None:
    assert forbidden_kind(ipaddress.ip_address(address)) == kind


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    before = len(Handler.requests)
    with pytest.raises(errors.AddressRefusedError, match=re.escape("127.0.0.1, a loopback address")):
        fetch(f"{server}/fire.html", FetchPolicy())
    with pytest.raises(errors.AddressRefusedError):
        fetch(f"http://localhost:{server.rsplit(':', 1)[1]}/fire.html", FetchPolicy())
    assert len(Handler.requests) == before  # refused before connecting


def test_fetch_page_and_follow_redirect(server: str) -> None:
    fetched = fetch(f"{server}/moved", ALLOW)
    assert fetched.url == f"{server}/fire.html"
    assert fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert b"Quarry Lane" in fetched.body


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/to-file", errors.BadUrlError, "only http and https"),
        ("/loop", errors.TooManyRedirectsError, "redirected more than"),
        ("/big", errors.ResponseTooLargeError, r"more than 0\.2 MB"),
        ("/big-chunked", errors.ResponseTooLargeError, r"more than 0\.2 MB"),
        ("/image.png", errors.UnsupportedContentError, "image/png"),
        ("/missing", errors.HttpStatusError, "HTTP 404"),
    ],
)
def test_fetch_errors(server: str, path: str, error: type[errors.FetchError], message: str) -> None:
    with pytest.raises(error, match=message) as caught:
        fetch(f"{server}{path}", ALLOW)
    assert caught.value.code.startswith("E40")


def test_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(errors.NetworkError, match=re.escape("no answer within 0.5 s")):
        fetch(f"{server}/slow", FetchPolicy(allow_private=True, timeout=0.5))
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("url", ["ftp://example.org/a", "http:///nohost", "http://user:pw@example.org/"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(errors.BadUrlError):
        fetch(url, ALLOW)


def test_feed_items_links_and_inline_content(server: str) -> None:
    feed = parse_feed(fetch(f"{server}/feed.xml", ALLOW).body, "feed", base_url=f"{server}/feed.xml")
    assert feed.title == "Test Wire"
    assert [i.link for i in feed.items] == [
        f"{server}/stalking.html",
        f"{server}/fire.html",
        f"{server}/council-not-served.html",
    ]
    assert feed.items[0].content is None and str(feed.items[0].published) == "2022-01-25"
    assert feed.items[2].content is not None and feed.items[2].content.startswith("The leader of Ashbury Council")


def test_atom_feed() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
    <entry><title>One</title><link rel="alternate" href="https://example.org/one"/>
    <published>2022-01-24T10:00:00Z</published><summary>short</summary></entry></feed>"""
    feed = parse_feed(atom, "atom.xml")
    assert feed.title == "Atom Wire"
    assert [(i.title, i.link, str(i.published), i.content) for i in feed.items] == [
        ("One", "https://example.org/one", "2022-01-24", None)
    ]


def test_not_a_feed() -> None:
    with pytest.raises(errors.BadFeedError):
        parse_feed(b"<html><body>hi</body></html>", "page.xml")
    with pytest.raises(errors.BadFeedError):
        parse_feed(b"<rss><channel>", "broken.xml")

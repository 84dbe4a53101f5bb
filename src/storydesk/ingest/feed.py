"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the items, with their links or inline content.

A feed item becomes a report in one of two ways: its full text is in the feed
(``content:encoded`` or Atom ``content``, at least ``MIN_INLINE_WORDS`` words) and is used
as it is, or only a link (and a teaser) is, and the page at the link is fetched. Parsing
uses the standard library's expat, which does not fetch external entities and refuses
entity-expansion bombs.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from storydesk import errors

# A teaser is a sentence or two; a full report is 150 words and more (gold reports: 180-1,100).
MIN_INLINE_WORDS = 120

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


@dataclass(frozen=True)
class FeedItem:
    title: str | None
    link: str | None
    published: dt.date | None
    content: str | None
    """Full text of the item (paragraphs separated by blank lines) when the feed carries it."""


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: list[FeedItem]


def looks_like_feed(data: bytes) -> bool:
    return bool(_ROOT.search(data[:2048]))


class _Text(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "section", "article"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """An HTML fragment as plain paragraphs separated by blank lines."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return html.unescape(element.text).strip() or None


def _raw(element: ET.Element | None) -> str | None:
    return element.text if element is not None else None


def _full(raw: str | None) -> str | None:
    if not raw:
        return None
    text = html_to_text(raw)
    return text if len(text.split()) >= MIN_INLINE_WORDS else None


def _atom_link(entry: ET.Element) -> str | None:
    for link in entry.findall(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _atom_content(entry: ET.Element) -> str | None:
    content = entry.find(f"{_ATOM}content")
    if content is None:
        return None
    if content.get("type") == "xhtml":
        return _full(ET.tostring(content, encoding="unicode", method="html"))
    if content.get("type") in ("html", "text/html"):
        return _full(content.text)
    return _full(html.escape(content.text or ""))


def parse_feed(data: bytes, source: str, base_url: str | None = None) -> Feed:
    """Parse a feed; links are made absolute against ``base_url``."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise errors.bad_feed(source, f"XML error ({exc})") from exc

    def absolute(link: str | None) -> str | None:
        return urljoin(base_url, link) if link and base_url else link

    if root.tag == "rss" or root.tag.endswith("RDF"):
        channel = root.find("channel") if root.tag == "rss" else root.find(f"{_RSS1}channel")
        ns = "" if root.tag == "rss" else _RSS1
        entries = (channel if root.tag == "rss" and channel is not None else root).findall(f"{ns}item")
        items = [
            FeedItem(
                title=_text(item.find(f"{ns}title")),
                link=absolute(_text(item.find(f"{ns}link")) or _text(item.find(f"{ns}guid"))),
                published=_date(_text(item.find("pubDate")) or _text(item.find(_DC_DATE))),
                content=_full(_raw(item.find(_CONTENT))),
            )
            for item in entries
        ]
        title = _text(channel.find(f"{ns}title")) if channel is not None else None
        return Feed(title, items)
    if root.tag == f"{_ATOM}feed":
        items = [
            FeedItem(
                title=_text(entry.find(f"{_ATOM}title")),
                link=absolute(_atom_link(entry)),
                published=_date(_text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))),
                content=_atom_content(entry),
            )
            for entry in root.findall(f"{_ATOM}entry")
        ]
        return Feed(_text(root.find(f"{_ATOM}title")), items)
    raise errors.bad_feed(source, f"its root element is <{root.tag}>, not <rss>, <rdf:RDF> or <feed>")

"""HTML pages: the article body and its metadata, found by trafilatura and htmldate.

storydesk does not write its own boilerplate remover: trafilatura finds the body, title,
site name and date; htmldate is asked for the original publication date when trafilatura's
metadata has none.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date

log = logging.getLogger(__name__)

# Fewer words than this is navigation or a teaser, not an article body. The shortest news
# briefs in the project's fixtures run to about 60 words.
_MIN_BODY_WORDS = 15
_HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:4096]))


@dataclass(frozen=True)
class HtmlArticle:
    body: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """Return the article in a page, or None when the page has no article body."""
    body = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,  # its memory is process-wide: a page read again came back empty
    )
    if not body or len(body.split()) < _MIN_BODY_WORDS:
        return None
    meta = trafilatura.extract_metadata(html, default_url=url)
    published = _parse_date(getattr(meta, "date", None) if meta else None)
    if published is None:
        published = _parse_date(find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d"))
    title = getattr(meta, "title", None) if meta else None
    outlet = (getattr(meta, "sitename", None) or getattr(meta, "hostname", None)) if meta else None
    page_url = (getattr(meta, "url", None) if meta else None) or url
    # trafilatura separates paragraphs with single newlines; storydesk uses blank lines.
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    return HtmlArticle(
        body="\n\n".join(paragraphs),
        title=title,
        outlet=outlet,
        url=page_url,
        published=published,
    )

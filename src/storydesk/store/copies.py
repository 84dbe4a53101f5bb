"""The desk's near-duplicate index: copies found as each article is written, never over all pairs.

When an article is written (in the same transaction as its row), :func:`index_article`
looks up the stored articles that share one of its LSH band keys (``copy_keys``; see
:mod:`storydesk.reconcile.sketch`), measures the share of text each has in the other from
their stored texts, records the pairs that are copies (``copy_links``), then stores the new
article's keys. Versions of one report (the same URL) are not copies of each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from storydesk.reconcile import sketch
from storydesk.reconcile.copies import is_copy
from storydesk.store import tables as t

_CHUNK = 500


@dataclass(frozen=True)
class CopyLink:
    """``article_id`` shares one text with ``other_id``; ``share_of_article``: the part of the
    article's text found in the other."""

    article_id: str
    other_id: str
    shared: int
    share_of_article: float
    share_of_other: float


def candidates(connection: Connection, article_id: str, keys: Sequence[int]) -> set[str]:
    """Stored articles sharing at least one band key with ``keys`` (not the article itself)."""
    found: set[str] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = list(keys[start : start + _CHUNK])
        rows = connection.execute(
            select(t.copy_keys.c.article_id).where(t.copy_keys.c.key.in_(chunk)).distinct()
        ).scalars()
        found.update(rows)
    found.discard(article_id)
    return found


@dataclass(frozen=True)
class Indexed:
    """What indexing one article found: its copies, and how many candidates were checked."""

    links: list[CopyLink]
    candidates: int


def index_article(
    connection: Connection, article_id: str, text: str, url: str | None, keys: Sequence[int] | None = None
) -> Indexed:
    """Find the stored copies of a new article, record them and its band keys.

    ``keys``: its band keys when computed already (in the worker that analysed it)."""
    mine = sketch.shingles(text)
    keys = list(keys) if keys is not None else sketch.band_keys(mine)
    links: list[CopyLink] = []
    found = sorted(candidates(connection, article_id, keys))
    for start in range(0, len(found), _CHUNK):
        query = select(t.articles.c.id, t.articles.c.text).where(t.articles.c.id.in_(found[start : start + _CHUNK]))
        if url:
            query = query.where(or_(t.articles.c.url.is_(None), t.articles.c.url != url))
        for row in connection.execute(query):
            measured = sketch.overlap(mine, sketch.shingles(row.text))
            if is_copy(measured):
                links.append(CopyLink(article_id, row.id, measured.shared, measured.share_of_a, measured.share_of_b))
    if links:
        connection.execute(
            t.copy_links.insert(),
            [
                {
                    "article_id": link.article_id,
                    "other_id": link.other_id,
                    "shared": link.shared,
                    "share_of_article": link.share_of_article,
                    "share_of_other": link.share_of_other,
                }
                for link in links
            ],
        )
    unique = sorted(set(keys))
    if unique:
        connection.execute(t.copy_keys.insert(), [{"key": key, "article_id": article_id} for key in unique])
    return Indexed(links, len(found))


def copies_of(connection: Connection, article_id: str) -> list[CopyLink]:
    """Every stored article that shares a text with ``article_id``, seen from ``article_id``."""
    links = t.copy_links
    rows = connection.execute(
        select(links).where(or_(links.c.article_id == article_id, links.c.other_id == article_id))
    ).all()
    found = []
    for row in rows:
        if row.article_id == article_id:
            found.append(CopyLink(article_id, row.other_id, row.shared, row.share_of_article, row.share_of_other))
        else:
            found.append(CopyLink(article_id, row.article_id, row.shared, row.share_of_other, row.share_of_article))
    return sorted(found, key=lambda link: (-link.shared, link.other_id))

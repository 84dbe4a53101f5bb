"""Appearances: every place an article's text was seen.

An article id is the hash of the cleaned text, so a mirrored page whose body is
byte-identical to a stored report is the same article and is stored once. Each place it
appeared (URL, outlet, title, publication date, first seen) is a row of
``article_appearances``, written in the transaction that stores or meets the article: the
same URL again is nothing new; another URL (or, without a URL, another outlet) is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Insert

from storydesk.store import tables as t
from storydesk.store.rows import host_of

_CHUNK = 500


@dataclass(frozen=True)
class Appearance:
    """One place an article's text appeared."""

    article_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: dt.date | None
    first_seen: dt.datetime


def insert_ignoring_duplicates(connection: Connection, table: Table) -> Insert:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def place_of(url: str | None, outlet: str | None) -> str:
    """What makes an appearance another one: its URL, else its outlet."""
    return url or f"outlet:{outlet or ''}"


def record(connection: Connection, article_id: str, fields: Mapping[str, object], now: dt.datetime) -> bool:
    """Record that ``article_id`` appeared as ``fields`` says (``url``, ``outlet``, ``title``,
    ``published``); True when that place is new for it."""
    url = fields.get("url")
    outlet = fields.get("outlet")
    url = url if isinstance(url, str) and url else None
    outlet = outlet if isinstance(outlet, str) and outlet else None
    published = fields.get("published")
    title = fields.get("title")
    inserted = connection.execute(
        insert_ignoring_duplicates(connection, t.article_appearances)
        .values(
            article_id=article_id,
            place=place_of(url, outlet),
            url=url,
            host=host_of(url),
            outlet=outlet,
            title=title if isinstance(title, str) else None,
            published=published if isinstance(published, dt.date) else None,
            first_seen=now,
        )
        .returning(t.article_appearances.c.article_id)
    ).first()
    return inserted is not None


def _order(found: Iterable[Appearance]) -> list[Appearance]:
    return sorted(found, key=lambda a: (a.published or dt.date.max, a.first_seen, a.url or "", a.outlet or ""))


def appearances_of(connection: Connection, article_ids: Sequence[str]) -> dict[str, list[Appearance]]:
    """Every appearance of each article, earliest published first (undated last, then as first seen)."""
    table = t.article_appearances
    found: dict[str, list[Appearance]] = {a: [] for a in article_ids}
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), _CHUNK):
        rows = connection.execute(
            select(
                table.c.article_id, table.c.url, table.c.outlet, table.c.title, table.c.published, table.c.first_seen
            ).where(table.c.article_id.in_(ids[start : start + _CHUNK]))
        )
        for row in rows:
            first_seen = row.first_seen
            if first_seen.tzinfo is None:  # SQLite keeps no zone; the desk writes UTC
                first_seen = first_seen.replace(tzinfo=dt.UTC)
            found[row.article_id].append(
                Appearance(row.article_id, row.url, row.outlet, row.title, row.published, first_seen)
            )
    return {a: _order(v) for a, v in found.items()}

"""Writing article versions: all of a report or none of it, each text once.

``write_batch`` stores a batch of reports in one transaction: a report's article row, case
file, people, names and facts commit together, so a process killed at any point leaves
whole reports or nothing of them. The article's story keys and features (the assignment
index, ``story_keys`` and ``story_features``) are written in the same transaction. An
article whose id (hash of its cleaned text) is already stored is skipped, whoever stored it
(``INSERT ... ON CONFLICT DO NOTHING``, so two writers adding the same report at once store
it once). A new text at a URL already on the desk becomes the next version of the report
there. Every place a text is met (its URL and outlet) is recorded as an appearance
(``store/appearances.py``) in the same transaction, so a mirror of a stored text at another
URL is kept though its article is not stored twice. Each new article's copies on the
desk are found and recorded in the same transaction (``store/copies.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine

from storydesk.model import Article
from storydesk.store import tables as t
from storydesk.store.appearances import insert_ignoring_duplicates, record
from storydesk.store.copies import index_article
from storydesk.store.engine import WRITE_OPTION
from storydesk.store.rows import ArticleRows

Status = Literal["added", "new_version", "unchanged"]


@dataclass(frozen=True)
class Stored:
    """What became of one report: ``added`` (new), ``new_version`` (of ``previous_id``), or
    ``unchanged`` (the same text was already on the desk). ``new_appearance``: the text was
    met at a URL (or outlet) it had not been seen at, a mirror, recorded as an appearance."""

    article_id: str
    status: Status
    version: int
    previous_id: str | None = None
    new_appearance: bool = False


def stored_versions(engine: Engine, ids: Sequence[str]) -> dict[str, int]:
    """The version number of each of ``ids`` already on the desk."""
    found: dict[str, int] = {}
    with engine.connect() as connection:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = connection.execute(select(t.articles.c.id, t.articles.c.version).where(t.articles.c.id.in_(chunk)))
            found.update({row.id: row.version for row in rows})
    return found


def _write_one(connection: Connection, rows: ArticleRows, now: dt.datetime) -> Stored:
    version, previous_id = 1, None
    if rows.url:
        latest = connection.execute(
            select(t.articles.c.id, t.articles.c.version)
            .where(t.articles.c.url == rows.url, t.articles.c.superseded.is_(False))
            .order_by(t.articles.c.version.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.id != rows.id:
            version, previous_id = latest.version + 1, latest.id
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT DO NOTHING.
    inserted = connection.execute(
        insert_ignoring_duplicates(connection, t.articles)
        .values(**rows.article, version=version, previous_id=previous_id, superseded=False, added_at=now)
        .returning(t.articles.c.id)
    ).first()
    if inserted is None:
        row = connection.execute(select(t.articles.c.version).where(t.articles.c.id == rows.id)).one()
        return Stored(rows.id, "unchanged", row.version, new_appearance=record(connection, rows.id, rows.article, now))
    record(connection, rows.id, rows.article, now)
    if previous_id is not None:
        connection.execute(update(t.articles).where(t.articles.c.id == previous_id).values(superseded=True))
    connection.execute(
        t.case_files.insert().values(article_id=rows.id, schema_version=rows.schema_version, body=rows.case_json)
    )
    for table, values in ((t.people, rows.people), (t.person_names, rows.names), (t.name_tokens, rows.tokens)):
        if values:
            connection.execute(table.insert(), values)
    if rows.facts:
        connection.execute(t.facts.insert(), rows.facts)
    if rows.story_keys:
        connection.execute(t.story_keys.insert(), rows.story_keys)
    connection.execute(t.story_features.insert().values(**rows.story_features))
    index_article(connection, rows.id, str(rows.article["text"]), rows.url, rows.copy_keys or None)
    return Stored(rows.id, "new_version" if previous_id else "added", version, previous_id)


def record_appearances(engine: Engine, articles: Sequence[Article]) -> list[bool]:
    """Record where texts already on the desk were met again, in one transaction; for each
    article, whether that place is new for it (a mirror)."""
    if not articles:
        return []
    now = dt.datetime.now(dt.UTC)
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection, connection.begin():
        return [
            record(
                connection,
                a.id,
                {"url": a.url, "outlet": a.outlet, "title": a.title, "published": a.published},
                now,
            )
            for a in articles
        ]


def write_batch(engine: Engine, batch: Sequence[ArticleRows]) -> list[Stored]:
    """Store a batch in one transaction; returns what became of each report, in order."""
    now = dt.datetime.now(dt.UTC)
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection, connection.begin():
        return [_write_one(connection, rows, now) for rows in batch]

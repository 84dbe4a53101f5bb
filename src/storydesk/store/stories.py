"""Stories in the database: candidates from the key index, membership, summaries, corrections.

Plain reads and writes on a connection; the decisions (which reports tell one story) are the
reconciler's, made in :mod:`storydesk.reconcile.desk`. Tables: see :mod:`storydesk.store.tables`.

Candidates for a report are read from ``story_keys``: reports sharing one of its keys,
published within the time window, current (not superseded) and already in a story. A key
carried by more than ``max_block`` reports proposes none (as in the in-memory index); its
postings are counted only up to ``max_block + 1``, so the cost of a lookup does not grow
with the desk.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, literal, or_, select, text
from sqlalchemy.engine import Connection

from storydesk import errors
from storydesk.model import CaseFile
from storydesk.reconcile.features import Features
from storydesk.reconcile.model import Appearance, Correction, Story
from storydesk.store import tables as t
from storydesk.store.appearances import appearances_of
from storydesk.store.query import resolve_id
from storydesk.store.story_rows import features_from_json, story_index_rows

_CHUNK = 500
# Any constant: the key of the PostgreSQL advisory lock that makes assignments take turns.
_ASSIGN_LOCK = 0x5D57_0B1E


@dataclass(frozen=True)
class StoryRow:
    """One story in a listing."""

    id: str
    headline: str | None
    first_published: dt.date | None
    last_published: dt.date | None
    reports: int
    outlets: list[str]
    conflicts: int
    updates: int
    anchor_id: str


def _chunks(values: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def lock(connection: Connection) -> None:
    """Make story writers take turns (SQLite: the write transaction already does)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ASSIGN_LOCK})


def article_state(connection: Connection, article_id: str) -> tuple[dt.date | None, bool, str | None]:
    """(published, superseded, previous_id) of a stored article."""
    row = connection.execute(
        select(t.articles.c.published, t.articles.c.superseded, t.articles.c.previous_id).where(
            t.articles.c.id == article_id
        )
    ).first()
    if row is None:
        raise errors.article_not_found(article_id)
    return row.published, bool(row.superseded), row.previous_id


def ensure_indexed(connection: Connection, article_id: str, case: CaseFile | None = None) -> None:
    """Write the article's keys and features if it has none (stored before migration 0002)."""
    if connection.scalar(select(t.story_features.c.article_id).where(t.story_features.c.article_id == article_id)):
        return
    if case is None:
        body = connection.scalar(select(t.case_files.c.body).where(t.case_files.c.article_id == article_id))
        if body is None:
            raise errors.article_not_found(article_id)
        case = CaseFile.model_validate_json(body)
    keys, features = story_index_rows(case)
    if keys:
        connection.execute(t.story_keys.insert(), keys)
    connection.execute(t.story_features.insert().values(**features))


def selective_keys(connection: Connection, keys: Iterable[str], max_block: int) -> list[str]:
    """The keys carried by at most ``max_block`` reports (counting stops at ``max_block + 1``)."""
    ordered = sorted(set(keys))
    found: list[str] = []
    for start in range(0, len(ordered), 100):  # one statement per 100 keys, one count each
        chunk = ordered[start : start + 100]
        counts = [
            select(func.count())
            .select_from(select(literal(1)).where(t.story_keys.c.key == key).limit(max_block + 1).subquery())
            .scalar_subquery()
            .label(f"k{n}")
            for n, key in enumerate(chunk)
        ]
        row = connection.execute(select(*counts)).one()
        found.extend(key for key, count in zip(chunk, row, strict=True) if (count or 0) <= max_block)
    return found


def candidates(
    connection: Connection,
    article_id: str,
    keys: Sequence[str],
    published: dt.date | None,
    window_days: int,
    limit: int | None = None,
) -> list[str]:
    """Assigned, current reports sharing one of ``keys``, published within the window, those
    sharing the most keys first (ties by article id); with ``limit``, at most that many."""
    if not keys:
        return []
    shared = func.count(t.story_keys.c.key)
    statement = (
        select(t.story_keys.c.article_id, shared.label("shared"))
        .join(t.articles, t.articles.c.id == t.story_keys.c.article_id)
        .join(t.story_members, t.story_members.c.article_id == t.story_keys.c.article_id)
        .where(
            t.story_keys.c.key.in_(list(keys)),
            t.story_keys.c.article_id != article_id,
            t.articles.c.superseded.is_(False),
        )
        .group_by(t.story_keys.c.article_id)
        .order_by(shared.desc(), t.story_keys.c.article_id)
    )
    if published is not None:
        window = dt.timedelta(days=window_days)
        statement = statement.where(
            or_(
                t.story_keys.c.published.is_(None),
                t.story_keys.c.published.between(published - window, published + window),
            )
        )
    if limit is not None:
        statement = statement.limit(limit)
    return [row.article_id for row in connection.execute(statement)]


def keys_of(connection: Connection, article_id: str) -> list[str]:
    return sorted(connection.scalars(select(t.story_keys.c.key).where(t.story_keys.c.article_id == article_id)))


def story_of(connection: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id -> story id, for those of ``article_ids`` in a story."""
    found: dict[str, str] = {}
    for chunk in _chunks(sorted(set(article_ids))):
        rows = connection.execute(
            select(t.story_members.c.article_id, t.story_members.c.story_id).where(
                t.story_members.c.article_id.in_(chunk)
            )
        )
        found.update({row.article_id: row.story_id for row in rows})
    return found


def members(connection: Connection, story_ids: Iterable[str]) -> dict[str, list[str]]:
    """Story id -> its current member article ids, sorted."""
    found: dict[str, list[str]] = {}
    for chunk in _chunks(sorted(set(story_ids))):
        rows = connection.execute(
            select(t.story_members.c.story_id, t.story_members.c.article_id)
            .join(t.articles, t.articles.c.id == t.story_members.c.article_id)
            .where(t.story_members.c.story_id.in_(chunk), t.articles.c.superseded.is_(False))
            .order_by(t.story_members.c.story_id, t.story_members.c.article_id)
        )
        for row in rows:
            found.setdefault(row.story_id, []).append(row.article_id)
    return found


def scores(connection: Connection, article_ids: Sequence[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for chunk in _chunks(sorted(set(article_ids))):
        rows = connection.execute(
            select(t.story_members.c.article_id, t.story_members.c.score).where(t.story_members.c.article_id.in_(chunk))
        )
        found.update({row.article_id: row.score for row in rows if row.score is not None})
    return found


def features(connection: Connection, article_ids: Sequence[str]) -> dict[str, Features]:
    """Stored features; those an older storydesk computed are recomputed from the case file
    and stored again (in the caller's transaction)."""
    found: dict[str, Features] = {}
    stale: list[str] = []
    for chunk in _chunks(sorted(set(article_ids))):
        rows = connection.execute(
            select(t.story_features.c.article_id, t.story_features.c.published, t.story_features.c.body).where(
                t.story_features.c.article_id.in_(chunk)
            )
        )
        for row in rows:
            current = features_from_json(row.article_id, row.published, row.body)
            if current is None:
                stale.append(row.article_id)
            else:
                found[row.article_id] = current
    if stale:
        found.update(_recompute(connection, stale))
    return found


def _recompute(connection: Connection, article_ids: Sequence[str]) -> dict[str, Features]:
    """Features and keys of these articles again, from their case files, stored again."""
    found: dict[str, Features] = {}
    for article_id, case in case_files(connection, article_ids).items():
        keys, row = story_index_rows(case)
        connection.execute(delete(t.story_keys).where(t.story_keys.c.article_id == article_id))
        if keys:
            connection.execute(t.story_keys.insert(), keys)
        connection.execute(
            t.story_features.update().where(t.story_features.c.article_id == article_id).values(body=row["body"])
        )
        fresh = features_from_json(article_id, case.article.published, str(row["body"]))
        assert fresh is not None
        found[article_id] = fresh
    return found


def refresh_stale(connection: Connection) -> int:
    """Recompute every stored feature row an older storydesk wrote; returns how many."""
    stale = [
        row.article_id
        for row in connection.execute(select(t.story_features.c.article_id, t.story_features.c.body))
        if features_from_json(row.article_id, None, row.body) is None
    ]
    for chunk in _chunks(stale):
        _recompute(connection, chunk)
    return len(stale)


def all_features(connection: Connection) -> Iterator[Features]:
    """Features of every current article, in article id order (call :func:`refresh_stale`
    first: rows are streamed, so stale ones cannot be rewritten on the way)."""
    statement = (
        select(t.story_features.c.article_id, t.story_features.c.published, t.story_features.c.body)
        .join(t.articles, t.articles.c.id == t.story_features.c.article_id)
        .where(t.articles.c.superseded.is_(False))
        .order_by(t.story_features.c.article_id)
    )
    # Streamed, on the statement only: the connection goes on to write in the same transaction.
    for row in connection.execute(statement.execution_options(yield_per=500)):
        found = features_from_json(row.article_id, row.published, row.body)
        if found is None:
            raise RuntimeError(f"stale story features for {row.article_id}: refresh_stale() first")
        yield found


def case_files(connection: Connection, article_ids: Sequence[str]) -> dict[str, CaseFile]:
    found: dict[str, CaseFile] = {}
    for chunk in _chunks(sorted(set(article_ids))):
        rows = connection.execute(
            select(t.case_files.c.article_id, t.case_files.c.body).where(t.case_files.c.article_id.in_(chunk))
        )
        found.update({row.article_id: CaseFile.model_validate_json(row.body) for row in rows})
    return found


def appearances(connection: Connection, article_ids: Sequence[str]) -> dict[str, list[Appearance]]:
    """Every place each article's exact text was seen, as the story model has it."""
    return {
        a: [Appearance(url=p.url, outlet=p.outlet, title=p.title, published=p.published) for p in found]
        for a, found in appearances_of(connection, article_ids).items()
    }


def pending(connection: Connection) -> list[str]:
    """Current articles in no story yet, in order of publication (then id)."""
    statement = (
        select(t.articles.c.id)
        .outerjoin(t.story_members, t.story_members.c.article_id == t.articles.c.id)
        .where(t.articles.c.superseded.is_(False), t.story_members.c.article_id.is_(None))
        .order_by(t.articles.c.published.asc().nulls_first(), t.articles.c.id)
    )
    return list(connection.scalars(statement))


def resolve_story(connection: Connection, ref: str) -> str:
    """A story id from a story id, or from the id (or unique prefix) of one of its reports."""
    ref = ref.strip()
    if connection.scalar(select(t.stories.c.id).where(t.stories.c.id == ref)):
        return ref
    if ref.startswith("s-"):
        raise errors.no_story(ref)
    try:
        article_id = resolve_id(connection, ref)
    except errors.ArticleNotFoundError:
        raise errors.no_story(ref) from None
    story_id = connection.scalar(select(t.story_members.c.story_id).where(t.story_members.c.article_id == article_id))
    if story_id is None:
        raise errors.no_story(ref)
    return str(story_id)


def stamp(connection: Connection, story_id: str) -> dt.datetime | None:
    """When the story was last written (any change of its members rewrites it)."""
    value = connection.scalar(select(t.stories.c.updated_at).where(t.stories.c.id == story_id))
    return value if isinstance(value, dt.datetime) else None


# -- corrections ----------------------------------------------------------------------------


def corrections(connection: Connection) -> list[Correction]:
    """Every correction ever made, oldest first."""
    rows = connection.execute(select(t.story_corrections.c.body).order_by(t.story_corrections.c.id))
    return [Correction.model_validate_json(row.body) for row in rows]


@dataclass(frozen=True)
class CorrectionRow:
    id: int
    correction: Correction
    made_by: str
    made_at: dt.datetime


def correction_rows(connection: Connection) -> list[CorrectionRow]:
    rows = connection.execute(select(t.story_corrections).order_by(t.story_corrections.c.id))
    return [CorrectionRow(row.id, Correction.model_validate_json(row.body), row.made_by, row.made_at) for row in rows]


def add_correction(connection: Connection, correction: Correction, made_by: str) -> None:
    connection.execute(
        t.story_corrections.insert().values(
            kind=correction.kind,
            body=correction.model_dump_json(),
            made_by=made_by,
            made_at=dt.datetime.now(dt.UTC),
        )
    )


# -- writing stories --------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """A story to write: its members, their scores, and the story built from them."""

    story: Story
    scores: dict[str, float]


def write_groups(connection: Connection, removed: Iterable[str], groups: Sequence[Group]) -> None:
    """Replace the stories ``removed`` (ids) by ``groups``: memberships and summaries."""
    now = dt.datetime.now(dt.UTC)
    gone = set(removed) | {g.story.id for g in groups}
    member_ids = sorted({m.article_id for g in groups for m in g.story.members})
    for chunk in _chunks(sorted(gone)):
        connection.execute(delete(t.stories).where(t.stories.c.id.in_(chunk)))
    for chunk in _chunks(member_ids):
        connection.execute(delete(t.story_members).where(t.story_members.c.article_id.in_(chunk)))
    rows: list[dict[str, object]] = []
    summaries: list[dict[str, object]] = []
    for group in groups:
        story = group.story
        for member in story.members:
            rows.append(
                {
                    "article_id": member.article_id,
                    "story_id": story.id,
                    "score": group.scores.get(member.article_id),
                    "assigned_at": now,
                }
            )
        summaries.append(summary_row(story, now))
    if rows:
        connection.execute(t.story_members.insert(), rows)
    if summaries:
        connection.execute(t.stories.insert(), summaries)


def write_members(
    connection: Connection, removed: Iterable[str], groups: Sequence[tuple[str, Sequence[str], dict[str, float]]]
) -> None:
    """Replace the stories ``removed`` (ids) by ``groups`` (story id, members, scores): the
    memberships only. Every story touched is left without a summary row, so it is listed by
    :func:`unsummarised` until :func:`write_groups` writes one."""
    now = dt.datetime.now(dt.UTC)
    gone = set(removed) | {story_id for story_id, _, _ in groups}
    member_ids = sorted({a for _, ids, _ in groups for a in ids})
    for chunk in _chunks(sorted(gone)):
        connection.execute(delete(t.stories).where(t.stories.c.id.in_(chunk)))
    for chunk in _chunks(member_ids):
        connection.execute(delete(t.story_members).where(t.story_members.c.article_id.in_(chunk)))
    rows = [
        {"article_id": a, "story_id": story_id, "score": scores.get(a), "assigned_at": now}
        for story_id, ids, scores in groups
        for a in ids
    ]
    if rows:
        connection.execute(t.story_members.insert(), rows)


def unsummarised(connection: Connection) -> list[str]:
    """Ids of the stories that have current members but no summary row, sorted."""
    statement = (
        select(t.story_members.c.story_id)
        .join(t.articles, t.articles.c.id == t.story_members.c.article_id)
        .outerjoin(t.stories, t.stories.c.id == t.story_members.c.story_id)
        .where(t.stories.c.id.is_(None), t.articles.c.superseded.is_(False))
        .distinct()
        .order_by(t.story_members.c.story_id)
    )
    return list(connection.scalars(statement))


def has_summary(connection: Connection, story_id: str) -> bool:
    return connection.scalar(select(t.stories.c.id).where(t.stories.c.id == story_id)) is not None


def _outlets(story: Story) -> Iterator[str]:
    """Every outlet of the story's reports, and of the mirrors of their texts."""
    for member in story.members:
        for outlet in (member.outlet, *(a.outlet for a in member.appearances)):
            if outlet:
                yield outlet


def summary_row(story: Story, now: dt.datetime) -> dict[str, object]:
    return {
        "id": story.id,
        "anchor_id": story.members[0].article_id,
        "headline": story.headline,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "reports": len(story.members),
        "outlets": json.dumps(list(dict.fromkeys(_outlets(story))), ensure_ascii=False),
        "conflicts": len(story.conflicts),
        "updates": sum(1 for f in story.facts if f.verdict == "updated"),
        "updated_at": now,
    }


def drop_membership(connection: Connection, article_id: str) -> str | None:
    """Take an article out of its story (a superseded version); returns the story id."""
    story_id = connection.scalar(select(t.story_members.c.story_id).where(t.story_members.c.article_id == article_id))
    if story_id is not None:
        connection.execute(delete(t.story_members).where(t.story_members.c.article_id == article_id))
    return None if story_id is None else str(story_id)


def clear(connection: Connection) -> None:
    """Forget every membership and summary (corrections and the key index stay)."""
    connection.execute(delete(t.story_members))
    connection.execute(delete(t.stories))


def listing(connection: Connection, *, since: dt.date | None = None, limit: int | None = None) -> list[StoryRow]:
    """Stories, latest news first (last publication, newest first; then id)."""
    statement = select(t.stories).order_by(t.stories.c.last_published.desc().nulls_last(), t.stories.c.id)
    if since is not None:
        statement = statement.where(t.stories.c.last_published >= since)
    if limit is not None:
        statement = statement.limit(limit)
    return [
        StoryRow(
            id=row.id,
            headline=row.headline,
            first_published=row.first_published,
            last_published=row.last_published,
            reports=row.reports,
            outlets=list(json.loads(row.outlets)),
            conflicts=row.conflicts,
            updates=row.updates,
            anchor_id=row.anchor_id,
        )
        for row in connection.execute(statement)
    ]


def count(connection: Connection) -> int:
    return int(connection.scalar(select(func.count()).select_from(t.stories)) or 0)

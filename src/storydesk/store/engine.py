"""The one place that knows the database URL: resolve it and open an engine.

``STORYDESK_DB`` (or ``--db``) is a file path (``./storydesk.db`` by default), a
``sqlite:///path`` URL, or a ``postgresql://user:password@host:port/database`` URL. SQLite
runs in WAL mode (readers never block the writer), with foreign keys on and a busy timeout,
and each transaction starts with ``BEGIN`` (``BEGIN IMMEDIATE`` for writes, so two writers
queue instead of failing half-way). PostgreSQL is reached with psycopg 3.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, create_engine, make_url
from sqlalchemy.exc import ArgumentError

from storydesk import errors

ENV_VAR = "STORYDESK_DB"
DEFAULT_PATH = "storydesk.db"
# Execution option that makes a SQLite transaction take the write lock at BEGIN.
WRITE_OPTION = "storydesk_write"
_SQLITE_BUSY_MS = 30_000


def resolve_url(value: str | None = None) -> URL:
    """The database URL from an argument, else ``STORYDESK_DB``, else ``./storydesk.db``."""
    raw = value or os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" not in raw:
        return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise errors.bad_database_url(raw, "it is not a database URL") from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise errors.bad_database_url(raw, "an in-memory database would be lost at exit")
        return url.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    raise errors.bad_database_url(raw, f"{backend} is not supported (SQLite or PostgreSQL)")


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's begin event emit BEGIN itself (pysqlite's own is late and implicit).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def open_engine(url: URL) -> Engine:
    """An engine for ``url``; for SQLite the file's folder must exist."""
    if url.get_backend_name() == "sqlite":
        folder = Path(url.database or DEFAULT_PATH).expanduser().resolve().parent
        if not folder.is_dir():
            raise errors.database_unavailable(url.render_as_string(hide_password=True), f"no folder {folder}")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def display(url: URL) -> str:
    """The URL to show a person: no password."""
    return url.render_as_string(hide_password=True)

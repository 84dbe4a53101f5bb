"""Recorded migrations: bring a desk's schema to the head revision with Alembic.

The Alembic scripts live in ``storydesk/store/migrations`` inside the package. Each runs in
one transaction (SQLite and PostgreSQL both have transactional DDL), so a migration either
happens whole or not at all. A new table set (stories, for example) is a new file in
``migrations/versions/`` whose ``down_revision`` is the current head.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest revision this storydesk knows."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None
    return revision


def current(engine: Engine) -> str | None:
    """The revision a database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: the newest); a no-op when it is there."""
    if revision == "head" and current(engine) == head():
        return
    config = _config()
    with engine.connect().execution_options(storydesk_write=True) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` (``base``: an empty schema)."""
    config = _config()
    with engine.connect().execution_options(storydesk_write=True) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()

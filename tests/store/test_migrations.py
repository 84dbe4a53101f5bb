"""The migrations make exactly the schema ``tables.py`` describes, on both backends, and
record where a database is."""

from __future__ import annotations

from sqlalchemy import inspect

from storydesk.store import Desk, migrate
from storydesk.store.tables import metadata


def test_migrated_schema_matches_the_tables(desk: Desk) -> None:
    assert migrate.current(desk.engine) == migrate.head() == "0004_appearances"
    inspector = inspect(desk.engine)
    names = set(inspector.get_table_names())
    assert set(metadata.tables) <= names
    for table in metadata.tables.values():
        columns = {c["name"]: c for c in inspector.get_columns(table.name)}
        for column in table.columns:
            assert column.name in columns, f"{table.name}.{column.name}"
            assert columns[column.name]["nullable"] == (column.nullable and not column.primary_key), column.name
        primary = inspector.get_pk_constraint(table.name)["constrained_columns"]
        assert sorted(primary) == sorted(c.name for c in table.primary_key.columns), table.name
    if desk.dialect == "sqlite":
        assert "articles_fts" in names
        with desk.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    else:
        assert "search" in {c["name"] for c in inspector.get_columns("articles")}


def test_down_and_up_again(db_url: str) -> None:
    with Desk.open(db_url) as desk:
        migrate.downgrade(desk.engine, "base")
        assert migrate.current(desk.engine) is None
        assert "articles" not in inspect(desk.engine).get_table_names()
    with Desk.open(db_url) as desk:  # opening migrates again
        assert migrate.current(desk.engine) == migrate.head()
        assert desk.count() == 0

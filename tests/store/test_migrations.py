"""The migrations make exactly the schema ``tables.py`` describes, on both backends, and
record where a database is."""

from __future__ import annotations

from sqlalchemy import inspect

from storydesk.model import CaseFile
from storydesk.store import Desk, migrate
from storydesk.store.tables import metadata


def test_migrated_schema_matches_the_tables(desk: Desk) -> None:
    assert migrate.current(desk.engine) == migrate.head() == "0005_packed_case_files"
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


def test_case_files_are_packed_and_unpacked_by_migration_0005(db_url: str, cases: dict[str, CaseFile]) -> None:
    stored = list(cases.values())
    with Desk.open(db_url) as desk:
        for case in stored:
            desk.store(case)
        with desk.engine.connect() as connection:
            packed = connection.exec_driver_sql("SELECT body FROM case_files").scalars().all()
        assert all(isinstance(b, bytes | memoryview) for b in packed)
        assert sum(len(b) for b in packed) * 4 < sum(len(c.model_dump_json()) for c in stored)
        migrate.downgrade(desk.engine, "0004_appearances")
        with desk.engine.connect() as connection:
            bodies = connection.exec_driver_sql("SELECT body FROM case_files ORDER BY article_id").scalars().all()
        assert sorted(CaseFile.model_validate_json(b).article.id for b in bodies) == sorted(
            c.article.id for c in stored
        )
    with Desk.open(db_url) as desk:  # opening migrates again, packing the text bodies
        assert migrate.current(desk.engine) == migrate.head()
        for case in stored:
            assert desk.case_file(case.article.id) == case

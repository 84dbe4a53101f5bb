"""Every desk test runs on SQLite and on PostgreSQL.

PostgreSQL: ``STORYDESK_TEST_POSTGRES`` names a server (``.ci/run`` starts one on loopback
and sets it); each test gets a fresh database on it, dropped afterwards. Without the
variable the PostgreSQL tests skip, except under ``CI=true``, where they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk_reports import ALL
from storydesk import analyze
from storydesk.model import CaseFile
from storydesk.store import Desk

POSTGRES_ENV = "STORYDESK_TEST_POSTGRES"


def _postgres_admin() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {POSTGRES_ENV} is not: .ci/run must start PostgreSQL")
    pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://... (tools/with-services.sh starts one)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "desk.db")
        return
    admin = make_url(_postgres_admin()).set(drivername="postgresql+psycopg")
    name = f"storydesk_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.set(database=name, drivername="postgresql").render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    with Desk.open(db_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def cases() -> dict[str, CaseFile]:
    """The fixture reports analysed once per test session, by title."""
    return {
        r["title"]: analyze(r["text"], published=r["published"], title=r["title"], outlet=r["outlet"], url=r["url"])
        for r in ALL
    }

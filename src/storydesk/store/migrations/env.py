"""Alembic environment: runs the migrations on the connection ``migrate.upgrade`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from storydesk.store.tables import metadata

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always given by storydesk.store.migrate
    raise RuntimeError("storydesk migrations run through storydesk.store.migrate.upgrade")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Case files compressed: ``case_files.body`` becomes zlib-compressed bytes.

Every stored case file is compressed in batches (JSON in, ``storydesk.store.packed.pack``
out); downgrading decompresses them back into text.

Revision ID: 0005_packed_case_files
Revises: 0004_appearances
Create Date: 2026-11-25

"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from storydesk.store.packed import pack, unpack

revision = "0005_packed_case_files"
down_revision = "0004_appearances"
branch_labels = None
depends_on = None

_BATCH = 500


def _convert(source: str, target: str, change: Callable[[Any], object]) -> None:
    """Fill column ``target`` from ``source`` for every row, ``_BATCH`` rows at a time."""
    connection = op.get_bind()
    table = sa.table("case_files", sa.column("article_id", sa.String(16)), sa.column(source), sa.column(target))
    last = ""
    while True:
        rows = connection.execute(
            sa.select(table.c.article_id, table.c[source])
            .where(table.c.article_id > last)
            .order_by(table.c.article_id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        for article_id, value in rows:
            connection.execute(table.update().where(table.c.article_id == article_id).values({target: change(value)}))
        last = rows[-1][0]


def upgrade() -> None:
    op.add_column("case_files", sa.Column("packed", sa.LargeBinary, nullable=True))
    _convert("body", "packed", lambda value: pack(str(value)))
    with op.batch_alter_table("case_files") as batch:
        batch.drop_column("body")
        batch.alter_column("packed", new_column_name="body", existing_type=sa.LargeBinary, nullable=False)


def downgrade() -> None:
    op.add_column("case_files", sa.Column("text_body", sa.Text, nullable=True))
    _convert("body", "text_body", lambda value: unpack(value if isinstance(value, bytes) else bytes(memoryview(value))))
    with op.batch_alter_table("case_files") as batch:
        batch.drop_column("body")
        batch.alter_column("text_body", new_column_name="body", existing_type=sa.Text, nullable=False)

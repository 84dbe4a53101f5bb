"""Copies: the near-duplicate index (LSH band keys of each article) and the copies found.

Revision ID: 0003_copies
Revises: 0002_stories
Create Date: 2026-11-25

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_copies"
down_revision = "0002_stories"
branch_labels = None
depends_on = None

_ID = sa.String(16)


def upgrade() -> None:
    # One row per (band key, article): the LSH index. Looked up by key on every add.
    op.create_table(
        "copy_keys",
        sa.Column("key", sa.BigInteger, primary_key=True),
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
    )
    op.create_index("ix_copy_keys_article_id", "copy_keys", ["article_id"])
    # One row per pair of articles found to share one text; ``article_id`` is the one added later.
    op.create_table(
        "copy_links",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("other_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("shared", sa.Integer, nullable=False),
        sa.Column("share_of_article", sa.Float, nullable=False),
        sa.Column("share_of_other", sa.Float, nullable=False),
    )
    op.create_index("ix_copy_links_other_id", "copy_links", ["other_id"])


def downgrade() -> None:
    op.drop_table("copy_links")
    op.drop_table("copy_keys")

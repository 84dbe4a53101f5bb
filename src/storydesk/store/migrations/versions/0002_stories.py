"""Stories: the assignment index, story membership, story summaries and corrections.

Revision ID: 0002_stories
Revises: 0001_desk
Create Date: 2026-11-26

Reports already on a desk migrated from 0001 have no keys and no story yet; the desk
assigns them (in order of publication) the next time stories are needed
(``Desk.assign_pending``), computing their keys from their case files.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_stories"
down_revision = "0001_desk"
branch_labels = None
depends_on = None

_ID = sa.String(16)
_STORY = sa.String(16)


def upgrade() -> None:
    op.create_table(
        "story_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("published", sa.Date),
    )
    op.create_index("ix_story_keys_article_id", "story_keys", ["article_id"])
    op.create_table(
        "story_features",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("published", sa.Date),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "story_members",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("story_id", _STORY, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_story_members_story_id", "story_members", ["story_id"])
    op.create_table(
        "stories",
        sa.Column("id", _STORY, primary_key=True),
        sa.Column("anchor_id", _ID, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("headline", sa.Text),
        sa.Column("first_published", sa.Date),
        sa.Column("last_published", sa.Date),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("outlets", sa.Text, nullable=False),
        sa.Column("conflicts", sa.Integer, nullable=False),
        sa.Column("updates", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_table(
        "story_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("made_by", sa.Text, nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("story_corrections", "stories", "story_members", "story_features", "story_keys"):
        op.drop_table(table)

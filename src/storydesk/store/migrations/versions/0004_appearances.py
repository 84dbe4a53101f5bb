"""Appearances: every place an article's text was seen (its first URL, and each mirror of it).

An article's id is the hash of its cleaned text, so a mirror carrying a byte-identical body
is one article; this table keeps each outlet/URL it appeared at. Existing articles get one
row each, their own URL and outlet.

Revision ID: 0004_appearances
Revises: 0003_copies
Create Date: 2026-11-25

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_appearances"
down_revision = "0003_copies"
branch_labels = None
depends_on = None

_ID = sa.String(16)


def upgrade() -> None:
    op.create_table(
        "article_appearances",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        # the URL, or ``outlet:<name>`` for a report read without one: what makes it another place
        sa.Column("place", sa.Text, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("host", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    )
    articles = sa.table(
        "articles",
        sa.column("id", _ID),
        sa.column("url", sa.Text),
        sa.column("host", sa.Text),
        sa.column("outlet", sa.Text),
        sa.column("title", sa.Text),
        sa.column("published", sa.Date),
        sa.column("added_at", sa.DateTime(timezone=True)),
    )
    outlet = sa.literal("outlet:") + sa.func.coalesce(articles.c.outlet, sa.literal(""))
    place = sa.func.coalesce(articles.c.url, outlet)
    names = ["article_id", "place", "url", "host", "outlet", "title", "published", "first_seen"]
    op.execute(
        sa.table("article_appearances", *(sa.column(n) for n in names))
        .insert()
        .from_select(
            names,
            sa.select(
                articles.c.id,
                place,
                articles.c.url,
                articles.c.host,
                articles.c.outlet,
                articles.c.title,
                articles.c.published,
                articles.c.added_at,
            ),
        )
    )


def downgrade() -> None:
    op.drop_table("article_appearances")

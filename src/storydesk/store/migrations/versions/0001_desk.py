"""The desk: articles and their versions, case files, people and name variants, facts, full text.

Revision ID: 0001_desk
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_desk"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.String(16)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("host", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_format", sa.String(8), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("previous_id", _ID, sa.ForeignKey("articles.id")),
        sa.Column("superseded", sa.Boolean, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_host", "articles", ["host"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "case_files",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("schema_version", sa.String(8), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("person_id", _ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("named", sa.Boolean, nullable=False),
    )
    op.create_table(
        "person_names",
        sa.Column("article_id", _ID, primary_key=True),
        sa.Column("person_id", _ID, primary_key=True),
        sa.Column("folded", sa.Text, primary_key=True),
        sa.Column("variant", sa.Text, nullable=False),
    )
    op.create_table(
        "name_tokens",
        sa.Column("token", sa.Text, primary_key=True),
        sa.Column("article_id", _ID, primary_key=True),
        sa.Column("person_id", _ID, primary_key=True),
    )
    op.create_table(
        "facts",
        sa.Column("article_id", _ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("fact_id", _ID, primary_key=True),
        sa.Column("subject", _ID, nullable=False),
        sa.Column("subject_name", sa.Text, nullable=False),
        sa.Column("attribute", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("value_type", sa.String(5), nullable=False),
        sa.Column("qualifier", sa.Text),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("time_id", _ID),
        sa.Column("published", sa.Date),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_index("ix_facts_attribute", "facts", ["attribute"])

    if op.get_bind().dialect.name == "postgresql":
        # Title weighs more than body; 'english' stems, so "orders" finds "order".
        op.execute(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', text), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")
    else:
        # External-content FTS5 over articles (no second copy of the text); porter stems
        # like PostgreSQL's 'english', remove_diacritics folds accents.
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE articles_fts")
    for table in ("facts", "name_tokens", "person_names", "people", "case_files", "articles"):
        op.drop_table(table)

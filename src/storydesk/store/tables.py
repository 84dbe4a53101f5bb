"""The desk's tables as SQLAlchemy Core objects, for building queries and writes.

The schema itself is made by the migrations (``migrations/versions/``); these objects
mirror the current head and must change with every migration that changes a table here.
``tests/store/test_migrations.py`` checks that the two agree.

- ``articles``: one row per stored version of a report. ``id`` is the article id (hash of
  the cleaned text), so the same text is stored once. A changed text at a URL already on
  the desk is a new row with ``version`` one more and ``previous_id`` the older row, which
  gets ``superseded = true``.
- ``case_files``: the whole case file (JSON, zlib-compressed: ``packed.py``) of each article
  version.
- ``people``, ``person_names``, ``name_tokens``: the cast, every name variant (``folded``:
  accents and case folded) and the folded words of the variants, for lookups by any name.
- ``facts``: every fact, flattened, with its evidence span.

Full-text search is per dialect (``fts.py``): an FTS5 table ``articles_fts`` kept by a
trigger on SQLite, a generated ``tsvector`` column ``articles.search`` on PostgreSQL.
Stories (migration ``0002_stories``; written by :mod:`storydesk.store.stories`):

- ``story_keys``: the assignment index, ``(key, article_id)`` with the article's publication
  date: its blocking keys (``p:`` surnames, ``l:`` places, ``o:`` organisations, ``d:`` months
  named, ``t:`` most frequent content words; :mod:`storydesk.reconcile.index`). Written in the
  same transaction as the article, so candidates for a new report come from this table
  (shared key, within the time window), never from reading every stored report.
- ``story_features``: what assignment compares, per article (JSON: content-word counts and
  keys), written with the article; assignment loads only the candidates' features.
- ``story_members``: which story each (current) article is in, ``article_id -> story_id``,
  with its similarity to the rest of the story when assigned. An article has no row until it
  is assigned (after its commit); one killed before that is assigned on the next run.
- ``stories``: one row per story: its anchor (the report published first), headline, dates,
  number of reports, outlets (JSON list), and counts of conflicts and updates, for listings.
- ``story_corrections``: every ``move`` and ``split`` a person made (the
  :class:`storydesk.reconcile.model.Correction` as JSON, who, when); never deleted, and
  re-applied on every assignment and rebuild.

Copies (migration ``0003_copies``):

- ``copy_keys``, ``copy_links``: the near-duplicate index (LSH band keys of each article's
  MinHash signature, ``reconcile/sketch.py``) and the pairs of articles found to share one
  text, with the share of each in the other (``store/copies.py``).

Appearances (migration ``0004_appearances``):

- ``article_appearances``: every place an article's text was seen, ``(article_id, place)``
  where ``place`` is the URL (or ``outlet:<name>`` without one), with its outlet, title,
  publication date and when it was first seen. A mirror whose cleaned body is byte-identical
  to a stored report is the same article (same id), so it is stored once in ``articles``
  and recorded here as another appearance (``store/appearances.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from storydesk.store.packed import PackedText

metadata = MetaData()

ARTICLE_ID = String(16)
ITEM_ID = String(16)

articles = Table(
    "articles",
    metadata,
    Column("id", ARTICLE_ID, primary_key=True),
    Column("url", Text, index=True),
    Column("host", Text, index=True),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("text", Text, nullable=False),
    Column("source_format", String(8), nullable=False),
    Column("version", Integer, nullable=False),
    Column("previous_id", ARTICLE_ID, ForeignKey("articles.id")),
    Column("superseded", Boolean, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

case_files = Table(
    "case_files",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("schema_version", String(8), nullable=False),
    Column("body", PackedText, nullable=False),  # the case file's JSON, compressed (migration 0005)
)

people = Table(
    "people",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("person_id", ITEM_ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("named", Boolean, nullable=False),
)

person_names = Table(
    "person_names",
    metadata,
    Column("article_id", ARTICLE_ID, primary_key=True),
    Column("person_id", ITEM_ID, primary_key=True),
    Column("folded", Text, primary_key=True),
    Column("variant", Text, nullable=False),
)

name_tokens = Table(
    "name_tokens",
    metadata,
    Column("token", Text, primary_key=True),
    Column("article_id", ARTICLE_ID, primary_key=True),
    Column("person_id", ITEM_ID, primary_key=True),
)

facts = Table(
    "facts",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("fact_id", ITEM_ID, primary_key=True),
    Column("subject", ITEM_ID, nullable=False),
    Column("subject_name", Text, nullable=False),
    Column("attribute", Text, nullable=False, index=True),
    Column("value", Text, nullable=False),
    Column("value_type", String(5), nullable=False),
    Column("qualifier", Text),
    Column("modality", String(16), nullable=False),
    Column("time_id", ITEM_ID),
    Column("published", Date),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)

# -- stories (migration 0002_stories) --------------------------------------------------------

STORY_ID = String(16)

story_keys = Table(
    "story_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True, index=True),
    Column("published", Date),
)

story_features = Table(
    "story_features",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("published", Date),
    Column("body", Text, nullable=False),
)

story_members = Table(
    "story_members",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("story_id", STORY_ID, nullable=False, index=True),
    Column("score", Float),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", STORY_ID, primary_key=True),
    Column("anchor_id", ARTICLE_ID, ForeignKey("articles.id"), nullable=False),
    Column("headline", Text),
    Column("first_published", Date),
    Column("last_published", Date, index=True),
    Column("reports", Integer, nullable=False),
    Column("outlets", Text, nullable=False),
    Column("conflicts", Integer, nullable=False),
    Column("updates", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

story_corrections = Table(
    "story_corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("body", Text, nullable=False),
    Column("made_by", Text, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
)

# -- copies (migration 0003_copies) ---------------------------------------------------------

copy_keys = Table(
    "copy_keys",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True, index=True),
)

copy_links = Table(
    "copy_links",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("other_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True, index=True),
    Column("shared", Integer, nullable=False),
    Column("share_of_article", Float, nullable=False),
    Column("share_of_other", Float, nullable=False),
)

# -- appearances (migration 0004_appearances) -------------------------------------------------

article_appearances = Table(
    "article_appearances",
    metadata,
    Column("article_id", ARTICLE_ID, ForeignKey("articles.id"), primary_key=True),
    Column("place", Text, primary_key=True),
    Column("url", Text),
    Column("host", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("first_seen", DateTime(timezone=True), nullable=False),
)

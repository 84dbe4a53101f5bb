"""Full-text search, one implementation per dialect, one query language for the user.

Query language, the same on both: words (each must appear; stemmed, so ``orders`` finds
``order``), ``"quoted phrases"`` (words in that order) and ``or`` between two of them.
Case and accents do not matter.

- SQLite: FTS5 (``articles_fts``, porter stemmer, diacritics removed), ranked by bm25 with
  the title weighing five times the body; snippets from ``snippet()``.
- PostgreSQL: the ``articles.search`` tsvector (``english`` configuration, title weight A,
  body B) with a GIN index, ``websearch_to_tsquery``, ranked by ``ts_rank``; snippets from
  ``ts_headline``.

Only current versions of reports are searched (not ones a newer version superseded).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_SNIPPET_WORDS = 14


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    snippet: str
    score: float


def parse(query: str) -> list[tuple[str, str]]:
    """The query as ``("word"|"phrase"|"or", text)`` terms; stray punctuation is dropped."""
    terms: list[tuple[str, str]] = []
    for match in _TERM.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            words = re.findall(r"\w+", phrase)
            if words:
                terms.append(("phrase", " ".join(words)))
        elif word.lower() == "or":
            if terms and terms[-1][0] != "or":
                terms.append(("or", "OR"))
        else:
            for piece in re.findall(r"\w+", word):
                terms.append(("word", piece))
    while terms and terms[-1][0] == "or":
        terms.pop()
    return terms


def fts5_query(terms: list[tuple[str, str]]) -> str:
    """FTS5 MATCH syntax: every word and phrase quoted, so no input is read as an operator."""
    return " ".join("OR" if kind == "or" else f'"{value}"' for kind, value in terms)


def websearch_query(terms: list[tuple[str, str]]) -> str:
    """The same terms in the syntax of PostgreSQL's websearch_to_tsquery."""
    return " ".join("or" if kind == "or" else (f'"{value}"' if kind == "phrase" else value) for kind, value in terms)


_SQLITE = text(
    """
    SELECT a.id, a.title, a.outlet, a.url, a.published,
           snippet(articles_fts, 1, '[', ']', '…', :words) AS snippet,
           bm25(articles_fts, 5.0, 1.0) AS score
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH :query AND NOT a.superseded
    ORDER BY score, a.published DESC, a.id
    LIMIT :limit
    """
)

_POSTGRES = text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :query) AS q),
    top AS (
        SELECT a.id, ts_rank(a.search, q.q) AS score
        FROM articles a, q
        WHERE a.search @@ q.q AND NOT a.superseded
        ORDER BY score DESC, a.published DESC NULLS LAST, a.id
        LIMIT :limit
    )
    SELECT a.id, a.title, a.outlet, a.url, a.published,
           ts_headline('english', a.text, q.q,
                       'StartSel=[, StopSel=], MaxWords=' || :words || ', MinWords=6, MaxFragments=1') AS snippet,
           top.score
    FROM top JOIN articles a ON a.id = top.id, q
    ORDER BY top.score DESC, a.published DESC NULLS LAST, a.id
    """
)


def search(connection: Connection, query: str, limit: int = 20) -> list[SearchHit]:
    terms = parse(query)
    if not any(kind != "or" for kind, _ in terms):
        return []
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            _POSTGRES, {"query": websearch_query(terms), "limit": limit, "words": _SNIPPET_WORDS}
        ).all()
        return [SearchHit(r.id, r.title, r.outlet, r.url, r.published, r.snippet, float(r.score)) for r in rows]
    rows = connection.execute(_SQLITE, {"query": fts5_query(terms), "limit": limit, "words": _SNIPPET_WORDS}).all()
    return [SearchHit(r.id, r.title, r.outlet, r.url, _date(r.published), r.snippet, -float(r.score)) for r in rows]


def _date(value: object) -> dt.date | None:
    # A raw text() query on SQLite returns dates as the stored ISO strings.
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))

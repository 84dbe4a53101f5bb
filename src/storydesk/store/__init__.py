"""The desk: a database of reports, their case files, people and facts.

SQLite by default (``./storydesk.db``, or the path or URL in ``STORYDESK_DB``), PostgreSQL
when given a ``postgresql://`` URL; one schema made by recorded Alembic migrations that run
when a desk is opened. Python API (the CLI and the HTTP API call only this)::

    from storydesk.store import Desk

    with Desk.open("postgresql://desk@127.0.0.1/desk") as desk:     # or Desk.open() for ./storydesk.db
        report = desk.add(["reports/", "https://example.org/story.html", "feed.xml", "corpus.jsonl"],
                          jobs=4, progress=print, on_stored=lambda stored, case: ...)
        report.added, report.new_versions, report.unchanged, report.failed   # counts and Failures
        desk.store(case_file)                  # one CaseFile analysed elsewhere -> Stored
        desk.articles(since=date, outlet="bbc.co.uk", limit=50)  # -> [ArticleRow], newest first
        desk.case_file("3f2a9c")               # CaseFile, by id or unique prefix
        desk.versions(article_id)              # every version of the report at that URL
        desk.search("stalking order", limit=20)  # -> [SearchHit] with a snippet
        desk.people("McCaskie")                # -> [PersonHit], any name form, folded
        desk.export("jsonl" | "csv", out)      # case files, or facts, to a text stream
        desk.copies(article_id)                # -> [CopyLink]: stored reports sharing its text
        desk.appearances(article_id)           # -> [Appearance]: every URL/outlet its exact text appeared at

``add`` stores each report with its case file and facts in one transaction (per batch of
reports, each whole or not at all); an article whose cleaned text is on the desk is not
stored again; a new text at a known URL is a new version linked to the old. ``on_stored``
is called after each commit with the :class:`Stored` outcome and the case file, for work
that must follow each new report (reconciling it into stories). Modules:

- ``engine``: the database URL (``STORYDESK_DB``) and engines (SQLite: WAL, foreign keys);
- ``tables``, ``migrations/``, ``migrate``: the schema and its recorded migrations;
- ``rows``, ``names``: a case file as rows; name folding for lookups;
- ``write``: transactional, idempotent writes and versions;
- ``appearances``: every URL/outlet an article's text was met at (mirrors of one text);
- ``copies``: the near-duplicate index (LSH band keys), copies found as each report is written;
- ``query``, ``fts``, ``export``: reading, full-text search per dialect, exports;
- ``inputs``, ``pipeline``: sources in; analysis in worker processes; batched writes.
"""

from storydesk.store.desk import Desk
from storydesk.store.export import ExportFormat
from storydesk.store.fts import SearchHit
from storydesk.store.pipeline import AddReport, Failure, Progress
from storydesk.store.query import ArticleRow, PersonHit
from storydesk.store.write import Stored

__all__ = ["AddReport", "ArticleRow", "Desk", "ExportFormat", "Failure", "PersonHit", "Progress", "SearchHit", "Stored"]

"""The Desk: one object over one database, the API the CLI and the HTTP API call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from storydesk import errors
from storydesk.ingest.fetch import FetchPolicy
from storydesk.ingest.read import DEFAULT_MAX_BYTES, Source
from storydesk.model import CaseFile
from storydesk.store import engine as engines
from storydesk.store import export as exports
from storydesk.store import fts, migrate, query
from storydesk.store.appearances import Appearance, appearances_of
from storydesk.store.copies import CopyLink, copies_of
from storydesk.store.inputs import expand
from storydesk.store.pipeline import AddReport, AnalysedSource, ArticleOptions, ProgressCallback, StoredHook, run
from storydesk.store.rows import case_rows
from storydesk.store.write import Stored, write_batch

if TYPE_CHECKING:
    from storydesk.reconcile.desk import CorrectionMade, DeskStories, Placed
    from storydesk.reconcile.model import Story, WhatsNew
    from storydesk.store.stories import CorrectionRow, StoryRow

StoryHook = Callable[[Stored, "WhatsNew | Placed | None"], None]
SummaryProgress = Callable[[int, int], None]


class Desk:
    """A desk of stored reports. Open it with :meth:`open`; close it (or use ``with``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate_schema: bool = True) -> Desk:
        """Open the database at ``url`` (else ``STORYDESK_DB``, else ``./storydesk.db``) and
        bring its schema to the newest revision."""
        resolved = engines.resolve_url(url)
        engine = engines.open_engine(resolved)
        try:
            if migrate_schema:
                migrate.upgrade(engine)
            else:
                with engine.connect():
                    pass
        except OperationalError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise errors.database_unavailable(engines.display(resolved), reason) from exc
        return cls(engine)

    @property
    def url(self) -> str:
        return engines.display(self.engine.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def add(
        self,
        inputs: Iterable[str | Source | AnalysedSource],
        *,
        jobs: int = 1,
        batch_size: int = 50,
        published: str | dt.date | None = None,
        check_language: bool = True,
        max_bytes: int = DEFAULT_MAX_BYTES,
        allow_private: bool = False,
        timeout: float = 20.0,
        progress: ProgressCallback | None = None,
        on_stored: StoredHook | None = None,
        stories: bool = True,
        on_story: StoryHook | None = None,
        whats_new: bool = True,
        on_summary: SummaryProgress | None = None,
    ) -> AddReport:
        """Add reports: paths (text, HTML, JSON Lines, feeds, folders), http(s) URLs of pages
        or feeds, :class:`Source` objects, or :class:`AnalysedSource` (case files). See :mod:`storydesk.store.pipeline`.

        With ``stories`` (the default) each stored report is assigned to a story right after
        its commit, and ``on_story`` gets what it brings to that story (reports a killed run
        left unassigned are assigned first). With ``whats_new`` False (a corpus load), each
        report is only placed in its story (``on_story`` gets a :class:`Placed`) and every
        story it changed is summarised once, at the end of the run (``on_summary(done,
        total)`` after each): the same stories, without building each one again for every
        report it gains."""
        policy = FetchPolicy(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
        hook = on_stored
        if stories:
            story_desk = self.story_desk
            story_desk.assign_pending(summarise=whats_new)

            def hook(stored: Stored, case: CaseFile) -> None:
                if on_stored is not None:
                    on_stored(stored, case)
                made: WhatsNew | Placed | None
                if whats_new:
                    made = story_desk.assign(stored.article_id, case)
                else:
                    made = story_desk.place(stored.article_id, case)
                if on_story is not None:
                    on_story(stored, made)

        report = run(
            self.engine,
            expand(inputs, policy, max_bytes=max_bytes),
            options=ArticleOptions(published=published, check_language=check_language, max_bytes=max_bytes),
            jobs=jobs,
            batch_size=batch_size,
            progress=progress,
            on_stored=hook,
        )
        if stories:  # a mirror of a stored text: its story now shows that outlet too
            for article_id in dict.fromkeys(s.article_id for s in report.stored if s.new_appearance):
                story_desk.refresh(article_id)
            story_desk.summarise_pending(on_summary)
        return report

    def store(self, case: CaseFile) -> Stored:
        """Store one case file analysed elsewhere (in one transaction)."""
        return write_batch(self.engine, [case_rows(case)])[0]

    # -- reading ---------------------------------------------------------------------------

    def articles(
        self,
        *,
        since: dt.date | None = None,
        outlet: str | None = None,
        limit: int | None = None,
        all_versions: bool = False,
    ) -> list[query.ArticleRow]:
        with self.engine.connect() as connection:
            return query.articles(connection, since=since, outlet=outlet, limit=limit, all_versions=all_versions)

    def article(self, article_id: str) -> query.ArticleRow:
        with self.engine.connect() as connection:
            return query.article(connection, article_id)

    def case_file(self, article_id: str) -> CaseFile:
        with self.engine.connect() as connection:
            return query.case_file(connection, article_id)

    def versions(self, article_id: str) -> list[query.ArticleRow]:
        with self.engine.connect() as connection:
            return query.versions(connection, article_id)

    def copies(self, article_id: str) -> list[CopyLink]:
        """The stored reports sharing this report's text (id or unique prefix), most shared first."""
        with self.engine.connect() as connection:
            return copies_of(connection, query.article(connection, article_id).id)

    def appearances(self, article_id: str) -> list[Appearance]:
        """Every place this report's text appeared (id or unique prefix): its own URL and each
        mirror carrying the same cleaned text, earliest published first."""
        with self.engine.connect() as connection:
            found = query.article(connection, article_id).id
            return appearances_of(connection, [found])[found]

    def search(self, text: str, limit: int = 20) -> list[fts.SearchHit]:
        with self.engine.connect() as connection:
            return fts.search(connection, text, limit)

    def people(self, name: str, limit: int = 50) -> list[query.PersonHit]:
        with self.engine.connect() as connection:
            return query.people(connection, name, limit=limit)

    def count(self, *, all_versions: bool = False) -> int:
        with self.engine.connect() as connection:
            return query.count(connection, all_versions=all_versions)

    def export(self, fmt: exports.ExportFormat, out: TextIO, *, all_versions: bool = False) -> int:
        with self.engine.connect() as connection:
            return exports.export(connection, fmt, out, all_versions=all_versions)

    # -- stories ---------------------------------------------------------------------------

    @property
    def story_desk(self) -> DeskStories:
        """The stories kept on this desk (:class:`storydesk.reconcile.desk.DeskStories`)."""
        from storydesk.reconcile.desk import DeskStories

        return DeskStories(self.engine)

    def stories(self, *, since: dt.date | None = None, limit: int | None = None) -> list[StoryRow]:
        """Stories, latest news first; ``since``: with a report published on or after it."""
        return self.story_desk.listing(since=since, limit=limit)

    def story(self, ref: str) -> Story:
        """One story, reconciled from its reports' case files: by story id, or the id (or a
        unique prefix) of one of its reports."""
        return self.story_desk.story(ref)

    def assign(self, article_id: str) -> WhatsNew | None:
        """Assign one stored report to a story (again); what it brings to that story."""
        return self.story_desk.assign(article_id)

    def assign_pending(self) -> int:
        """Assign every report in no story yet; returns how many."""
        return self.story_desk.assign_pending()

    def move(self, article_id: str, story_ref: str, *, made_by: str = "unknown") -> CorrectionMade:
        """Move a report to another story: a correction kept forever and re-applied."""
        return self.story_desk.move(article_id, story_ref, made_by=made_by)

    def split(self, article_ids: Sequence[str], *, made_by: str = "unknown") -> CorrectionMade:
        """Make reports a story of their own: a correction kept forever and re-applied."""
        return self.story_desk.split(article_ids, made_by=made_by)

    def corrections(self) -> list[CorrectionRow]:
        from storydesk.store.stories import correction_rows

        with self.engine.connect() as connection:
            return correction_rows(connection)

    def rebuild_stories(self) -> int:
        """Cluster every report again at once (corrections re-applied); returns the number of stories."""
        return self.story_desk.rebuild()

"""The handlers behind both the JSON API and the pages: one method per resource.

The API returns what a handler returns; a page renders it. Work that blocks (analysis, the
database, fetching a URL) runs in worker threads. Analysis is CPU-bound, so it takes one of a
few slots: when all stay busy past the time limit the caller gets a 503 instead of a growing
queue. Writes to the desk go one at a time (SQLite has one writer).
"""

from __future__ import annotations

import dataclasses
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import IO, TextIO, TypeVar, cast

from starlette.concurrency import run_in_threadpool

from storydesk import errors
from storydesk.analyze import analyze
from storydesk.api.config import ServeConfig
from storydesk.api.schemas import (
    AddResult,
    ArticleOut,
    FailureOut,
    PersonHitOut,
    ReportIn,
    SearchHitOut,
    StoredOut,
)
from storydesk.api.stories import CorrectionOut, StoryOut, story_out
from storydesk.ingest import Source, source_from_text
from storydesk.ingest.fetch import FetchPolicy, fetch
from storydesk.ingest.read import SourceFormat, read_bytes
from storydesk.model import CaseFile
from storydesk.reconcile.desk import CorrectionMade
from storydesk.reconcile.model import Story, WhatsNew
from storydesk.store import Desk
from storydesk.store.export import ExportFormat

T = TypeVar("T")
_BUILT_STORIES = 64  # stories kept built for reading

# Content types of a fetched page that hold one report, and how to read them.
_ONE_REPORT_TYPES: dict[str, SourceFormat] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}


class Handlers:
    def __init__(self, config: ServeConfig, desk: Desk) -> None:
        self.config = config
        self.desk = desk
        # Acquired inside the worker thread, so work stopped by the time limit keeps its slot
        # until its thread really finishes.
        self._slots = threading.BoundedSemaphore(config.analysis_slots)
        self._writer = threading.Lock()
        # Stories built for reading, by (story id, when the desk last wrote it): a story is
        # rebuilt only after a report joins or leaves it, or a correction touches it.
        self._built: OrderedDict[tuple[str, object], tuple[Story, dict[str, CaseFile]]] = OrderedDict()
        self._built_lock = threading.Lock()

    @property
    def policy(self) -> FetchPolicy:
        return FetchPolicy(
            allow_private=self.config.allow_private,
            timeout=self.config.fetch_timeout_s,
            deadline=self.config.timeout_s,
            max_bytes=self.config.max_body_bytes,
        )

    def _in_slot(self, work: Callable[[], T]) -> T:
        if not self._slots.acquire(timeout=self.config.timeout_s):
            raise errors.busy(self.config.timeout_s)
        try:
            return work()
        finally:
            self._slots.release()

    # -- analysis (nothing stored) ------------------------------------------------------------

    def _fetched_source(self, url: str) -> Source:
        page = fetch(url, self.policy)
        fmt = _ONE_REPORT_TYPES.get(page.content_type)
        if fmt is None:
            raise errors.invalid_request(
                f"{url} is {page.content_type}, not one report; add feeds and JSON Lines with POST /api/reports"
            )
        sources = read_bytes(page.body, page.url, fmt=fmt, max_bytes=self.config.max_body_bytes, url=page.url)
        return dataclasses.replace(sources[0], url=sources[0].url or page.url)

    def _source(self, report: ReportIn) -> Source:
        if report.text is not None:
            source = source_from_text(report.text, name="the report", fmt=report.format, url=report.url)
        else:
            assert report.url is not None
            source = self._fetched_source(report.url)
        return dataclasses.replace(source, title=report.title or source.title, outlet=report.outlet or source.outlet)

    def _analyze_now(self, report: ReportIn) -> CaseFile:
        return analyze(
            self._source(report),
            published=report.published,
            check_language=not report.force_language,
            max_bytes=self.config.max_body_bytes,
        )

    async def analyze(self, report: ReportIn) -> CaseFile:
        return await run_in_threadpool(self._in_slot, lambda: self._analyze_now(report))

    # -- the desk ------------------------------------------------------------------------------

    def _add_one(self, report: ReportIn) -> AddResult:
        if report.text is not None:
            try:
                given: Source | str = self._source(report)
            except errors.StorydeskError as exc:
                failure = FailureOut(source="the report", code=exc.code, message=exc.message)
                return AddResult(stored=[], failed=[failure])
        else:
            assert report.url is not None
            given = report.url
        made: list[WhatsNew] = []
        with self._writer:
            done = self.desk.add(
                [given],
                jobs=1,
                published=report.published,
                check_language=not report.force_language,
                max_bytes=self.config.max_body_bytes,
                allow_private=self.config.allow_private,
                timeout=self.config.fetch_timeout_s,
                on_story=lambda _stored, news: made.append(news) if isinstance(news, WhatsNew) else None,
            )
        return AddResult(
            stored=[StoredOut(**dataclasses.asdict(s)) for s in done.stored],
            failed=[FailureOut(**dataclasses.asdict(f)) for f in done.failed],
            stories=made,
        )

    def _add_now(self, reports: list[ReportIn]) -> AddResult:
        result = AddResult(stored=[], failed=[])
        for report in reports:
            one = self._in_slot(lambda report=report: self._add_one(report))  # type: ignore[misc]
            result.stored += one.stored
            result.failed += one.failed
            result.stories += one.stories
        return result

    async def add(self, reports: list[ReportIn]) -> AddResult:
        return await run_in_threadpool(self._add_now, reports)

    async def articles(self, *, outlet: str | None, since: str | None, limit: int) -> list[ArticleOut]:
        from storydesk.ingest.read import parse_date

        rows = await run_in_threadpool(
            lambda: self.desk.articles(since=parse_date(since, "since"), outlet=outlet, limit=limit)
        )
        return [ArticleOut(**dataclasses.asdict(r)) for r in rows]

    async def case_file(self, article_id: str) -> CaseFile:
        return await run_in_threadpool(self.desk.case_file, article_id)

    async def search(self, query: str, limit: int) -> list[SearchHitOut]:
        if not query.strip():
            raise errors.invalid_request('the search is empty; give words, or a "phrase" in double quotes')
        hits = await run_in_threadpool(self.desk.search, query, limit)
        return [SearchHitOut(**dataclasses.asdict(h)) for h in hits]

    async def people(self, name: str, limit: int) -> list[PersonHitOut]:
        if not name.strip():
            raise errors.invalid_request("give a name, or part of one, to look up")
        found = await run_in_threadpool(self.desk.people, name, limit)
        return [PersonHitOut(**dataclasses.asdict(p)) for p in found]

    async def count(self) -> int:
        return await run_in_threadpool(self.desk.count)

    def _export_now(self, fmt: ExportFormat) -> IO[str]:
        # Spooled: small exports stay in memory, large ones go to a temporary file.
        out = tempfile.SpooledTemporaryFile(max_size=8_000_000, mode="w+", encoding="utf-8", newline="")  # noqa: SIM115
        self.desk.export(fmt, cast(TextIO, out))
        out.seek(0)
        return out

    async def export(self, fmt: ExportFormat) -> Iterator[str]:
        spooled = await run_in_threadpool(self._export_now, fmt)

        def lines() -> Iterator[str]:
            with spooled:
                while chunk := spooled.read(64 * 1024):
                    yield chunk

        return lines()

    # -- stories -------------------------------------------------------------------------------

    async def stories(self, since: str | None = None, limit: int | None = None) -> list[StoryOut]:
        from storydesk.ingest.read import parse_date

        rows = await run_in_threadpool(lambda: self.desk.stories(since=parse_date(since, "since"), limit=limit))
        return [story_out(r) for r in rows]

    def _story_now(self, ref: str) -> tuple[Story, dict[str, CaseFile]]:
        from storydesk.store.stories import resolve_story, stamp

        try:
            with self.desk.engine.connect() as connection:
                story_id = resolve_story(connection, ref)
                key = (story_id, stamp(connection, story_id))
            with self._built_lock:
                if key in self._built:
                    self._built.move_to_end(key)
                    return self._built[key]
            built = self.desk.story_desk.story_with_cases(story_id)
        except errors.StoryNotFoundError:
            raise errors.story_not_found(ref) from None
        with self._built_lock:
            self._built[key] = built
            while len(self._built) > _BUILT_STORIES:
                self._built.popitem(last=False)
        return built

    async def story(self, ref: str) -> Story:
        return (await run_in_threadpool(self._story_now, ref))[0]

    async def story_and_cases(self, ref: str) -> tuple[Story, dict[str, CaseFile]]:
        """A story and the case files of its reports (for the story page)."""
        return await run_in_threadpool(self._story_now, ref)

    async def story_of(self, article_id: str) -> Story | None:
        try:
            return await self.story(article_id)
        except errors.NotFoundError:
            return None

    def _correct(self, story_ref: str, work: Callable[[str], CorrectionMade]) -> CorrectionOut:
        from storydesk.store.stories import resolve_story

        try:
            with self.desk.engine.connect() as connection:
                story_id = resolve_story(connection, story_ref)
            with self._writer:
                made = work(story_id)
        except errors.StoryNotFoundError:
            raise errors.story_not_found(story_ref) from None
        return CorrectionOut(correction=made.correction, stories=made.stories)

    def _move_now(self, story_ref: str, article: str, by: str | None) -> CorrectionOut:
        return self._correct(story_ref, lambda story_id: self.desk.move(article, story_id, made_by=by or "api"))

    def _split_now(self, story_ref: str, articles: list[str], by: str | None) -> CorrectionOut:
        from storydesk.store.query import resolve_id
        from storydesk.store.stories import story_of

        def work(story_id: str) -> CorrectionMade:
            with self.desk.engine.connect() as connection:
                full = [resolve_id(connection, a) for a in articles]
                where = story_of(connection, full)
            outside = [a for a in full if where.get(a) != story_id]
            if outside:
                raise errors.bad_correction(f"report {outside[0]} is not in story {story_id}")
            return self.desk.split(full, made_by=by or "api")

        return self._correct(story_ref, work)

    async def move(self, story_ref: str, article: str, by: str | None) -> CorrectionOut:
        return await run_in_threadpool(self._move_now, story_ref, article, by)

    async def split(self, story_ref: str, articles: list[str], by: str | None) -> CorrectionOut:
        return await run_in_threadpool(self._split_now, story_ref, articles, by)

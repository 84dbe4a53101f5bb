"""Adding reports: read, clean, skip what is stored, analyse in worker processes, write in
batches.

The main process reads the sources and cleans each into an Article (cheap), ``READ_CHUNK``
at a time so memory stays flat on any input, and the article id is known before any
analysis: a report already on the desk is never analysed again, and re-running a batch that
was killed part way only analyses the rest. The progress total grows as the input is read. Analysis runs in
``jobs`` worker processes (``spawn``ed, each loading the spaCy model once, in its
initializer), which also turn each case file into rows. The main process writes the rows
in batches of ``batch_size`` reports (or every ``flush_seconds``), one transaction per
batch, so every report is stored whole or not at all. Results are written in the order the
sources were given, so versions of one URL keep their order.

A source that cannot be read, fetched or analysed is reported as a :class:`Failure` and
the batch goes on.

A case file analysed elsewhere (:class:`AnalysedSource`, say from ``storydesk analyze
--format json`` run on other machines) is stored as it is, without analysis: its rows are
made in the main process, in its place in the order.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from storydesk import errors, nlp
from storydesk.analyze import analyze_article
from storydesk.ingest import make_article
from storydesk.ingest.read import DEFAULT_MAX_BYTES, Source, parse_date
from storydesk.model import Article, CaseFile
from storydesk.store.rows import ArticleRows, case_rows
from storydesk.store.write import Stored, record_appearances, stored_versions, write_batch

log = logging.getLogger(__name__)

INTERNAL_ERROR = "E900"


@dataclass(frozen=True)
class Failure:
    """A source that was not stored, and why."""

    source: str
    code: str
    message: str


@dataclass(frozen=True)
class Progress:
    """Counts so far: ``done`` of ``total`` reports handled (stored, unchanged or failed)."""

    done: int
    total: int
    stored: int
    failed: int
    elapsed: float

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


@dataclass
class AddReport:
    """What ``add`` did. ``stored`` lists every report that reached the desk or was there."""

    stored: list[Stored] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def _count(self, status: str) -> int:
        return sum(1 for s in self.stored if s.status == status)

    @property
    def added(self) -> int:
        return self._count("added")

    @property
    def new_versions(self) -> int:
        return self._count("new_version")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def new_appearances(self) -> int:
        """Texts already stored, met at another URL or outlet (mirrors): recorded as appearances."""
        return sum(1 for s in self.stored if s.new_appearance)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class AnalysedSource:
    """A case file analysed already (by this schema version): stored without analysis."""

    case: CaseFile
    name: str


ProgressCallback = Callable[[Progress], None]
StoredHook = Callable[[Stored, CaseFile], None]


@dataclass(frozen=True)
class ArticleOptions:
    """How sources become articles (as for ``storydesk analyze``)."""

    published: object = None
    check_language: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES


def _failure(name: str, exc: errors.StorydeskError) -> Failure:
    return Failure(name, exc.code, exc.message)


def _init_worker(parent: int) -> None:
    nlp.load()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="storydesk-parent-watch").start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (an ``add`` killed part way) exits instead of running on
    as an orphan: the parent's pid is no longer its parent's."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def analyze_to_rows(article: Article) -> ArticleRows | Failure:
    """Worker task: one article to its rows. Errors come back as a Failure, so one bad report
    does not stop a batch; an unexpected one is logged with its traceback."""
    name = article.url or article.title or article.id
    try:
        return case_rows(analyze_article(article))
    except errors.StorydeskError as exc:
        return _failure(name, exc)
    except Exception as exc:  # a bug on one report must not lose the other 9,999
        log.exception("analysis failed for %s", name)
        return Failure(name, INTERNAL_ERROR, f"analysis failed: {type(exc).__name__}: {exc}")


def _in_order(articles: Iterable[Article], workers: int, ready: dict[str, CaseFile]) -> Iterator[ArticleRows | Failure]:
    """Analysis results in the order of ``articles``, with at most a few tasks in flight
    per worker so memory stays flat on large batches. Articles with a ``ready`` case file
    are not analysed: their rows are made here, in their turn (and the case file let go)."""
    if workers == 1:
        for article in articles:
            case = ready.pop(article.id, None)
            yield analyze_to_rows(article) if case is None else case_rows(case)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(os.getpid(),)
    ) as pool:
        pending: deque[Future[ArticleRows | Failure] | ArticleRows] = deque()
        queue = iter(articles)

        def submit(article: Article) -> None:
            case = ready.pop(article.id, None)
            pending.append(pool.submit(analyze_to_rows, article) if case is None else case_rows(case))

        for article in queue:
            submit(article)
            if len(pending) >= workers * 4:
                break
        while pending:
            head = pending.popleft()
            result = head.result() if isinstance(head, Future) else head
            nxt = next(queue, None)
            if nxt is not None:
                submit(nxt)
            yield result


def prepare(
    sources: Iterable[Source | AnalysedSource | Failure], options: ArticleOptions
) -> tuple[list[Article], list[Failure], dict[str, CaseFile]]:
    """Clean each source into an Article; failures are kept, not raised. Case files analysed
    already give their article, and come back by article id."""
    published = parse_date(options.published)
    prepared: list[Article] = []
    failed: list[Failure] = []
    ready: dict[str, CaseFile] = {}
    for source in sources:
        if isinstance(source, Failure):
            failed.append(source)
            continue
        if isinstance(source, AnalysedSource):
            prepared.append(source.case.article)
            ready[source.case.article.id] = source.case
            continue
        try:
            prepared.append(
                make_article(
                    source, published=published, check_language=options.check_language, max_bytes=options.max_bytes
                )
            )
        except errors.StorydeskError as exc:
            failed.append(_failure(source.name, exc))
    return prepared, failed, ready


# Sources are read, cleaned and checked against the desk this many at a time, so memory stays
# flat however long the input (a JSON Lines file of 10,000 case files is 6 GB as objects).
READ_CHUNK = 500


def _chunks(
    items: Iterable[Source | AnalysedSource | Failure], size: int
) -> Iterator[list[Source | AnalysedSource | Failure]]:
    chunk: list[Source | AnalysedSource | Failure] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(
    engine: Engine,
    sources: Iterable[Source | AnalysedSource | Failure],
    *,
    options: ArticleOptions | None = None,
    jobs: int = 1,
    batch_size: int = 50,
    flush_seconds: float = 2.0,
    progress: ProgressCallback | None = None,
    on_stored: StoredHook | None = None,
) -> AddReport:
    started = time.monotonic()
    options = options or ArticleOptions()
    report = AddReport()
    total = 0  # sources read so far: the whole input once it is all read
    seen: set[str] = set()
    repeats: list[Article] = []
    ready: dict[str, CaseFile] = {}

    def tick() -> None:
        if progress is not None:
            progress(
                Progress(
                    done=len(report.stored) + len(report.failed),
                    total=total,
                    stored=len(report.stored),
                    failed=len(report.failed),
                    elapsed=time.monotonic() - started,
                )
            )

    def to_analyze() -> Iterator[Article]:
        """The articles to store, chunk by chunk; those on the desk already are reported
        unchanged (another place they were seen is recorded), repeats kept for the end."""
        nonlocal total
        for chunk in _chunks(sources, READ_CHUNK):
            articles, failed, chunk_ready = prepare(chunk, options)
            total += len(articles) + len(failed)
            report.failed.extend(failed)
            on_desk = stored_versions(engine, [a.id for a in articles])
            met_again = [a for a in articles if a.id in on_desk]
            # a stored text met again: nothing to analyse, but another URL or outlet is an appearance
            new_places = dict(zip((id(a) for a in met_again), record_appearances(engine, met_again), strict=True))
            for article in articles:
                if article.id in on_desk:
                    report.stored.append(
                        Stored(article.id, "unchanged", on_desk[article.id], new_appearance=new_places[id(article)])
                    )
                elif article.id in seen:
                    repeats.append(article)  # the same text twice in one run: analysed once
                else:
                    seen.add(article.id)
                    if article.id in chunk_ready:
                        ready[article.id] = chunk_ready[article.id]
                    yield article
            tick()

    # One worker process per job, unless the whole input is one chunk needing fewer analyses
    # (one report added through the API is analysed in this process, with no pool to start).
    stream = to_analyze()
    head = list(itertools.islice(stream, READ_CHUNK + 1))
    workers = max(1, jobs)
    if len(head) <= READ_CHUNK:
        workers = max(1, min(workers, sum(1 for a in head if a.id not in ready)))

    batch: list[ArticleRows] = []
    last_flush = time.monotonic()

    def flush() -> None:
        nonlocal last_flush
        if batch:
            results = write_batch(engine, batch)
            report.stored.extend(results)
            if on_stored is not None:
                for rows, stored in zip(batch, results, strict=True):
                    if stored.status != "unchanged":
                        on_stored(stored, CaseFile.model_validate_json(rows.case_json))
            batch.clear()
            tick()
        last_flush = time.monotonic()

    tick()
    for result in _in_order(itertools.chain(head, stream), workers, ready):
        if isinstance(result, Failure):
            report.failed.append(result)
            tick()
        else:
            batch.append(result)
        if len(batch) >= batch_size or time.monotonic() - last_flush >= flush_seconds:
            flush()
    flush()
    outcome = {s.article_id: s for s in report.stored}
    failures = {f.source: f for f in report.failed}
    stored_repeats = [a for a in repeats if a.id in outcome]
    repeat_places = dict(zip((id(a) for a in stored_repeats), record_appearances(engine, stored_repeats), strict=True))
    for article in repeats:
        first = outcome.get(article.id)
        if first is not None:
            report.stored.append(
                Stored(article.id, "unchanged", first.version, new_appearance=repeat_places[id(article)])
            )
        else:
            name = article.url or article.title or article.id
            report.failed.append(failures.get(name, Failure(name, INTERNAL_ERROR, "its first copy failed")))
    report.seconds = time.monotonic() - started
    tick()
    return report

"""The handlers behind both the JSON API and the pages: one function per resource.

The API returns what a handler returns; a page renders it. Analysis is CPU-bound, so it runs
in a worker thread and takes one of a few slots: when all are busy past the time limit the
caller gets a 503 instead of a growing queue.
"""

from __future__ import annotations

import threading

from starlette.concurrency import run_in_threadpool

from storydesk import errors
from storydesk.analyze import analyze
from storydesk.api.config import ServeConfig
from storydesk.api.schemas import AnalyzeRequest
from storydesk.ingest import source_from_text
from storydesk.model import CaseFile


class Handlers:
    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        # Acquired inside the worker thread, so an analysis stopped by the time limit keeps its
        # slot until its thread really finishes.
        self._slots = threading.BoundedSemaphore(config.analysis_slots)

    def _analyze_now(self, request: AnalyzeRequest) -> CaseFile:
        if not self._slots.acquire(timeout=self.config.timeout_s):
            raise errors.busy(self.config.timeout_s)
        try:
            source = source_from_text(request.text, name="the report", fmt=request.format, url=request.url)
            return analyze(
                source,
                published=request.published,
                title=request.title,
                outlet=request.outlet,
                url=request.url,
                check_language=not request.force_language,
                max_bytes=self.config.max_body_bytes,
            )
        finally:
            self._slots.release()

    async def analyze(self, request: AnalyzeRequest) -> CaseFile:
        return await run_in_threadpool(self._analyze_now, request)

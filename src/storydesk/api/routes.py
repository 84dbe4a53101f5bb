"""The JSON API. Each route checks who may call it, then calls a handler and returns its result."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from storydesk.api.auth import check_write
from storydesk.api.errors import error_body, status_of_code
from storydesk.api.handlers import Handlers
from storydesk.api.schemas import (
    ERROR_RESPONSES,
    AddRequest,
    AddResult,
    AnalyzeRequest,
    ArticleOut,
    Health,
    PersonHitOut,
    SearchHitOut,
)
from storydesk.api.stories import CorrectionOut, MoveRequest, SplitRequest, StoryOut
from storydesk.model import CaseFile
from storydesk.reconcile.model import Story

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many.")]
_EXPORT_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}


def api_router(handlers: Handlers) -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
    token = handlers.config.token

    @router.get("/health", tags=["server"], summary="Is the server up")
    async def health() -> Health:
        return Health(writes_need_token=token is not None, articles=await handlers.count())

    @router.post("/analyze", tags=["reports"], summary="Analyse one report (text or URL); nothing is stored")
    async def analyze(body: AnalyzeRequest, request: Request) -> CaseFile:
        check_write(request, token)
        return await handlers.analyze(body)

    @router.post(
        "/reports",
        tags=["reports"],
        summary="Add reports to the desk (text or URL each)",
        status_code=201,
        response_model=AddResult,
    )
    async def add_reports(body: AddRequest, request: Request) -> AddResult | JSONResponse:
        check_write(request, token)
        result = await handlers.add(body.reports)
        if not result.stored and result.failed:
            # Nothing reached the desk: answer as the error it is.
            first = result.failed[0]
            status = status_of_code(first.code)
            return JSONResponse(error_body(status, first.code, first.message), status_code=status)
        return result

    @router.get("/articles", tags=["desk"], summary="Reports on the desk, newest first")
    async def articles(
        outlet: Annotated[str | None, Query(description="Outlet name or site")] = None,
        since: Annotated[str | None, Query(description="Published on or after YYYY-MM-DD")] = None,
        limit: Limit = 100,
    ) -> list[ArticleOut]:
        return await handlers.articles(outlet=outlet, since=since, limit=limit)

    @router.get("/articles/{article_id}", tags=["desk"], summary="One report's case file (id or unique prefix)")
    async def article(article_id: str) -> CaseFile:
        return await handlers.case_file(article_id)

    @router.get("/search", tags=["desk"], summary='Full-text search: words, "phrases"')
    async def search(q: Annotated[str, Query(description="What to look for")], limit: Limit = 20) -> list[SearchHitOut]:
        return await handlers.search(q, limit)

    @router.get("/people", tags=["desk"], summary="People by any form of their name")
    async def people(
        name: Annotated[str, Query(description="A name or part of one")], limit: Limit = 50
    ) -> list[PersonHitOut]:
        return await handlers.people(name, limit)

    @router.get("/stories", tags=["stories"], summary="Stories on the desk, latest news first")
    async def stories(
        since: Annotated[str | None, Query(description="With a report published on or after YYYY-MM-DD")] = None,
        limit: Limit = 100,
    ) -> list[StoryOut]:
        return await handlers.stories(since=since, limit=limit)

    @router.get("/stories/{story_id}", tags=["stories"], summary="One story, reconciled (by story id or article id)")
    async def story(story_id: str) -> Story:
        return await handlers.story(story_id)

    @router.post(
        "/stories/{story_id}/move",
        tags=["stories"],
        summary="Move a report into this story (kept as a correction, re-applied on every assignment)",
    )
    async def move(story_id: str, body: MoveRequest, request: Request) -> CorrectionOut:
        check_write(request, token)
        return await handlers.move(story_id, body.article, body.by)

    @router.post(
        "/stories/{story_id}/split",
        tags=["stories"],
        summary="Split reports off this story into one of their own (kept as a correction)",
    )
    async def split(story_id: str, body: SplitRequest, request: Request) -> CorrectionOut:
        check_write(request, token)
        return await handlers.split(story_id, body.articles, body.by)

    @router.get(
        "/export",
        tags=["desk"],
        summary="Every case file (jsonl) or every fact (csv)",
        response_class=StreamingResponse,
        responses={200: {"content": {t: {} for t in _EXPORT_TYPES.values()}}},
    )
    async def export(format: Literal["jsonl", "csv"]) -> StreamingResponse:
        chunks = await handlers.export(format)
        return StreamingResponse(
            chunks,
            media_type=_EXPORT_TYPES[format],
            headers={"content-disposition": f'attachment; filename="storydesk.{format}"'},
        )

    return router

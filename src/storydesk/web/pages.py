"""The pages. Each page calls the same handler as its API route and renders the result."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from storydesk import errors
from storydesk.api.auth import check_write
from storydesk.api.errors import status_of_code
from storydesk.api.handlers import Handlers
from storydesk.api.schemas import ReportIn
from storydesk.web.casefile_view import article_view
from storydesk.web.render import render_page
from storydesk.web.story_view import story_view

FormText = Annotated[str, Form()]


async def written_report(
    request: Request,
    text: FormText = "",
    url: FormText = "",
    title: FormText = "",
    outlet: FormText = "",
    published: FormText = "",
    format: Annotated[Literal["", "text", "html"], Form()] = "",
    force_language: FormText = "",
    token_field: Annotated[str, Form(alias="token")] = "",
) -> ReportIn:
    """The report of the analyse and add forms (one form, two buttons), once the write is
    allowed: the token comes from the server's configuration, checked before anything else."""
    check_write(request, request.app.state.config.token, token_field or None)
    if not text.strip() and not url.strip():
        raise errors.invalid_request("paste the report's text, or give its URL")
    return ReportIn(
        text=text if text.strip() else None,
        url=url.strip() or None,
        title=title or None,
        outlet=outlet or None,
        published=published or None,
        format=format or None,
        force_language=bool(force_language),
    )


def page_router(handlers: Handlers) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    token = handlers.config.token

    def page(template: str, **context: Any) -> HTMLResponse:
        return render_page(template, token_needed=token is not None, nav_search=True, **context)

    @router.get("/", response_class=HTMLResponse)
    async def home() -> HTMLResponse:
        recent = await handlers.articles(outlet=None, since=None, limit=8)
        return page("index.html", recent=recent)

    @router.post("/analyze", response_class=HTMLResponse)
    async def analyze(report: Annotated[ReportIn, Depends(written_report)]) -> HTMLResponse:
        case = await handlers.analyze(report)
        return page("article.html", view=article_view(case), saved=False, json_href=None, story=None)

    @router.post("/reports")
    async def add(report: Annotated[ReportIn, Depends(written_report)]) -> RedirectResponse:
        result = await handlers.add([report])
        if not result.stored:
            failure = result.failed[0]
            error = errors.RequestError(failure.message)
            error.code = failure.code
            error.status = status_of_code(failure.code)
            raise error
        return RedirectResponse(f"/articles/{result.stored[0].article_id}", status_code=303)

    @router.get("/articles", response_class=HTMLResponse)
    async def articles(
        outlet: Annotated[str | None, Query()] = None, since: Annotated[str | None, Query()] = None
    ) -> HTMLResponse:
        rows = await handlers.articles(outlet=outlet or None, since=since or None, limit=200)
        return page("articles.html", rows=rows, outlet=outlet or "", since=since or "")

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    async def article(article_id: str) -> HTMLResponse:
        case = await handlers.case_file(article_id)
        story = await handlers.story_of(case.article.id)
        return page(
            "article.html",
            view=article_view(case),
            saved=True,
            json_href=f"/api/articles/{case.article.id}",
            story=story,
        )

    @router.get("/stories", response_class=HTMLResponse)
    async def stories() -> HTMLResponse:
        return page("stories.html", stories=await handlers.stories())

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    async def story(story_id: str) -> HTMLResponse:
        found, cases = await handlers.story_and_cases(story_id)
        return page("story.html", view=story_view(found, cases))

    @router.get("/search", response_class=HTMLResponse)
    async def search(q: Annotated[str, Query()] = "") -> HTMLResponse:
        hits = await handlers.search(q, 30) if q.strip() else []
        people = await handlers.people(q, 20) if q.strip() else []
        return page("search.html", q=q, hits=hits, people=people)

    return router

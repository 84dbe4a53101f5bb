"""The pages. Each page calls the same handler as its API route and renders the result."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from storydesk import errors
from storydesk.api.auth import check_write
from storydesk.api.handlers import Handlers
from storydesk.api.schemas import AnalyzeRequest
from storydesk.web.casefile_view import article_view
from storydesk.web.render import render_page


def page_router(handlers: Handlers) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    token = handlers.config.token

    def page(template: str, **context: Any) -> HTMLResponse:
        return render_page(template, token_needed=token is not None, **context)

    @router.get("/", response_class=HTMLResponse)
    async def home() -> HTMLResponse:
        return page("index.html")

    @router.post("/analyze", response_class=HTMLResponse)
    async def analyze(
        request: Request,
        text: Annotated[str, Form()],
        title: Annotated[str, Form()] = "",
        outlet: Annotated[str, Form()] = "",
        published: Annotated[str, Form()] = "",
        format: Annotated[Literal["", "text", "html"], Form()] = "",
        force_language: Annotated[str, Form()] = "",
        token_field: Annotated[str, Form(alias="token")] = "",
    ) -> HTMLResponse:
        check_write(request, token, token_field or None)
        if not text.strip():
            raise errors.empty_input("the report")
        body = AnalyzeRequest(
            text=text,
            title=title or None,
            outlet=outlet or None,
            published=published or None,
            format=format or None,
            force_language=bool(force_language),
        )
        case = await handlers.analyze(body)
        return page("article.html", view=article_view(case), saved=False, json_href=None)

    return router

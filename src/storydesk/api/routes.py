"""The JSON API. Each route checks who may call it, then calls a handler and returns its result."""

from __future__ import annotations

from fastapi import APIRouter, Request

from storydesk.api.auth import check_write
from storydesk.api.handlers import Handlers
from storydesk.api.schemas import ERROR_RESPONSES, AnalyzeRequest, Health
from storydesk.model import CaseFile


def api_router(handlers: Handlers) -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
    token = handlers.config.token

    @router.get("/health", tags=["server"], summary="Is the server up")
    async def health() -> Health:
        return Health(writes_need_token=token is not None)

    @router.post("/analyze", tags=["analysis"], summary="Analyse one report; nothing is stored")
    async def analyze(body: AnalyzeRequest, request: Request) -> CaseFile:
        check_write(request, token)
        return await handlers.analyze(body)

    return router

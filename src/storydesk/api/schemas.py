"""Request and response bodies of the JSON API (case files are :mod:`storydesk.model`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from storydesk import __version__


class AnalyzeRequest(BaseModel):
    """One report to analyse. Nothing is stored."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The report: plain text, or an HTML page.")
    format: Literal["text", "html"] | None = Field(default=None, description="How to read `text`; detected if absent.")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.", examples=["2024-03-19"])
    title: str | None = None
    outlet: str | None = None
    url: str | None = Field(default=None, description="Where the report was published (recorded, not fetched).")
    force_language: bool = Field(default=False, description="Analyse even if the text does not look English.")


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str = __version__
    writes_need_token: bool


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(examples=["E101"])
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (401, "Writes need the server's token"),
        (403, "Write from another site's page"),
        (413, "Request body too large"),
        (422, "The input cannot be analysed, or the request is malformed"),
        (503, "Server busy"),
        (504, "Request took too long"),
    )
}

"""Request and response bodies of the JSON API (case files are :mod:`storydesk.model`)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from storydesk import __version__
from storydesk.reconcile.model import WhatsNew

# Reports in one POST /api/reports: enough for a story's worth, few enough to finish in time.
MAX_REPORTS_PER_REQUEST = 20


class ReportIn(BaseModel):
    """One report: its text (plain text or an HTML page), or the http(s) URL to fetch it from."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="The report: plain text, or an HTML page.")
    url: str | None = Field(
        default=None,
        description="Where the report is. Without `text`, it is fetched (http/https only; addresses on "
        "loopback and private networks are refused). With `text`, it is only recorded.",
    )
    format: Literal["text", "html"] | None = Field(default=None, description="How to read `text`; detected if absent.")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.", examples=["2024-03-19"])
    title: str | None = None
    outlet: str | None = None
    force_language: bool = Field(default=False, description="Analyse even if the text does not look English.")

    @model_validator(mode="after")
    def _text_or_url(self) -> ReportIn:
        if self.text is None and not self.url:
            raise ValueError("give the report's `text`, or a `url` to fetch it from")
        return self


class AnalyzeRequest(ReportIn):
    """One report to analyse. Nothing is stored."""


class AddRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reports: list[ReportIn] = Field(min_length=1, max_length=MAX_REPORTS_PER_REQUEST)


class StoredOut(BaseModel):
    article_id: str
    status: Literal["added", "new_version", "unchanged"]
    version: int
    previous_id: str | None = None
    new_appearance: bool = Field(
        default=False, description="An unchanged text met at a URL or outlet it was not seen at (a mirror): recorded."
    )


class FailureOut(BaseModel):
    source: str
    code: str
    message: str


class AddResult(BaseModel):
    """What became of each report: stored (added, a new version, or already there), or failed and why."""

    stored: list[StoredOut]
    failed: list[FailureOut]
    stories: list[WhatsNew] = Field(
        default_factory=list,
        description="For each report added: the story it joined or started, and the facts it adds, "
        "confirms, updates or contradicts there.",
    )


class ArticleOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    version: int
    previous_id: str | None
    superseded: bool
    added_at: dt.datetime


class SearchHitOut(BaseModel):
    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    snippet: str = Field(description="Words around the match, as plain text.")
    score: float


class PersonHitOut(BaseModel):
    name: str
    variants: list[str]
    article_id: str
    person_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    facts: dict[str, list[str]]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str = __version__
    writes_need_token: bool
    articles: int


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
        (404, "Not on this desk"),
        (413, "Request body too large"),
        (422, "The input cannot be analysed, or the request is malformed"),
        (502, "The report's web server failed"),
        (503, "Server busy"),
        (504, "Request took too long"),
    )
}

"""Stories for the server, read from the desk: the list from its ``stories`` table, one story
built from its members' case files when asked for, and corrections written back to the desk.

Nothing is rebuilt at start-up: reports are assigned to stories when they are stored (by
``storydesk add``, by ``POST /api/reports``, or at start-up for reports a killed run left
unassigned), so a server over a large desk starts at once and every server over one desk
sees the same stories.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from storydesk.reconcile.model import Correction
from storydesk.store.stories import StoryRow


class StoryOut(BaseModel):
    """A story in a list: what it is, when, how many reports from how many outlets, how many conflicts."""

    id: str
    headline: str | None
    first_published: dt.date | None
    last_published: dt.date | None
    reports: int
    outlets: list[str]
    conflicts: int
    updates: int


def story_out(row: StoryRow) -> StoryOut:
    return StoryOut(
        id=row.id,
        headline=row.headline,
        first_published=row.first_published,
        last_published=row.last_published,
        reports=row.reports,
        outlets=row.outlets,
        conflicts=row.conflicts,
        updates=row.updates,
    )


class MoveRequest(BaseModel):
    """Move one report into this story."""

    model_config = ConfigDict(extra="forbid")

    article: str = Field(description="The report's article id (or a unique prefix).")
    by: str | None = Field(default=None, description="Who makes the correction (recorded with it).")


class SplitRequest(BaseModel):
    """Split reports off this story into a story of their own."""

    model_config = ConfigDict(extra="forbid")

    articles: list[str] = Field(min_length=1, max_length=500, description="Article ids (or unique prefixes).")
    by: str | None = Field(default=None, description="Who makes the correction (recorded with it).")


class CorrectionOut(BaseModel):
    """A correction as kept on the desk, and the story each report it names is in now."""

    correction: Correction
    stories: dict[str, str] = Field(description="Article id -> the id of the story it is in now.")

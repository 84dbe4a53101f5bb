"""Stories for the server: the reconciler's story desk, kept current as reports arrive.

Stories are not stored; they are built by :mod:`storydesk.reconcile` from the case files on
the desk (loaded when the server starts) and rebuilt when a report is added, so they always
match what is on the desk. Built stories are cached until the next report arrives.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from pydantic import BaseModel

from storydesk import errors
from storydesk.model import CaseFile
from storydesk.reconcile.desk import StoryDesk, UnknownItem
from storydesk.reconcile.model import Story
from storydesk.store import Desk

log = logging.getLogger(__name__)


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


def story_summary(story: Story) -> StoryOut:
    outlets = list(dict.fromkeys(m.outlet for m in story.members if m.outlet))
    return StoryOut(
        id=story.id,
        headline=story.headline,
        first_published=story.first_published,
        last_published=story.last_published,
        reports=len(story.members),
        outlets=outlets,
        conflicts=len(story.conflicts),
        updates=sum(1 for f in story.facts if f.verdict == "updated"),
    )


class StoryIndex:
    def __init__(self) -> None:
        self._desk = StoryDesk()
        self._lock = threading.Lock()
        self._built: list[Story] | None = None

    def load(self, desk: Desk) -> int:
        """Every current report on the desk, in the order they were added."""
        rows = desk.articles()
        cases = [desk.case_file(row.id) for row in reversed(rows)]
        with self._lock:
            self._desk.add_all(cases)
            self._built = None
        log.info("%d reports reconciled into stories", len(cases))
        return len(cases)

    def add(self, case: CaseFile) -> None:
        with self._lock:
            if case.article.id not in self._desk.cases:
                self._desk.add(case)
                self._built = None

    def stories(self) -> list[Story]:
        with self._lock:
            if self._built is None:
                self._built = self._desk.stories()
            return self._built

    def story(self, ref: str) -> Story:
        """A story by its id, or the story holding an article id."""
        for story in self.stories():
            if story.id == ref or story.member(ref) is not None:
                return story
        with self._lock:
            try:
                return self._desk.story(ref)
            except UnknownItem:
                raise errors.story_not_found(ref) from None

    def case(self, article_id: str) -> CaseFile:
        with self._lock:
            return self._desk.cases[article_id]

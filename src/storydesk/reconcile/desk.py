"""An in-memory story desk: add case files, read stories, correct assignment.

The library without a database: :class:`StoryDesk` keeps case files, the candidate index
and the corrections; stories are built on demand from the set of reports, so the same
reports and corrections give the same stories in any order of arrival. A SQL desk can hold
the same three things (case files, corrections, and the assignment it last computed).
"""

from __future__ import annotations

from collections.abc import Iterable

from storydesk.model import CaseFile
from storydesk.reconcile.assign import AssignConfig, Assigner
from storydesk.reconcile.features import features
from storydesk.reconcile.model import Correction, Story, WhatsNew
from storydesk.reconcile.story import build_story, canonical, story_id
from storydesk.reconcile.whatsnew import whats_new


class UnknownItem(KeyError):
    """An article or story id the desk does not hold."""


class StoryDesk:
    def __init__(self, config: AssignConfig | None = None, corrections: Iterable[Correction] = ()) -> None:
        self.assigner = Assigner(config)
        self.cases: dict[str, CaseFile] = {}
        for correction in corrections:
            self.assigner.correct(correction)

    def add(self, case: CaseFile) -> WhatsNew:
        """Add a report; returns the story it joined and what it brings to it."""
        article_id = case.article.id
        self.cases[article_id] = case
        members = self.assigner.add(features(case))
        story = self._story(members)
        return whats_new(story, article_id, new_story=members == [article_id])

    def add_all(self, cases: Iterable[CaseFile]) -> None:
        for case in cases:
            self.cases[case.article.id] = case
            self.assigner.index.add(features(case))

    def stories(self) -> list[Story]:
        """Every story, newest first publication last (sorted by first publication, then id)."""
        found = [self._story(members) for members in self.assigner.stories()]
        return sorted(found, key=lambda s: (s.first_published is None, s.first_published, s.id))

    def story(self, story_ref: str) -> Story:
        """A story by its id, or the story holding an article id."""
        for members in self.assigner.stories():
            anchor = canonical([self.cases[a] for a in members])[0].article.id
            if story_id(anchor) == story_ref or story_ref in members:
                return self._story(members)
        raise UnknownItem(story_ref)

    def move(self, article_id: str, story_ref: str) -> Correction:
        """Put a report in another story; kept as a correction, re-applied on every run."""
        if article_id not in self.cases:
            raise UnknownItem(article_id)
        target = self.story(story_ref)
        current = self.story(article_id)
        correction = Correction(
            kind="move",
            articles=[article_id],
            target=target.members[0].article_id,
            apart_from=[m.article_id for m in current.members if m.article_id != article_id],
        )
        self.assigner.correct(correction)
        return correction

    def split(self, article_ids: list[str]) -> Correction:
        """Make these reports a story of their own, apart from the rest of their story."""
        missing = [a for a in article_ids if a not in self.cases]
        if missing:
            raise UnknownItem(missing[0])
        rest = {m.article_id for a in article_ids for m in self.story(a).members} - set(article_ids)
        correction = Correction(kind="split", articles=list(article_ids), apart_from=sorted(rest))
        self.assigner.correct(correction)
        return correction

    @property
    def corrections(self) -> list[Correction]:
        return list(self.assigner.corrections)

    def _story(self, members: list[str]) -> Story:
        corrected = frozenset(a for c in self.assigner.corrections for a in c.articles if a in members)
        scores = {
            a: round(sum(self.assigner.similarity(a, b) for b in members if b != a) / (len(members) - 1), 4)
            for a in members
            if len(members) > 1
        }
        return build_story([self.cases[a] for a in members], corrected=corrected, scores=scores)

"""Hand-built case files for reconcile tests: fictional reports, spans found in their text."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from storydesk.model import (
    Article,
    CaseFile,
    Event,
    Evidence,
    Fact,
    FactValue,
    Mention,
    MentionKind,
    Number,
    Person,
    TimeRef,
)


@dataclass
class Report:
    text: str
    published: str
    outlet: str = "Northgate Herald"
    people: list[Person] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)

    @property
    def id(self) -> str:
        return hashlib.sha1(self.text.encode()).hexdigest()[:16]

    def span(self, words: str, after: int = 0) -> Evidence:
        start = self.text.index(words, after)
        return Evidence(article_id=self.id, start=start, end=start + len(words), text=words)

    def person(self, pid: str, name: str, *forms: str, kind: MentionKind = "name", named: bool = True) -> str:
        mentions = []
        after = 0
        for form in (name, *forms):
            evidence = self.span(form, after)
            after = evidence.end
            mentions.append(Mention(kind=kind if named else "description", evidence=evidence))
        self.people.append(
            Person(id=pid, name=name, named=named, variants=[name, *forms] if named else [], mentions=mentions)
        )
        return pid

    def fact(
        self,
        subject: str,
        attribute: str,
        value: FactValue,
        words: str,
        *,
        name: str = "",
        qualifier: str | None = None,
    ) -> None:
        self.facts.append(
            Fact(
                id=f"f{len(self.facts) + 1}",
                subject=subject,
                subject_name=name or subject,
                attribute=attribute,
                value=value,
                qualifier=qualifier,
                evidence=self.span(words),
                published=dt.date.fromisoformat(self.published),
            )
        )

    def case(self) -> CaseFile:
        article = Article(
            id=self.id,
            text=self.text,
            raw=self.text,
            outlet=self.outlet,
            published=dt.date.fromisoformat(self.published),
            title=self.text.split(".")[0],
        )
        return CaseFile(
            article=article,
            people=self.people,
            facts=self.facts,
            events=self.events,
            times=self.times,
            numbers=self.numbers,
        )

"""Build a :class:`Story` from the case files of its reports: cast, timeline, facts, conflicts.

A pure function of the set of case files: the same reports in any order give the same
story (the reports are put in canonical order: publication date, then article id).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence

from storydesk.model import CaseFile
from storydesk.reconcile.cast import build_cast
from storydesk.reconcile.copies import find_copies
from storydesk.reconcile.facts import Context, compare_facts
from storydesk.reconcile.families import with_families
from storydesk.reconcile.model import Appearance, Story, StoryMember
from storydesk.reconcile.timeline import build_timeline


def story_id(anchor_article_id: str) -> str:
    return "s-" + hashlib.sha1(anchor_article_id.encode()).hexdigest()[:10]


def canonical(cases: Sequence[CaseFile]) -> list[CaseFile]:
    unique = {c.article.id: c for c in cases}
    return sorted(unique.values(), key=lambda c: (c.article.published or dt.date.min, c.article.id))


def build_story(
    cases: Sequence[CaseFile],
    *,
    corrected: frozenset[str] = frozenset(),
    scores: Mapping[str, float] | None = None,
    appearances: Mapping[str, Sequence[Appearance]] | None = None,
) -> Story:
    """Reconcile the case files of one story. ``corrected``: reports a person placed here.
    ``appearances``: every place each report's exact text was seen (the desk's
    ``article_appearances``); those other than the report's own are its mirrors."""
    ordered = canonical(cases)
    if not ordered:
        raise ValueError("a story needs at least one report")
    order = {c.article.id: i for i, c in enumerate(ordered)}
    copies = find_copies(ordered)
    anchor = ordered[0].article
    members = [
        StoryMember(
            article_id=c.article.id,
            label=f"R{i}",
            outlet=c.article.outlet,
            published=c.article.published,
            title=c.article.title,
            url=c.article.url,
            copy_of=copies.get(c.article.id),
            assigned_by="correction" if c.article.id in corrected else "founder" if i == 1 else "similarity",
            score=(scores or {}).get(c.article.id),
            appearances=mirrors_of(c, (appearances or {}).get(c.article.id, ())),
        )
        for i, c in enumerate(ordered, 1)
    ]
    cast = build_cast(ordered)
    timeline, event_of = build_timeline(ordered, cast.person_of, order, cast.members)
    ctx = Context(
        cast={m.id: m for m in cast.members},
        person_of=cast.person_of,
        event_of=event_of,
        timeline={e.id: e for e in timeline},
        order=order,
        copy_root={a: _root(a, copies) for a in order},
        outlets={c.article.id: c.article.outlet or f"R{order[c.article.id] + 1}" for c in ordered},
    )
    facts, conflicts = compare_facts(ordered, ctx)
    conflicted: dict[str, list[str]] = {}
    for note in conflicts:
        conflicted.setdefault(note.subject, []).append(note.id)
    members_cast = [m.model_copy(update={"conflicts": conflicted.get(m.id, [])}) for m in cast.members]
    dates = [c.article.published for c in ordered if c.article.published is not None]
    story = Story(
        id=story_id(anchor.id),
        headline=anchor.title,
        first_published=min(dates) if dates else None,
        last_published=max(dates) if dates else None,
        members=members,
        conflicts=conflicts,
        cast=members_cast,
        timeline=timeline,
        facts=facts,
    )
    # Source families and independent-source counts (branch `copies`, issue 11): fills only
    # the optional fields Story.families / independent_sources, StoryMember.family and
    # FactComparison.reports / independent_sources.
    return with_families(story, ordered)


def _place(url: str | None, outlet: str | None) -> str:
    return url or f"outlet:{outlet or ''}"


def mirrors_of(case: CaseFile, seen: Sequence[Appearance]) -> list[Appearance]:
    """The places a report's text was seen other than its own URL (or outlet), each once."""
    own = _place(case.article.url, case.article.outlet)
    found: dict[str, Appearance] = {}
    for place in seen:
        key = _place(place.url, place.outlet)
        if key != own:
            found.setdefault(key, place)
    return list(found.values())


def _root(article_id: str, copies: Mapping[str, str]) -> str:
    seen = {article_id}
    while article_id in copies and copies[article_id] not in seen:
        article_id = copies[article_id]
        seen.add(article_id)
    return article_id

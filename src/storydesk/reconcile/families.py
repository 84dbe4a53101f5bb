"""A story's source families: fill the story's optional family fields from its reports.

:func:`with_families` adds to a built :class:`Story` what copies mean for it, and changes
nothing else: ``Story.families`` (each original, its origin, its copies with the share of
text they carry and what each changed; the mirrors of its members' exact texts, from
``StoryMember.appearances``, with the origin the earliest published appearance unless a
credit names one), ``StoryMember.family``, and beside every fact
comparison the count of reports and of independent sources (``age: 9 reports,
3 independent sources``), and the story's own count of independent sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storydesk.model import Article, CaseFile, Evidence
from storydesk.reconcile import changes, sketch
from storydesk.reconcile.copies import publication_order
from storydesk.reconcile.model import Appearance, CopyChange, FamilyCopy, FamilyMirror, SourceFamily, Story
from storydesk.reconcile.provenance import Family, independent_count, source_families


def _copy(copy: Article, original: Article) -> FamilyCopy:
    measured = sketch.overlap(sketch.shingles(copy.text), sketch.shingles(original.text))
    return FamilyCopy(
        article_id=copy.id,
        copy_of=original.id,
        share_of_copy=round(measured.share_of_a, 3),
        share_of_original=round(measured.share_of_b, 3),
        changes=[
            CopyChange(kind=c.kind, before=c.before, after=c.after, paragraph=c.paragraph)
            for c in changes.changes(original.text, copy.text, original.title, copy.title)
        ],
    )


def _mirror(article: Article, seen: Appearance) -> FamilyMirror:
    retitled = (article.title or "").strip() != (seen.title or "").strip() and seen.title
    headline = [CopyChange(kind="headline", before=article.title, after=seen.title)] if retitled else []
    return FamilyMirror(article_id=article.id, appearance=seen, changes=headline)


def _earliest_outlet(family: Family, articles: dict[str, Article], mirrors: list[FamilyMirror]) -> str | None:
    """The outlet of the family's earliest published appearance, stored report or mirror
    (ties: the stored report, then the mirror seen first)."""
    dated: list[tuple[dt.date, int, str]] = []
    for rank, a in enumerate(family.members):
        article = articles[a]
        if article.published is not None and article.outlet:
            dated.append((article.published, rank, article.outlet))
    for rank, m in enumerate(mirrors, len(family.members)):
        outlet = m.appearance.outlet or m.appearance.url
        if m.appearance.published is not None and outlet:
            dated.append((m.appearance.published, rank, outlet))
    return min(dated)[2] if dated else None


def _family(family: Family, articles: dict[str, Article], seen: dict[str, list[Appearance]]) -> SourceFamily:
    original = articles[family.original]
    evidence = [
        Evidence(article_id=a, start=c.start, end=c.end, text=articles[a].text[c.start : c.end])
        for a, c in family.credits
        if c.name == family.origin
    ]
    mirrors = [_mirror(articles[a], place) for a in family.members for place in seen.get(a, [])]
    origin = family.origin
    if family.origin_kind == "earliest":  # no credit names one: the earliest published appearance
        origin = _earliest_outlet(family, articles, mirrors) or origin
    return SourceFamily(
        id=family.id,
        original=family.original,
        origin=origin,
        origin_kind=family.origin_kind,
        origin_evidence=evidence,
        members=list(family.members),
        copies=[_copy(articles[a], original) for a in family.copies],
        mirrors=mirrors,
    )


def with_families(story: Story, cases: Sequence[CaseFile | Article]) -> Story:
    """The story with its source families and independent-source counts filled in."""
    articles = {a.id: a for a in publication_order(cases)}
    seen = {m.article_id: list(m.appearances) for m in story.members if m.appearances}
    found = source_families(articles.values())
    family_of = {member: f.id for f in found for member in f.members}
    facts = []
    for fact in story.facts:
        given = {a for v in fact.values for a in v.articles}
        facts.append(
            fact.model_copy(update={"reports": len(given), "independent_sources": independent_count(given, family_of)})
        )
    return story.model_copy(
        update={
            "families": [_family(f, articles, seen) for f in found],
            "independent_sources": len(found),
            "members": [m.model_copy(update={"family": family_of.get(m.article_id)}) for m in story.members],
            "facts": facts,
        }
    )

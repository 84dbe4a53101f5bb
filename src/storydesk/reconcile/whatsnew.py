"""What's new: what one report brings to its story.

For every comparison in the story that the report takes part in, the report either
``adds`` a fact no earlier-known report gave, ``confirms`` a value another report gave,
``updates`` it (the comparison is an update and the report's value is different from
those before it), or ``contradicts`` it (the comparison is a conflict and the report's
value differs from the others). Cast members and timeline entries only this report
mentions are listed as new.
"""

from __future__ import annotations

from storydesk.reconcile.model import Change, FactComparison, Story, ValueSources, WhatsNew, WhatsNewItem


def whats_new(story: Story, article_id: str, *, new_story: bool) -> WhatsNew:
    items = [item for comparison in story.facts if (item := _item(comparison, article_id)) is not None]
    return WhatsNew(
        article_id=article_id,
        story_id=story.id,
        new_story=new_story,
        items=sorted(items, key=lambda i: ("contradicts", "updates", "adds", "confirms").index(i.change)),
        new_cast=[m.id for m in story.cast if m.articles == [article_id] and len(story.members) > 1],
        new_events=[e.id for e in story.timeline if e.articles == [article_id] and len(story.members) > 1],
    )


def _item(comparison: FactComparison, article_id: str) -> WhatsNewItem | None:
    mine = [v for v in comparison.values if article_id in v.articles]
    if not mine:
        return None
    others = [_without(v, article_id) for v in comparison.values]
    previous = [v for v in others if v.articles]
    value = mine[0]
    change: Change
    if not previous:
        change = "adds"
    elif any(article_id in v.articles and len(v.articles) > 1 for v in comparison.values):
        change = "confirms"
    elif comparison.verdict == "updated":
        change = "updates"
    else:
        change = "contradicts"
    return WhatsNewItem(
        change=change,
        subject=comparison.subject,
        subject_name=comparison.subject_name,
        attribute=comparison.attribute,
        value=value.value,
        previous=previous,
        evidence=[e for e in value.evidence if e.article_id == article_id],
        fact_id=comparison.id,
    )


def _without(value: ValueSources, article_id: str) -> ValueSources:
    keep = [i for i, a in enumerate(value.articles) if a != article_id]
    return value.model_copy(
        update={
            "articles": [value.articles[i] for i in keep],
            "published": [value.published[i] for i in keep if i < len(value.published)],
            "evidence": [e for e in value.evidence if e.article_id != article_id],
        }
    )

"""Source families in the rendered story: a ``Sources`` section, and the count of independent
sources beside each fact. Called from :mod:`storydesk.reconcile.render`."""

from __future__ import annotations

from collections.abc import Callable

from storydesk.reconcile.model import CopyChange, FactComparison, Story

_SNIPPET = 70


def _snippet(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def change_text(change: CopyChange) -> str:
    """One change of a copy in words: ``trimmed ¶3 “…”``."""
    if change.kind == "headline":
        return f"new headline “{_snippet(change.after)}”"
    if change.kind == "trimmed":
        return f"trimmed ¶{change.paragraph} “{_snippet(change.before)}”"
    if change.kind == "added":
        return f"added ¶{change.paragraph} “{_snippet(change.after)}”"
    return f"edited ¶{change.paragraph} “{_snippet(change.before)}” → “{_snippet(change.after)}”"


def family_lines(story: Story, head: Callable[[str], str], bullet: str) -> list[str]:
    """The ``Sources`` section: one entry per family with copies or mirrors (origin, original,
    copies and what each changed, the other places its texts appeared); empty when no
    report copies another."""
    copied = [f for f in story.families if f.copies or f.mirrors]
    if not copied:
        return []
    label = story.label
    lines = [head(f"Sources ({story.independent_sources} independent of {len(story.members)} reports)")]
    for family in copied:
        lines.append(
            f"{bullet}origin {family.origin} ({family.origin_kind}): original {label(family.original)}, "
            f"copies {', '.join(label(c.article_id) for c in family.copies) or 'none'}"
        )
        for copy in family.copies:
            changed = "; ".join(change_text(c) for c in copy.changes) or "no change"
            lines.append(
                f"{bullet}  {label(copy.article_id)} carries {copy.share_of_original:.0%} of "
                f"{label(copy.copy_of)}, {copy.share_of_copy:.0%} of it is the original's: {changed}"
            )
        for mirror in family.mirrors:
            seen = mirror.appearance
            changed = "; ".join(change_text(c) for c in mirror.changes) or "no change"
            lines.append(
                f"{bullet}  mirror of {label(mirror.article_id)} at {seen.outlet or seen.url or 'an unknown outlet'}"
                f"{', ' + seen.published.isoformat() if seen.published else ''}: the same text, {changed}"
            )
    lines.append("")
    return lines


def sources_note(fact: FactComparison) -> str:
    """`` (3 reports, 2 independent sources)`` when copies make the two counts differ, else ``""``."""
    if fact.reports is None or fact.independent_sources is None or fact.reports == fact.independent_sources:
        return ""
    sources = "source" if fact.independent_sources == 1 else "sources"
    return f" ({fact.reports} reports, {fact.independent_sources} independent {sources})"

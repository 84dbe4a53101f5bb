"""A story as text, Markdown or JSON. Every line names its reports by label (R1, R2, ...);
the list of reports at the top maps each label to its outlet, date and article id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from storydesk.reconcile.familyview import family_lines, sources_note
from storydesk.reconcile.model import FactComparison, Story, ValueSources

Format = Literal["text", "md", "json"]


def render_story(story: Story, fmt: Format = "text") -> str:
    if fmt == "json":
        return story.model_dump_json(indent=2) + "\n"
    md = fmt == "md"
    lines: list[str] = []
    head: Callable[[str], str] = (lambda t: f"## {t}") if md else (lambda t: f"{t}\n{'-' * len(t)}")
    bullet = "- " if md else "  "
    labels = story.label

    def refs(articles: list[str]) -> str:
        return "[" + ", ".join(labels(a) for a in articles) + "]"

    title = story.headline or story.id
    lines.append(f"# {title}" if md else title)
    span = f"{story.first_published} to {story.last_published}" if story.first_published else "undated"
    lines.append(f"story {story.id} · {len(story.members)} reports · {span}")
    lines.append("")
    lines.append(head("Reports"))
    for m in story.members:
        copy = f" (copy of {labels(m.copy_of)})" if m.copy_of else ""
        where = f"{m.published or 'undated'} {m.outlet or 'unknown outlet'}"
        lines.append(f"{bullet}{m.label} {where}: {m.title or ''}{copy} · {m.article_id}")
    lines.append("")
    lines.extend(family_lines(story, head, bullet))  # source families (branch `copies`)
    if story.conflicts:
        lines.append(head("Conflicts"))
        for note in story.conflicts:
            sources = " · ".join(f"{v.value} {refs(v.articles)}" for v in note.values)
            lines.append(f"{bullet}{note.subject_name}: {note.summary} — {sources}")
        lines.append("")
    lines.append(head("Cast"))
    for c in story.cast:
        variants = "; ".join(f"{v.name} {refs(v.articles)}" for v in c.variants)
        descriptions = "; ".join(f"{v.name} {refs(v.articles)}" for v in c.descriptions[:4])
        detail = " · ".join(x for x in (variants, descriptions) if x)
        lines.append(f"{bullet}{c.name} ({c.kind}) {refs(c.articles)}{': ' + detail if detail else ''}")
    lines.append("")
    if story.timeline:
        lines.append(head("Timeline"))
        for e in story.timeline:
            who = ", ".join(f"{p.role} {p.name}" for p in e.participants)
            dates = ""
            if len(e.dates_given) > 1:
                dates = " (dates given: " + " · ".join(f"{d.value} {refs(d.articles)}" for d in e.dates_given) + ")"
            lines.append(f"{bullet}{e.date or 'undated'} {e.type}{': ' + who if who else ''} {refs(e.articles)}{dates}")
        lines.append("")
    lines.append(head("Facts"))
    for f in story.facts:
        lines.append(f"{bullet}{_fact_line(f, refs)}")
    return "\n".join(lines).rstrip() + "\n"


def _fact_line(f: FactComparison, refs: Callable[[list[str]], str]) -> str:
    def one(v: ValueSources) -> str:
        return f"{v.value}{' (' + v.qualifier + ')' if v.qualifier else ''} {refs(v.articles)}"

    values = " · ".join(one(v) for v in f.values)
    current = f" → now {f.current}" if f.current is not None else ""
    return f"{f.subject_name} · {f.attribute}: {values} — {f.verdict}{current}{sources_note(f)}"

"""Plain-text and Markdown renderings of a case file."""

from __future__ import annotations

from storydesk.model import CaseFile
from storydesk.render.outline import outline


def render_text(case: CaseFile) -> str:
    title, header, sections = outline(case)
    out = [title, "=" * min(len(title), 78), *header]
    for section in sections:
        out += ["", section.title.upper()]
        out += [f"  {line}" for line in section.lines] or ["  (none found)"]
    return "\n".join(out) + "\n"


def render_markdown(case: CaseFile) -> str:
    title, header, sections = outline(case)
    out = [f"# {title}", "", *[f"- {line}" for line in header]]
    for section in sections:
        out += ["", f"## {section.title}", ""]
        for line in section.lines or ["(none found)"]:
            indent = len(line) - len(line.lstrip(" "))
            out.append(("  " * (indent // 2)) + "- " + line.strip())
    return "\n".join(out) + "\n"

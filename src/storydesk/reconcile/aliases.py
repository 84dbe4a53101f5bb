"""Alias statements: a report saying one person also goes by another name.

``Darren McAteer, who also used the name Darren Stokes``, ``also known as``, ``formerly
known as``, ``née``, ``real name``. The alias is given to the person named closest before the
statement in the same sentence. The cast then matches either name across reports, and folds
a person the same report lists under the alias into the person who carries it.
"""

from __future__ import annotations

import re

from storydesk.model import CaseFile

_NAME = r"['‘\"“]?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})"
_STATEMENT = re.compile(
    r"\b(?:also\s+(?:(?:been\s+)?known\s+as|used\s+the\s+(?:sur)?name|uses\s+the\s+(?:sur)?name|went\s+by|goes\s+by|called)"
    r"|formerly\s+(?:known\s+as)?|previously\s+known\s+as|n[ée]e|real\s+name\s+(?:is|was)|a\.?k\.?a\.?)\s+" + _NAME
)
_REACH = 160  # characters back from the statement to the name it qualifies: one sentence


def alias_statements(case: CaseFile) -> dict[str, set[str]]:
    """Person id -> alias names the report gives them."""
    found: dict[str, set[str]] = {}
    text = case.article.text
    for match in _STATEMENT.finditer(text):
        start = match.start()
        sentence_start = max(text.rfind(". ", 0, start), start - _REACH)
        best: tuple[int, str] | None = None
        for person in case.people:
            if not person.named:
                continue
            for mention in person.mentions:
                if mention.kind == "pronoun" or mention.kind == "description":
                    continue
                end = mention.evidence.end
                if sentence_start <= mention.evidence.start and end <= start and (best is None or end > best[0]):
                    if mention.evidence.text in match.group(1):
                        continue
                    best = (end, person.id)
        if best is not None:
            found.setdefault(best[1], set()).add(match.group(1))
    return found

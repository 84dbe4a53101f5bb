"""What a copy changed: its headline, and paragraph by paragraph its body, against the original.

The bodies are compared as sequences of paragraphs (whitespace normalised). A paragraph of
the original that the copy lacks is ``trimmed``; one the copy has and the original lacks is
``added`` (an update, or the copying site's boilerplate); a paragraph changed in place (the
two still share most of their words) is ``edited``, shown as the sentences that differ.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal["headline", "trimmed", "added", "edited"]
# Two paragraphs are one paragraph edited when difflib's ratio over their words is at least
# this. A rule, not tuned: an edit that changes half a paragraph's words is a new paragraph.
EDITED_MIN_RATIO = 0.5
_SENTENCE = re.compile(r"(?<=[.!?'\"”’])\s+(?=[A-Z'\"“‘])")


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    before: str | None  # the original's text (None for an addition)
    after: str | None  # the copy's text (None for a trim)
    paragraph: int | None  # the paragraph's number in the copy (trims: in the original), from 1


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _edited(before: str, after: str, number: int) -> list[Change]:
    """The sentences that differ between two versions of one paragraph."""
    old, new = _sentences(before), _sentences(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes.append(Change("edited", " ".join(old[i1:i2]) or None, " ".join(new[j1:j2]) or None, number))
    return changes


def _replaced(old: list[str], new: list[str], i0: int, j0: int) -> list[Change]:
    """A block of paragraphs replaced by another: pair the ones edited in place, in order."""
    changes: list[Change] = []
    i = 0
    for j, paragraph in enumerate(new):
        match = next((k for k in range(i, len(old)) if _ratio(old[k], paragraph) >= EDITED_MIN_RATIO), None)
        if match is None:
            changes.append(Change("added", None, paragraph, j0 + j + 1))
            continue
        changes.extend(Change("trimmed", old[k], None, i0 + k + 1) for k in range(i, match))
        changes.extend(_edited(old[match], paragraph, j0 + j + 1))
        i = match + 1
    changes.extend(Change("trimmed", old[k], None, i0 + k + 1) for k in range(i, len(old)))
    return changes


def changes(original_text: str, copy_text: str, original_title: str | None, copy_title: str | None) -> list[Change]:
    """What the copy changed, in the copy's order: headline first, then its paragraphs."""
    found: list[Change] = []
    if (original_title or "").strip() != (copy_title or "").strip():
        found.append(Change("headline", original_title, copy_title, None))
    old, new = paragraphs(original_text), paragraphs(copy_text)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            found.extend(Change("trimmed", old[k], None, k + 1) for k in range(i1, i2))
        elif tag == "insert":
            found.extend(Change("added", None, new[k], k + 1) for k in range(j1, j2))
        elif tag == "replace":
            found.extend(_replaced(old[i1:i2], new[j1:j2], i1, j1))
    return found

"""Copies: reports that reproduce another report's text (syndicated, mirrored, wire copy).

A report is a copy of an earlier one when at least ``MIN_CONTAINMENT`` of its word 8-grams
appear in it (containment, so a trimmed copy still counts). Copies count once when facts
are corroborated: five sites running one agency text are one source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storydesk.model import CaseFile

SHINGLE = 8
# A rule: copies of a text share most of their 8-grams; independent reports of one event
# share almost none (quotes run shorter than 8 words of identical context in the gold stories).
MIN_CONTAINMENT = 0.6


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_copies(cases: Sequence[CaseFile]) -> dict[str, str]:
    """Article id -> the earliest report it copies (only copies are listed)."""
    ordered = sorted(cases, key=lambda c: (c.article.published or dt.date.min, c.article.id))
    shingles = [_shingles(c.article.text) for c in ordered]
    copies: dict[str, str] = {}
    for i, case in enumerate(ordered):
        mine = shingles[i]
        if not mine:
            continue
        for j in range(i):
            if ordered[j].article.id in copies:
                continue
            if len(mine & shingles[j]) / len(mine) >= MIN_CONTAINMENT:
                copies[case.article.id] = ordered[j].article.id
                break
    return copies

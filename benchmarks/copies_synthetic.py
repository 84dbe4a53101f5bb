"""Synthetic copies of a report, for the copies benchmarks: what syndication does to a text.

Each kind makes one copy of an original text the way a copying site does, and says what a
reader should see it changed (the kinds of :mod:`storydesk.reconcile.changes`):

- ``reheadlined``: the same body under a new headline, with a line naming where it first
  appeared (the same body alone would be the same article id: stored once, no copy at all);
- ``trimmed``: the first 60% of the paragraphs (at least three), a new headline;
- ``wrapped``: the same body with the copying site's boilerplate above and below;
- ``excerpt``: the first three paragraphs only, the original headline;
- ``edited``: one sentence changed (a number or a word), and an update paragraph added.

Deterministic: the copy depends only on the text, the kind and the seed.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

KINDS = ("reheadlined", "trimmed", "wrapped", "excerpt", "edited")
_BOILERPLATE_TOP = (
    "Sign up to our free daily newsletter for the biggest stories from across the region.",
    "Get the latest headlines sent straight to your inbox every morning with our briefing.",
)
_BOILERPLATE_BOTTOM = (
    "Do you have a story for us? Contact our newsdesk by email or message us on social media.",
    "Copyright {outlet}. All rights reserved. This article may not be reproduced without permission.",
)
_UPDATE = (
    "Update: A spokesperson for the authority said later that a full statement would be issued "
    "on Monday morning once the families concerned had been informed."
)


@dataclass(frozen=True)
class SyntheticCopy:
    kind: str
    text: str
    title: str
    expected: Counter[str]  # change kind -> how many a reader should see


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _edit_sentence(paragraph: str, rng: random.Random) -> str:
    """Change one number (or, without one, one word) of the paragraph's first sentence."""
    sentence_end = paragraph.find(". ")
    first = paragraph if sentence_end < 0 else paragraph[: sentence_end + 1]
    rest = "" if sentence_end < 0 else paragraph[sentence_end + 1 :]
    number = re.search(r"\d+", first)
    if number:
        changed = first[: number.start()] + str(int(number.group()) + rng.randint(1, 9)) + first[number.end() :]
    else:
        words = first.split()
        position = rng.randrange(1, len(words)) if len(words) > 1 else 0
        words[position] = "reportedly " + words[position]
        changed = " ".join(words)
    return changed + rest


def make_copy(
    text: str, title: str, kind: str, seed: int, outlet: str = "The Copying Site", source: str = "the original site"
) -> SyntheticCopy:
    rng = random.Random(f"{seed}:{kind}:{title}")
    paragraphs = _paragraphs(text)
    new_title = f"{title.rstrip('.')}: what we know" if title else "What we know"
    if kind == "reheadlined":
        credit = f"This article first appeared in {source}."
        return SyntheticCopy(kind, "\n\n".join([*paragraphs, credit]), new_title, Counter({"headline": 1, "added": 1}))
    if kind == "trimmed":
        keep = max(3, round(len(paragraphs) * 0.6))
        trimmed = len(paragraphs) - keep
        return SyntheticCopy(
            kind, "\n\n".join(paragraphs[:keep]), new_title, Counter({"headline": 1, "trimmed": trimmed})
        )
    if kind == "wrapped":
        top = rng.choice(_BOILERPLATE_TOP)
        bottom = [b.format(outlet=outlet) for b in _BOILERPLATE_BOTTOM]
        return SyntheticCopy(kind, "\n\n".join([top, *paragraphs, *bottom]), title, Counter({"added": 3}))
    if kind == "excerpt":
        return SyntheticCopy(
            kind, "\n\n".join(paragraphs[:3]), title, Counter({"trimmed": max(0, len(paragraphs) - 3)})
        )
    if kind == "edited":
        position = 1 if len(paragraphs) > 1 else 0
        edited = [*paragraphs]
        edited[position] = _edit_sentence(edited[position], rng)
        return SyntheticCopy(kind, "\n\n".join([*edited, _UPDATE]), title, Counter({"edited": 1, "added": 1}))
    raise ValueError(f"unknown kind {kind!r}")

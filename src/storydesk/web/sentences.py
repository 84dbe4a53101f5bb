"""Sentence bounds inside a paragraph, so the page can show the whole sentence a fact came from.

A case file keeps only the span that states a fact (``52`` for an age); the page highlights
that span and, more lightly, the sentence around it. This splitter needs no parse: a
sentence ends at ``.``, ``!`` or ``?`` (with any closing quote or bracket) followed by space
and a capital, digit or opening quote, except after a short title or abbreviation. It is
only used for display; nothing is extracted from it.
"""

from __future__ import annotations

import re

# Words that end in a full stop without ending a sentence (newsroom titles and ranks, months).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st det insp sgt supt ch cllr gov sen rep lt col gen capt cmdr prof rev hon jr sr
    no vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec mt ft""".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\w+)[.!?]+[\"'”’)\]]*\s+$")


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute ``(start, end)`` pairs covering the range."""
    bounds = []
    begin = start
    for match in _END.finditer(text, start, end):
        word = _LAST_WORD.search(text, begin, match.end())
        if word and match.group().startswith(".") and word.group(1).lower() in _ABBREVIATIONS:
            continue
        if word and len(word.group(1)) == 1 and word.group(1).isupper() and match.group().startswith("."):
            continue  # an initial: "John F. Kennedy"
        split = match.end()
        bounds.append((begin, split))
        begin = split
    if begin < end:
        bounds.append((begin, end))
    return bounds

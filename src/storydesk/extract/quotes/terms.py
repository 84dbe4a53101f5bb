"""Marked text that is not a quotation: names, pseudonyms, titles of works, scare quotes.

Given a marked stretch that attribution found no speaker for (or that sits inside another
quote), says why it is in marks:

- ``name``: one to four capitalised words, alone in the marks (``'Abraham'``, ``"Ginger"``),
  or after a naming signal (``known as``, ``nicknamed``);
- ``title``: after a title signal (``the film "..."``, ``a report titled "..."``) or
  several words in title case (``"The Long Road Home"``);
- ``scare_quote``: a word or short phrase (up to ``max_scare_words`` words);
- ``term``: anything else short enough not to be a sentence (a legal position, a slogan).

Deliberately not done here: deciding that marked text *is* a quotation (``speakers``).
"""

from __future__ import annotations

import re

from storydesk.extract.quotes.cues import CueTable

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "or", "with"})


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def looks_like_name(content: str) -> bool:
    tokens = words(content)
    return (
        1 <= len(tokens) <= 4
        and all(t[0].isupper() for t in tokens)
        and not content.rstrip().endswith((".", "!", "?", ","))
    )


def looks_like_title(content: str) -> bool:
    tokens = words(content)
    if len(tokens) < 2 or not tokens[0][0].isupper():
        return False
    capitalised = [t for t in tokens if t.lower() not in _SMALL_WORDS]
    return bool(capitalised) and all(t[0].isupper() or t[0].isdigit() for t in capitalised)


def term_reason(content: str, before: str, table: CueTable) -> str:
    """Why ``content`` is in marks; ``before`` is the text just before the opening mark."""
    preceding = before.lower().split()[-3:]
    tail = " ".join(preceding)
    if any(tail.endswith(signal) for signal in table.name_signals) and looks_like_name(content):
        return "name"
    if any(word.strip(",:") in table.title_signals for word in preceding) and looks_like_title(content):
        return "title"
    if looks_like_title(content) and len(words(content)) >= 3:
        return "title"
    if looks_like_name(content):
        return "name"
    if len(words(content)) <= table.max_scare_words:
        return "scare_quote"
    return "term"

"""Quotation-mark pairing: which characters open and close quoted text, and where.

Finds:

- pairs of double (``"..."``, ``“...”``, ``«...»``) and single (``'...'``, ``‘...’``) marks;
- nested pairs, including the British habit of single marks inside single marks
  (``'...our client 'Abraham' concerning...'``), told apart by the shape of each mark
  (an opening mark follows a space or bracket and precedes a word; a closing mark follows
  a word or punctuation and precedes a space, punctuation or the end);
- apostrophes that are not marks: inside words (``Abraham's``, ``don't``, ``O'Brien``),
  decade elisions (``'90s``) and plural possessives (``the drivers' union``, decided by
  looking ahead for the closing mark of an open single quote);
- quotations that run over several paragraphs: a quote still open at the end of a
  paragraph continues when the next paragraph opens with a mark of the same family
  (newspaper style: each paragraph opens with a mark, only the last one closes);
- a quote still open at the end of the text closes there and is flagged ``unclosed``;
  one still open at the end of a paragraph that the next paragraph does not continue
  closes at the paragraph end and is flagged ``closed_at_paragraph_end``.

Deliberately not done here: deciding whether marked text is a quotation, a name, a title
or scare quotes (``terms`` and ``speakers`` do that), and anything needing the parse.
Never raises on unbalanced input: stray closing marks are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Family = Literal["double", "single"]
Role = Literal["open", "close", "either", "apostrophe"]

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_DOUBLE_AMBIGUOUS = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_SINGLE_AMBIGUOUS = "'"
MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_AMBIGUOUS + _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_AMBIGUOUS
_LEFT_BOUNDARY = "([{—–-/:;,…"
_RIGHT_BOUNDARY = ".,;:!?)]}—–-…/"
_DECADE = re.compile(r"['’]\d\d(?:s\b|\b)")


@dataclass(frozen=True)
class MarkedSpan:
    """Text between a pair of quotation marks (or an opening mark and where it was closed)."""

    start: int
    """Offset of the opening mark."""
    content_start: int
    content_end: int
    end: int
    """Offset after the closing mark (``content_end`` when there is none)."""
    family: Family
    depth: int
    """0 for an outermost pair, 1 for a pair inside it, and so on."""
    paragraphs: tuple[int, ...]
    unclosed: bool = False
    """The text ended inside this quote."""
    closed_at_paragraph_end: bool = False
    """No closing mark; the paragraph ended and the next did not continue the quote."""


@dataclass(frozen=True)
class _Open:
    family: Family
    position: int
    paragraph: int


def _family(char: str) -> Family:
    return "double" if char in _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_AMBIGUOUS else "single"


def _is_word(char: str) -> bool:
    return char.isalnum()


def _left_bound(text: str, i: int, lo: int) -> bool:
    if i == lo:
        return True
    prev = text[i - 1]
    return prev.isspace() or prev in _LEFT_BOUNDARY or (prev in MARKS and _left_bound(text, i - 1, lo))


def _right_bound(text: str, i: int, hi: int) -> bool:
    if i + 1 >= hi:
        return True
    nxt = text[i + 1]
    return nxt.isspace() or nxt in _RIGHT_BOUNDARY or (nxt in MARKS and _right_bound(text, i + 1, hi))


def _role(text: str, i: int, lo: int, hi: int) -> Role:
    """The role a mark's shape suggests, before the state of open quotes is considered."""
    char = text[i]
    left, right = _left_bound(text, i, lo), _right_bound(text, i, hi)
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if char in _SINGLE_AMBIGUOUS + _SINGLE_CLOSE + _SINGLE_OPEN:
        if _is_word(prev) and _is_word(nxt):
            return "apostrophe"  # don't, Abraham's, O'Brien
        if left and _DECADE.match(text, i) and char != _SINGLE_OPEN:
            return "apostrophe"  # the '90s
    if char in _DOUBLE_OPEN + _SINGLE_OPEN:
        return "close" if right and not left else "open"
    if char in _DOUBLE_CLOSE:
        return "open" if left and not right else "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _closes_later(text: str, i: int, lo: int, hi: int) -> bool:
    """After ``drivers' union``: is there a closing single mark before any opening one?"""
    for j in range(i + 1, hi):
        if text[j] in _SINGLE_AMBIGUOUS + _SINGLE_CLOSE + _SINGLE_OPEN:
            role = _role(text, j, lo, hi)
            if role == "apostrophe":
                continue
            return role in ("close", "either")
    return False


def paragraph_spans(text: str, paragraphs: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if paragraphs:
        return sorted(paragraphs)
    spans: list[tuple[int, int]] = []
    start = 0
    # blank lines separate paragraphs; text without any has one paragraph a line
    breaks = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    for match in re.finditer(breaks, text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _opens_with_mark(text: str, start: int, end: int, style: str) -> int | None:
    """Offset of the opening mark that starts the paragraph ``text[start:end]``, if any.

    The mark must be the same character as the one that opened the quote (a straight
    quote is not continued by a curly one: mixed styles mean a stray mark, not a speech).
    """
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] == style and _role(text, i, start, end) in ("open", "either"):
        return i
    return None


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def find_marked_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[MarkedSpan]:
    """Every quoted stretch of ``text``, outermost and nested, sorted by start.

    ``paragraphs`` are (start, end) offsets; when omitted, blank lines separate them.
    """
    spans: list[MarkedSpan] = []
    stack: list[_Open] = []
    para_spans = paragraph_spans(text, paragraphs)
    continuation_mark: int | None = None

    def emit(opened: _Open, content_end: int, end: int, last_para: int, **flags: bool) -> None:
        depth = sum(1 for item in stack if item.position < opened.position)
        spans.append(
            MarkedSpan(
                start=opened.position,
                content_start=opened.position + 1,
                content_end=max(opened.position + 1, content_end),
                end=max(opened.position + 1, end),
                family=opened.family,
                depth=depth,
                paragraphs=tuple(range(opened.paragraph, last_para + 1)),
                **flags,
            )
        )

    for p_index, (lo, hi) in enumerate(para_spans):
        i = lo
        while i < hi:
            char = text[i]
            if char not in MARKS or i == continuation_mark:
                i += 1
                continue
            family = _family(char)
            role = _role(text, i, lo, hi)
            open_same = [k for k, item in enumerate(stack) if item.family == family]
            if role == "apostrophe":
                i += 1
                continue
            if role == "close" and family == "single" and _is_word(text[i - 1] if i > lo else ""):
                # A plural possessive (drivers' union) or a closing mark: close only when a
                # single quote is open and, after an s, no later closing mark is waiting for
                # the one open quote (two open singles: the inner one closes here).
                possessive = (
                    text[i - 1] in "sS"
                    and len(open_same) == 1
                    and i + 2 < hi
                    and text[i + 1] == " "
                    and text[i + 2].islower()
                    and _closes_later(text, i, lo, hi)
                )
                if not open_same or possessive:
                    i += 1
                    continue
            if role == "either":
                role = "close" if open_same else "open"
            if role == "open":
                stack.append(_Open(family, i, p_index))
            elif open_same:
                k = open_same[-1]
                inner = stack[k + 1 :]
                del stack[k + 1 :]
                opened = stack.pop()
                del inner  # marks opened inside and never closed are dropped as strays
                emit(opened, i, i + 1, p_index)
            i += 1
        if not stack:
            continue
        next_para = para_spans[p_index + 1] if p_index + 1 < len(para_spans) else None
        outer = stack[0]
        if next_para is not None:
            mark = _opens_with_mark(text, next_para[0], next_para[1], text[outer.position])
            if mark is not None:
                del stack[1:]
                continuation_mark = mark
                continue
        end = _trim_end(text, lo, hi)
        at_text_end = next_para is None
        while stack:
            opened = stack.pop()
            emit(
                opened,
                end,
                end,
                p_index,
                unclosed=at_text_end,
                closed_at_paragraph_end=not at_text_end,
            )
    return sorted(spans, key=lambda s: (s.start, -s.end))

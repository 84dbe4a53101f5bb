"""Quotation-mark pairing: which characters open and close quoted text, and where.

Finds:

- pairs of double (``"..."``, ``“...”``, ``«...»``) and single (``'...'``, ``‘...’``) marks;
- double marks typed as two characters, as the New York Times archive and LaTeX-style
  text write them: two apostrophes (``''...''``) or two backticks then two apostrophes;
  each is one mark two characters wide, so ``''We won,'' she said`` is one double-quoted
  stretch, not two empty single ones. Three apostrophes in a row are a double and a single
  mark in the order their shape says (an opening run opens the double quote first, a
  closing run closes the single quote first); two apostrophes closing when two single
  quotes and no double quote are open are two single marks (``'...our client 'Abraham''``);
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
_WIDE_AMBIGUOUS = "''"
_WIDE_OPEN = "``"


@dataclass(frozen=True)
class MarkedSpan:
    """Text between a pair of quotation marks (or an opening mark and where it was closed)."""

    start: int
    """Offset of the opening mark (``content_start - start`` is its width: 1, or 2 for ``''``)."""
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
    mark: str
    """The opening mark as written: one character, or two for the wide marks."""


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


def _mark_at(text: str, i: int, lo: int, hi: int) -> str:
    """The mark written at ``i`` by its shape alone: two characters for the wide marks
    (for three apostrophes, which pair comes first: see the module docstring), else one."""
    pair = text[i : i + 2]
    if i + 2 > hi or pair not in (_WIDE_AMBIGUOUS, _WIDE_OPEN):
        return text[i]
    if pair == _WIDE_AMBIGUOUS and i + 2 < hi and text[i + 2] == "'" and not (i > lo and text[i - 1] == "'"):
        # three apostrophes: an opening run is double then single, a closing run the reverse
        return pair if _left_bound(text, i, lo) and not _right_bound(text, i + 2, hi) else text[i]
    return pair


def _role(text: str, i: int, lo: int, hi: int, width: int = 1) -> Role:
    """The role a mark's shape suggests, before the state of open quotes is considered."""
    char = text[i]
    left, right = _left_bound(text, i, lo), _right_bound(text, i + width - 1, hi)
    if width == 2:
        if char == "`":
            return "open"
        if left and not right:
            return "open"
        if right and not left:
            return "close"
        return "either"
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


def _closes_two_singles(text: str, i: int, lo: int, hi: int, stack: list[_Open]) -> bool:
    """Two apostrophes closing two open single quotes, with no double one open: two marks."""
    singles = sum(1 for item in stack if item.family == "single")
    return singles >= 2 and not any(item.family == "double" for item in stack) and _role(text, i, lo, hi, 2) == "close"


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
    if (
        i < end
        and _mark_at(text, i, start, end) == style
        and _role(text, i, start, end, len(style)) in ("open", "either")
    ):
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
        content_start = opened.position + len(opened.mark)
        spans.append(
            MarkedSpan(
                start=opened.position,
                content_start=content_start,
                content_end=max(content_start, content_end),
                end=max(content_start, end),
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
            if char not in MARKS and not text.startswith(_WIDE_OPEN, i):
                i += 1
                continue
            mark = _mark_at(text, i, lo, hi)
            if i == continuation_mark:
                i += len(mark)
                continue
            if mark == _WIDE_AMBIGUOUS and _closes_two_singles(text, i, lo, hi, stack):
                mark = char
            width = len(mark)
            family: Family = "double" if width == 2 else _family(char)
            role = _role(text, i, lo, hi, width)
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
                stack.append(_Open(family, i, p_index, mark))
            elif open_same:
                k = open_same[-1]
                inner = stack[k + 1 :]
                del stack[k + 1 :]
                opened = stack.pop()
                del inner  # marks opened inside and never closed are dropped as strays
                emit(opened, i, i + width, p_index)
            i += width
        if not stack:
            continue
        next_para = para_spans[p_index + 1] if p_index + 1 < len(para_spans) else None
        outer = stack[0]
        if next_para is not None:
            opener = _opens_with_mark(text, next_para[0], next_para[1], outer.mark)
            if opener is not None:
                del stack[1:]
                continuation_mark = opener
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

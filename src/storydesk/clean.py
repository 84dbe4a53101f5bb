"""Cleaning: decoded input text in, the text every offset points into out.

Repairs, each recorded as a :class:`~storydesk.model.Repair`:

- mojibake (UTF-8 read as cp1252, ``â€“`` for ``–``), with ftfy;
- control characters and non-breaking spaces;
- paragraphs glued together without a space (``January 24.Friends``);
- stray whitespace: runs of spaces, spaces around line ends, more than one blank line.

Paragraphs in the cleaned text are separated by exactly one blank line. When the input uses
blank lines between paragraphs, single line breaks inside a block are hard wraps and become
spaces; when it never does, each line is a paragraph.

Not done here: sentence splitting (the parser's job) and anything that changes words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

from storydesk.model import Repair, Span

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# A sentence end glued to the next sentence: a lowercase letter or digit (or a closing
# bracket/quote after one), then . ! or ?, maybe a closing quote, then a capitalised word.
# Upper-case before the stop is left alone, so U.S.A. and initials (J.R.R.) survive;
# a lowercase letter after the capital is required, so "e.g.A" or "v.S" is not split.
_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9\)\]])([.!?][\"'’”]?)(?=[A-Z][a-z])")
# Web addresses and e-mail addresses must not be split (``Example.Com`` stays).
_URLISH = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\S+")


@dataclass
class Cleaned:
    text: str
    paragraphs: list[Span]
    repairs: list[Repair] = field(default_factory=list)


def _repair_mojibake(text: str, repairs: list[Repair]) -> str:
    fixed = ftfy.fix_text(
        text,
        normalization="NFC",
        unescape_html=False,
        uncurl_quotes=False,
        fix_line_breaks=True,
    )
    if fixed != text:
        # ftfy explains itself: list the kinds of fix it applied.
        _, steps = ftfy.fix_and_explain(text)
        how = ", ".join(f"{step[0]} {step[1]}" for step in steps or [])
        repairs.append(Repair(kind="mojibake", detail=f"repaired mis-decoded text ({how})"))
    return fixed


def _strip_controls(text: str, repairs: list[Repair]) -> str:
    count = len(_CONTROL.findall(text))
    if count:
        repairs.append(Repair(kind="control_chars", detail="removed control characters", count=count))
        text = _CONTROL.sub("", text)
    return text


def _split_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BLANK_LINE.search(text.strip()):
        blocks = _BLANK_LINE.split(text)
        return [" ".join(line.strip() for line in block.split("\n")) for block in blocks]
    return text.split("\n")


def _unglue(paragraph: str) -> tuple[str, int]:
    protected = [m.span() for m in _URLISH.finditer(paragraph)]

    def inside_url(pos: int) -> bool:
        return any(start <= pos < end for start, end in protected)

    count = 0
    pieces: list[str] = []
    last = 0
    for match in _GLUED_SENTENCE.finditer(paragraph):
        if inside_url(match.start()):
            continue
        pieces.append(paragraph[last : match.end()])
        pieces.append(" ")
        last = match.end()
        count += 1
    pieces.append(paragraph[last:])
    return "".join(pieces), count


def clean_text(text: str) -> Cleaned:
    """Clean decoded text; see the module docstring for what changes. Cleaning a clean text
    changes nothing: when one pass makes a repair visible that it could not see (``Â`` then a
    tab is only mojibake once the tab is a space), the text is cleaned again, at most twice."""
    cleaned = _clean_once(text)
    for _ in range(2):
        again = _clean_once(cleaned.text)
        if again.text == cleaned.text:
            break
        cleaned = Cleaned(text=again.text, paragraphs=again.paragraphs, repairs=[*cleaned.repairs, *again.repairs])
    return cleaned


def _clean_once(text: str) -> Cleaned:
    repairs: list[Repair] = []
    text = _repair_mojibake(text, repairs)
    text = _strip_controls(text, repairs)
    paragraphs: list[str] = []
    glued = 0
    squeezed = 0
    for raw_paragraph in _split_paragraphs(text):
        squashed = _SPACES.sub(" ", raw_paragraph).strip()
        if squashed != raw_paragraph.strip():
            squeezed += 1
        if not squashed:
            continue
        repaired, count = _unglue(squashed)
        glued += count
        paragraphs.append(repaired)
    if glued:
        repairs.append(Repair(kind="paragraph_join", detail="inserted a space between glued sentences", count=glued))
    if squeezed:
        repairs.append(Repair(kind="whitespace", detail="normalised spaces in paragraphs", count=squeezed))
    spans: list[Span] = []
    position = 0
    for paragraph in paragraphs:
        spans.append(Span(start=position, end=position + len(paragraph)))
        position += len(paragraph) + 2
    return Cleaned(text="\n\n".join(paragraphs), paragraphs=spans, repairs=repairs)

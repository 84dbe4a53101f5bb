"""A report's text cut into paragraphs of sentences of segments, each knowing what it is part of.

Spans in a case file overlap (a name inside a quote, a date inside an event), so the text is
cut at every span boundary and every paragraph boundary; each piece then carries the kinds
and item ids of all the spans that cover it. The page wraps each piece in an element with its
offsets, so any evidence span ``[start, end)`` can be highlighted exactly by selecting the
pieces inside it. Text is never turned into markup here: the template escapes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from storydesk.model import CaseFile, Evidence
from storydesk.web.sentences import sentence_bounds

# Kinds of highlighted spans, in the order the page's legend lists them.
KINDS = ("person", "quote", "time", "event", "number", "org", "place")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    kinds: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(f"k-{k}" for k in self.kinds)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    segments: list[Segment]


@dataclass
class Marks:
    """Spans to mark, by kind, each with the id of the item it belongs to."""

    spans: list[tuple[int, int, str, str]] = field(default_factory=list)
    cuts: set[int] = field(default_factory=set)

    def add(self, evidence: Evidence, kind: str, ref: str) -> None:
        if evidence.end > evidence.start:
            self.spans.append((evidence.start, evidence.end, kind, ref))
            self.cuts.update((evidence.start, evidence.end))

    def cut(self, evidence: Evidence) -> None:
        self.cuts.update((evidence.start, evidence.end))


def case_marks(case: CaseFile) -> Marks:
    """Every span of the case file: marked items, and the evidence of facts as cut points."""
    marks = Marks()
    for person in case.people:
        for mention in person.mentions:
            marks.add(mention.evidence, "person", person.id)
    for org in case.organisations:
        for mention in org.mentions:
            marks.add(mention.evidence, "org", org.id)
    for place in case.places:
        for mention in place.mentions:
            marks.add(mention.evidence, "place", place.id)
    for quote in case.quotes:
        marks.add(quote.evidence, "quote", quote.id)
        if quote.speaker_evidence is not None:
            marks.cut(quote.speaker_evidence)
    for time in case.times:
        marks.add(time.evidence, "time", time.id)
    for event in case.events:
        marks.add(event.trigger, "event", event.id)
        marks.cut(event.evidence)
    for number in case.numbers:
        marks.add(number.evidence, "number", number.id)
    for fact in case.facts:
        marks.cut(fact.evidence)
    for sentence in case.summary.sentences:
        marks.cut(sentence)
    return marks


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def paragraph_bounds(case: CaseFile) -> list[tuple[int, int]]:
    """The article's paragraphs, or paragraphs found at blank lines when none were recorded."""
    text = case.article.text
    if case.article.paragraphs:
        return [(p.start, p.end) for p in case.article.paragraphs if p.end > p.start]
    bounds, start = [], 0
    for gap in _BLANK_LINES.finditer(text):
        bounds.append((start, gap.start()))
        start = gap.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def segment(case: CaseFile, marks: Marks | None = None) -> list[list[Sentence]]:
    """Paragraphs of sentences of segments, covering the article text (whitespace between
    paragraphs dropped)."""
    text = case.article.text
    marks = marks or case_marks(case)
    paragraphs: list[list[Sentence]] = []
    ordered = sorted(marks.spans)
    for p_start, p_end in paragraph_bounds(case):
        sentences = []
        for s_start, s_end in sentence_bounds(text, p_start, p_end):
            cuts = sorted({s_start, s_end, *(c for c in marks.cuts if s_start < c < s_end)})
            pieces = []
            for start, end in pairwise(cuts):
                # Spans are few (hundreds); a linear scan per piece keeps this obvious and fast enough.
                over = [s for s in ordered if s[0] <= start and s[1] >= end]
                kinds = tuple(k for k in KINDS if any(s[2] == k for s in over))
                refs = tuple(dict.fromkeys(s[3] for s in over))
                pieces.append(Segment(start, end, text[start:end], kinds, refs))
            sentences.append(Sentence(s_start, s_end, pieces))
        paragraphs.append(sentences)
    return paragraphs

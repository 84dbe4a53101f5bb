"""Quotations and who said them: ``find_quotes(doc, article, people, organisations)``.

Finds direct quotes (whole sentences in marks), partial quotes (a fragment in marks inside
the reporter's sentence) and indirect quotes (reported speech: ``said that...``,
``according to...``), each with its speaker resolved to a person or organisation of the
cast when the text allows, the cue, the channel and the paragraphs it covers. Marked text
that is not a quotation (names and pseudonyms, scare quotes, titles of works, terms) is
returned apart as :class:`~storydesk.model.QuotedTerm`.

The work is split into one module per job: ``marks`` pairs the quotation marks,
``speakers`` finds cues and speaker spans, ``indirect`` finds reported speech,
``resolve`` maps speaker spans to entities, ``terms`` says why unquoted marks are there,
and ``cues`` reads the data table ``storydesk/data/quote_cues.json``.

The time a statement was made (``time_id``) comes from the cue's own clause through
``storydesk.extract.times.anchor.time_for_span``, with dates inside anything quoted left out.

Deliberately not done: quotes inside quotes (they stay part of the outer quote's text and
are listed as quoted terms). Never raises on unbalanced quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc

from storydesk.extract.quotes.carry import carry_speakers
from storydesk.extract.quotes.cues import CueTable, cue_table
from storydesk.extract.quotes.indirect import Reported, find_reported
from storydesk.extract.quotes.marks import MarkedSpan, find_marked_spans, paragraph_spans
from storydesk.extract.quotes.resolve import Cast, SpeakerSpan, build_cast, resolve
from storydesk.extract.quotes.speakers import Attribution, attribute
from storydesk.extract.quotes.terms import looks_like_name, term_reason, words
from storydesk.extract.spans import doc_text, evidence
from storydesk.extract.times.anchor import time_for_span
from storydesk.model import Article, Organisation, Person, Quote, QuotedTerm, TimeRef

__all__ = ["find_quotes"]

_SENTENCE_LIKE = re.compile(r"[.!?,;:…-]['\"’”]*\s*$")  # a nested quote may close it
# An unattributed stretch in marks with at least this many words, opening a sentence, is
# kept as a direct quote with no speaker rather than a term. Set by hand, not tuned;
# PolNeAR dev (all 84 docs) scores storydesk/direct F1@0.3 = 0.845 with it.
_MIN_UNATTRIBUTED_WORDS = 6
# Reported speech around a partial quote is kept as an indirect quote too when it has at
# least this many words outside the marks. Set by hand, not tuned.
_MIN_FRAME_WORDS = 3


@dataclass(frozen=True)
class _Found:
    kind: Literal["direct", "partial", "indirect"]
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: SpeakerSpan | None
    channel: str | None
    paragraphs: tuple[int, ...]
    unclosed: bool = False
    inherited_id: str | None = None
    carried: SpeakerSpan | None = None
    """The speaker a pronoun or ``the statement`` stands for (``carry``)."""


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    return paragraph_spans(article.text, [(p.start, p.end) for p in article.paragraphs])


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_of(paragraphs: Sequence[tuple[int, int]], char: int) -> int:
    return next((i for i, (lo, hi) in enumerate(paragraphs) if lo <= char <= hi), max(0, len(paragraphs) - 1))


def _from_mark(mark: MarkedSpan, attribution: Attribution | None, text: str) -> _Found:
    start, end = _strip(text, mark.content_start, mark.content_end)
    if attribution is None:
        return _Found("direct", start, end, None, None, None, mark.paragraphs, mark.unclosed)
    return _Found(
        attribution.kind,
        start,
        end,
        (attribution.cue_start, attribution.cue_end),
        attribution.speaker,
        attribution.channel,
        mark.paragraphs,
        mark.unclosed,
    )


def _classify_marks(
    doc: Doc,
    paragraphs: Sequence[tuple[int, int]],
    marked: Sequence[MarkedSpan],
    table: CueTable,
) -> tuple[list[_Found], list[tuple[str, MarkedSpan]]]:
    text = doc_text(doc)
    outer = [m for m in marked if m.depth == 0]
    quotes: list[_Found] = []
    terms: list[tuple[str, MarkedSpan]] = []
    for mark in marked:
        if mark.depth > 0:
            content = text[mark.content_start : mark.content_end]
            terms.append((term_reason(content, text[max(0, mark.start - 40) : mark.start], table), mark))
            continue
        p_index = mark.paragraphs[0] if mark.paragraphs else _paragraph_of(paragraphs, mark.start)
        para = paragraphs[p_index] if p_index < len(paragraphs) else (0, len(text))
        last = paragraphs[mark.paragraphs[-1]] if mark.paragraphs and mark.paragraphs[-1] < len(paragraphs) else para
        prev_para = paragraphs[p_index - 1] if p_index > 0 else None
        content = text[mark.content_start : mark.content_end].strip()
        attribution = attribute(doc, mark, (para[0], last[1]), prev_para, outer, table)
        n_words = len(words(content))
        if attribution is not None and attribution.kind == "partial" and looks_like_name(content):
            attribution = None
        if attribution is not None:
            quotes.append(_from_mark(mark, attribution, text))
            continue
        before = text[para[0] : mark.start]
        sentence_like = bool(_SENTENCE_LIKE.search(content)) or mark.unclosed or mark.closed_at_paragraph_end
        opens_sentence = not before.strip() or bool(re.search(r"[.!?:]['\"’”]?\s*$", before))
        previous = quotes[-1] if quotes else None
        if (
            opens_sentence
            and sentence_like
            and n_words >= 2
            and previous is not None
            and previous.speaker is not None
            and (
                (previous.kind == "direct" and (previous.paragraphs[-1] if previous.paragraphs else -9) >= p_index - 1)
                # she called it "a disgrace." "We will fight on.": a partial quote's speaker
                # goes on, in the same paragraph
                or (previous.kind == "partial" and previous.paragraphs[-1:] == (p_index,))
            )
        ):
            found = _from_mark(mark, None, text)
            quotes.append(
                _Found(
                    "direct",
                    found.start,
                    found.end,
                    previous.cue,
                    previous.speaker,
                    previous.channel,
                    found.paragraphs,
                    found.unclosed,
                )
            )
            continue
        if opens_sentence and n_words >= _MIN_UNATTRIBUTED_WORDS and not looks_like_name(content):
            quotes.append(_from_mark(mark, None, text))
            continue
        terms.append((term_reason(content, text[max(0, mark.start - 40) : mark.start], table), mark))
    return quotes, terms


def _frames_fragments(reported: Reported, overlapping: Sequence[tuple[int, int, str]], text: str) -> bool:
    """``said his client would 'vigorously contest' the allegations``: reported speech with
    partial quotes inside it is both (the clause is indirect, the marked words partial)."""
    if any(kind != "partial" or not (reported.start <= s and e <= reported.end) for s, e, kind in overlapping):
        return False
    outside = text[reported.start : reported.end]
    for s, e, _ in sorted(overlapping, reverse=True):
        offset = reported.start
        outside = outside[: s - offset] + " " + outside[e - offset :]
    return len(words(outside)) >= _MIN_FRAME_WORDS


def _from_reported(reported: Reported, paragraphs: Sequence[tuple[int, int]]) -> _Found:
    first, last = _paragraph_of(paragraphs, reported.start), _paragraph_of(paragraphs, reported.end)
    return _Found(
        "indirect",
        reported.start,
        reported.end,
        (reported.cue_start, reported.cue_end),
        reported.speaker,
        reported.channel,
        tuple(range(first, last + 1)),
    )


def find_quotes(
    doc: Doc,
    article: Article,
    people: Sequence[Person],
    organisations: Sequence[Organisation],
    times: Sequence[TimeRef] = (),
) -> tuple[list[Quote], list[QuotedTerm]]:
    """The quotes of ``article`` (ids ``q1``, ``q2``... in text order) and its quoted terms.

    ``doc`` is the parse of ``article.text``; ``people`` and ``organisations`` are the cast
    whose mentions speakers are resolved against; ``times`` are the article's time
    expressions, for the time each statement was made (``time_id``).
    """
    table = cue_table()
    text = article.text
    paragraphs = _paragraphs(article)
    marked = find_marked_spans(text, paragraphs)
    quotes, terms = _classify_marks(doc, paragraphs, marked, table)
    outer = [m for m in marked if m.depth == 0]
    quoted_spans = [(q.start, q.end, q.kind) for q in quotes]
    for reported in find_reported(doc, outer, table):
        overlapping = [(s, e, k) for s, e, k in quoted_spans if s < reported.end and reported.start < e]
        if overlapping and not _frames_fragments(reported, overlapping, text):
            continue  # the marked words are the quote itself (a direct quote, or all of it)
        quotes.append(_from_reported(reported, paragraphs))
        quoted_spans.append((reported.start, reported.end, "indirect"))
    cast = build_cast(doc, people, organisations, table, [(m.content_start, m.content_end) for m in outer])
    quotes.sort(key=lambda q: (q.start, q.end))
    quotes = carry_speakers(
        quotes,
        cast,
        paragraphs,
        table,
        lambda span: resolve(span, cast, paragraphs, table),
        lambda found, speaker: replace(found, carried=speaker),
    )
    unquoted_times = _times_outside(quotes, times)
    result = [
        _to_quote(index, found, article, cast, paragraphs, table, _said_when(doc, found, unquoted_times))
        for index, found in enumerate(quotes, 1)
    ]
    quoted_terms = [
        QuotedTerm(
            reason=_reason(reason),
            evidence=evidence(article, *_strip(text, mark.start, mark.end)),
        )
        for reason, mark in sorted(terms, key=lambda item: item[1].start)
    ]
    return result, quoted_terms


def _times_outside(quotes: Sequence[_Found], times: Sequence[TimeRef]) -> list[TimeRef]:
    """The times not inside any quote (found once per report, not once per quote)."""
    said = [(q.start, q.end) for q in quotes]
    return [t for t in times if not any(s < t.evidence.end and t.evidence.start < e for s, e in said)]


def _said_when(doc: Doc, found: _Found, unquoted_times: list[TimeRef]) -> str | None:
    """The time the statement was made: a date in the cue's own clause (``police said on
    Monday``), never one inside what was said (``said he was arrested on Monday``):
    ``unquoted_times`` are the report's times outside every quote."""
    if found.cue is None or not unquoted_times:
        return None
    ref = time_for_span(doc, unquoted_times, *found.cue)
    return ref.id if ref is not None else None


def _reason(reason: str) -> Literal["name", "scare_quote", "title", "term"]:
    if reason == "name":
        return "name"
    if reason == "scare_quote":
        return "scare_quote"
    if reason == "title":
        return "title"
    return "term"


def _to_quote(
    index: int,
    found: _Found,
    article: Article,
    cast: Cast,
    paragraphs: Sequence[tuple[int, int]],
    table: CueTable,
    time_id: str | None = None,
) -> Quote:
    speaker = found.speaker
    # a pronoun standing for a speaker introduced just before: that speaker's words and entity,
    # the pronoun as the evidence of this attribution
    named = found.carried or speaker
    speaker_id = resolve(named, cast, paragraphs, table) if named is not None else None
    return Quote(
        id=f"q{index}",
        kind=found.kind,
        evidence=evidence(article, found.start, found.end),
        speaker_id=speaker_id,
        speaker_text=named.text if named is not None else None,
        speaker_evidence=evidence(article, speaker.start, speaker.end) if speaker is not None else None,
        cue=evidence(article, *found.cue) if found.cue is not None else None,
        channel=found.channel,
        time_id=time_id,
        paragraphs=list(found.paragraphs),
        unclosed=found.unclosed,
    )

"""``today`` inside a quotation: the speaker's today, not the reporter's.

A quote says ``today``, ``yesterday``, ``this morning`` from the day it was given. When the
report dates the statement (``"We are not giving up today," she said on Monday``), those words
are resolved against that day; when it does not, they keep the publication date and the note
says so, since a quote may have been given on any earlier day.

The statement's date is a day-dated expression outside every quotation, in a sentence the
quote runs through, governed by a verb of saying (the cue verbs of
``storydesk/data/quote_cues.json``, the table the quotes extractor reads, plus ``speak``).
Quotations are found here from their marks: double quotes, straight or curly, and single
quotes holding at least three words (``'Abe'`` is a name, not a quotation).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path

from storydesk.extract.times.anchor import governing_head
from storydesk.extract.times.context import Context, Draft, set_day

QUOTE_CUES = Path(__file__).resolve().parents[2] / "data" / "quote_cues.json"

# The deictic days a quote resolves from its own day: days from the day it was said.
_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_QUOTES = re.compile(
    r"“[^”]*”|\"[^\"\n]*\""
    r"|(?<![\w’])‘[^’]*(?:’\w[^’]*)*’(?!\w)"  # curly single: an apostrophe is ’ before a letter
    r"|(?<![\w'])'(?=\S)(?:[^'\n]|'(?=\w))*(?<=\S)'(?!\w)"  # straight single, the same
)


@functools.cache
def speech_lemmas() -> frozenset[str]:
    raw = json.loads(QUOTE_CUES.read_text(encoding="utf-8"))
    return frozenset([*raw["cue_verbs"], "speak"])


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quotations in ``text``, marks included."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTES.finditer(text):
        if m.group()[0] in "‘'" and len(m.group().split()) < 3:
            continue
        spans.append((m.start(), m.end()))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in spans if s < start and end <= e), None)


def resolve_quoted_days(drafts: list[Draft], ctx: Context) -> None:
    """Re-date ``today``-like expressions inside quotations against the statement's day."""
    spans = quotation_spans(ctx.text)
    if not spans:
        return
    for d in drafts:
        if d.kind not in {"relday", "thispod"}:
            continue
        quote = _inside(spans, d.start, d.end)
        if quote is None:
            continue
        said = _statement_day(drafts, ctx, quote, spans)
        if said is None:
            if ctx.dct is not None:
                d.notes.append("inside a quotation the report does not date: resolved against the publication date")
            continue
        index, day = said
        shift = _shift(d)
        if shift is None:
            continue
        pod = d.g("pod") or d.g("pod0") or ("night" if d.g("w").lower() == "tonight" else "")
        if d.kind == "thispod":
            pod = d.g("pod")
        set_day(d, day + dt.timedelta(days=shift), pod or None)
        d.anchor = index
        d.resolved = True
        d.notes.append(f"inside a quotation given on {day.isoformat()}: resolved against the day it was said")


def _shift(d: Draft) -> int | None:
    if d.kind == "thispod":
        rel = d.g("rel").lower()
        return -1 if rel == "last" else 0
    return _DEICTIC.get(re.sub(r"\s+", " ", d.g("w").lower()))


def _statement_day(
    drafts: list[Draft], ctx: Context, quote: tuple[int, int], spans: list[tuple[int, int]]
) -> tuple[int, dt.date] | None:
    first, _ = ctx.sentence_bounds(quote[0])
    _, last = ctx.sentence_bounds(max(quote[0], quote[1] - 1))
    lemmas = speech_lemmas()
    for n, o in enumerate(drafts):
        if o.day is None or o.deferred or not first <= o.start < last:
            continue
        if _inside(spans, o.start, o.end) is not None:
            continue
        if o.kind in {"relday", "thispod"} and o.anchor != "publication":
            continue  # itself re-dated from another quotation
        head = governing_head(ctx.doc, o.start, o.end)
        if head is not None and head.lemma_.lower() in lemmas:
            return n, o.day
    return None

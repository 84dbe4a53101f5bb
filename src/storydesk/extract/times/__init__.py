"""Time expressions: detection, TIMEX3 normalisation against the publication date, anchoring.

What it finds, in the cleaned text of an article:

- absolute dates in British and American forms (``24 January 2022``, ``Monday 24th of
  January``, ``January 24, 2022``, ``Jan. 24``, ``24/01/2022``, ``2022-01-24``), months
  (``July 2021``, ``late February``), years (``fiscal 1998``), decades, centuries, quarters,
  halves, seasons and a few fixed holidays;
- relative days and weeks (``today``, ``yesterday morning``, ``on Monday``, ``last week``,
  ``earlier this month``, ``a fortnight ago``), resolved from the publication date only;
- clock times (``9.01am``, ``around 9am``, ``10 p.m. Wednesday``), given the day they are
  told with;
- durations (``the past five years`` = ``P5Y``), sets (``daily``, ``every Monday``) and vague
  references (``recently`` = ``PAST_REF``, ``now`` = ``PRESENT_REF``), kept vague;
- offsets from another event (``nearly three weeks after a warrant was issued ... on
  January 4``), resolved against a date the sentence links to them (see :func:`find_times`).

What it deliberately does not do:

- read the clock: with no publication date, relative expressions stay unresolved;
- treat ages (``43``, ``26-year-old``) or bare numbers as times, or trust spaCy's DATE
  labels (it tags ages as DATE);
- make a vague expression precise: ``late February`` is the month, flagged approximate;
- date an event from a neighbouring sentence (:func:`time_for_span`).

``today`` inside a quotation is the speaker's: resolved against the day the report says the
quote was given, else the publication date with a note saying so (:mod:`.quoted`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from spacy.tokens import Doc

from storydesk.extract.spans import evidence
from storydesk.extract.times import calendar as cal
from storydesk.extract.times.anchor import time_for_span
from storydesk.extract.times.context import Context, Draft
from storydesk.extract.times.lexicon import capitalised, lexicon
from storydesk.extract.times.patterns import candidates, select
from storydesk.extract.times.quoted import resolve_quoted_days
from storydesk.extract.times.resolve import first_pass, second_pass
from storydesk.model import Article, TimeRef

__all__ = ["estimate_publication_window", "find_times", "time_for_span"]


def _numeric_order(text: str) -> Literal["dmy", "mdy"]:
    """British or American day/month order, judged from the dates written with month names."""
    mon = capitalised(lexicon().months)
    british = len(re.findall(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}\b", text))
    american = len(re.findall(rf"\b{mon}\.?\s+\d{{1,2}}\b(?!\d)", text))
    return "mdy" if american > british else "dmy"


def _to_ref(article: Article, d: Draft, n: int, drafts: list[Draft]) -> TimeRef:
    anchor = d.anchor if isinstance(d.anchor, str) else f"t{d.anchor + 1}"
    if (
        d.anchor == "publication"
        and d.value is not None
        and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?|\d{2,3}", d.value)
        and not d.year_inferred
        and d.kind in {"iso", "numeric", "dmy", "mdy", "month", "year", "decade", "century", "holiday"}
    ):
        anchor = "absolute"  # written in full: it needs no publication date
    granularity = d.granularity or cal.granularity_of(d.value)
    return TimeRef(
        id=f"t{n}",
        type=d.type,
        value=d.value,
        granularity=granularity,
        approximate=d.approximate,
        resolved=d.resolved,
        year_inferred=d.year_inferred,
        anchor=anchor,
        mod=d.mod,
        offset_side=d.side,
        note="; ".join(d.notes) or None,
        evidence=evidence(article, d.start, d.end),
    )


def find_times(doc: Doc, article: Article) -> list[TimeRef]:
    """Every time expression in ``article.text`` (``doc`` is its parse), ids ``t1``... in order.

    Resolution depends only on ``article.published``. Offsets (``N units after/before X``)
    are resolved by this rule, in order:

    1. a day-dated expression inside the clause that ``after``/``before`` introduces (its
       parse subtree, else the rest of the sentence when it holds exactly one): the value is
       that date plus (after) or minus (before) the offset, and dates the *main* clause;
    2. else a day-dated expression governed by the same verb as the offset (``revealed
       today one week after arresting him``): the value is that date minus (after) or plus
       (before) the offset, and dates the *linked* clause (the arrest);
    3. else unresolved: type DURATION, value ``P1W``, ``resolved=False``.

    Offsets of a week or more are approximate (news rounds them). ``two days later`` (no
    object) resolves against the reference time: the last day-dated expression before it in
    its sentence, else its paragraph or the one before.
    """
    published = article.published
    ctx = Context(
        text=article.text,
        doc=doc,
        dct=published,
        numeric_order=_numeric_order(article.text),
        paragraphs=[(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))],
    )
    drafts = first_pass(select(candidates(article.text)), ctx)
    resolve_quoted_days(drafts, ctx)
    second_pass(drafts, ctx)
    drafts = [d for d in drafts if d.end > d.start]
    return [_to_ref(article, d, n, drafts) for n, d in enumerate(drafts, start=1)]


def _start_of(value: str) -> dt.date | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if m is None:
        return None
    return cal.safe_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def estimate_publication_window(times: list[TimeRef]) -> tuple[dt.date, dt.date] | None:
    """An *estimated* publication window for a report with no date, from its absolute dates.

    A report is published after the latest past event it dates: the window starts at the
    latest absolute date written with its year (days, or the first day of a month or year)
    and runs a year past it. Dates said in the future tense are left out. ``None`` when the
    text dates nothing absolutely. Callers must label the result as an estimate.
    """
    starts = [
        start
        for t in times
        if t.anchor == "absolute"
        and t.value is not None
        and t.type in {"DATE", "TIME"}
        and not (t.note or "").count("future")
        and (start := _start_of(t.value[:10])) is not None
    ]
    if not starts:
        return None
    latest = max(starts)
    return latest, cal.shift_date(latest, months=12)

"""Normalisation: a detected candidate becomes a TIMEX3 value, against the publication date.

Two passes. The first reads every candidate on its own (absolute dates, relative days and
weeks, year inference from the tense). The second reads the ones that lean on another
expression: offsets (``three weeks after ... on January 4``), clock times without a day,
anaphora (``that day``, ``two days later``) and finance's ``year-earlier`` quarters.
Nothing reads the clock: every relative value is computed from ``dct`` alone.
"""

from __future__ import annotations

from collections.abc import Callable

from storydesk.extract.times import absolute as ab
from storydesk.extract.times import linked as ln
from storydesk.extract.times import relative as rl
from storydesk.extract.times.context import Context, Draft
from storydesk.extract.times.lexicon import spoken_year
from storydesk.extract.times.patterns import Candidate

HANDLERS: dict[str, Callable[[Draft, Context], bool]] = {
    "qcode": ab.qcode,
    "iso": ab.iso,
    "numeric": ab.numeric,
    "dmy": ab.day_month,
    "mdy": ab.day_month,
    "month": ab.month_only,
    "year": ab.year,
    "decade": ab.decade,
    "century": ab.century,
    "quarter": ab.quarter,
    "season": ab.season,
    "holiday": ab.holiday,
    "relday": rl.relday,
    "thispod": rl.thispod,
    "overnight": rl.overnight,
    "weekday": rl.weekday,
    "relunit": rl.relunit,
    "yearago": rl.defer,
    "ago": rl.ago,
    "offset": rl.defer,
    "refday": rl.defer,
    "duration": rl.duration,
    "bareunits": rl.bareunits,
    "vague": rl.vague,
    "frequency": rl.frequency,
    "every": rl.every,
    "times_per": rl.times_per,
    "clock": rl.clock,
}


def _digits(groups: dict[str, str | None]) -> dict[str, str | None]:
    """Years said in words (``nineteen ninety-six``, ``the year two thousand``) as digits,
    so the handlers read one form."""
    out = dict(groups)
    if out.get("ys"):
        out["y"], out["fiscal"] = out["ys"], out.get("fiscal2")
    for key in ("y", "y2", "oy", "y3"):
        text = out.get(key)
        if text and not text.isdigit():
            year = spoken_year(text)
            out[key] = None if year is None else str(year)
    return out


def first_pass(cands: list[Candidate], ctx: Context) -> list[Draft]:
    drafts: list[Draft] = []
    for cand in cands:
        d = Draft(cand.start, cand.end, cand.kind, _digits(cand.groups))
        if HANDLERS[cand.kind](d, ctx):
            drafts.append(d)
    return drafts


SECOND_PASS: dict[str, Callable[[list[Draft], int, Context], None]] = {
    "offset": ln.offset,
    "refday": ln.refday,
    "relunit": ln.refday,
    "yearago": ln.yearago,
    "clock": ln.clock_day,
}


def second_pass(drafts: list[Draft], ctx: Context) -> None:
    for index, d in enumerate(drafts):
        if d.deferred:
            SECOND_PASS[d.kind](drafts, index, ctx)
            d.deferred = False

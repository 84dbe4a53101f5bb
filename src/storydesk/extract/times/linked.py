"""Second pass: expressions that lean on another one (offsets, anaphora, clock times, year-ago)."""

from __future__ import annotations

import datetime as dt
import re

from storydesk.extract.times import calendar as cal
from storydesk.extract.times.absolute import ORD
from storydesk.extract.times.anchor import LINKED_SIDE, MAIN_SIDE, governing_head, offset_head, span_of
from storydesk.extract.times.context import (
    Context,
    Draft,
    hedge,
    low,
    set_day,
)
from storydesk.extract.times.lexicon import number_value
from storydesk.extract.times.relative import duration_value, unit_code
from storydesk.model import TimexMod


def _reference(drafts: list[Draft], index: int, ctx: Context, *, same_sentence_only: bool = False) -> int | None:
    """The reference time of an anaphoric expression (``that night``, ``two days later``): the
    last day-dated expression before it in its sentence, else (unless ``same_sentence_only``)
    anywhere before it, as narrative time moves."""
    me = drafts[index]
    s0, s1 = ctx.sentence_bounds(me.start)
    best: int | None = None
    for n in range(index - 1, -1, -1):
        other = drafts[n]
        if other.day is None or other.deferred:
            continue
        if s0 <= other.start < s1:
            return n
        if not same_sentence_only and best is None:
            best = n
    return best


def offset(drafts: list[Draft], index: int, ctx: Context) -> None:
    d = drafts[index]
    numtext = low(d.g("num"))
    n = number_value(numtext)
    code = unit_code(d.g("unit"))
    direction = d.g("dir").lower()
    duration = duration_value(n, code)
    d.type, d.value, d.granularity = "DURATION", duration, cal.granularity_of(duration)
    hedge(d)
    if n is None:
        d.approximate = True
        d.resolved = False
        d.notes.append(f"offset: {duration} {direction} an event; amount vague, not resolved")
        return
    if code in {"W", "2W", "M", "Y", "E", "C"}:
        d.approximate = True
    if code.startswith("T"):
        d.notes.append(f"offset: {duration} {direction} an event; less than a day, kept as a duration")
        return
    s0, s1 = ctx.sentence_bounds(d.start)
    anchor: int | None = None
    sign = 0
    side = ""
    if direction in {"after", "before"}:
        span = span_of(ctx.doc, d.start, d.end)
        linked: tuple[int, int] | None = None
        if span is not None:
            subtree = [t for t in span[-1].subtree if t.i > span[-1].i]
            if subtree:
                linked = (subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
        in_linked = [
            n2
            for n2, o in enumerate(drafts)
            if o.day is not None and not o.deferred and linked and linked[0] <= o.start < linked[1]
        ]
        if not in_linked:  # the parse may cut the clause short: read on to the sentence end
            in_linked = [
                n2 for n2, o in enumerate(drafts) if o.day is not None and not o.deferred and d.end <= o.start < s1
            ]
            in_linked = in_linked[:1] if len(in_linked) == 1 else []
        if in_linked:
            anchor, sign, side = in_linked[0], (1 if direction == "after" else -1), MAIN_SIDE
        else:
            head = offset_head(ctx.doc, d.start, d.end)
            for n2, o in enumerate(drafts):
                if n2 == index or o.day is None or o.deferred or not s0 <= o.start < s1:
                    continue
                if head is not None and governing_head(ctx.doc, o.start, o.end) == head:
                    anchor, sign, side = n2, (-1 if direction == "after" else 1), LINKED_SIDE
                    break
    else:  # "two days later", "a year on": after the reference time
        ref = _reference(drafts, index, ctx)
        if ref is not None:
            anchor, sign, side = ref, (1 if direction in {"later", "on"} else -1), MAIN_SIDE
    if anchor is None:
        d.resolved = False
        d.notes.append(f"offset: {duration} {direction} an event whose date the text does not give")
        return
    base = drafts[anchor].day
    assert base is not None
    k = int(n) * sign
    if code == "D":
        day = base + dt.timedelta(days=k)
    elif code in {"W", "2W"}:
        day = base + dt.timedelta(weeks=k * (2 if code == "2W" else 1))
    elif code == "M":
        day = cal.shift_date(base, months=k)
    elif code in {"Y", "E", "C"}:
        day = cal.shift_date(base, months=12 * k * {"Y": 1, "E": 10, "C": 100}[code])
    else:
        day = base
    d.type, d.granularity = "DATE", "day"
    set_day(d, day)
    d.anchor = anchor
    d.notes.append(f"offset: {duration} {direction}; {side}")
    d.side = "main" if side == MAIN_SIDE else "linked"
    d.mod = _point_mod(d.mod, k >= 0)


# A hedged amount moves the point it names: "nearly three weeks after" falls before the day
# three weeks after, "nearly three weeks before" after the day three weeks before.
_LATER_POINT: dict[str, TimexMod] = {
    "LESS_THAN": "BEFORE",
    "MORE_THAN": "AFTER",
    "EQUAL_OR_LESS": "ON_OR_BEFORE",
    "EQUAL_OR_MORE": "ON_OR_AFTER",
}
_EARLIER_POINT: dict[str, TimexMod] = {
    "LESS_THAN": "AFTER",
    "MORE_THAN": "BEFORE",
    "EQUAL_OR_LESS": "ON_OR_AFTER",
    "EQUAL_OR_MORE": "ON_OR_BEFORE",
}


def _point_mod(mod: TimexMod | None, later: bool) -> TimexMod | None:
    if mod is None:
        return None
    return (_LATER_POINT if later else _EARLIER_POINT).get(mod, mod)


def refday(drafts: list[Draft], index: int, ctx: Context) -> None:
    d = drafts[index]
    rel = low(d.g("rel"))
    unit = d.g("unit").lower()
    ref = _reference(drafts, index, ctx)
    if ref is None:
        d.resolved = False
        d.notes.append("refers back to a time the text does not give")
        return
    base = drafts[ref].day
    assert base is not None
    step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    d.anchor = ref
    d.notes.append("resolved against the time mentioned before it")
    if unit in {"day", "night", "morning", "afternoon", "evening"}:
        set_day(d, base + dt.timedelta(days=step), None if unit == "day" else unit)
    elif unit == "week":
        d.value, d.day = cal.week_value(base + dt.timedelta(weeks=step)), None
    elif unit == "month":
        d.value = cal.month_value(*cal.shift_month(base.year, base.month, step))
    elif unit == "year":
        d.value = str(base.year + step)


def yearago(drafts: list[Draft], index: int, ctx: Context) -> None:
    d = drafts[index]
    what = d.g("what").lower()
    ordinal = ORD.get(d.g("ord").lower())
    s0, _ = ctx.sentence_bounds(d.start)
    prev0, _ = ctx.sentence_bounds(max(0, s0 - 2))
    quarter = next(
        (
            o
            for o in reversed(drafts[:index])
            if o.kind == "quarter" and o.value and re.fullmatch(r"\d{4}-Q\d", o.value) and o.start >= prev0
        ),
        None,
    )
    if quarter is None:
        quarter = next(
            (
                o
                for o in drafts[index + 1 :]
                if o.kind == "quarter"
                and o.value
                and re.fullmatch(r"\d{4}-Q\d", o.value)
                and o.start < ctx.sentence_bounds(d.start)[1]
            ),
            None,
        )
    if ordinal is not None and ctx.dct is not None:
        d.value, d.granularity = f"{ctx.dct.year - 1}-Q{ordinal}", "quarter"
    elif quarter is not None and quarter.value is not None:
        d.value, d.granularity = f"{int(quarter.value[:4]) - 1}{quarter.value[4:]}", "quarter"
        d.anchor = drafts.index(quarter)
    elif ctx.dct is None:
        d.resolved = False
        d.notes.append("no publication date")
        return
    elif what in {"quarter", "period", "results"}:
        cy, cq = cal.quarter_of(ctx.dct)
        y, q = (cy, cq - 1) if cq > 1 else (cy - 1, 4)
        d.value, d.granularity = f"{y - 1}-Q{q}", "quarter"
    else:
        d.value = str(ctx.dct.year - 1)
    d.notes.append("a year before the period under discussion")


def clock_day(drafts: list[Draft], index: int, ctx: Context) -> None:
    d = drafts[index]
    clock = d.g("clock")
    s0, s1 = ctx.sentence_bounds(d.start)
    same = [
        n for n, o in enumerate(drafts) if n != index and o.day is not None and not o.deferred and s0 <= o.start < s1
    ]
    ref = min(same, key=lambda n: abs(drafts[n].start - d.start)) if same else _reference(drafts, index, ctx)
    if ref is None:
        if ctx.dct is None:
            d.value, d.resolved = f"XXXX-XX-XXT{clock}", False
            d.notes.append("no day for this time")
        else:
            d.day = ctx.dct
            d.value = f"{ctx.dct.isoformat()}T{clock}"
            d.notes.append("no day given: the publication date assumed")
        return
    day = drafts[ref].day
    assert day is not None
    d.day, d.anchor = day, ref
    d.value = f"{day.isoformat()}T{clock}"
    d.notes.append("day taken from the time it is told with")

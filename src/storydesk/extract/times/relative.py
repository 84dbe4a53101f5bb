"""First pass, relative forms: days, weekdays, weeks, durations, sets, vague words, clock times."""

from __future__ import annotations

import datetime as dt
import re

from storydesk.extract.times import absolute
from storydesk.extract.times import calendar as cal
from storydesk.extract.times.anchor import span_of
from storydesk.extract.times.context import (
    UNKNOWN,
    Context,
    Draft,
    hedge,
    low,
    month_number,
    needs_dct,
    position,
    set_day,
    unresolved,
)
from storydesk.extract.times.lexicon import lexicon, number_value

RELDAY = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def relday(d: Draft, ctx: Context) -> bool:
    word = low(d.g("w"))
    pod = d.g("pod") or d.g("pod0") or ("night" if word == "tonight" else "")
    position(d, d.g("pos"))
    code = f"T{lexicon().parts_of_day[pod.lower()]}" if pod else ""
    dct = needs_dct(d, ctx, f"XXXX-XX-XX{code}")
    if dct is None:
        return True
    set_day(d, dct + dt.timedelta(days=RELDAY[word]), pod or None)
    return True


def thispod(d: Draft, ctx: Context) -> bool:
    rel = low(d.g("rel"))
    if rel == "the":
        return False
    position(d, d.g("pos"))
    pod = d.g("pod").lower()
    dct = needs_dct(d, ctx, f"XXXX-XX-XXT{lexicon().parts_of_day[pod]}")
    if dct is None:
        return True
    shift = -1 if rel == "last" else 0
    set_day(d, dct + dt.timedelta(days=shift), pod)
    return True


def overnight(d: Draft, ctx: Context) -> bool:
    if ctx.tense(d.start, d.end) != "past":
        return False
    dct = needs_dct(d, ctx)
    if dct is not None:
        set_day(d, dct - dt.timedelta(days=1), "night")
    return True


def weekday(d: Draft, ctx: Context) -> bool:
    lex = lexicon()
    weekday = lex.weekdays[d.g("wd").lower()]
    rel = low(d.g("rel"))
    pod = d.g("pod")
    nxt = re.match(r"\s+([A-Z][a-z]+)", ctx.after(d.end, 20))
    if nxt and nxt.group(1).lower() not in lex.months and not pod:
        return False  # a name: "the Sunday Times", "Friday Harbour"
    code = f"T{lex.parts_of_day[pod.lower()]}" if pod else ""
    if d.g("plural") or d.g("podpl") or rel in {"each", "every"}:
        d.type, d.value, d.granularity = "SET", f"XXXX-WXX-{weekday}{code}", "day"
        return True
    if rel in {"early", "late", "earlier", "later"}:
        position(d, rel)
        rel = ""
    if ctx.dct is None:
        return unresolved(d, "weekday without a publication date", f"XXXX-WXX-{weekday}{code}")
    tense = ctx.tense(d.start, d.end)
    day = cal.weekday_date(weekday, ctx.dct, tense, rel or None)
    set_day(d, day, pod or None)
    if not rel:
        d.notes.append(f"the {'coming' if day > ctx.dct else 'latest'} {d.g('wd')} ({tense or 'no'} tense)")
    return True


def _weekend(day: dt.date) -> str:
    return f"{cal.week_value(day)}-WE"


def relunit(d: Draft, ctx: Context) -> bool:
    rel = low(d.g("rel"))
    unit = d.g("unit").lower()
    pre = low(d.g("pre"))
    if rel in {"the following", "the same", "that", "the previous"}:
        d.deferred = True  # anaphoric: resolved against the reference time in pass two
        return True
    if rel == "the" and not pre and not d.g("pos") and unit != "weekend":
        return False
    position(d, d.g("pos") or pre)
    dct = needs_dct(d, ctx, UNKNOWN.get(unit))
    if dct is None:
        return True
    step = {
        "last": -1,
        "the past": -1,
        "this past": -1,
        "the previous": -1,
        "next": 1,
        "the coming": 1,
    }.get(rel, 0)
    if rel == "the" and unit == "weekend":
        tense = ctx.tense(d.start, d.end)
        weekend_passed = dct.isoweekday() >= 6
        step = 0 if weekend_passed or tense == "future" else -1
    if unit in {"week", "weekend"}:
        day = dct + dt.timedelta(weeks=step)
        if (unit == "weekend" and rel in {"last", "this past"} and dct.isoweekday() < 6) or (
            unit == "weekend" and rel == "last"
        ):
            day = dct - dt.timedelta(weeks=1)
        d.value = _weekend(day) if unit == "weekend" else cal.week_value(day)
        d.granularity = "week"
    elif unit == "fortnight":
        d.type, d.value = "DURATION", "P2W"
    elif unit == "month":
        d.value = cal.month_value(*cal.shift_month(dct.year, dct.month, step))
    elif unit == "year":
        d.value = str(dct.year + step)
    elif unit == "decade":
        if rel in {"the past"}:
            d.type, d.value = "DURATION", "P10Y"
        else:
            d.value = str(dct.year // 10 + step)
    elif unit == "century":
        d.value = f"{dct.year // 100 + step:02d}"
    return True


def frequency(d: Draft, ctx: Context) -> bool:
    span = span_of(ctx.doc, d.start, d.end)
    if (
        span is not None
        and len(span) == 1
        and span[0].dep_ == "amod"
        and span[0].head.lower_ in lexicon().frequency_not_time_nouns
    ):
        return False  # "a quarterly dividend", "a daily newspaper": a kind of thing, not a time
    d.type, d.value = "SET", lexicon().frequencies[low(d.g("w"))]
    return True


def unit_code(unit: str) -> str:
    return lexicon().units[unit.lower().rstrip("s") if unit.lower() != "centuries" else "centurie"]


def duration_value(n: float | None, code: str) -> str:
    if code == "WE":
        code, n = "D", (2 * n if n is not None else None)
    if code == "2W":
        code, n = "W", (2 * n if n is not None else None)
    if code == "Q":  # TIMEX3 has no quarter unit: three months (TimeBank "P9M"; gold "P3M")
        code, n = "M", (3 * n if n is not None else None)
    if code in {"E", "C"}:
        mult = 10 if code == "E" else 100
        code, n = "Y", (n * mult if n is not None else None)
    if n is not None and not float(n).is_integer() and code in _SMALLER:
        # "two and a half years" = P2Y6M, "a minute and a half" = PT1M30S: TIMEX3 writes whole units
        smaller, per = _SMALLER[code]
        whole, rest = int(n), round((n - int(n)) * per)
        if float((n - int(n)) * per).is_integer():
            head = duration_value(whole, code) if whole else ("PT" if smaller.startswith("T") else "P")
            tail = duration_value(rest, smaller)
            joiner = tail[2:] if tail.startswith("PT") and "T" in head else tail[1:]
            return head + joiner
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if code.startswith("T"):
        return f"PT{amount}{code[1]}"
    return f"P{amount}{code}"


# A unit and the next smaller one with how many of those it holds, for halves and quarters.
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def every(d: Draft, ctx: Context) -> bool:
    unit = d.g("unit")
    wd = lexicon().weekdays.get(unit.lower())
    if wd is not None:
        d.type, d.value, d.granularity = "SET", f"XXXX-WXX-{wd}", "day"
        return True
    numtext = low(d.g("num"))
    if unit.lower() in {"morning", "afternoon", "evening", "night"}:
        d.type, d.granularity = "SET", "time"
        d.value = f"XXXX-XX-XXT{lexicon().parts_of_day[unit.lower()]}"
        return True
    n = 2.0 if numtext == "other" else (number_value(numtext) if numtext and numtext != "single" else 1.0)
    d.type, d.value = "SET", duration_value(n, unit_code(unit))
    if unit_code(unit) == "Q":
        d.granularity = "quarter"  # the value is written in months
    return True


def times_per(d: Draft, ctx: Context) -> bool:
    d.type, d.value = "SET", duration_value(1, unit_code(d.g("unit")))
    d.notes.append(f"frequency: {low(d.g('count'))}")
    return True


_SET_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:m|bn|k|million|billion|thousand|pounds|dollars|euros|hours|days|times|per cent|%)?|times)\s*$",
    re.I,
)


def duration(d: Draft, ctx: Context) -> bool:
    numtext = low(d.g("num"))
    unit = d.g("unit")
    code = unit_code(unit)
    if re.fullmatch(r"\d{4}", numtext) and code != "Y" and 1600 <= int(numtext) <= 2099:
        return False  # "the 1988 second quarter": a year, not 1988 seconds
    if re.fullmatch(r"\d{4}", numtext) and code == "Y" and 1600 <= int(numtext) <= 2099:
        # "2010 Year": a year followed by a word, not 2010 years (dateparser reads 4033)
        d.start = ctx.text.index(numtext, d.start)
        d.end = d.start + 4
        d.kind, d.groups = "year", {"y": numtext, "fiscal": None, "pos": None, "y2": None}
        return absolute.year(d, ctx)
    after = ctx.after(d.end, 12)
    if (
        numtext in {"a", "an"}
        and code in {"TS", "TM"}
        and not re.match(r"\s*(?:[.,;:!?)]|later|after|before|ago|or|and\b)", after)
    ):
        return False  # "a second man", "wait a minute"
    if code in {"Q"} and re.match(r"\s+of\b", after):
        return False  # "three quarters of the vote"
    if numtext in {"a", "an"} and code == "Q":
        return False
    n = number_value(numtext)
    if n is not None and (d.g("half") or d.g("half0")):
        n += 0.5
    if numtext in {"a", "an"} and not d.g("the") and _SET_BEFORE.search(ctx.before(d.start, 25)):
        d.type, d.value = "SET", duration_value(1, code)
        return True
    if n is None and numtext not in lexicon().vague_numbers:
        return False
    d.type = "DURATION"
    d.value = duration_value(n, code)
    if code == "Q":
        d.granularity = "quarter"  # the value is written in months
    hedge(d)
    if n is None:
        d.approximate = True
    return True


def bareunits(d: Draft, ctx: Context) -> bool:
    before = low(ctx.before(d.start, 25))
    if not re.search(r"\b(?:for|within|over|after|took|take|takes|lasted|spent|for many|for several)$", before):
        return False
    d.type, d.value, d.approximate = "DURATION", duration_value(None, unit_code(d.g("unit"))), True
    return True


def vague(d: Draft, ctx: Context) -> bool:
    lex = lexicon()
    word = low(d.g("w"))
    if word in lex.vague_needs_context:
        return False
    value, gran = lex.vague[word]
    if word == "now" and re.match(r"-\w", ctx.after(d.end, 3)):
        return False
    d.value = value
    d.granularity = gran  # type: ignore[assignment]
    d.approximate = value != "PRESENT_REF"
    d.anchor = "publication"
    return True


def ago(d: Draft, ctx: Context) -> bool:
    numtext = low(d.g("num"))
    code = unit_code(d.g("unit"))
    hedge(d)
    if not numtext:
        d.type, d.value, d.approximate = "DURATION", duration_value(None, code), True
        return True
    n = number_value(numtext)
    if n is None:
        d.value, d.granularity, d.approximate = "PAST_REF", "other", True
        return True
    unknown = {
        "D": "XXXX-XX-XX",
        "W": "XXXX-WXX",
        "2W": "XXXX-XX-XX",
        "M": "XXXX-XX",
        "Y": "XXXX",
        "E": "XXXX",
        "C": "XX",
    }
    dct = needs_dct(d, ctx, unknown.get(code))
    if dct is None:
        d.notes.append(f"{duration_value(n, code)} before publication")
        return True
    k = int(n)
    if code == "D":
        set_day(d, dct - dt.timedelta(days=k))
    elif code in {"W", "2W"}:
        days = 7 * k * (2 if code == "2W" else 1)
        if days <= 14:
            set_day(d, dct - dt.timedelta(days=days))
            d.approximate = True
        else:
            d.value = cal.week_value(dct - dt.timedelta(days=days))
    elif code == "M":
        d.value = cal.month_value(*cal.shift_month(dct.year, dct.month, -k))
    elif code == "Y":
        d.value = str(dct.year - k)
    elif code == "E":
        d.value, d.approximate = str(dct.year - 10 * k), True
    elif code == "C":
        d.value = f"{dct.year // 100 - k:02d}"
    else:  # hours, minutes: the day itself
        set_day(d, dct)
        d.approximate = True
    return True


def defer(d: Draft, ctx: Context) -> bool:
    d.deferred = True
    return True


def clock(d: Draft, ctx: Context) -> bool:
    if d.g("h24") and not d.g("ap"):
        pass
    hedge(d)
    word = d.g("word").lower()
    if word:
        hh, mm = (24, 0) if word == "midnight" else (12, 0)
    elif d.g("oh"):
        hh, mm = int(d.g("oh")), 0
    elif d.g("h24"):
        hh, mm = int(d.g("h24")), int(d.g("m24"))
    else:
        hh, mm = int(d.g("h")), int(d.g("m") or 0)
        if hh > 12 or hh == 0:
            return False
        pm = d.g("ap").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    d.type, d.granularity = "TIME", "time"
    d.groups["clock"] = f"{hh:02d}:{mm:02d}"
    if d.g("tz"):
        d.notes.append(f"time zone {d.g('tz')}")
    lex = lexicon()
    day: dt.date | None = None
    if ctx.dct is not None:
        if d.g("wd"):
            day = cal.weekday_date(lex.weekdays[d.g("wd").lower()], ctx.dct, ctx.tense(d.start, d.end), None)
        elif d.g("dmon"):
            month, daynum = month_number(d.g("dmon")), int(re.sub(r"\D", "", d.g("dd")))
            year = cal.infer_year_for_day(month, daynum, ctx.dct, ctx.tense(d.start, d.end))
            day = cal.safe_date(year, month, daynum) if year else None
        elif d.g("relw"):
            day = ctx.dct + dt.timedelta(days=RELDAY[d.g("relw").lower()])
    if day is None and (d.g("wd") or d.g("dmon") or d.g("relw")):
        return unresolved(d, "no publication date", f"XXXX-XX-XXT{hh:02d}:{mm:02d}")
    if day is None:
        d.deferred = True
        return True
    d.day = day
    d.value = f"{day.isoformat()}T{hh:02d}:{mm:02d}"
    return True

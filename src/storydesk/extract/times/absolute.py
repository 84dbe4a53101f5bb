"""First pass, absolute forms: dates, months, years, decades, centuries, quarters, seasons, holidays."""

from __future__ import annotations

import datetime as dt
import re

from storydesk.extract.times import calendar as cal
from storydesk.extract.times.anchor import span_of
from storydesk.extract.times.context import (
    Context,
    Draft,
    low,
    month_number,
    needs_dct,
    position,
    set_day,
    unresolved,
)
from storydesk.extract.times.lexicon import lexicon


def iso(d: Draft, ctx: Context) -> bool:
    day = cal.safe_date(int(d.g("y")), int(d.g("m")), int(d.g("d")))
    if day is None:
        return False
    set_day(d, day)
    d.anchor = "absolute"
    if d.g("hh"):
        d.value = f"{day.isoformat()}T{d.g('hh')}:{d.g('mm')}"
        d.type, d.granularity = "TIME", "time"
    return True


def numeric(d: Draft, ctx: Context) -> bool:
    a, b, y = int(d.g("a")), int(d.g("b")), int(d.g("y"))
    if len(d.g("y")) == 2:
        y += 2000 if y < 50 else 1900
    order = ctx.numeric_order
    if a > 12 and b <= 12:
        order = "dmy"
    elif b > 12 and a <= 12:
        order = "mdy"
    elif a != b:
        d.notes.append(
            f"day and month order assumed {'British (day/month)' if order == 'dmy' else 'American (month/day)'}"
        )
    day = cal.safe_date(y, b, a) if order == "dmy" else cal.safe_date(y, a, b)
    if day is None:
        return False
    set_day(d, day)
    d.anchor = "absolute"
    return True


def day_month(d: Draft, ctx: Context) -> bool:
    month = month_number(d.g("mon"))
    daynum = int(re.sub(r"\D", "", d.g("d")))
    if d.g("y"):
        day = cal.safe_date(int(d.g("y")), month, daynum)
        if day is None:
            return False
        set_day(d, day)
        d.anchor = "absolute"
        return True
    if ctx.dct is None:
        if cal.safe_date(2000, month, daynum) is None:
            return False
        return unresolved(d, "no year and no publication date", f"XXXX-{month:02d}-{daynum:02d}")
    if d.g("relyear"):
        year_said = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[low(d.g("relyear")).split()[0]]
        day = cal.safe_date(year_said, month, daynum)
        if day is None:
            return False
        set_day(d, day)
        return True
    weekday = d.g("wd")
    year: int | None = None
    if weekday:  # the weekday picks the year when it can
        wanted = lexicon().weekdays[weekday.lower()]
        fits = [
            y
            for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
            if (x := cal.safe_date(y, month, daynum)) is not None and x.isoweekday() == wanted
        ]
        if fits:
            year = fits[0]
            d.notes.append("year inferred from the weekday")
    if year is None:
        before = low(ctx.before(d.start, 12)).split()
        tense = None if before[-1:] in (["until"], ["till"], ["by"]) else ctx.tense(d.start, d.end)
        year = cal.infer_year_for_day(month, daynum, ctx.dct, tense)
        if year is None:
            return False
        d.notes.append(f"year inferred from the publication date ({tense or 'no'} tense)")
    day = cal.safe_date(year, month, daynum)
    if day is None:
        return False
    set_day(d, day)
    d.year_inferred = True
    return True


_NAME_MONTHS = {"april", "may", "june", "august", "january"}


def month_only(d: Draft, ctx: Context) -> bool:
    name = d.g("mon")
    month = month_number(name)
    span = span_of(ctx.doc, d.start, d.end)
    if span is not None and not (d.g("y") or d.g("rel") or d.g("pos") or d.g("relyear")):
        tok = next((t for t in span if t.text.rstrip(".") == name.rstrip(".")), None)
        if tok is not None:
            if tok.tag_ == "MD" or tok.pos_ in {"VERB", "AUX"}:
                return False
            nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
            prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
            if name.lower() in _NAME_MONTHS and nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
                return False  # a person: "April Jones"
            if prev is not None and prev.text in {"Mr", "Mrs", "Ms", "Miss", "Dr"}:
                return False
    position(d, d.g("pos"))
    if d.g("y"):
        d.value = cal.month_value(int(d.g("y")), month)
        d.anchor = "absolute"
        return True
    dct = needs_dct(d, ctx)
    if dct is None:
        d.value = f"XXXX-{month:02d}"
        return True
    rel = low(d.g("rel"))
    relyear = low(d.g("relyear")).replace("of ", "")
    d.year_inferred = True
    if relyear:
        year = dct.year + {"last year": -1, "this year": 0, "next year": 1}[relyear]
    elif rel in {"last", "past", "this past"}:
        # the latest such month before this one: "last April" said in October is this April
        # (TempEval-3: 5 of 6 such expressions read so)
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in {"next", "coming", "this coming"}:
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        tense = ctx.tense(d.start, d.end)
        year = cal.infer_year_for_month(month, dct, tense)
        d.notes.append(f"year inferred from the publication date ({tense or 'no'} tense)")
    d.value = cal.month_value(year, month)
    return True


def year(d: Draft, ctx: Context) -> bool:
    if not d.g("fiscal"):
        before = low(ctx.before(d.start, 12))
        if re.search(r"(?:no\.?|number|#|flat|room|route|page|figure)$", before):
            return False
        after = ctx.after(d.end, 25)
        word = re.match(r"\s*([\w%]+)", after)
        if word and word.group(1).lower() in lexicon().not_year_after:
            return False
    d.value = d.g("y")
    d.anchor = "absolute"
    position(d, d.g("pos"))
    if d.g("y2"):
        d.notes.append(f"a split year ({d.g('y')}/{d.g('y2')}): the first year is given")
    return True


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def decade(d: Draft, ctx: Context) -> bool:
    if d.g("dw"):  # "the nineties": the latest such decade begun by publication, else the 1900s
        digit = _DECADE_WORDS.index(d.g("dw").lower()) + 2
        latest = ctx.dct.year if ctx.dct is not None else 1999
        start = (latest // 100) * 100 + digit * 10
        if start > latest:
            start -= 100
        d.value = str(start // 10)
        d.notes.append("century of a decade said in words assumed")
        position(d, d.g("pos2"))
        return True
    if d.g("dd2"):
        century = "20" if d.g("dd2") in {"0", "1"} else "19"
        d.value = century + d.g("dd2")
        d.notes.append("century of an abbreviated decade assumed")
    else:
        d.value = d.g("c") + d.g("dd")
    d.anchor = "absolute"
    position(d, d.g("pos"))
    return True


def century(d: Draft, ctx: Context) -> bool:
    raw = d.g("n").lower()
    n = int(re.sub(r"\D", "", raw)) if raw[:1].isdigit() else lexicon().ordinals.get(raw, 0)
    if not 1 <= n <= 21:
        return False
    d.value = f"{n - 1:02d}"
    d.anchor = "absolute"
    return True


ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


def quarter(d: Draft, ctx: Context) -> bool:
    q = d.g("q").lower()
    ordinal = ORD.get(d.g("ord").lower())
    mods = set(low(d.g("mods")).split())
    year_text = d.g("y") or d.g("y2") or d.g("oy") or d.g("y3")
    owner = low(d.g("owner"))
    after = ctx.after(d.end, 12)
    if re.match(r"\s+of\s+(?!\d)", after) and not year_text:
        return False  # "the third quarter of the match", "a quarter of the population"
    if q == "period" and not mods & {
        "latest",
        "year-ago",
        "year-earlier",
        "comparable",
        "current",
        "same",
        "prior",
        "previous",
    }:
        return False
    if q == "half" and (ordinal not in {1, 2} or not (year_text or owner or mods & {"fiscal", "financial"})):
        return False
    if ordinal is None and not (d.g("the") or mods or owner):
        return False
    dct = ctx.dct
    if q == "period":
        q = "quarter"
    unit_count = 2 if q == "half" else 4
    letter = "H" if q == "half" else "Q"
    if year_text:
        year = int(year_text)
        d.anchor = "absolute"
    elif owner:
        if dct is None:
            return unresolved(d, "no publication date", f"XXXX-{letter}{ordinal or 'X'}")
        year = dct.year + {"last year": -1, "this year": 0, "next year": 1}[owner]
    else:
        if dct is None:
            return unresolved(d, "no publication date", f"XXXX-{letter}{ordinal or 'X'}")
        cy, cq = cal.quarter_of(dct)
        if ordinal is None:
            if mods & {"current"}:
                year, ordinal = cy, cq
            else:  # "the quarter", "the latest quarter": the last one reported, i.e. the previous one
                year, ordinal = (cy, cq - 1) if cq > 1 else (cy - 1, 4)
            d.notes.append("the quarter is the last completed one at publication")
        else:
            started = (ordinal - 1) * (12 // unit_count) + 1 <= dct.month
            tense = ctx.tense(d.start, d.end)
            year = dct.year if started or tense != "past" else dct.year - 1
            d.year_inferred = True
        if mods & {"year-ago", "year-earlier", "comparable", "prior"} and not (mods & {"latest", "current"}):
            year -= 1
    if ordinal is None:  # "last year's quarter", "the 1988 quarter": the quarter under discussion
        if dct is None:
            return unresolved(d, "no publication date", f"{year}-{letter}X")
        cy, cq = cal.quarter_of(dct)
        ordinal = cq - 1 if cq > 1 else 4
    d.value = f"{year}-{letter}{ordinal}"
    d.granularity = "quarter" if q == "quarter" else "other"
    return True


def season(d: Draft, ctx: Context) -> bool:
    code = lexicon().seasons[d.g("s").lower()]
    rel = low(d.g("rel"))
    if not d.g("y") and rel in {"", "the"}:
        before = low(ctx.before(d.start, 20)).split()
        if not before or before[-1] not in {
            "in",
            "during",
            "since",
            "until",
            "by",
            "through",
            "throughout",
            "over",
            "of",
            "this",
            "last",
            "next",
            "the",
        }:
            return False
        if re.match(r"\s+of\b", ctx.after(d.end, 6)):
            return False
        span = span_of(ctx.doc, d.start, d.end)
        if span is not None and span[-1].pos_ == "VERB":
            return False
    if rel in {"early", "late", "mid"}:
        position(d, rel)
    if d.g("y"):
        d.value = f"{d.g('y')}-{code}"
        d.anchor = "absolute"
        return True
    dct = needs_dct(d, ctx)
    if dct is None:
        d.value = f"XXXX-{code}"
        return True
    year = cal.season_year(code, dct, rel, ctx.tense(d.start, d.end))
    d.value = f"{year}-{code}"
    d.year_inferred = True
    return True


def _holiday_date(name: str, year: int) -> dt.date:
    lex = lexicon()
    if name in lex.holidays:
        mmdd = lex.holidays[name]
        return dt.date(year, int(mmdd[:2]), int(mmdd[3:]))
    month, nth, weekday = lex.floating_holidays[name]
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        if name == "election day":  # the Tuesday after the first Monday
            monday = first + dt.timedelta(days=(1 - first.isoweekday()) % 7)
            day = monday + dt.timedelta(days=1)
        return day
    last = dt.date(*cal.shift_month(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(d: Draft, ctx: Context) -> bool:
    name = low(d.g("h"))
    rel = low(d.g("rel"))
    if d.g("y"):
        set_day(d, _holiday_date(name, int(d.g("y"))))
        d.anchor = "absolute"
        return True
    if ctx.dct is None:
        return unresolved(d, "no year and no publication date")
    dct = ctx.dct
    options = [_holiday_date(name, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    tense = ctx.tense(d.start, d.end)
    if rel == "last" or (not rel and tense == "past"):
        day = max(o for o in options if o < dct)
    elif rel == "next" or (not rel and tense == "future"):
        day = min(o for o in options if o > dct)
    elif rel == "this":
        day = options[1]
    else:
        day = min(options, key=lambda o: cal.distance(o, dct))
    set_day(d, day)
    d.year_inferred = True
    return True


def qcode(d: Draft, ctx: Context) -> bool:
    n = int(d.g("ord")[1])
    if d.g("y"):
        d.value, d.anchor = f"{d.g('y')}-Q{n}", "absolute"
    elif ctx.dct is None:
        return unresolved(d, "no publication date", f"XXXX-Q{n}")
    else:
        started = (n - 1) * 3 + 1 <= ctx.dct.month
        year = ctx.dct.year if started or ctx.tense(d.start, d.end) != "past" else ctx.dct.year - 1
        d.value, d.year_inferred = f"{year}-Q{n}", True
    d.granularity = "quarter"
    return True

"""Calendar arithmetic and TIMEX3 value formats. Pure functions of dates: no clock."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from storydesk.model import Granularity

Tense = Literal["past", "present", "future"]

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def shift_date(day: dt.date, *, days: int = 0, months: int = 0) -> dt.date:
    if months:
        y, m = shift_month(day.year, day.month, months)
        last = (dt.date(*shift_month(y, m, 1), 1) - dt.timedelta(days=1)).day
        day = dt.date(y, m, min(day.day, last))
    return day + dt.timedelta(days=days)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year_for_day(month: int, day: int, dct: dt.date, tense: Tense | None) -> int | None:
    """The year of ``day month`` against the publication date and the tense.

    Past: the latest such day on or before publication. Future: the first on or after it.
    Otherwise: the nearest one (a month name alone never jumps to next year by default).
    """
    options = [(y, safe_date(y, month, day)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    valid = [(y, d) for y, d in options if d is not None]
    if not valid:
        return None
    if tense == "past":
        past = [(y, d) for y, d in valid if d <= dct]
        return max(past, key=lambda x: x[1])[0] if past else None
    if tense == "future":
        future = [(y, d) for y, d in valid if d >= dct]
        return min(future, key=lambda x: x[1])[0] if future else None
    # No tense: the nearest, a future date counting double, since news mostly looks back
    # (TempEval-3: this fixed "the Oct. 23 slaying" said in May without losing "the Jan. 14
    # deadline" said on Jan. 5).
    return min(valid, key=lambda x: (distance(x[1], dct), x[1] > dct))[0]


def distance(day: dt.date, dct: dt.date) -> int:
    days = (day - dct).days
    return 2 * days if days > 0 else -days


def infer_year_for_month(month: int, dct: dt.date, tense: Tense | None) -> int:
    here = dct.year * 12 + dct.month - 1
    options = [(y, y * 12 + month - 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if tense == "past":
        return max((o for o in options if o[1] <= here), key=lambda o: o[1])[0]
    if tense == "future":
        return min((o for o in options if o[1] >= here), key=lambda o: o[1])[0]
    return min(options, key=lambda o: (2 * (o[1] - here) if o[1] > here else here - o[1], o[1] > here))[0]


def weekday_date(weekday: int, dct: dt.date, tense: Tense | None, rel: str | None) -> dt.date:
    """The date of a weekday name (1 = Monday) said on ``dct``."""
    words = (rel or "").lower().split()
    back = (dct.isoweekday() - weekday) % 7  # days back to the latest such day, 0 = today
    ahead = (weekday - dct.isoweekday()) % 7
    if (words and words[0] in {"last", "past"}) or words[-1:] == ["past"]:
        return dct - dt.timedelta(days=back or 7)
    if words and (words[0] in {"next", "coming"} or words[-1:] == ["coming"]):
        return dct + dt.timedelta(days=ahead or 7)
    if words == ["this"]:
        return dct + dt.timedelta(days=weekday - dct.isoweekday())
    if tense == "future":
        return dct + dt.timedelta(days=ahead or 7)
    # Present and no tense look back: a bare weekday in news is mostly the latest one, and
    # the tagger often reads past forms (hurt, set, cut) as present (TempEval-3 WSJ).
    return dct - dt.timedelta(days=back)


def season_year(season: str, dct: dt.date, rel: str | None, tense: Tense | None) -> int:
    """The year (of its first month) of a season named on ``dct``."""
    start_month = SEASON_START[season]
    here = dct.year * 12 + dct.month - 1

    def span(y: int) -> tuple[int, int]:
        s = y * 12 + start_month - 1
        return s, s + 2

    years = range(dct.year - 2, dct.year + 2)
    word = (rel or "").lower().split()
    if word[:1] == ["last"] or word[-1:] == ["past"]:
        return max(y for y in years if span(y)[1] < here)
    if word[:1] == ["next"] or word[-1:] == ["coming"]:
        return min(y for y in years if span(y)[0] > here)
    current = [y for y in years if span(y)[0] <= here <= span(y)[1]]
    if current or word == ["this"]:
        return current[0] if current else dct.year
    if tense == "past":
        return max(y for y in years if span(y)[0] <= here)
    if tense == "future":
        return min(y for y in years if span(y)[1] >= here)
    return min(years, key=lambda y: min(abs(span(y)[0] - here), abs(span(y)[1] - here)))


def granularity_of(value: str | None) -> Granularity:
    """The granularity a TIMEX3 value states."""
    if value is None:
        return "other"
    if value.startswith("P"):
        if value.startswith("PT"):
            return "time"
        first = re.match(r"P[\dX.]*([A-Z])", value)  # the largest unit: P2Y6M is years, P1DT12H days
        unit = first.group(1) if first else value[-1]
        by_unit: dict[str, Granularity] = {
            "D": "day",
            "W": "week",
            "M": "month",
            "Q": "quarter",
            "Y": "year",
            "E": "decade",
        }
        return by_unit.get(unit, "other")
    if "T" in value[4:]:
        return "time"
    parts = value.split("-")
    if len(parts) == 1:
        by_length: dict[int, Granularity] = {4: "year", 3: "decade"}
        return by_length.get(len(value), "other")
    if len(parts) == 3 and parts[1].startswith("W"):
        return "week"
    if len(parts) == 3:
        return "day"
    second = parts[1]
    if second in SEASON_START:  # before weeks: winter is "WI"
        return "season"
    if second.startswith("W"):
        return "week"
    if second.startswith("Q"):
        return "quarter"
    if second.startswith("H"):
        return "other"
    return "month"

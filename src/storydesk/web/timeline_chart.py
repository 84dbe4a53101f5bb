"""The story's timeline as an inline SVG chart: no chart library, positions computed here.

Events run down the page in date order; the gap between two events grows with the time
between them (on a log scale, so a year does not push a day off the page), and undated
events follow at the end with hollow dots. The template draws the chart from these
positions; every label is text, escaped by the template.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

# Layout, in SVG units (the chart scales to its container).
WIDTH = 640
AXIS_X = 132
TOP = 24
ROW = 40
MAX_EXTRA_GAP = 56
LABEL_CHARS = 64

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def timex_day(value: str | None) -> dt.date | None:
    """The first day a TIMEX3 date value covers (``2023-03-12``, ``2023-W11``, ``2023-03``, ``2023``)."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _WEEK.match(value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := _MONTH.match(value):
            return dt.date(int(m[1]), int(m[2]), 1)
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1)
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Point:
    id: str
    y: int
    date: str
    label: str
    href: str
    dated: bool
    sources: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    axis_x: int
    points: list[Point]


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def layout(entries: list[tuple[str, str | None, str, str, int]]) -> Chart:
    """Entries are ``(id, timex date, label, href, number of sources)``."""
    dated = sorted(
        ((timex_day(date), eid, date, label, href, n) for eid, date, label, href, n in entries if timex_day(date)),
        key=lambda e: (e[0], e[2] or "", e[1]),
    )
    undated = [(eid, label, href, n) for eid, date, label, href, n in entries if timex_day(date) is None]
    points: list[Point] = []
    y = TOP
    previous: dt.date | None = None
    for day, eid, date, label, href, n in dated:
        assert day is not None
        if previous is not None:
            gap = (day - previous).days
            y += ROW + min(MAX_EXTRA_GAP, round(8 * math.log2(1 + max(gap, 0))))
        points.append(Point(eid, y, date or "", _short(label), href, True, n))
        previous = day
    for eid, label, href, n in undated:
        y += ROW if points else 0
        points.append(Point(eid, y, "undated", _short(label), href, False, n))
    height = (y + TOP) if points else 0
    return Chart(WIDTH, height, AXIS_X, points)

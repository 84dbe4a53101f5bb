"""Shared state of normalisation: the context of one article and the draft of one expression."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, cast, get_args

from spacy.tokens import Doc

from storydesk.extract.times.anchor import Tense, span_of, tense_of
from storydesk.extract.times.lexicon import lexicon
from storydesk.model import Granularity, TimexMod

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = str | int  # "absolute", "publication", or the index of another draft


@dataclass
class Context:
    text: str
    doc: Doc
    dct: dt.date | None
    numeric_order: Literal["dmy", "mdy"]
    paragraphs: list[tuple[int, int]]

    def tense(self, start: int, end: int) -> Tense | None:
        return tense_of(self.doc, start, end)

    def before(self, start: int, chars: int = 30) -> str:
        return self.text[max(0, start - chars) : start]

    def after(self, end: int, chars: int = 30) -> str:
        return self.text[end : end + chars]

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        span = span_of(self.doc, char, min(char + 1, len(self.text)))
        if span is None:
            return char, char
        return span.sent.start_char, span.sent.end_char

    def paragraph_index(self, char: int) -> int:
        for n, (s, e) in enumerate(self.paragraphs):
            if s <= char <= e:
                return n
        return 0


@dataclass
class Draft:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    type: TimexType = "DATE"
    value: str | None = None
    granularity: Granularity | None = None
    approximate: bool = False
    resolved: bool = True
    year_inferred: bool = False
    anchor: Anchor = "publication"
    notes: list[str] = field(default_factory=list)
    day: dt.date | None = None  # the calendar day the value pins, for reference
    deferred: bool = False
    mod: TimexMod | None = None
    side: Literal["main", "linked"] | None = None  # which clause a resolved offset dates

    def g(self, name: str) -> str:
        return self.groups.get(name) or ""


def low(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().strip(" .,"))


def month_number(name: str) -> int:
    return lexicon().months[name.lower().rstrip(".")]


def unresolved(d: Draft, why: str, value: str | None = None) -> bool:
    d.value = value
    d.resolved = False
    d.notes.append(why)
    return True


def needs_dct(d: Draft, ctx: Context, unknown: str | None = None) -> dt.date | None:
    """The publication date; without one the value keeps its shape with unknown parts."""
    if ctx.dct is None:
        unresolved(d, "relative expression: no publication date to resolve it against", unknown)
    return ctx.dct


UNKNOWN = {
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
    "fortnight": None,
}


def set_day(d: Draft, day: dt.date, pod: str | None = None) -> None:
    d.day = day
    if pod:
        d.value = f"{day.isoformat()}T{lexicon().parts_of_day[pod.lower()]}"
        d.granularity = "time"
    else:
        d.value = day.isoformat()


def hedge(d: Draft) -> None:
    hedge = d.g("hedge")
    if hedge:
        d.approximate = True
        d.notes.append(f"hedged: '{low(hedge)}'")
        d.mod = _as_mod(lexicon().hedges.get(low(hedge)))


def position(d: Draft, pos: str) -> None:
    if pos:
        d.approximate = True
        d.notes.append(f"{low(pos)} in the period, not a precise date")
        d.mod = _as_mod(lexicon().position_modifiers.get(low(pos).replace("-", " ")))


_MODS: frozenset[str] = frozenset(get_args(TimexMod))


def _as_mod(value: str | None) -> TimexMod | None:
    if value in _MODS:
        return cast(TimexMod, value)
    return None


def _token_at(ctx: Context, start: int, end: int) -> str:
    span = span_of(ctx.doc, start, end)
    return "" if span is None else span[0].tag_

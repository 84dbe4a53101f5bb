"""Quantities as written: where a number is, its value, kind, unit and qualifier.

Reads digits (``75,000``, ``1.2``), number words (``ten``, ``twenty-one``, ``two dozen``,
``a hundred``), scales (``3 billion``, ``£1.2m``), money (``£``, ``$``, ``€``, ``pounds``),
percentages (``12%``, ``12 per cent``), measures with a unit (``55mph``, ``20 feet``), vague
plurals (``hundreds of``: at least 200), ranges (``between 120 and 150``, ``four or five``:
the low end ``at_least``, the high end ``up_to``) and the qualifier before a number
(``more than``, ``nearly``, ``up to``...). Words are data: ``storydesk/data/numbers.json``.

Works on the text alone; it does not decide whether a number is a count (an age, a year, a
clock time or a house number is still read here) nor what it counts: see ``exclude`` and
``counted``. Ordinals (``21st``, ``third``), scores and hyphenated ranges (``3-1``,
``10-11``), and numbers glued to letters (``A38``, ``11pm``, ``mother-of-two``) are not read.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from storydesk.conventions import load_table

Qualifier = Literal["exact", "more_than", "less_than", "about", "at_least", "up_to"]
Kind = Literal["count", "money", "percent", "measure"]


@dataclass(frozen=True)
class Quantity:
    """A number as written. ``start:end`` covers qualifier, currency, number and unit;
    ``core`` is the span of the number itself (digits or words, with its scale)."""

    start: int
    end: int
    core: tuple[int, int]
    value: float
    kind: Kind
    unit: str | None
    qualifier: Qualifier
    words: bool = False
    range_part: bool = False


@functools.cache
def table() -> dict[str, Any]:
    data: dict[str, Any] = load_table("numbers.json")
    return data


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    t = table()
    number_words = [*t["units"], *t["tens"], *t["scales"], "dozen"]
    word = _alternation(number_words)
    return {
        "digits": re.compile(
            r"(?<![\w.,/:#-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
            r"(?:\s+(?:" + _alternation(list(t["scales"])) + r"))?"
        ),
        "words": re.compile(
            r"(?<![\w-])(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:" + word + r")"
            r"(?:(?:\s+and\s+|\s+|-)(?:" + word + r"))*(?![\w-])",
            re.IGNORECASE,
        ),
        "vague": re.compile(r"\b(?:tens\s+of\s+thousands|" + _alternation(list(t["vague"])) + r")(?=\s+of\b)", re.I),
        "qualifier": re.compile(r"(?:^|(?<=\W))(" + _alternation(list(t["qualifiers"])) + r")\s+$", re.IGNORECASE),
        "currency_before": re.compile(r"(" + _alternation(list(t["currencies"])) + r")\s?$"),
        "money_scale": re.compile(r"^(" + _alternation(list(t["money_scales"])) + r")(?![\w])", re.IGNORECASE),
        "percent": re.compile(r"^\s?(%|per\s?cent\b|percentage points?\b)", re.IGNORECASE),
        "currency_after": re.compile(r"^\s+(" + _alternation(list(t["currency_words"])) + r")\b", re.IGNORECASE),
        "measure": re.compile(r"^\s?(" + _alternation(list(t["measures"])) + r")(?![\w/])", re.IGNORECASE),
        "glued": re.compile(r"^(?:[^\W\d]|\d|[/:-]\d|-[^\W\d])"),
    }


def words_value(text: str) -> float | None:
    """``twenty-one`` -> 21, ``two dozen`` -> 24, ``a hundred and five`` -> 105; None if not a number."""
    t = table()
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in {"and", ""}:
            continue
        if word in {"a", "an"}:
            current = current or 1.0
        elif word in t["units"]:
            current += t["units"][word]
            seen = True
        elif word in t["tens"]:
            current += t["tens"][word]
            seen = True
        elif word == "dozen":
            current = (current or 1.0) * t["dozen"]
            seen = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif word in t["scales"]:
            total += (current or 1.0) * t["scales"][word]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits_value(text: str) -> float:
    parts = text.split()
    value = float(parts[0].replace(",", ""))
    if len(parts) > 1:
        value *= table()["scales"][parts[1].lower()]
    return value


def _qualifier_before(text: str, start: int) -> tuple[Qualifier, int]:
    match = _patterns()["qualifier"].search(text[max(0, start - 30) : start])
    if match is None:
        return "exact", start
    qualifier: Qualifier = table()["qualifiers"][match.group(1).lower()]
    return qualifier, start - (len(text[max(0, start - 30) : start]) - match.start(1))


def _read(text: str, start: int, end: int, value: float, *, words: bool) -> Quantity | None:
    """Extend a bare number with its currency, scale, unit and qualifier."""
    p, t = _patterns(), table()
    after = text[end : end + 40]
    kind: Kind = "count"
    unit: str | None = None
    outer_start, outer_end = start, end
    currency = p["currency_before"].search(text[max(0, start - 4) : start])
    if currency:
        kind, unit = "money", t["currencies"][currency.group(1)]
        outer_start = start - (len(text[max(0, start - 4) : start]) - currency.start(1))
        scale = p["money_scale"].match(after)
        if scale and " " not in text[start:end]:
            value *= t["money_scales"][scale.group(1).lower()]
            end = outer_end = end + scale.end()
            after = text[end : end + 40]
    glued = not words and p["glued"].match(after)
    if kind == "count":
        if match := p["measure"].match(after):
            kind, unit, outer_end = "measure", t["measures"][match.group(1).lower()], end + match.end()
            glued = None
        elif match := p["percent"].match(after):
            kind, unit, outer_end = "percent", "%", end + match.end()
        elif match := p["currency_after"].match(after):
            kind, unit, outer_end = "money", t["currency_words"][match.group(1).lower()], end + match.end()
            if match.group(1).lower() in {"pence", "cents"}:
                value /= 100
    if glued:
        return None
    qualifier, outer_start = _qualifier_before(text, outer_start)
    if qualifier == "exact" and words and "dozen" in text[start:end].lower():
        qualifier = "about"  # "a dozen times" is a round figure
    return Quantity(outer_start, outer_end, (start, end), value, kind, unit, qualifier, words=words)


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """``between 120 and 150`` / ``£120m to £150m`` / ``four or five``: low at_least, high up_to."""
    out = list(found)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        gap = text[low.end : high.start]
        between = re.search(r"\bbetween\s+$", text[max(0, low.start - 10) : low.start], re.IGNORECASE)
        if not (re.fullmatch(r"\s*(?:to|or|–)\s*", gap) or (between and re.fullmatch(r"\s+and\s+", gap))):
            continue
        if low.kind != high.kind and low.kind != "count":
            continue
        low_value, kind, unit = low.value, high.kind, high.unit
        scaled = not high.words and re.search(r"[a-z]", text[high.core[0] : high.core[1]], re.IGNORECASE)
        if scaled and low.value < 1000 <= high.value:
            # "120 to 150 million", "£1.2 to £1.5bn": the scale is written once, on the high end
            for scale in (1e12, 1e9, 1e6, 1e3):
                if high.value / scale < 1000 and low.value * scale <= high.value:
                    low_value = low.value * scale
                    break
        if low_value >= high.value:
            continue
        start = low.start - (len(between.group(0)) if between else 0)
        out[i] = Quantity(
            start,
            low.end,
            low.core,
            low_value,
            kind,
            unit,
            low.qualifier if low.qualifier != "exact" else "at_least",
            low.words,
            True,
        )
        out[i + 1] = Quantity(
            high.start,
            high.end,
            high.core,
            high.value,
            kind,
            unit,
            high.qualifier if high.qualifier != "exact" else "up_to",
            high.words,
            True,
        )
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity written in ``text``, in text order, without overlaps."""
    p, t = _patterns(), table()
    found: list[Quantity] = []
    for match in p["digits"].finditer(text):
        quantity = _read(text, match.start(), match.end(), _digits_value(match.group(0)), words=False)
        if quantity is not None:
            found.append(quantity)
    for match in p["words"].finditer(text):
        value = words_value(match.group(0))
        if value is None or match.group(0).lower() in {"a", "an", "hundred", "thousand", "million", "billion"}:
            continue
        quantity = _read(text, match.start(), match.end(), value, words=True)
        if quantity is not None:
            found.append(quantity)
    for match in p["vague"].finditer(text):
        word = match.group(0).lower()
        value = 20000.0 if word.startswith("tens") else float(t["vague"][word])
        found.append(
            Quantity(
                match.start(), match.end(), (match.start(), match.end()), value, "count", None, "at_least", words=True
            )
        )
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    kept: list[Quantity] = []
    for quantity in found:
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return _join_ranges(text, kept)

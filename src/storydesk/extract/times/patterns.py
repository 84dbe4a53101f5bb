"""Detection: regular patterns over the cleaned text, built from the lexicon.

Each pattern has a ``kind`` that tells :mod:`.resolve` how to read its named groups.
Candidates overlap; :func:`candidates` keeps the longest (leftmost on ties). Nothing here
decides whether a candidate is really a time (``May`` the verb, ``1990`` a count): that
needs the parse and is done in :mod:`.resolve`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storydesk.extract.times.lexicon import (
    alternation,
    capitalised,
    lexicon,
    spoken_2000_pattern,
    spoken_year_pattern,
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]

    @property
    def length(self) -> int:
        return self.end - self.start


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = lexicon()
    full_months = [m for m in lex.months if m not in lex.month_abbreviations]
    abbrev = capitalised(lex.month_abbreviations)
    # An abbreviation needs its full stop or a following day number ("Jan 24"), so the
    # names "Jan" and "Dec" alone are not months.
    mon = rf"(?:{capitalised(full_months)}|{abbrev}(?:\.|(?=\s+\d)))"
    wd = capitalised(lex.weekdays)
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.]\d|\s*(?i:[ap]\.?m\b))"
    spoken = spoken_year_pattern()
    year = rf"(?:(?<![\d£$€.,])(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)|(?i:{spoken}))"
    decade_words = r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
    num_words = alternation([*lex.numbers, *lex.vague_numbers])
    tens = alternation(w for w, v in lex.numbers.items() if v >= 20 and v % 10 == 0 and v < 100)
    ones = alternation(w for w, v in lex.numbers.items() if 1 <= v <= 9 and w not in {"a", "an"})
    num = rf"(?:\d+(?:\.\d+|\s+1/2|½)?|{tens}[-\s]{ones}|{num_words})"
    unit = alternation(lex.units)
    hedge = alternation(lex.hedges)
    pos = alternation(lex.position_modifiers)
    pod = alternation(lex.parts_of_day)
    season = alternation(lex.seasons)
    tz = alternation(lex.time_zones)
    holidays = capitalised([*lex.holidays, *lex.floating_holidays])
    ordq = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
    rel = r"(?:last|next|this\s+past|this\s+coming|this|coming|past)"
    ordinals = alternation(lex.ordinals)
    vague = alternation(lex.vague)
    freq = alternation(lex.frequencies)

    table: list[tuple[str, str]] = [
        (
            "iso",
            r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?(?![\d-])",
        ),
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        (
            "dmy",
            rf"(?:(?P<wd>{wd}),?\s+(?:(?i:the)\s+)?)?(?P<d>{day})(?:\s+(?i:of))?\s+(?P<mon>{mon})(?:,?\s+(?P<y>{year})|\s+(?P<relyear>(?i:last|this|next)\s+year))?",
        ),
        (
            "mdy",
            rf"(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\s+(?:(?i:the)\s+)?(?P<d>{day})(?:,?\s+(?P<y>{year})|\s+(?P<relyear>(?i:last|this|next)\s+year))?",
        ),
        (
            "month",
            rf"(?:(?P<pos>(?i:{pos}))[-\s]+)?(?:(?P<rel>(?i:{rel}))\s+)?(?P<mon>{mon})"
            rf"(?:(?:,?\s+|\s+(?i:of)\s+)(?P<y>{year})|\s+(?P<relyear>(?i:(?:of\s+)?(?:last|this|next)\s+year)))?",
        ),
        (
            "year",
            rf"(?:(?P<pos>(?i:{pos}))[-\s]+)?(?:(?P<fiscal>(?i:fiscal|calendar|financial|the\s+year))\s+)?(?P<y>{year})(?:/(?P<y2>\d{{2}})(?!\d))?"
            rf"|(?P<fiscal2>(?i:the\s+year))\s+(?P<ys>(?i:{spoken_2000_pattern()}))",
        ),
        (
            "decade",
            rf"(?:(?i:the)\s+)?(?:(?P<pos>(?i:{pos}))[-\s]+)?(?:(?P<c>1[6-9]|20)(?P<dd>\d)0s|['’](?P<dd2>\d)0s)\b"
            rf"|(?i:the)\s+(?:(?P<pos2>(?i:{pos}))[-\s]+)?(?P<dw>(?i:{decade_words}))\b",
        ),
        ("century", rf"(?:(?i:the)\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{ordinals}))[-\s](?i:century)"),
        (
            "quarter",
            rf"(?:(?P<owner>(?i:(?:this|last|next)\s+year)|(?P<oy>{year}))['’]s\s+)?(?:(?P<the>(?i:the))\s+)?(?:(?P<y3>{year})\s+)?"
            rf"(?P<mods>(?:(?i:fiscal|financial|calendar|year-ago|year-earlier|comparable|same|previous|prior|latest|current|past|last|most\s+recent|recent)\s+)*)"
            rf"(?P<ord>(?i:{ordq}))?[-\s]*(?P<q>(?i:quarter|half|period))(?!-)\b(?:\s+(?i:of)\s+(?P<y>{year})|,?\s+(?P<y2>{year}))?",
        ),
        ("qcode", rf"(?P<ord>Q[1-4])(?:\s+(?P<y>{year}))?"),
        (
            "season",
            rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|the|early|late|mid))[-\s]+)?(?P<s>(?i:{season}))\b(?:\s+(?:(?i:of)\s+)?(?P<y>{year}))?",
        ),
        (
            "holiday",
            rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>{holidays})(?:\s+(?P<y>{year}))?",
        ),
        (
            "relday",
            rf"(?:(?P<pos>(?i:early|late|earlier|later|mid))[-\s]+)?(?:(?P<pod0>(?i:{pod}))\s+)?"
            rf"(?P<w>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))"
            rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night|lunchtime)))?",
        ),
        (
            "thispod",
            r"(?:(?P<pos>(?i:early|late|earlier|later))\s+)?(?P<rel>(?i:this|last|the))\s+(?P<pod>(?i:morning|afternoon|evening|night))",
        ),
        ("overnight", r"(?i:overnight)"),
        (
            "weekday",
            rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|past|early|late|earlier|later|each|every))\s+)?"
            rf"(?P<wd>{wd})(?P<plural>s)?(?:\s+(?P<pod>(?i:morning|afternoon|evening|night|lunchtime))(?P<podpl>s)?)?",
        ),
        (
            "relunit",
            rf"(?:(?P<pos>(?i:{pos}))[-\s]+)?(?:(?P<pre>(?i:earlier|later))\s+(?:(?i:in)\s+)?)?"
            rf"(?P<rel>(?i:last|next|this\s+past|this|the\s+coming|the\s+past|the\s+previous|the\s+following|the\s+current|the\s+same|the|that))\s+"
            rf"(?P<unit>(?i:week|weekend|month|year|fortnight|decade|century))\b(?!-)",
        ),
        (
            "yearago",
            rf"(?:(?P<the>(?i:the))\s+)?(?:(?i:comparable)\s+)?(?P<w>(?i:year-ago|year-earlier|a\s+year\s+ago|a\s+year\s+earlier))"
            rf"(?:\s+(?:(?P<ord>(?i:{ordq}))[-\s]+)?(?P<what>(?i:quarter|period|level|results)))?",
        ),
        (
            "ago",
            rf"(?:(?P<hedge>(?i:{hedge}))\s+)?(?:(?P<num>(?i:{num}))[\s-]+)?(?P<unit>(?i:{unit}))(?P<pl>s)?"
            r"(?:\s+(?i:or so))?\s+(?i:ago)",
        ),
        (
            "offset",
            rf"(?:(?P<hedge>(?i:{hedge}))\s+)?(?P<num>(?i:{num}))[\s-]+(?P<unit>(?i:{unit}))(?P<pl>s)?"
            r"(?:\s+(?i:or so))?\s+(?P<dir>(?i:after|before|later|earlier))\b",
        ),
        (
            "refday",
            r"(?P<rel>(?i:that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding))\s+(?P<unit>(?i:day|night|morning|afternoon|evening|week|month|year))\b",
        ),
        (
            "duration",
            rf"(?:(?P<the>(?i:the))\s+)?(?:(?P<which>(?i:past|last|next|first|coming|previous|following|final|remaining|initial))\s+)?"
            rf"(?:(?P<hedge>(?i:{hedge}))\s+)?(?P<num>(?i:{num}))(?P<half0>\s+(?i:and\s+a\s+half))?[\s-]+"
            rf"(?:(?i:more|further|additional|straight|consecutive)\s+)?"
            rf"(?P<unit>(?i:{unit}))(?P<pl>s)?(?P<half>\s+(?i:and a half))?(?![-\s]*(?i:old)\b|-)",
        ),
        ("bareunits", r"(?P<unit>(?i:days|weeks|months|years|decades|centuries|hours|minutes))\b(?!-)"),
        ("vague", rf"(?P<w>(?i:{vague}))"),
        ("frequency", rf"(?P<w>(?i:{freq}))\b"),
        (
            "every",
            rf"(?P<w>(?i:every|each))\s+(?:(?P<num>(?i:{num})|(?i:other|single))\s+)?(?P<unit>(?i:{unit})|{wd}|(?i:morning|afternoon|evening|night))(?P<pl>s)?",
        ),
        (
            "times_per",
            rf"(?P<count>(?i:once|twice|three\s+times|four\s+times|\d+\s+times))\s+(?:(?i:a|an|per|every))\s+(?P<unit>(?i:{unit}))",
        ),
        (
            "clock",
            rf"(?:(?P<hedge>(?i:{hedge}))\s+)?(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>(?i:[ap]\.m\.?|[ap]m))(?![a-z])"
            r"|(?P<word>(?i:noon|midday|midnight))|(?P<oh>[01]?\d)\s+(?i:o[’\']clock)"
            r"|(?<=\b[Aa]t )(?P<h24>[01]\d|2[0-3])[:.](?P<m24>[0-5]\d)(?!\d))"
            rf"(?:\s+(?P<tz>{tz}))?"
            rf"(?:,?\s+(?P<wd>{wd})|,?\s+(?P<dmon>{mon})\s+(?P<dd>{day})|\s+(?P<relw>(?i:today|yesterday|tomorrow|tonight)))?",
        ),
    ]
    return tuple(
        (kind, re.compile(rf"(?<![\w-]){body}(?![\w])" if kind not in {"clock"} else rf"(?<![\w.]){body}"))
        for kind, body in table
    )


def candidates(text: str) -> list[Candidate]:
    """All pattern matches, overlaps removed: longest first, then leftmost."""
    found: list[Candidate] = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append(Candidate(m.start(), m.end(), kind, m.groupdict()))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping subset, longest first; leftmost then pattern order on ties."""
    order = {kind: n for n, (kind, _) in enumerate(_patterns())}
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (-c.length, c.start, order[c.kind])):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)

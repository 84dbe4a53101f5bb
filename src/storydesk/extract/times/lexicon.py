"""The words of time, loaded once from ``storydesk/data/time_words.json``.

The JSON file is the data table; this module only loads it into typed fields and builds
regular-expression alternations from it, so no word list is written twice.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "time_words.json"


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_abbreviations: frozenset[str]
    weekdays: dict[str, int]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    hedges: dict[str, str]
    position_modifiers: dict[str, str]
    vague: dict[str, tuple[str, str]]
    vague_needs_context: frozenset[str]
    frequencies: dict[str, str]
    holidays: dict[str, str]
    floating_holidays: dict[str, tuple[int, int, int]]
    frequency_not_time_nouns: frozenset[str]
    time_zones: tuple[str, ...]
    future_cues: frozenset[str]
    prospective_verbs: frozenset[str]
    not_year_after: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return Lexicon(
        months={k: int(v) for k, v in raw["months"].items()},
        month_abbreviations=frozenset(raw["month_abbreviations"]),
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        parts_of_day=dict(raw["parts_of_day"]),
        seasons=dict(raw["seasons"]),
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        vague_numbers=frozenset(raw["vague_numbers"]),
        ordinals={k: int(v) for k, v in raw["ordinals"].items()},
        units=dict(raw["units"]),
        hedges={k: v for k, v in raw["hedges"].items() if not k.startswith("_")},
        position_modifiers={k: v for k, v in raw["position_modifiers"].items() if not k.startswith("_")},
        vague={k: (v[0], v[1]) for k, v in raw["vague"].items()},
        vague_needs_context=frozenset(raw["vague_needs_context"]["words"]),
        frequencies=dict(raw["frequencies"]),
        holidays=dict(raw["holidays"]),
        floating_holidays={
            k: (int(v[0]), int(v[1]), int(v[2])) for k, v in raw["floating_holidays"].items() if not k.startswith("_")
        },
        frequency_not_time_nouns=frozenset(raw["frequency_not_time_nouns"]),
        time_zones=tuple(raw["time_zones"]),
        future_cues=frozenset(raw["future_cues"]),
        prospective_verbs=frozenset(raw["prospective_verbs"]),
        not_year_after=frozenset(raw["not_year_after"]),
    )


def _escaped(text: str) -> str:
    return re.escape(text).replace(r"\ ", r"\s+")


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation, longest first, with flexible inner whitespace.

    Words are grouped under their first character (``t(?:hirteen|wenty|wo)``), so the
    regex engine tries one branch per first character instead of one per word; the match
    is the same, since words with different first characters cannot match at the same
    place and each group keeps the longest-first order. Words whose first characters differ
    only in case (or are not ASCII) are left as a flat alternation."""
    ordered = sorted(set(words), key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    for word in ordered:
        by_first.setdefault(word[:1], []).append(word)
    firsts = list(by_first)
    if not all(len(f) == 1 and f.isascii() for f in firsts) or len({f.lower() for f in firsts}) < len(firsts):
        return "(?:" + "|".join(_escaped(w) for w in ordered) + ")"
    groups = []
    for first, group in by_first.items():
        rests = [_escaped(w[1:]) for w in group]
        groups.append(_escaped(first) + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"))
    return "(?:" + "|".join(groups) + ")"


def capitalised(words: Iterable[str]) -> str:
    """Case-sensitive alternation of ``Title`` and ``UPPER`` forms (proper names)."""
    forms: set[str] = set()
    for w in words:
        forms.add(w[:1].upper() + w[1:])
        forms.add(" ".join(part[:1].upper() + part[1:] for part in w.split(" ")))
        forms.add(w.upper())
    return alternation(forms)


def number_value(text: str) -> float | None:
    """``two`` -> 2, ``twenty-four`` -> 24, ``12`` -> 12, ``several`` -> None (vague)."""
    lex = lexicon()
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in lex.vague_numbers:
        return None
    if t in lex.numbers:
        return lex.numbers[t]
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", t)
    if half:
        return int(half.group(1)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t.replace(",", "")):
        return float(t.replace(",", ""))
    parts = re.split(r"[-\s]+", t)
    if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
        tens, ones = lex.numbers[parts[0]], lex.numbers[parts[1]]
        if 20 <= tens < 100 and tens % 10 == 0 and 1 <= ones <= 9:
            return tens + ones
    return None


_CENTURY_WORDS = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


def spoken_year_pattern() -> str:
    """Years said in words, as broadcast transcripts write them: ``nineteen ninety-six``,
    ``nineteen oh five``, ``nineteen hundred``; ``two thousand (and) eight`` is matched only
    where the caller asks for it, since ``two thousand`` alone is mostly a count."""
    lex = lexicon()
    tens = alternation(w for w, v in lex.numbers.items() if v in {20, 30, 40, 50, 60, 70, 80, 90})
    ones = alternation(w for w, v in lex.numbers.items() if 1 <= v <= 9 and w not in {"a", "an"})
    teens = alternation(w for w, v in lex.numbers.items() if 10 <= v <= 19)
    century = alternation(_CENTURY_WORDS)
    return rf"(?:{century}[-\s]+(?:hundred|{tens}(?:[-\s]{ones})?|{teens}|oh[-\s]{ones}))(?![-\w])"


def spoken_2000_pattern() -> str:
    """``two thousand``, ``two thousand and eight``, ``two thousand nineteen``."""
    lex = lexicon()
    small = alternation(w for w, v in lex.numbers.items() if 1 <= v <= 19 and w not in {"a", "an"})
    tens = alternation(w for w, v in lex.numbers.items() if v in {20, 30, 40, 50, 60, 70, 80, 90})
    ones = alternation(w for w, v in lex.numbers.items() if 1 <= v <= 9 and w not in {"a", "an"})
    return rf"(?:two\s+thousand(?:\s+(?:and\s+)?(?:{tens}(?:[-\s]{ones})?|{small}))?)(?![-\w])"


def spoken_year(text: str) -> int | None:
    """``nineteen ninety-six`` -> 1996, ``two thousand and eight`` -> 2008; digits pass through."""
    t = re.sub(r"[-\s]+", " ", text.lower().strip())
    if t.isdigit():
        return int(t)
    words = t.split(" ")
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (int(number_value(" ".join(rest)) or 0) if rest else 0)
    if not words or words[0] not in _CENTURY_WORDS:
        return None
    base = _CENTURY_WORDS[words[0]] * 100
    rest = words[1:]
    if rest == ["hundred"]:
        return base
    if rest[:1] == ["oh"]:
        rest = rest[1:]
    value = number_value(" ".join(rest)) if rest else None
    if value is None or not 1 <= value <= 99 or not float(value).is_integer():
        return None
    return base + int(value)

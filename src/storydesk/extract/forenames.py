"""Which gender a forename is almost always given to, in English-speaking countries.

Used only to choose between people a he/she could stand for (``Philip Yates`` is not the
``she`` of the sentence after him when a woman is named beside him), never to state anyone's
gender: a report states that by title, pronoun or noun (``attributes``).

The counts are the per-country first-name lists of the ``gender-extractor`` package (MIT;
its name lists come from the genderComputer project, Open Database License), read for the UK,
Ireland, the USA, Canada and Australia.
"""

from __future__ import annotations

import functools

_COUNTRIES = ("uk", "ireland", "usa", "canada", "australia")
# A forename counts as one gender's when at least this share of the people so named in those
# countries have it and at least ``_MIN_PEOPLE`` are counted: "Philip" (2,144 men, no women)
# and "Moira" (17 women) do, and so does "Sam" (99.7% men); "Jean" (95% women), "Alex" (77%
# men) and "Jamie" do not.
_MIN_SHARE = 0.97
_MIN_PEOPLE = 10


@functools.lru_cache(maxsize=1)
def _counts() -> dict[str, tuple[int, int]]:
    """Forename -> (men, women) so named in ``_COUNTRIES``."""
    from gender_extractor import GenderExtractor

    extractor = GenderExtractor()
    columns = [i for country, i in extractor.countries_encoding.items() if country in _COUNTRIES]
    counts: dict[str, tuple[int, int]] = {}
    for name, (male, female) in extractor.name_freq.items():
        men, women = sum(male[i] for i in columns), sum(female[i] for i in columns)
        if men + women:
            counts[name] = (men, women)
    return counts


def likely_gender(forename: str) -> str | None:
    """``male`` or ``female`` when nearly everyone given ``forename`` is, else None."""
    counts = _counts().get(forename.casefold())
    if counts is None:
        return None
    male, female = counts
    total = male + female
    if total < _MIN_PEOPLE:
        return None
    if male / total >= _MIN_SHARE:
        return "male"
    if female / total >= _MIN_SHARE:
        return "female"
    return None

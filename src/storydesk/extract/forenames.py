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
import pkgutil

_COUNTRIES = ("UK", "Ireland", "USA", "Canada", "Australia")
# A forename counts as one gender's when at least this share of the people so named in those
# countries have it and at least ``_MIN_PEOPLE`` are counted: "Philip" (2,144 men, no women)
# and "Moira" (17 women) do, and so does "Sam" (99.7% men); "Jean" (95% women), "Alex" (77%
# men) and "Jamie" do not.
_MIN_SHARE = 0.97
_MIN_PEOPLE = 10


@functools.lru_cache(maxsize=1)
def _counts() -> dict[str, tuple[int, int]]:
    """Forename -> (men, women) so named in ``_COUNTRIES``, read from the package's per-country
    lists alone (its full index of every country takes about 100 MB to load). Counts are read
    as the package reads them: the second field with any decimal point dropped."""
    counts: dict[str, list[int]] = {}
    for country in _COUNTRIES:
        for column, sex in enumerate(("Male", "Female")):
            raw = pkgutil.get_data("gender_extractor", f"nameLists/{country}{sex}UTF8.csv") or b""
            for line in raw.decode("utf-8-sig").splitlines():
                fields = line.split(";")
                name = fields[0].strip().casefold()
                if not name:
                    continue
                try:
                    count = int(fields[1].strip().replace(".", ""))
                except (IndexError, ValueError):
                    count = 1
                counts.setdefault(name, [0, 0])[column] += count
    return {name: (men, women) for name, (men, women) in counts.items()}


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


def is_forename(word: str) -> bool:
    """``word`` is a first name people in those countries are given (of either gender)."""
    return word.casefold() in _counts()

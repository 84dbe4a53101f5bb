"""Nationalities stated by a country's name next to a person's name.

- ``Kenya's Ruth Wanjiru``, ``Britain’s Amy Coulter``: a country's possessive right before a
  name (sports and wire style) gives the person that country's nationality;
- ``Okonjo, a Nigeria international`` (or after a description of a named person: ``The
  22-year-old, a Wales international``): a player capped by a country's national team;
- ``won by Femke de Vries of the Netherlands in 12.61sec``: a country (never a town) right
  after a name, the way results name competitors.

Countries come from ``data/countries.json`` (name -> nationality adjective), so a city or a
club (``Liverpool's Mo Akande``) never gives a nationality.
"""

from __future__ import annotations

import functools
import re

from storydesk import conventions
from storydesk.extract.people import Cast
from storydesk.extract.rawfact import RawFact


@functools.cache
def _country_pattern() -> str:
    names = sorted(conventions.countries(), key=len, reverse=True)
    return "(?:the\\s+)?(" + "|".join(re.escape(n) for n in names) + ")"


@functools.cache
def _possessive_before() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + _country_pattern() + r"['’]s\s+$")


@functools.cache
def _of_country_after() -> re.Pattern[str]:
    return re.compile(r"^\s+of\s+" + _country_pattern() + r"(?=\s*[,.;:)]|\s+(?:in|and|with|on|at)\b)")


@functools.cache
def _international_after() -> re.Pattern[str]:
    return re.compile(r"^,\s+(?:a|an|the)\s+(?:former\s+)?" + _country_pattern() + r"\s+international\b")


def find_origins(text: str, cast: Cast) -> list[RawFact]:
    """Nationality facts for the named people of ``cast``, each on the country's words."""
    countries = conventions.countries()
    facts: list[RawFact] = []
    for person, draft in zip(cast.people, cast.drafts, strict=True):
        if not draft.named:
            continue
        for mention in draft.names:
            before = _possessive_before().search(text, max(0, mention.start - 40), mention.start)
            if before is not None:
                facts.append(
                    RawFact(person.id, "nationality", countries[before.group(1)], before.start(1), before.end(1))
                )
            of_country = _of_country_after().match(text[mention.end : mention.end + 60])
            if of_country is not None:
                start = mention.end + of_country.start(1)
                facts.append(
                    RawFact(
                        person.id,
                        "nationality",
                        countries[of_country.group(1)],
                        start,
                        start + len(of_country.group(1)),
                    )
                )
        # "Okonjo, a Nigeria international"; "The 22-year-old, a Wales international"
        for end in [m.end for m in draft.names] + [d.end for d in draft.descriptions]:
            after = _international_after().match(text[end : end + 60])
            if after is not None:
                start = end + after.start(1)
                facts.append(
                    RawFact(person.id, "nationality", countries[after.group(1)], start, start + len(after.group(1)))
                )
    return facts

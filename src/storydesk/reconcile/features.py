"""What story assignment compares: a report's words, names, places, organisations and date.

``features(case)`` reads a case file once and keeps only what assignment needs:

- ``terms``: content-word counts of the title and text (lower case, stop words and numbers
  dropped), for TF-IDF;
- ``keys``: blocking keys, the names a report shares with other reports of its story:
  ``p:`` person surnames (named people only), ``l:`` places, ``o:`` organisations, each
  folded; ``d:`` months the text names (``d:2023-03``);
- ``published``: the publication date, for the time window.

Events and facts are not features yet beyond their words: when case files carry events, their
types and participants reach assignment through the participants' names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storydesk.model import CaseFile
from storydesk.reconcile import names

_TOKEN = re.compile(r"[^\W\d_]{3,}(?:['’][^\W\d_]+)?")
# Words every report uses; stop words plus newsroom boilerplate.
_BOILERPLATE = frozenset(
    {"said", "says", "told", "according", "reported", "report", "reports", "news", "year", "years"}
)


@dataclass(frozen=True)
class Features:
    article_id: str
    published: dt.date | None
    terms: Counter[str]
    keys: frozenset[str]


def _terms(text: str) -> Counter[str]:
    words = (names.fold(w) for w in _TOKEN.findall(text))
    return Counter(w for w in words if w not in STOP_WORDS and w not in _BOILERPLATE)


def features(case: CaseFile) -> Features:
    keys: set[str] = set()
    for person in case.people:
        if not person.named:
            continue
        for variant in person.variants or [person.name]:
            found = names.parts(variant)
            if found is not None and len(found.surname) >= 3:
                keys.add("p:" + found.surname)
    for place in case.places:
        keys.add("l:" + names.fold(place.name))
    for org in case.organisations:
        keys.add("o:" + names.fold(org.name))
    for time in case.times:
        # Dates the text names (to the month): two earthquakes in one region are two stories.
        if time.type == "DATE" and time.value and time.value[:4].isdigit() and len(time.value) >= 7:
            keys.add("d:" + time.value[:7])
    text = case.article.text if not case.article.title else f"{case.article.title}\n{case.article.text}"
    return Features(
        article_id=case.article.id,
        published=case.article.published,
        terms=_terms(text),
        keys=frozenset(keys),
    )

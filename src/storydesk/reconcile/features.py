"""What story assignment compares: a report's words, names, places, organisations and dates.

``features(case)`` reads a case file once and keeps only what assignment needs:

- ``terms``: for TF-IDF, content-word counts of the title and text (lower case, stop words
  dropped), plus two marked kinds of term:

  - ``#2013``, ``#6.1``: numerals the text writes (years, tolls, magnitudes, scores): two
    earthquakes in one region differ in them;
  - ``^pirates``: the content words of the lead (title and the first ``LEAD_CHARS``
    characters), compared apart (:meth:`CandidateIndex.cosine` with ``lead=True``): the lead
    says which event the report is about, the body repeats the background that two like
    events share;

- ``keys``: the names a report shares with other reports of its story. Blocking keys (the
  candidate index looks reports up by them): ``p:`` person surnames (named people only),
  ``l:`` places, ``o:`` organisations, each folded; ``d:`` months the text names
  (``d:2023-03``). Detail keys (``DETAIL_PREFIXES``; compared, never looked up):

  - ``y:2013`` years the text names, ``md:09-18`` days it names (month and day, with or
    without a year);
  - ``n:2000000`` counts, sums and measures above ten;
  - ``e:death:felt``, ``e:arrest:san diego``: an event type with a named participant or its
    place (who died, where the arrest was);
  - ``s:p:``, ``s:l:``, ``s:o:``: the people, places and organisations of the lead;

- ``published``: the publication date, for the time window.

Every marked term and detail key lives in the existing ``terms`` and ``keys`` fields, so the
stored form of features (``store/story_rows.py``) carries them unchanged. ``FEATURES_VERSION``
changes whenever what ``features`` computes changes: a desk recomputes stored features of an
older version from the case file when it next reads them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from storydesk.model import CaseFile
from storydesk.reconcile import names

_TOKEN = re.compile(r"[^\W\d_]{3,}(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?!\w)")
# Words every report uses; stop words plus newsroom boilerplate.
_BOILERPLATE = frozenset(
    {"said", "says", "told", "according", "reported", "report", "reports", "news", "year", "years"}
)
LEAD = "^"  # marks a term of the lead
NUMERAL = "#"  # marks a numeral
LEAD_CHARS = 400  # the lead: the title and this much of the text (about two sentences)
DETAIL_PREFIXES = ("y:", "md:", "n:", "e:", "s:")


# 1: words, blocking keys; 2: numerals, lead terms and detail keys (ECB+ assignment work).
FEATURES_VERSION = 2


_TOP_TERMS = 8  # content words per report used as blocking keys (its most frequent ones)


@dataclass(frozen=True)
class Features:
    article_id: str
    published: dt.date | None
    terms: Counter[str]
    keys: frozenset[str]

    # Derived once per object (a desk keeps the objects of recent reports between assignments).

    @functools.cached_property
    def term_keys(self) -> frozenset[str]:
        """``t:`` blocking keys: the report's most frequent content words (not lead terms or
        numerals), ties by the word."""
        ranked = sorted(
            ((t, c) for t, c in self.terms.items() if not t.startswith((LEAD, NUMERAL))),
            key=lambda kv: (-kv[1], kv[0]),
        )
        return frozenset("t:" + term for term, _ in ranked[:_TOP_TERMS])

    @functools.cached_property
    def weighted_terms(self) -> tuple[tuple[str, ...], np.ndarray, tuple[str, ...], np.ndarray]:
        """(text terms, their sublinear term frequencies 1 + log(count), lead terms, theirs)."""
        text = sorted(t for t in self.terms if not t.startswith(LEAD))
        lead = sorted(t for t in self.terms if t.startswith(LEAD))
        return (
            tuple(text),
            1.0 + np.log(np.array([self.terms[t] for t in text], dtype=float)),
            tuple(lead),
            1.0 + np.log(np.array([self.terms[t] for t in lead], dtype=float)),
        )


def _terms(text: str) -> Counter[str]:
    words = (names.fold(w) for w in _TOKEN.findall(text))
    return Counter(w for w in words if w not in STOP_WORDS and w not in _BOILERPLATE)


def _numerals(text: str) -> Counter[str]:
    """Numerals of two or more characters, thousands separators dropped (``#23000``)."""
    found = (m.replace(",", "") for m in _NUMBER.findall(text))
    return Counter(NUMERAL + n for n in found if len(n) > 1 and n.strip("0."))


def _surname(name: str) -> str | None:
    found = names.parts(name)
    return found.surname if found is not None and len(found.surname) >= 3 else None


def detail_keys(case: CaseFile) -> set[str]:
    """What tells two like events apart: years, days, numbers, who or where an event happened
    to, and who and where the lead names."""
    keys: set[str] = set()
    for time in case.times:
        value = time.value or ""
        if time.type != "DATE" or not value:
            continue
        if value[:4].isdigit() and not time.year_inferred:
            keys.add("y:" + value[:4])
        if len(value) >= 10 and value[5:7].isdigit() and value[8:10].isdigit():
            keys.add("md:" + value[5:10])
    for number in case.numbers:
        if number.kind in ("count", "money", "measure", "percent") and number.value > 10:
            keys.add(f"n:{number.value:g}")
    people = {p.id: p for p in case.people if p.named}
    places = {p.id: p for p in case.places}
    for event in case.events:
        for arg in event.arguments:
            if arg.entity_id in people:
                surname = _surname(people[arg.entity_id].name)
                if surname is not None:
                    keys.add(f"e:{event.type}:{surname}")
            elif arg.entity_id in places:
                keys.add(f"e:{event.type}:{names.fold(places[arg.entity_id].name)}")
    for person in people.values():
        surname = _surname(person.name)
        if surname is not None and any(m.evidence.start < LEAD_CHARS for m in person.mentions):
            keys.add("s:p:" + surname)
    for place in case.places:
        if any(m.evidence.start < LEAD_CHARS for m in place.mentions):
            keys.add("s:l:" + names.fold(place.name))
    for org in case.organisations:
        if any(m.evidence.start < LEAD_CHARS for m in org.mentions):
            keys.add("s:o:" + names.fold(org.name))
    return keys


def features(case: CaseFile) -> Features:
    keys: set[str] = set()
    for person in case.people:
        if not person.named:
            continue
        for variant in person.variants or [person.name]:
            surname = _surname(variant)
            if surname is not None:
                keys.add("p:" + surname)
    for place in case.places:
        keys.add("l:" + names.fold(place.name))
    for org in case.organisations:
        keys.add("o:" + names.fold(org.name))
    for time in case.times:
        # Dates the text names (to the month): two earthquakes in one region are two stories.
        if time.type == "DATE" and time.value and time.value[:4].isdigit() and len(time.value) >= 7:
            keys.add("d:" + time.value[:7])
    keys |= detail_keys(case)
    article = case.article
    title = f"{article.title}\n" if article.title else ""
    terms = _terms(title + article.text)
    terms.update(_numerals(title + article.text))
    terms.update({LEAD + t: n for t, n in _terms(title + article.text[:LEAD_CHARS]).items()})
    return Features(article_id=article.id, published=article.published, terms=terms, keys=frozenset(keys))

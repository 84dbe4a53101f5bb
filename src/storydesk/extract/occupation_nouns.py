"""Whether a noun phrase names an occupation: its head (or its last two words) is in the
occupation table (``data/occupations.json`` and the occupation nouns of
``data/person_nouns.json``), or ends like a profession (``podiatrist``)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from storydesk import conventions

# Endings that make a noun a profession whether or not the table lists it (``obstetrician``,
# ``microbiologist``, ``podiatrist``, ``videographer``, ``optometrist``, ``physiotherapist``,
# ``coppersmith``, ``shipworker``).
# Not ``-ist`` alone: a tourist, a cyclist or a terrorist is no job.
_PROFESSION_ENDING = re.compile(r"(?:ologist|ician|iatrist|ographer|ometrist|therapist|.{3,}smith|.{3,}worker)$")


def is_occupation(tokens: list[Token]) -> bool:
    table = conventions.occupations()
    words = [t.text.lower() for t in tokens]
    if len(words) >= 2 and " ".join(words[-2:]) in table.nouns:
        return True
    head = tokens[-1]
    if head.pos_ == "NOUN" and _PROFESSION_ENDING.search(head.text.lower()) is not None:
        return True
    return head.text.lower() in table.nouns or head.lemma_.lower() in table.nouns

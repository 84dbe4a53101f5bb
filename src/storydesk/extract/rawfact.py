"""A fact about a person before it gets its id and evidence: the shared currency of the
person extractors (``attributes``, ``occupations``)."""

from __future__ import annotations

from dataclasses import dataclass

from storydesk.model import FactValue


@dataclass(frozen=True)
class RawFact:
    """A fact before ids are given: subject is a person id; [start, end) states it."""

    subject: str
    attribute: str
    value: FactValue
    start: int
    end: int
    qualifier: str | None = None
    # a relation read as the inverse of the one the text states ("son of" -> "parent of"): its
    # label may take the person's gender once known
    inverse: bool = False

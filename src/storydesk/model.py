"""The storydesk data model: one place, used by the library, the CLI's JSON and the store.

Every item that states something about a report carries :class:`Evidence`: the article id
and a character span into the article's *cleaned* text. An item without evidence is a bug.

Identifiers inside a case file are short and local (``p1``, ``o2``, ``t3``, ``e4``); they are
stable for the same text because extraction is deterministic. Across articles, an item is
addressed by ``(article.id, item.id)``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """Where something was read: ``text == article.text[start:end]``."""

    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Repair(_Frozen):
    """A change made while cleaning the raw input, so a reader can see what was altered."""

    kind: Literal["encoding", "mojibake", "paragraph_join", "whitespace", "control_chars"]
    detail: str
    count: int = 1


class Span(_Frozen):
    start: int
    end: int


class Article(_Frozen):
    """One report. ``id`` derives from the cleaned text: the same text gives the same id."""

    id: str
    text: str = Field(description="Cleaned text; every offset in a case file points here.")
    raw: str = Field(description="The input as received (decoded), before cleaning.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = Field(default=None, description="Publication date used to resolve relative times.")
    published_source: Literal["given", "metadata", "none"] = "none"
    source_format: Literal["text", "html", "jsonl"] = "text"
    encoding: str = "utf-8"
    paragraphs: list[Span] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)


MentionKind = Literal["name", "titled_name", "surname", "forename", "pseudonym", "description", "pronoun"]


class Mention(_Frozen):
    """One place in the text that refers to an entity."""

    kind: MentionKind
    evidence: Evidence


class Person(_Frozen):
    """A person of the report. Unnamed people (``a 41-year-old man``) keep ``named=False``."""

    id: str
    name: str = Field(description="The fullest name the report gives, or a description.")
    named: bool = True
    variants: list[str] = Field(default_factory=list, description="Every distinct name form used in the report.")
    mentions: list[Mention] = Field(default_factory=list)


class Organisation(_Frozen):
    id: str
    name: str = Field(description="Canonical name (aliases folded: the Met -> Metropolitan Police).")
    variants: list[str] = Field(default_factory=list)
    part_of: str | None = Field(default=None, description="Id of the parent organisation.")
    mentions: list[Mention] = Field(default_factory=list)


class Place(_Frozen):
    id: str
    name: str
    variants: list[str] = Field(default_factory=list)
    within: str | None = Field(default=None, description="Id of the containing place.")
    mentions: list[Mention] = Field(default_factory=list)


ThingCategory = Literal["platform", "vehicle", "product", "system", "other"]


class Thing(_Frozen):
    """Products, platforms, vehicles and systems (Twitter, Renault Clio, CCTV)."""

    id: str
    name: str
    category: ThingCategory = "other"
    mentions: list[Mention] = Field(default_factory=list)


Granularity = Literal["time", "day", "week", "month", "season", "quarter", "year", "decade", "other"]
TimexMod = Literal[
    "APPROX",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "START",
    "MID",
    "END",
]


class TimeRef(_Frozen):
    """A time expression, normalised TIMEX3-style.

    ``value`` is a TIMEX3 value (``2022-02-01``, ``2022-W04``, ``2022-01``, ``2022-01-24T09:01``,
    ``P3W`` for durations, ``PRESENT_REF``...) or ``None`` when it cannot be resolved (for
    example a relative expression in a report with no publication date).
    """

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    granularity: Granularity
    approximate: bool = False
    resolved: bool = True
    year_inferred: bool = False
    anchor: str = Field(
        default="publication",
        description="What the value was resolved against: 'absolute', 'publication', or an item id.",
    )
    mod: TimexMod | None = Field(
        default=None,
        description=(
            "TIMEX3 mod: how the text hedges the value or which part of the period it means. "
            "APPROX (about, around), LESS_THAN / MORE_THAN (nearly, more than), EQUAL_OR_LESS / "
            "EQUAL_OR_MORE (up to, at least), BEFORE / AFTER (shortly before 4 p.m.; an offset "
            "'nearly three weeks after' a date falls before the day it names), START / MID / END "
            "(early, mid, late). Null when the expression is plain."
        ),
    )
    offset_side: Literal["main", "linked"] | None = Field(
        default=None,
        description=(
            "For an offset resolved to a date ('three weeks after a warrant was issued on "
            "January 4'): 'main' when the value dates the main clause (the date given is inside "
            "the after/before clause), 'linked' when it dates the clause after 'after'/'before' "
            "(the date given belongs to the main clause). Null for every other expression."
        ),
    )
    note: str | None = None
    evidence: Evidence


class Argument(_Frozen):
    role: Literal["agent", "patient", "instrument", "charge", "place", "time", "beneficiary", "theme"]
    entity_id: str | None = None
    text: str
    evidence: Evidence


Modality = Literal["asserted", "alleged", "suspected", "denied", "negated", "planned", "reported"]


class Event(_Frozen):
    id: str
    type: str
    subtype: str | None = None
    trigger: Evidence
    arguments: list[Argument] = Field(default_factory=list)
    time_id: str | None = None
    modality: Modality = "asserted"
    evidence: Evidence = Field(description="The sentence of the first mention.")
    mentions: list[Evidence] = Field(
        default_factory=list,
        description="Every trigger in the report that mentions this event (repeated mentions are merged).",
    )


class Quote(_Frozen):
    id: str
    kind: Literal["direct", "partial", "indirect"]
    evidence: Evidence = Field(description="The quoted content, without the marks.")
    speaker_id: str | None = None
    speaker_text: str | None = None
    speaker_evidence: Evidence | None = None
    cue: Evidence | None = None
    channel: str | None = None
    time_id: str | None = None
    paragraphs: list[int] = Field(default_factory=list)
    unclosed: bool = Field(default=False, description="The text ended inside the quote.")


class QuotedTerm(_Frozen):
    """Text in quotation marks that is not a quotation: a name, scare quotes, a title."""

    reason: Literal["name", "scare_quote", "title", "term"]
    evidence: Evidence


class Number(_Frozen):
    id: str
    value: float
    unit: str | None = Field(default=None, description="Currency code, '%', or a counted noun.")
    counts: str | None = Field(default=None, description="What is counted, as the text says it.")
    qualifier: Literal["exact", "more_than", "less_than", "about", "at_least", "up_to"] = "exact"
    kind: Literal["count", "money", "percent", "age", "ordinal", "measure", "other"] = "count"
    evidence: Evidence


FactValue = str | int | float | bool


class Fact(_Frozen):
    """The common currency of comparison: (subject, attribute, value, qualifier).

    ``subject`` is an item id in this case file (``p1``, ``e3``) and ``subject_name`` its
    readable name, so facts from different reports can be compared by name before the
    reconciler links them.
    """

    id: str
    subject: str
    subject_name: str
    attribute: str
    value: FactValue
    qualifier: str | None = None
    modality: Modality = "asserted"
    time_id: str | None = None
    evidence: Evidence
    published: dt.date | None = None


class Summary(_Frozen):
    """An extractive summary (the report's own sentences) and a one-line headline."""

    headline: str | None = None
    headline_source: Literal["event", "title", "lead_clause"] | None = Field(
        default=None,
        description="What the headline was built from: the main event's facts, the report's title, or "
        "the main clause of the first summary sentence.",
    )
    sentences: list[Evidence] = Field(default_factory=list)


class CaseFile(_Frozen):
    """What one article says, and nothing it doesn't."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    things: list[Thing] = Field(default_factory=list)
    times: list[TimeRef] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quoted_terms: list[QuotedTerm] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    warnings: list[str] = Field(default_factory=list)

    def facts_about(self, subject: str, attribute: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.subject == subject and (attribute is None or f.attribute == attribute)]

    def time(self, time_id: str | None) -> TimeRef | None:
        if time_id is None:
            return None
        return next((t for t in self.times if t.id == time_id), None)

    def entity_name(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        for group in (self.people, self.organisations, self.places, self.things):
            for item in group:
                if item.id == entity_id:
                    return item.name
        return None


def json_schema() -> dict[str, object]:
    """The JSON Schema of a case file, as ``storydesk schema`` prints it."""
    schema = CaseFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://storydesk.invalid/schema/casefile-{SCHEMA_VERSION}.json"
    return schema

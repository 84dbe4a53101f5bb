"""The reconciled story: many case files of one event, merged, with every item traced.

This is the one place the shape of a story is defined; the CLI's JSON, the renderers and
the web story page all use it. Rules that hold for every model here:

- Everything a story says is traceable: it names the ``article_id`` of every report that
  supports it, and, where the reports say it in words, the :class:`storydesk.model.Evidence`
  spans (article id + character span into that article's cleaned text).
- Identifiers are short and local to a story (``c3`` a cast member, ``v2`` a timeline entry,
  ``f7`` a fact comparison, ``x1`` a conflict). They are assigned in a canonical order (by
  first publication, then article id, then item id), so the same set of reports gives the
  same ids whatever order they arrived in.
- A story's own ``id`` (``s-`` + 10 hex digits) derives from its *anchor*: the member report
  published first (ties: smallest article id). It stays the same while reports join, and
  changes only if an earlier report of the story arrives later.

Schema changes are additive; ``STORY_SCHEMA_VERSION`` changes with any that is not.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from storydesk.model import Evidence, FactValue, Modality

STORY_SCHEMA_VERSION = "1.0"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ItemRef(_Frozen):
    """One item of one case file: ``(article_id, item_id)``, e.g. ``("a1b2…", "p3")``."""

    article_id: str
    item_id: str


class Appearance(_Frozen):
    """One place a report's exact text appeared: a mirror carries a byte-identical cleaned body
    at another URL or outlet, so it is the same article (same id), seen somewhere else."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None


class StoryMember(_Frozen):
    """A report of the story, with what a reader needs to weigh it."""

    article_id: str
    label: str = Field(description="Short label used in the rendered views: R1, R2, ... in order of publication.")
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    copy_of: str | None = Field(
        default=None, description="Article id of the report this one copies (syndicated or mirrored text)."
    )
    assigned_by: Literal["similarity", "founder", "correction"] = Field(
        default="similarity",
        description="Why the report is in this story: it resembles it, it started it, or a person put it here.",
    )
    score: float | None = Field(default=None, description="Similarity to the rest of the story when it was assigned.")
    family: str | None = Field(
        default=None, description="The source family it belongs to (the id of a `Story.families` entry)."
    )
    appearances: list[Appearance] = Field(
        default_factory=list,
        description="Other places its exact text appeared (mirrors at another URL or outlet), earliest first.",
    )


class Sourced(_Frozen):
    """A value and the reports that give it."""

    articles: list[str] = Field(description="Article ids of the reports that say this, in order of publication.")
    evidence: list[Evidence] = Field(default_factory=list, description="Where each report says it.")


class NameVariant(Sourced):
    """One form of a name (``Leon Mccaskie``) and the reports that use it."""

    name: str


class CastMember(_Frozen):
    """One person or organisation of the story, merged across reports."""

    id: str
    kind: Literal["person", "organisation"]
    name: str = Field(description="The form most reports use (ties: the fullest).")
    named: bool = Field(default=True, description="False when no report names them (`a 41-year-old man`).")
    variants: list[NameVariant] = Field(default_factory=list, description="Every name form and who uses it.")
    descriptions: list[NameVariant] = Field(
        default_factory=list, description="Descriptions that denote them (`the driver`) and the reports using them."
    )
    members: list[ItemRef] = Field(default_factory=list, description="The case-file people/organisations merged here.")
    articles: list[str] = Field(default_factory=list, description="Reports that mention them.")
    merged_by: list[str] = Field(
        default_factory=list,
        description="Why the items were merged: `same name`, `spelling variant`, `alias statement`, "
        "`description`, `same role, different first name`.",
    )
    conflicts: list[str] = Field(default_factory=list, description="Ids of the conflicts about this member.")


class DateGiven(Sourced):
    """A date one or more reports give for an event (TIMEX3 value)."""

    value: str


class Participant(_Frozen):
    role: str = Field(description="agent, patient, instrument, place, charge, ...")
    name: str
    cast_id: str | None = Field(default=None, description="The cast member, when the participant is one.")
    articles: list[str] = Field(default_factory=list)


class TimelineEntry(_Frozen):
    """One event, merged across reports."""

    id: str
    type: str
    date: str | None = Field(default=None, description="The most precise date any source supports (TIMEX3).")
    dates_given: list[DateGiven] = Field(default_factory=list, description="Every date given, with its sources.")
    date_conflict: bool = Field(default=False, description="Two sources give dates that cannot both hold.")
    participants: list[Participant] = Field(default_factory=list)
    modality: Modality = "asserted"
    members: list[ItemRef] = Field(default_factory=list, description="The case-file events merged here.")
    articles: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


Verdict = Literal["corroborated", "updated", "conflicting", "single_source"]
SubjectKind = Literal["person", "organisation", "event", "number"]


class ValueSources(Sourced):
    """One value of a compared fact, with its reports and when they were published."""

    value: FactValue
    qualifier: str | None = None
    published: list[dt.date | None] = Field(default_factory=list, description="Publication date of each article.")
    independent: int = Field(default=0, description="Reports giving it, counting copies of one text once.")


class FactComparison(_Frozen):
    """What the reports say about one (subject, attribute), and how the values relate."""

    id: str
    subject: str = Field(description="Cast member (`c3`), timeline entry (`v2`) or counted thing (`n:petition`).")
    subject_kind: SubjectKind
    subject_name: str
    attribute: str
    values: list[ValueSources]
    verdict: Verdict
    current: FactValue | None = Field(default=None, description="For an update, the latest value.")
    explanation: str = Field(default="", description="Why the verdict, in a sentence.")
    members: list[ItemRef] = Field(default_factory=list, description="The case-file facts compared here.")
    reports: int | None = Field(default=None, description="How many reports give a value.")
    independent_sources: int | None = Field(
        default=None, description="How many source families give a value (copies of one text count once)."
    )


class ConflictNote(_Frozen):
    """A disagreement a reader should see first."""

    id: str
    kind: Literal["fact", "first_name", "date"]
    subject: str
    subject_name: str
    attribute: str
    values: list[ValueSources]
    summary: str = Field(description="One line: `age: 41 (5 reports) · 40 (1 report: Northgate Herald)`.")
    fact_id: str | None = None


CopyChangeKind = Literal["headline", "trimmed", "added", "edited"]


class CopyChange(_Frozen):
    """One thing a copy changed: a new headline, a trimmed or added paragraph, edited sentences."""

    kind: CopyChangeKind
    before: str | None = Field(default=None, description="The original's text (none for an addition).")
    after: str | None = Field(default=None, description="The copy's text (none for a trim).")
    paragraph: int | None = Field(default=None, description="Paragraph number in the copy (trims: in the original).")


class FamilyCopy(_Frozen):
    """A copy in a source family: what it shares with the original and what it changed."""

    article_id: str
    copy_of: str = Field(description="The family's original.")
    share_of_copy: float = Field(description="Share of the copy's text (5-word shingles) found in the original.")
    share_of_original: float = Field(description="Share of the original's text found in the copy.")
    changes: list[CopyChange] = Field(default_factory=list)


class FamilyMirror(_Frozen):
    """A member's text seen at another URL or outlet (byte-identical body: it shares all of it)."""

    article_id: str = Field(description="The member whose text it carries.")
    appearance: Appearance
    changes: list[CopyChange] = Field(default_factory=list, description="A new headline, if it gave one.")


class SourceFamily(_Frozen):
    """Reports that carry one text (syndicated, mirrored, wire copy): one independent source."""

    id: str = Field(description="The original's article id.")
    original: str = Field(description="Article id of the earliest published member.")
    origin: str = Field(description="Who the text comes from: a wire agency, a named first publisher, or an outlet.")
    origin_kind: Literal["wire", "named", "earliest"] = Field(
        description="`wire`: an agency credited in a byline, dateline or credit line; `named`: "
        "`first published by ...`; `earliest`: the outlet of the earliest published member."
    )
    origin_evidence: list[Evidence] = Field(default_factory=list, description="Where the texts credit the origin.")
    members: list[str] = Field(description="Article ids, original first, in order of publication.")
    copies: list[FamilyCopy] = Field(default_factory=list)
    mirrors: list[FamilyMirror] = Field(
        default_factory=list,
        description="Members' exact texts seen at other URLs or outlets: members of the family too.",
    )


class Story(_Frozen):
    """Many reports of one event, reconciled."""

    schema_version: str = STORY_SCHEMA_VERSION
    id: str
    headline: str | None = Field(default=None, description="The anchor report's title, when it has one.")
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    members: list[StoryMember]
    conflicts: list[ConflictNote] = Field(default_factory=list)
    cast: list[CastMember] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    facts: list[FactComparison] = Field(default_factory=list)
    families: list[SourceFamily] = Field(
        default_factory=list, description="Source families: each original with its copies (one per text)."
    )
    independent_sources: int | None = Field(
        default=None, description="How many source families the reports come from (copies of one text count once)."
    )

    def member(self, article_id: str) -> StoryMember | None:
        return next((m for m in self.members if m.article_id == article_id), None)

    def label(self, article_id: str) -> str:
        member = self.member(article_id)
        return member.label if member else article_id[:8]


Change = Literal["adds", "confirms", "updates", "contradicts"]


class WhatsNewItem(_Frozen):
    """One thing a newly added report brings to its story."""

    change: Change
    subject: str
    subject_name: str
    attribute: str
    value: FactValue
    previous: list[ValueSources] = Field(default_factory=list, description="What the story said before.")
    evidence: list[Evidence] = Field(default_factory=list)
    fact_id: str | None = Field(default=None, description="The fact comparison in the story after the report joined.")


class WhatsNew(_Frozen):
    """What adding one report changed in its story."""

    article_id: str
    story_id: str
    new_story: bool = Field(description="The report started a story of its own.")
    items: list[WhatsNewItem] = Field(default_factory=list)
    new_cast: list[str] = Field(default_factory=list, description="Cast members first mentioned by this report.")
    new_events: list[str] = Field(default_factory=list, description="Timeline entries first reported by it.")


class Correction(_Frozen):
    """A person's correction to story assignment; kept and re-applied on every re-run.

    - ``move``: put ``articles[0]`` in the story holding ``target`` (an article id of that story).
    - ``split``: make ``articles`` a story of their own, apart from the rest of their story.

    ``apart_from`` lists the reports they must no longer share a story with (the rest of the
    story they were in when the correction was made), so the correction means the same
    thing on every re-run.
    """

    kind: Literal["move", "split"]
    articles: list[str]
    target: str | None = None
    apart_from: list[str] = Field(default_factory=list)
    note: str | None = None

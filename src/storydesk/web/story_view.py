"""A reconciled story shaped for the story page: what disagrees or changed first, then the cast,
the timeline, quotes by speaker and the reports.

Every value keeps links to where each report says it (``/articles/ID#ev-START-END``).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from storydesk.model import CaseFile, Evidence
from storydesk.reconcile.familyview import change_text, sources_note
from storydesk.reconcile.model import CastMember, FactComparison, SourceFamily, Story, ValueSources
from storydesk.web.evidence import EvidenceLink
from storydesk.web.timeline_chart import Chart, layout

# Person facts shown on a cast card, in this order.
CARD_ATTRIBUTES = ("age", "gender", "title", "occupation", "nationality", "role", "relation", "first_name")
_HAPPENINGS = ("fate", "legal")


@dataclass(frozen=True)
class Source:
    """One report's saying of a value: its label (R2), outlet and the link to its words."""

    label: str
    outlet: str
    link: EvidenceLink | None


@dataclass(frozen=True)
class ValueRow:
    value: str
    sources: list[Source]
    published: str


@dataclass(frozen=True)
class FactRow:
    id: str
    subject: str
    attribute: str
    verdict: str
    explanation: str
    values: list[ValueRow]
    independence: str = ""  # "3 reports, 2 independent sources" when copies make them differ


@dataclass(frozen=True)
class Variant:
    name: str
    sources: list[Source]


@dataclass(frozen=True)
class CastCard:
    id: str
    name: str
    kind: str
    named: bool
    variants: list[Variant]
    descriptions: list[Variant]
    facts: list[FactRow]
    happenings: list[FactRow]
    events: list[tuple[str, str]]
    conflicted: bool


@dataclass(frozen=True)
class QuoteRow:
    link: EvidenceLink
    source: str


@dataclass(frozen=True)
class SpeakerGroup:
    speaker: str
    cast_id: str | None
    quotes: list[QuoteRow]


@dataclass(frozen=True)
class EventRow:
    id: str
    label: str
    date: str | None
    date_conflict: bool
    dates_given: list[ValueRow]
    sources: list[Source]


@dataclass(frozen=True)
class CopyRow:
    """A copy (or a mirror) in a source family, as the Sources section shows it."""

    label: str
    outlet: str
    published: str
    href: str | None
    share: str  # "carries 80% of R1; all of it is R1's"
    changes: list[str]


@dataclass(frozen=True)
class FamilyRow:
    id: str
    origin: str
    origin_kind: str
    original: Source
    original_published: str
    copies: list[CopyRow]


@dataclass
class StoryView:
    story: Story
    summary_headline: str | None = None
    summary: list[EvidenceLink] = field(default_factory=list)
    first: list[FactRow] = field(default_factory=list)
    cast: list[CastCard] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    chart: Chart | None = None
    speakers: list[SpeakerGroup] = field(default_factory=list)
    other_facts: list[FactRow] = field(default_factory=list)
    families: list[FamilyRow] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # of the reports and of their mirrors


class _Labels:
    def __init__(self, story: Story) -> None:
        self.story = story

    def source(self, article_id: str, evidence: Evidence | None = None) -> Source:
        member = self.story.member(article_id)
        label = member.label if member else article_id[:8]
        outlet = (member.outlet if member else None) or "outlet unknown"
        link = EvidenceLink.of(label, evidence) if evidence else None
        return Source(label, outlet, link)

    def sourced(self, articles: list[str], evidence: list[Evidence]) -> list[Source]:
        by_article: dict[str, Evidence] = {}
        for ev in evidence:
            by_article.setdefault(ev.article_id, ev)
        return [self.source(a, by_article.get(a)) for a in articles]


_NUMBER_QUALIFIERS = {
    "exact": "",
    "more_than": "more than",
    "less_than": "less than",
    "about": "about",
    "at_least": "at least",
    "up_to": "up to",
}


def _value_text(v: ValueSources) -> str:
    """``75,000`` with its qualifier in words (``more than 75,000``); a fate with its charge
    (``arrested (suspicion of murder)``)."""
    value = v.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = (
        f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10000 else str(value)
    )
    text = text.replace("_", " ")
    if not v.qualifier:
        return text
    if v.qualifier in _NUMBER_QUALIFIERS:
        words = _NUMBER_QUALIFIERS[v.qualifier]
        return f"{words} {text}" if words else text
    return f"{text} ({v.qualifier})"


def fact_row(fact: FactComparison, labels: _Labels) -> FactRow:
    values = [
        ValueRow(
            _value_text(v),
            labels.sourced(v.articles, v.evidence),
            ", ".join(dict.fromkeys(d.isoformat() for d in v.published if d)),
        )
        for v in fact.values
    ]
    return FactRow(
        fact.id,
        fact.subject_name,
        fact.attribute.replace("_", " "),
        fact.verdict,
        fact.explanation,
        values,
        independence=_independence(fact),
    )


def _independence(fact: FactComparison) -> str:
    """``3 reports, 2 independent sources`` when copies make the counts differ, else ``""``."""
    return sources_note(fact).strip()[1:-1]


def _percent(share: float) -> str:
    return "all" if share >= 0.9995 else f"{share:.0%}"


def family_row(family: SourceFamily, story: Story, labels: _Labels) -> FamilyRow:
    """A family with copies or mirrors: its origin, original, and what each copy shares and changed."""
    original = story.member(family.original)
    rows = []
    for copy in family.copies:
        member = story.member(copy.article_id)
        of = story.label(copy.copy_of)
        rows.append(
            CopyRow(
                label=story.label(copy.article_id),
                outlet=(member.outlet if member else None) or "outlet unknown",
                published=member.published.isoformat() if member and member.published else "undated",
                href=f"/articles/{copy.article_id}",
                share=f"carries {_percent(copy.share_of_original)} of {of}; "
                f"{_percent(copy.share_of_copy)} of it is {of}'s",
                changes=[change_text(c) for c in copy.changes] or ["no change"],
            )
        )
    for mirror in family.mirrors:
        seen = mirror.appearance
        rows.append(
            CopyRow(
                label="mirror",
                outlet=seen.outlet or seen.url or "outlet unknown",
                published=seen.published.isoformat() if seen.published else "undated",
                href=None,
                share=f"the same text as {story.label(mirror.article_id)}",
                changes=[change_text(c) for c in mirror.changes] or ["no change"],
            )
        )
    return FamilyRow(
        id=family.id,
        origin=family.origin,
        origin_kind=family.origin_kind,
        original=labels.source(family.original),
        original_published=original.published.isoformat() if original and original.published else "undated",
        copies=rows,
    )


def cast_card(member: CastMember, facts: list[FactComparison], story: Story, labels: _Labels) -> CastCard:
    mine = [f for f in facts if f.subject == member.id]
    order = {a: i for i, a in enumerate(CARD_ATTRIBUTES)}
    shown = sorted((f for f in mine if f.attribute in order), key=lambda f: order[f.attribute])
    events = []
    for entry in story.timeline:
        for p in entry.participants:
            if p.cast_id == member.id:
                events.append((entry.date or "undated", f"{entry.type.replace('_', ' ')} ({p.role})"))
    return CastCard(
        id=member.id,
        name=member.name,
        kind=member.kind,
        named=member.named,
        variants=[Variant(v.name, labels.sourced(v.articles, v.evidence)) for v in member.variants],
        descriptions=[Variant(v.name, labels.sourced(v.articles, v.evidence)) for v in member.descriptions],
        facts=[fact_row(f, labels) for f in shown],
        happenings=[fact_row(f, labels) for f in mine if f.attribute in _HAPPENINGS],
        events=events,
        conflicted=bool(member.conflicts),
    )


def speaker_groups(story: Story, cases: dict[str, CaseFile], labels: _Labels) -> list[SpeakerGroup]:
    """Quotes of every report, grouped by the cast member who spoke (or the words naming them)."""
    cast_of = {(ref.article_id, ref.item_id): m for m in story.cast for ref in m.members}
    groups: OrderedDict[str, SpeakerGroup] = OrderedDict()
    for member in story.members:
        case = cases.get(member.article_id)
        if case is None:
            continue
        for quote in case.quotes:
            speaker = cast_of.get((member.article_id, quote.speaker_id or ""))
            if speaker is not None:
                key, name, cast_id = speaker.id, speaker.name, speaker.id
            else:
                name = case.entity_name(quote.speaker_id) or quote.speaker_text or "Unattributed"
                key, cast_id = f"text:{name.lower()}", None
            group = groups.setdefault(key, SpeakerGroup(name, cast_id, []))
            group.quotes.append(QuoteRow(EvidenceLink.of(quote.evidence.text, quote.evidence), member.label))
    return sorted(groups.values(), key=lambda g: (g.speaker == "Unattributed", -len(g.quotes)))


def story_view(story: Story, cases: dict[str, CaseFile]) -> StoryView:
    labels = _Labels(story)
    view = StoryView(story=story)
    anchor = cases.get(story.members[0].article_id) if story.members else None
    if anchor is not None:
        view.summary_headline = anchor.summary.headline
        view.summary = [EvidenceLink.of(s.text, s) for s in anchor.summary.sentences]
    # Disagreements first, then what changed over time.
    conflicting = [f for f in story.facts if f.verdict == "conflicting"]
    updated = [f for f in story.facts if f.verdict == "updated"]
    view.first = [fact_row(f, labels) for f in conflicting + updated]
    view.cast = [cast_card(m, story.facts, story, labels) for m in story.cast if m.kind == "person"]
    view.cast += [cast_card(m, story.facts, story, labels) for m in story.cast if m.kind == "organisation"]
    for entry in story.timeline:
        participants = ", ".join(f"{p.role} {p.name}" for p in entry.participants[:3])
        label = entry.type.replace("_", " ") + (f": {participants}" if participants else "")
        sources = labels.sourced(entry.articles, entry.evidence)
        view.events.append(
            EventRow(
                id=entry.id,
                label=label,
                date=entry.date,
                date_conflict=entry.date_conflict,
                dates_given=[ValueRow(d.value, labels.sourced(d.articles, d.evidence), "") for d in entry.dates_given],
                sources=sources,
            )
        )
    view.chart = layout(
        [
            (e.id, e.date, e.label, next((s.link.href() for s in e.sources if s.link), f"#{e.id}"), len(e.sources))
            for e in view.events
        ]
    )
    view.speakers = speaker_groups(story, cases, labels)
    view.outlets = list(
        dict.fromkeys(o for m in story.members for o in (m.outlet, *(a.outlet for a in m.appearances)) if o)
    )
    view.families = [family_row(f, story, labels) for f in story.families if f.copies or f.mirrors]
    person_subjects = {m.id for m in story.cast}
    view.other_facts = [
        fact_row(f, labels)
        for f in story.facts
        if f.subject not in person_subjects and f.verdict not in ("conflicting", "updated")
    ]
    return view

"""A case file shaped for the article page: cards, groups and evidence links.

Only arrangement happens here; every value comes from the case file, and every statement
keeps a link to its evidence.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from storydesk.model import CaseFile, Fact, Person, Quote
from storydesk.web.evidence import EvidenceLink
from storydesk.web.highlight import Sentence, segment

# Person attributes shown on a card, in this order, with their labels.
CARD_ATTRIBUTES = (
    ("age", "Age"),
    ("gender", "Gender"),
    ("title", "Title"),
    ("occupation", "Occupation"),
    ("nationality", "Nationality"),
    ("role", "Role"),
    ("description", "Described as"),
)
_HAPPENINGS = ("fate", "legal")


@dataclass(frozen=True)
class AttributeRow:
    label: str
    values: list[EvidenceLink]


@dataclass(frozen=True)
class PersonCard:
    id: str
    name: str
    named: bool
    variants: list[str]
    mentions: int
    attributes: list[AttributeRow]
    relations: list[EvidenceLink]
    happenings: list[EvidenceLink]


@dataclass(frozen=True)
class QuoteGroup:
    speaker: str
    speaker_id: str | None
    quotes: list[EvidenceLink]


@dataclass(frozen=True)
class EventRow:
    id: str
    label: str
    when: str | None
    modality: str
    link: EvidenceLink
    participants: list[str]


@dataclass(frozen=True)
class NamedRow:
    id: str
    name: str
    detail: str
    link: EvidenceLink | None


@dataclass
class ArticleView:
    case: CaseFile
    paragraphs: list[list[Sentence]]
    summary: list[EvidenceLink] = field(default_factory=list)
    people: list[PersonCard] = field(default_factory=list)
    quote_groups: list[QuoteGroup] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    times: list[EvidenceLink] = field(default_factory=list)
    numbers: list[EvidenceLink] = field(default_factory=list)
    organisations: list[NamedRow] = field(default_factory=list)
    places: list[NamedRow] = field(default_factory=list)


def _unique_links(facts: list[Fact]) -> list[EvidenceLink]:
    seen: OrderedDict[str, EvidenceLink] = OrderedDict()
    for fact in facts:
        label = str(fact.value) + (f" ({fact.modality})" if fact.modality != "asserted" else "")
        seen.setdefault(label, EvidenceLink.of(label, fact.evidence))
    return list(seen.values())


def person_card(case: CaseFile, person: Person) -> PersonCard:
    facts = case.facts_about(person.id)
    rows = []
    for attribute, label in CARD_ATTRIBUTES:
        chosen = [f for f in facts if f.attribute == attribute]
        if chosen:
            rows.append(AttributeRow(label, _unique_links(chosen)))
    relations = [
        EvidenceLink.of(f"{f.value} {f.qualifier}" if f.qualifier else f.value, f.evidence)
        for f in facts
        if f.attribute == "relation"
    ]
    happenings = []
    for fact in facts:
        if fact.attribute in _HAPPENINGS:
            when = case.time(fact.time_id)
            label = str(fact.value).replace("_", " ") + (f" ({fact.qualifier})" if fact.qualifier else "")
            if fact.modality != "asserted":
                label += f", {fact.modality}"
            happenings.append(EvidenceLink.of(label, fact.evidence, note=(when.value or "") if when else ""))
    return PersonCard(
        id=person.id,
        name=person.name,
        named=person.named,
        variants=[v for v in person.variants if v != person.name],
        mentions=len(person.mentions),
        attributes=rows,
        relations=relations,
        happenings=happenings,
    )


def quote_groups(case: CaseFile) -> list[QuoteGroup]:
    groups: OrderedDict[tuple[str | None, str], list[Quote]] = OrderedDict()
    for quote in case.quotes:
        speaker = case.entity_name(quote.speaker_id) or quote.speaker_text or "Unattributed"
        groups.setdefault((quote.speaker_id, speaker), []).append(quote)
    return [
        QuoteGroup(
            speaker=speaker,
            speaker_id=speaker_id,
            quotes=[EvidenceLink.of(q.evidence.text, q.evidence, note=q.kind) for q in quotes],
        )
        for (speaker_id, speaker), quotes in groups.items()
    ]


def event_rows(case: CaseFile) -> list[EventRow]:
    rows = []
    for event in case.events:
        when = case.time(event.time_id)
        label = event.type.replace("_", " ") + (f" ({event.subtype})" if event.subtype else "")
        participants = [f"{a.role}: {case.entity_name(a.entity_id) or a.text}" for a in event.arguments]
        rows.append(
            EventRow(
                id=event.id,
                label=label,
                when=when.value if when else None,
                modality=event.modality,
                link=EvidenceLink.of(label, event.evidence),
                participants=participants,
            )
        )
    return sorted(rows, key=lambda r: (r.when is None, r.when or "", r.link.start))


def article_view(case: CaseFile) -> ArticleView:
    view = ArticleView(case=case, paragraphs=segment(case))
    view.summary = [EvidenceLink.of(s.text, s) for s in case.summary.sentences]
    view.people = [person_card(case, p) for p in case.people]
    view.quote_groups = quote_groups(case)
    view.events = event_rows(case)
    for t in case.times:
        flags = [n for n, on in (("approx.", t.approximate), ("year inferred", t.year_inferred)) if on]
        value = (t.value or "unresolved") + (f" ({', '.join(flags)})" if flags else "")
        view.times.append(EvidenceLink.of(t.evidence.text, t.evidence, note=value))
    for n in case.numbers:
        shown = f"{n.value:,.0f}" if float(n.value).is_integer() else f"{n.value:,}"
        qualifier = "" if n.qualifier == "exact" else n.qualifier.replace("_", " ") + " "
        label = f"{qualifier}{shown} {n.unit or ''} {n.counts or ''}".strip()
        view.numbers.append(EvidenceLink.of(label, n.evidence, note=n.kind))
    org_names = {o.id: o.name for o in case.organisations}
    for org in case.organisations:
        detail = ", ".join(v for v in org.variants if v != org.name)
        if org.part_of in org_names:
            detail = f"part of {org_names[org.part_of]}" + (f"; also {detail}" if detail else "")
        first = EvidenceLink.of(org.name, org.mentions[0].evidence) if org.mentions else None
        view.organisations.append(NamedRow(org.id, org.name, detail, first))
    place_names = {p.id: p.name for p in case.places}
    for place in case.places:
        detail = f"in {place_names[place.within]}" if place.within in place_names else ""
        first = EvidenceLink.of(place.name, place.mentions[0].evidence) if place.mentions else None
        view.places.append(NamedRow(place.id, place.name, detail, first))
    return view

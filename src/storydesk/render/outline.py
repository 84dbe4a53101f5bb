"""A case file as an outline of titled sections and lines, shared by the text and
Markdown views so both always say the same thing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from storydesk.model import CaseFile, Fact, Person

# Attributes shown in a person's line, in this order.
_PERSON_ATTRIBUTES = ("age", "gender", "title", "occupation", "nationality", "role")


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


def _values(facts: list[Fact], attribute: str) -> list[str]:
    return list(dict.fromkeys(str(f.value) for f in facts if f.attribute == attribute))


def _person_lines(case: CaseFile, person: Person) -> list[str]:
    facts = case.facts_about(person.id)
    parts = []
    for attribute in _PERSON_ATTRIBUTES:
        values = _values(facts, attribute)
        if values:
            parts.append(f"{attribute} {', '.join(values)}")
    head = person.name if person.named else f"{person.name} (unnamed)"
    lines = [f"{head}" + (f": {'; '.join(parts)}" if parts else "")]
    others = [v for v in person.variants if v != person.name]
    if others:
        lines.append(f"  also: {', '.join(others)}")
    descriptions = _values(facts, "description")
    if descriptions:
        lines.append(f"  described as: {', '.join(descriptions)}")
    relations = list(dict.fromkeys(f"{f.value} {f.qualifier}" for f in facts if f.attribute == "relation"))
    if relations:
        lines.append(f"  relations: {'; '.join(relations)}")
    for fact in facts:
        if fact.attribute in {"fate", "legal"}:
            when = case.time(fact.time_id)
            note = f" ({fact.modality})" if fact.modality != "asserted" else ""
            qualifier = f" {fact.qualifier}" if fact.qualifier else ""
            lines.append(f"  {fact.value}{qualifier}{note}" + (f" [{when.value}]" if when and when.value else ""))
    return lines


def outline(case: CaseFile) -> tuple[str, list[str], list[Section]]:
    """(title, header lines, sections)."""
    article = case.article
    title = article.title or "Case file"
    header = [f"article {article.id}"]
    if article.outlet:
        header.append(f"outlet {article.outlet}")
    if article.url:
        header.append(f"url {article.url}")
    header.append(f"published {article.published.isoformat() if article.published else 'unknown'}")
    for repair in article.repairs:
        header.append(f"repaired: {repair.detail}" + (f" (x{repair.count})" if repair.count > 1 else ""))
    for warning in case.warnings:
        header.append(f"warning: {warning}")

    sections: list[Section] = []
    if case.summary.headline or case.summary.sentences:
        summary = Section("Summary")
        if case.summary.headline:
            source = (case.summary.headline_source or "").replace("_", " ")
            summary.lines.append(f"headline{f' ({source})' if source else ''}: {case.summary.headline}")
        summary.lines += [f"{i}. {s.text}" for i, s in enumerate(case.summary.sentences, start=1)]
        sections.append(summary)

    cast = Section("People")
    for person in case.people:
        cast.lines += _person_lines(case, person)
    sections.append(cast)

    if case.organisations:
        orgs = Section("Organisations")
        by_id = {o.id: o.name for o in case.organisations}
        for org in case.organisations:
            extra = [v for v in org.variants if v != org.name]
            line = org.name + (f" (part of {by_id[org.part_of]})" if org.part_of in by_id else "")
            orgs.lines.append(line + (f": also {', '.join(extra)}" if extra else ""))
        sections.append(orgs)
    if case.places:
        places = Section("Places")
        by_id = {p.id: p.name for p in case.places}
        for place in case.places:
            places.lines.append(place.name + (f", in {by_id[place.within]}" if place.within in by_id else ""))
        sections.append(places)
    if case.things:
        sections.append(Section("Things", [f"{t.name} ({t.category})" for t in case.things]))

    dated: dict[str, list[str]] = defaultdict(list)
    for event in case.events:
        when = case.time(event.time_id)
        key = when.value if when and when.value else "undated"
        roles = ", ".join(f"{a.role} {case.entity_name(a.entity_id) or a.text}" for a in event.arguments)
        note = f" ({event.modality})" if event.modality != "asserted" else ""
        dated[key].append(f"{event.type}{note}" + (f": {roles}" if roles else "") + f'  \u2190 "{event.trigger.text}"')
    if dated:
        timeline = Section("Timeline")
        for key in sorted(k for k in dated if k != "undated") + (["undated"] if "undated" in dated else []):
            for line in dated[key]:
                timeline.lines.append(f"{key}  {line}")
        sections.append(timeline)
    if case.times:
        times = Section("Time expressions")
        for t in case.times:
            flags = [
                f
                for f, on in (
                    ("approximate", t.approximate),
                    ("year inferred", t.year_inferred),
                    ("unresolved", not t.resolved),
                )
                if on
            ]
            times.lines.append(f'"{t.evidence.text}" = {t.value or "?"}' + (f" ({', '.join(flags)})" if flags else ""))
        sections.append(times)
    if case.quotes:
        quotes = Section("Quotes")
        for q in case.quotes:
            speaker = case.entity_name(q.speaker_id) or q.speaker_text or "unattributed"
            text = q.evidence.text if len(q.evidence.text) <= 160 else q.evidence.text[:157] + "..."
            quotes.lines.append(f"{speaker} ({q.kind}{', ' + q.channel if q.channel else ''}): \u201c{text}\u201d")
        sections.append(quotes)
    if case.numbers:
        numbers = Section("Numbers")
        for n in case.numbers:
            qualifier = "" if n.qualifier == "exact" else n.qualifier.replace("_", " ") + " "
            value = f"{n.value:,.0f}" if float(n.value).is_integer() else f"{n.value:,}"
            unit = "" if n.unit is None else ("%" if n.unit == "%" else f" {n.unit}")
            numbers.lines.append(
                f"{n.kind}: {qualifier}{value}{unit} {n.counts or '(what it counts not found)'}"
                + f'  \u2190 "{n.evidence.text}"'
            )
        sections.append(numbers)
    return title, header, sections

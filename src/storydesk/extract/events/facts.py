"""Events as Facts (docs/FACTS.md): event facts with the event as subject, fates and roles
on people.

Event facts: ``type``; one fact per ``agent``, ``patient``, ``instrument``, ``place`` and
``charge`` argument (value = the participant's name in this report, qualifier = its item id
when linked); ``date`` (the TIMEX3 value of the event's time). Fates: one per event whose
``fate_role`` participant is a person (``fate_planned`` when the event is planned), qualifier =
the event's charge, time and modality the event's; an ``injured`` fate implied by an attack
is dropped for a person who died. Roles: the catalogue's ``roles_given``
(patient of an attack: victim; agent: attacker), only for asserted or alleged events.
"""

from __future__ import annotations

from dataclasses import dataclass

from storydesk.extract.events.catalogue import EventType
from storydesk.model import Article, Event, Evidence, Fact, FactValue, Modality, Person, TimeRef

_ARGUMENT_FACTS = ("agent", "patient", "instrument", "place", "charge")


@dataclass(frozen=True)
class _Raw:
    subject: str
    subject_name: str
    attribute: str
    value: FactValue
    evidence: Evidence
    qualifier: str | None = None
    modality: Modality = "asserted"
    time_id: str | None = None


def _names(event: Event, names: dict[str, str], role: str) -> list[tuple[str, str | None, Evidence]]:
    return [
        (names.get(a.entity_id, a.text) if a.entity_id else a.text, a.entity_id, a.evidence)
        for a in event.arguments
        if a.role == role
    ]


def group_members(people: list[Person]) -> dict[tuple[int, int], list[str]]:
    """Description span -> the people it describes together, for a group (``Three boys, aged
    14, 15 and 16, were arrested``: each member is described by the same words), so that what
    the text says happens to the group happens to each member."""
    by_span: dict[tuple[int, int], list[str]] = {}
    for person in people:
        for mention in person.mentions:
            if mention.kind == "description" and not person.named:
                by_span.setdefault((mention.evidence.start, mention.evidence.end), []).append(person.id)
    return {span: ids for span, ids in by_span.items() if len(ids) > 1}


def event_facts(
    article: Article,
    events: list[Event],
    types: dict[str, EventType],
    names: dict[str, str],
    times: list[TimeRef],
    first_id: int,
    groups: dict[tuple[int, int], list[str]] | None = None,
) -> list[Fact]:
    """The facts of ``events``; ``groups`` (see ``group_members``) spreads a group's fate to
    each of its members."""
    by_id = {t.id: t for t in times}
    raw: list[_Raw] = []
    for event in events:
        common = {"modality": event.modality, "time_id": event.time_id}
        raw.append(_Raw(event.id, event.type, "type", event.type, event.trigger, **common))  # type: ignore[arg-type]
        for role in _ARGUMENT_FACTS:
            for name, entity_id, ev in _names(event, names, role):
                raw.append(_Raw(event.id, event.type, role, name, ev, entity_id, **common))  # type: ignore[arg-type]
        when = by_id.get(event.time_id or "")
        if when is not None and when.value:
            raw.append(_Raw(event.id, event.type, "date", when.value, when.evidence, **common))  # type: ignore[arg-type]
        et = types.get(event.id)
        if et is None:
            continue
        raw += _person_facts(event, et, names, groups or {})
    raw = _without_superseded_injury(raw, events, types)
    return [
        Fact(
            id=f"f{first_id + i}",
            subject=r.subject,
            subject_name=r.subject_name,
            attribute=r.attribute,
            value=r.value,
            qualifier=r.qualifier,
            modality=r.modality,
            time_id=r.time_id,
            evidence=r.evidence,
            published=article.published,
        )
        for i, r in enumerate(raw)
    ]


def _without_superseded_injury(raw: list[_Raw], events: list[Event], types: dict[str, EventType]) -> list[_Raw]:
    """An attack implies ``injured`` only for a victim who lived: ``shot and killed`` gives
    ``died`` alone. An injury stated as such (``suffered burns``, ``was injured``) stays."""
    dead = {r.subject for r in raw if r.attribute == "fate" and r.value == "died" and r.modality == "asserted"}
    implied = {e.evidence.start for e in events if (et := types.get(e.id)) is not None and et.family == "attack"}
    return [
        r
        for r in raw
        if not (r.attribute == "fate" and r.value == "injured" and r.subject in dead and r.evidence.start in implied)
    ]


def _person_facts(
    event: Event, et: EventType, names: dict[str, str], groups: dict[tuple[int, int], list[str]]
) -> list[_Raw]:
    raw: list[_Raw] = []
    charges = [a.text for a in event.arguments if a.role == "charge"]
    qualifier = "; ".join(dict.fromkeys(charges)) or None
    fate = et.fate_planned if event.modality == "planned" and et.fate_planned else et.fate
    for arg in event.arguments:
        if arg.entity_id is None or not arg.entity_id.startswith("p"):
            continue
        together = [
            ids
            for (start, end), ids in groups.items()
            if arg.entity_id in ids and start < arg.evidence.end and arg.evidence.start < end
        ]
        for person in together[0] if together else [arg.entity_id]:
            name = names.get(person, arg.text)
            if fate and arg.role == et.fate_role:
                raw.append(_Raw(person, name, "fate", fate, event.evidence, qualifier, event.modality, event.time_id))
            role = et.roles_given.get(arg.role)
            if role and event.modality in {"asserted", "alleged"}:
                raw.append(_Raw(person, name, "role", role, arg.evidence, None, event.modality))
    return raw

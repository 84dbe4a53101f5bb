"""Typed events, their arguments, modality and time, and the Facts they give (issue 6).

    triggers (catalogue words and phrases in the parse)
      -> arguments (linked to people, organisations, places, things by mention spans)
      -> modality -> time (``times.anchor.time_for_span``: own clause or sentence only)
      -> merge repeated mentions -> Events -> Facts (event facts, fates, roles)

The catalogue is data (``storydesk/data/events.json``); a user file adds or replaces types.

Two rules local to events fill a missing patient from the sentence context:

- ``patient_from``: an event with no patient takes the person patient of an event of a listed
  type in the same sentence (``a warrant was issued when X failed to appear``: X).
- pronoun fates: when the subject of a passive fate verb is ``he`` or ``she`` and the cast left
  it unresolved (``He was remanded in custody.``), it stands for the patient of an event of the
  same type or of the justice family in the previous sentence, only when exactly one person
  taking part in those events (agent or patient) is compatible with the pronoun's gender
  (gender read from the person's own mentions: pronouns, titles, nouns; unknown is compatible).
  Measured by ``benchmarks/events_gold.py`` (``pronoun_rule`` in the results): on the 50 gold
  reports it fired 3 times, all 3 correct (P 1.0; too few firings to claim more than that).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from storydesk.extract.events.arguments import Arg, find_arguments, passive_pronoun_subject
from storydesk.extract.events.catalogue import EventType, load_catalogue
from storydesk.extract.events.dedupe import Draft, merge
from storydesk.extract.events.entities_index import EntityIndex, gender_of
from storydesk.extract.events.facts import event_facts, group_members
from storydesk.extract.events.modality import conditional, modality_of
from storydesk.extract.events.together import share_objects, share_times, together_links
from storydesk.extract.events.triggers import find_triggers
from storydesk.extract.spans import evidence
from storydesk.extract.times.anchor import time_for_span
from storydesk.model import Argument, Article, Event, Fact, Organisation, Person, Place, Quote, Thing, TimeRef

__all__ = ["EventType", "EventsFound", "find_events", "load_catalogue"]


@dataclass(frozen=True)
class EventsFound:
    events: list[Event]
    facts: list[Fact]


def _statement_speaker(doc: Doc, draft: Draft, quotes: list[Quote], index: EntityIndex) -> Arg | None:
    """A statement without a subject takes the speaker of a quote cued in its sentence."""
    sent = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if sent is None:
        return None
    s = sent.sent
    for quote in quotes:
        ev = quote.speaker_evidence
        if ev is None or quote.speaker_id is None:
            continue
        cue = quote.cue
        if (s.start_char <= ev.start < s.end_char) or (cue is not None and s.start_char <= cue.start < s.end_char):
            name = index.names.get(quote.speaker_id, ev.text)
            return Arg("agent", ev.start, ev.end, ev.text, quote.speaker_id, name)
    return None


def _time_of(doc: Doc, times: list[TimeRef], quotes: list[Quote], start: int, end: int) -> TimeRef | None:
    """The time of a trigger's clause; a trigger inside a direct quotation is not dated by a
    time outside it (``On January 27, she said: 'I saw a man stabbing a woman'``: the day she
    spoke, not the day she saw it). Reported speech keeps the time of its reporting clause:
    ``X will face no further action, police revealed today`` is today's decision."""
    found = time_for_span(doc, times, start, end)
    if found is None:
        return None
    for quote in quotes:
        if quote.kind != "direct":
            continue
        inside = quote.evidence.start <= start and end <= quote.evidence.end
        if inside and not (quote.evidence.start <= found.evidence.start < quote.evidence.end):
            return None
    return found


def _sentence(doc: Doc, draft: Draft) -> int:
    return doc[draft.hit.head].sent.start


def _persons(draft: Draft, role: str | None = None) -> list[Arg]:
    return [
        a
        for a in draft.args
        if (role is None or a.role == role)
        and a.role in {"agent", "patient"}
        and (a.entity_id is None or a.entity_id.startswith("p"))
    ]


def _has_required(draft: Draft) -> bool:
    """A type that ``requires`` an organisation (or a person) among its agents and patients."""
    prefix = draft.hit.etype.required_prefix
    return prefix is None or any(
        a.role in {"agent", "patient"} and (a.entity_id or "").startswith(prefix) for a in draft.args
    )


def _borrow_patients(doc: Doc, drafts: list[Draft]) -> None:
    """``patient_from``: an event with no patient takes the one person patient of a listed event
    type in its sentence."""
    for draft in drafts:
        wanted = draft.hit.etype.patient_from
        if not wanted or any(a.role == "patient" for a in draft.args):
            continue
        donors = [
            a
            for other in drafts
            if other is not draft and other.hit.etype.type in wanted and _sentence(doc, other) == _sentence(doc, draft)
            for a in _persons(other, "patient")
        ]
        if len({a.entity_id or a.text for a in donors}) == 1:
            draft.args.append(donors[0])


def _resolve_pronoun_patients(doc: Doc, drafts: list[Draft], index: EntityIndex) -> None:
    """``He was remanded.``: the one gender-compatible person of the previous sentence's
    same-type or justice events, when that person is a patient there (module docstring)."""
    for draft in drafts:
        et = draft.hit.etype
        if et.fate is None or any(a.role == "patient" for a in draft.args):
            continue
        pronoun = passive_pronoun_subject(doc, draft.hit)
        if pronoun is None:
            continue
        sent = doc[draft.hit.head].sent
        if sent.start == 0:
            continue
        previous = doc[sent.start - 1].sent.start
        donors = [
            d
            for d in drafts
            if _sentence(doc, d) == previous and (d.hit.etype.type == et.type or d.hit.etype.family == "justice")
        ]
        wanted = "male" if pronoun == "he" else "female"
        compatible: dict[str, list[Arg]] = {}
        for d in donors:
            for a in _persons(d):
                gender = index.genders.get(a.entity_id) if a.entity_id else gender_of([a.text])
                if gender in {None, wanted}:
                    compatible.setdefault(a.entity_id or a.text.casefold(), []).append(a)
        if len(compatible) != 1:
            continue
        patients = [a for a in next(iter(compatible.values())) if a.role == "patient"]
        if patients:
            a = patients[0]
            draft.args.append(Arg("patient", a.start, a.end, a.text, a.entity_id, a.name))


def find_events(
    doc: Doc,
    article: Article,
    people: list[Person],
    organisations: list[Organisation],
    places: list[Place],
    things: list[Thing],
    times: list[TimeRef],
    quotes: list[Quote],
    *,
    catalogue: tuple[EventType, ...] | None = None,
    events_file: str | Path | None = None,
    first_fact_id: int = 1,
) -> EventsFound:
    """Events of one report and their facts; ``events_file`` adds to the built-in catalogue."""
    types = catalogue if catalogue is not None else load_catalogue(events_file)
    index = EntityIndex(people, organisations, places, things)
    drafts: list[Draft] = []
    for hit in find_triggers(doc, types):
        if conditional(doc, hit):
            continue  # "If convicted, Kessinger faces up to 20 years": nothing has happened
        start, end = doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1].text)
        draft = Draft(
            hit,
            start,
            end,
            find_arguments(doc, index, hit),
            _time_of(doc, times, quotes, start, end),
            modality_of(doc, hit),
        )
        if hit.etype.type == "statement" and not any(a.role == "agent" for a in draft.args):
            speaker = _statement_speaker(doc, draft, quotes, index)
            if speaker is not None:
                draft.args.append(speaker)
        drafts.append(draft)
    drafts = [d for d in drafts if _has_required(d)]
    _borrow_patients(doc, drafts)
    _resolve_pronoun_patients(doc, drafts, index)
    share_objects(doc, drafts)
    links = together_links(doc, drafts)
    merged = merge(drafts)
    share_times(links)
    events: list[Event] = []
    kinds: dict[str, EventType] = {}
    for number, draft in enumerate(merged, start=1):
        sentence = doc.char_span(draft.start, draft.end, alignment_mode="expand")
        sent = sentence.sent if sentence is not None else None
        event_id = f"e{number}"
        kinds[event_id] = draft.hit.etype
        events.append(
            Event(
                id=event_id,
                type=draft.hit.etype.type,
                subtype=draft.hit.etype.subtype,
                trigger=evidence(article, draft.start, draft.end),
                arguments=[
                    Argument(
                        role=a.role,
                        entity_id=a.entity_id,
                        text=a.text,
                        evidence=evidence(article, a.start, a.end),
                    )
                    for a in draft.args
                ],
                time_id=draft.time.id if draft.time is not None else None,
                modality=draft.modality,
                evidence=evidence(article, sent.start_char, sent.end_char)
                if sent is not None
                else evidence(article, draft.start, draft.end),
                mentions=[evidence(article, s, e) for s, e in draft.mentions],
            )
        )
    facts = event_facts(article, events, kinds, index.names, times, first_fact_id, groups=group_members(people))
    return EventsFound(events, facts)

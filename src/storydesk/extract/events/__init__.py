"""Typed events, their arguments, modality and time, and the Facts they give (issue 6).

    triggers (catalogue words and phrases in the parse)
      -> arguments (linked to people, organisations, places, things by mention spans)
      -> modality -> time (``times.anchor.time_for_span``: own clause or sentence only)
      -> merge repeated mentions -> Events -> Facts (event facts, fates, roles)

The catalogue is data (``storydesk/data/events.json``); a user file adds or replaces types.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from storydesk.extract.events.arguments import Arg, find_arguments
from storydesk.extract.events.catalogue import EventType, load_catalogue
from storydesk.extract.events.dedupe import Draft, merge
from storydesk.extract.events.entities_index import EntityIndex
from storydesk.extract.events.facts import event_facts
from storydesk.extract.events.modality import modality_of
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
        start, end = doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1].text)
        draft = Draft(
            hit,
            start,
            end,
            find_arguments(doc, index, hit),
            time_for_span(doc, times, start, end),
            modality_of(doc, hit),
        )
        if hit.etype.type == "statement" and not any(a.role == "agent" for a in draft.args):
            speaker = _statement_speaker(doc, draft, quotes, index)
            if speaker is not None:
                draft.args.append(speaker)
        drafts.append(draft)
    events: list[Event] = []
    kinds: dict[str, EventType] = {}
    for number, draft in enumerate(merge(drafts), start=1):
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
    facts = event_facts(article, events, kinds, index.names, times, first_fact_id)
    return EventsFound(events, facts)

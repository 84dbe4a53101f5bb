"""Where the cast, organisations, places and things are mentioned, to link arguments to them."""

from __future__ import annotations

from dataclasses import dataclass

from storydesk.model import Organisation, Person, Place, Thing


@dataclass(frozen=True)
class Mentioned:
    start: int
    end: int
    entity_id: str
    name: str


class EntityIndex:
    """Mention spans of every item, people first: a span is linked to the item mentioned there."""

    def __init__(
        self, people: list[Person], organisations: list[Organisation], places: list[Place], things: list[Thing]
    ) -> None:
        self.mentions: list[Mentioned] = []
        for group in (people, organisations, places, things):
            for item in group:
                for mention in item.mentions:
                    self.mentions.append(Mentioned(mention.evidence.start, mention.evidence.end, item.id, item.name))
        self.names = {m.entity_id: m.name for m in self.mentions}

    def at(self, start: int, end: int, head: tuple[int, int] | None = None) -> Mentioned | None:
        """The item mentioned at the head word if any, else the last one mentioned inside [start, end)."""
        if head is not None:
            for m in self.mentions:
                if m.start < head[1] and head[0] < m.end:
                    return m
        inside = [m for m in self.mentions if m.start < end and start < m.end]
        return max(inside, key=lambda m: (m.end, -ord(m.entity_id[0]))) if inside else None

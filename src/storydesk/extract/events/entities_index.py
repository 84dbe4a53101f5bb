"""Where the cast, organisations, places and things are mentioned, to link arguments to them."""

from __future__ import annotations

from dataclasses import dataclass

from storydesk.model import Organisation, Person, Place, Thing

_POLICE_WORDS = {"police", "officers", "detectives", "investigators", "force", "officer", "detective"}
# Words that state a person's gender in a mention or description (pronouns, titles, nouns).
_MALE = {
    "he", "him", "his", "himself", "mr", "sir", "lord", "man", "boy", "father", "son", "husband", "brother",
    "grandfather", "uncle", "nephew", "boyfriend", "king", "dad", "businessman", "policeman", "chairman",
}  # fmt: skip
_FEMALE = {
    "she", "her", "hers", "herself", "mrs", "ms", "miss", "dame", "lady", "woman", "girl", "mother", "daughter",
    "wife", "sister", "grandmother", "aunt", "niece", "girlfriend", "queen", "mum", "mom", "businesswoman",
    "policewoman", "chairwoman",
}  # fmt: skip


def gender_of(texts: list[str]) -> str | None:
    """``male`` or ``female`` when the words of these mentions say so and agree, else None."""
    words = {w.strip(".,'’\"").casefold() for text in texts for w in text.replace("-", " ").split()}
    male, female = bool(words & _MALE), bool(words & _FEMALE)
    if male == female:
        return None
    return "male" if male else "female"


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
        self.genders = {p.id: gender_of([m.evidence.text for m in p.mentions]) for p in people}
        forces = [o for o in organisations if "police" in o.name.casefold() and o.part_of is None]
        self.force = forces[0] if len(forces) == 1 else None

    def police(self, text: str) -> Mentioned | None:
        """``police``, ``officers``, ``detectives``: the report's one police force, if it has one."""
        words = text.casefold().split()
        if self.force is None or not words or words[-1] not in _POLICE_WORDS or len(words) > 3:
            return None
        return Mentioned(-1, -1, self.force.id, self.force.name)

    def at(self, start: int, end: int, head: tuple[int, int] | None = None) -> Mentioned | None:
        """The item mentioned at the head word, else one mentioned by the whole phrase's end
        (``the 26-year-old driver``); never an item only named inside it (``her own bank``)."""
        if head is not None:
            for m in self.mentions:
                if m.start < head[1] and head[0] < m.end:
                    return m
        for m in self.mentions:
            if m.start < end and start < m.end and m.end >= end:
                return m
        return None

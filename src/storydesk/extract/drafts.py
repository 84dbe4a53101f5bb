"""A person while the report's mentions of them are gathered: names, descriptions, pronouns,
ages and the gender the text states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storydesk import conventions
from storydesk.extract.forenames import likely_gender
from storydesk.extract.mentions import Description, NameMention, PronounMention

# Titles that name one office in a report ("Mayor", "Judge", "Sheriff"), unlike police ranks.
OFFICE_TITLE_KINDS = {"political", "judicial"}
OFFICE_TITLES = {"Sheriff", "Coroner", "Police Chief", "Fire Chief", "Fire Marshal", "Fire Commissioner"}


@dataclass
class PersonDraft:
    names: list[NameMention] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    pronouns: list[PronounMention] = field(default_factory=list)
    ages: list[tuple[int, int, int]] = field(default_factory=list)  # (age, start, end)
    gender: str | None = None
    gender_span: tuple[int, int] | None = None
    # an unnamed relative ("her sister"): the relation noun and the person who owns it
    kin: tuple[str, PersonDraft] | None = None
    # the other of a couple (or of two siblings) who own the relation noun together ("the
    # couple's son", "their mother")
    kin_also: PersonDraft | None = None

    @property
    def named(self) -> bool:
        return bool(self.names)

    @property
    def first_position(self) -> int:
        positions = [m.start for m in self.names] + [d.start for d in self.descriptions]
        return min(positions) if positions else 0

    def full_name(self) -> str:
        if self.names:
            best = max(self.names, key=lambda m: (len(m.name.split()), m.title is None, len(m.name)))
            return best.name
        own = [d for d in self.descriptions if not d.plural] or self.descriptions
        return own[0].text if own else "unnamed person"

    def words(self) -> list[str]:
        return [w.casefold() for w in self.full_name().split()]

    def likely_gender(self) -> str | None:
        """The stated gender, else the one the forename is nearly always given to
        (``forenames``): only to choose between people, never stated as the person's."""
        if self.gender is not None:
            return self.gender
        words = self.full_name().split() if self.names else []
        return likely_gender(words[0]) if len(words) >= 2 else None

    def nicknames(self) -> set[str]:
        return {m.nickname.casefold() for m in self.names if m.nickname}

    def last_mention(self, before: int) -> int:
        spans = [m.start for m in self.names if m.start < before] + [
            d.start for d in self.descriptions if d.start < before
        ]
        return max(spans, default=-1)

    def mention_starts(self) -> list[int]:
        """Where each name, description and pronoun of this person starts."""
        return [m.start for m in self.names] + [d.start for d in self.descriptions] + [p.start for p in self.pronouns]

    def nouns(self) -> set[str]:
        return {d.noun for d in self.descriptions if d.noun}

    def title_nouns(self) -> set[str]:
        """``Mayor Dwight Lennox`` -> ``mayor``: the head word of an office title. Not of a rank
        (``Deputy``, ``Officer``): a report has many deputies and officers."""
        return {
            m.title.split()[-1].lower()
            for m in self.names
            if m.title and (m.title_kind in OFFICE_TITLE_KINDS or m.title in OFFICE_TITLES)
        }

    def groups(self) -> set[str]:
        table = conventions.person_nouns()
        return {g for n in self.nouns() if (g := table[n].group if n in table else None)}

    def absorb(self, other: PersonDraft) -> None:
        """Take in the mentions, ages and (when it has none) the gender of a draft found to be
        this same person."""
        self.descriptions = sorted(self.descriptions + other.descriptions, key=lambda d: d.start)
        self.pronouns = sorted(self.pronouns + other.pronouns, key=lambda p: p.start)
        self.ages += other.ages
        if self.gender is None:
            self.gender, self.gender_span = other.gender, other.gender_span

    def age_values(self) -> set[int]:
        return {a for a, _, _ in self.ages} | {d.age for d in self.descriptions if d.age is not None}


def named_at(candidates: list[PersonDraft], index: int) -> PersonDraft | None:
    """The one candidate with a name mention over character ``index``, if exactly one."""
    owners = [d for d in candidates if any(m.start <= index < m.end for m in d.names)]
    return owners[0] if len(owners) == 1 else None


# the end of a sentence: its stop, a closing quotation mark, the space after
_SENTENCE_STOP = re.compile(r"[.!?]['’\"”]?\s+")


def named_in_next_sentence(
    text: str, drafts: list[PersonDraft], end: int, owners: list[PersonDraft], gender: str | None
) -> PersonDraft | None:
    """``He will be succeeded by his daughter. Funmilayo Adebayo, 43, ...``: the person whose
    full name opens the sentence after ``end`` and is first named there, when they share the
    surname of one of ``owners`` (not being one) and their forename is not of the other
    gender than ``gender``."""
    stop = _SENTENCE_STOP.search(text, end, end + 300)
    if stop is None:
        return None
    surnames = {o.words()[-1] for o in owners if o.named}
    for draft in drafts:
        if not draft.named or min(m.start for m in draft.names) != stop.end() or len(draft.words()) < 2:
            continue
        if draft.words()[-1] in surnames and draft.likely_gender() in (None, gender) and draft not in owners:
            return draft
    return None

"""Who a speaker span denotes: a person or organisation of the cast, or nobody.

In order:

1. the entity with a mention covering the speaker's head word (``Abraham's lawyer Mohammed
   Akunjee`` -> Akunjee, not Abraham);
2. a group (``friends of the driver``, ``his neighbours``): no entity; the quote keeps the
   group as ``speaker_text`` (a group speaks *about* a person, not *as* them, so linking it
   to that person would put words in their mouth);
3. a pronoun (``he``, ``she``, ``it``, ``they``): the most recent compatible mention in the
   preceding text of the same or the previous paragraph, subjects first; gender from the
   cast's titles (``Mr``, ``Mrs``) and pronoun mentions when the people module gives them;
   ``it``/``they`` go to organisations;
4. a spokesperson or statement naming its organisation (``a North Downs Police
   spokesman``);
5. a name or variant equal to the speaker text (titles ignored), or a capitalised head
   equal to a surname;
6. a word of an organisation's name (``police said``: the police force most recently
   mentioned);
7. a statement, spokesperson or stand-in noun (``the statement said``, ``the force said``):
   the organisation mentioned most recently before it, within three paragraphs.

Other mentions inside the span are modifiers (``Mr Okafor's sister``): no entity.

Deliberately not done: guessing among people when nothing in the text links them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from storydesk.extract.quotes.cues import CueTable
from storydesk.model import Organisation, Person

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How far back a pronoun or statement looks for its antecedent, in paragraphs.
_PRONOUN_PARAGRAPHS = 1
_STATEMENT_PARAGRAPHS = 3


@dataclass(frozen=True)
class CastMention:
    entity_id: str
    kind: Literal["person", "organisation"]
    start: int
    end: int
    subject: bool
    pronoun: bool


@dataclass(frozen=True)
class CastEntity:
    entity_id: str
    kind: Literal["person", "organisation"]
    names: frozenset[str]
    last_words: frozenset[str]
    gender: str | None


@dataclass(frozen=True)
class Cast:
    entities: tuple[CastEntity, ...]
    mentions: tuple[CastMention, ...]
    """Sorted by start."""


def _strip_titles(name: str, table: CueTable) -> str:
    words = [w for w in name.replace(".", " ").split() if w.lower() not in table.male_titles | table.female_titles]
    return " ".join(words)


def _gender(texts: Sequence[str], table: CueTable) -> str | None:
    votes: set[str] = set()
    for text in texts:
        words = text.lower().replace(".", " ").split()
        if not words:
            continue
        if words[0] in table.male_titles or words[0] in ("he", "him", "his"):
            votes.add("male")
        if words[0] in table.female_titles or words[0] in ("she", "her", "hers"):
            votes.add("female")
    return votes.pop() if len(votes) == 1 else None


def build_cast(doc: Doc, people: Sequence[Person], organisations: Sequence[Organisation], table: CueTable) -> Cast:
    entities: list[CastEntity] = []
    mentions: list[CastMention] = []
    groups: list[tuple[Literal["person", "organisation"], Sequence[Person] | Sequence[Organisation]]] = [
        ("person", people),
        ("organisation", organisations),
    ]
    for kind, group in groups:
        for entity in group:
            texts = [entity.name, *entity.variants, *(m.evidence.text for m in entity.mentions)]
            names = {_strip_titles(t, table).lower() for t in [entity.name, *entity.variants]}
            names |= {t.lower() for t in [entity.name, *entity.variants]}
            names.discard("")
            last = {n.split()[-1] for n in names if n.split()}
            named = not isinstance(entity, Person) or entity.named
            entities.append(
                CastEntity(
                    entity.id,
                    kind,
                    frozenset(names if named else set()),
                    frozenset(last if named and kind == "person" else set()),
                    _gender(texts, table) if kind == "person" else None,
                )
            )
            for mention in entity.mentions:
                start, end = mention.evidence.start, mention.evidence.end
                span = doc.char_span(start, end, alignment_mode="expand")
                subject = span is not None and any(
                    t.dep_ in _SUBJECT_DEPS or (t.dep_ == "poss" and t.head.dep_ in _SUBJECT_DEPS)
                    for t in span
                    if t.head == t or not (span.start <= t.head.i < span.end)
                )
                mentions.append(CastMention(entity.id, kind, start, end, subject, mention.kind == "pronoun"))
    mentions.sort(key=lambda m: (m.start, m.end, m.entity_id))
    return Cast(tuple(entities), tuple(mentions))


@dataclass(frozen=True)
class SpeakerSpan:
    start: int
    end: int
    head_start: int
    head_end: int
    text: str
    head_text: str
    group: bool = False
    statement: bool = False


def _paragraph_floor(paragraphs: Sequence[tuple[int, int]], char: int, back: int) -> int:
    index = next((i for i, (lo, hi) in enumerate(paragraphs) if lo <= char <= hi), 0)
    return paragraphs[max(0, index - back)][0] if paragraphs else 0


def resolve(
    speaker: SpeakerSpan,
    cast: Cast,
    paragraphs: Sequence[tuple[int, int]],
    table: CueTable,
) -> str | None:
    """The id of the entity ``speaker`` denotes, or None."""
    covering = [m for m in cast.mentions if m.start <= speaker.head_start and speaker.head_end <= m.end]
    if covering:
        return min(covering, key=lambda m: m.end - m.start).entity_id
    if speaker.group:
        return None
    pronoun = table.pronoun_kind(speaker.head_text)
    if pronoun is not None and speaker.end - speaker.start <= len(speaker.head_text) + 1:
        return _antecedent(speaker, pronoun, cast, paragraphs)
    inside = [m for m in cast.mentions if speaker.start <= m.start and m.end <= speaker.end]
    if speaker.statement:
        # A spokeswoman for the County Attorney's Office / a North Downs Police spokesman
        orgs_inside = [m for m in inside if m.kind == "organisation"]
        if orgs_inside:
            return orgs_inside[-1].entity_id
    bare = _strip_titles(speaker.text, table).lower()
    head = speaker.head_text.lower()
    for entity in cast.entities:
        if bare in entity.names or speaker.text.lower() in entity.names:
            return entity.entity_id
    if head[:1].isupper() or speaker.head_text[:1].isupper():
        for entity in cast.entities:
            if head in entity.last_words:
                return entity.entity_id
    org_words = [e for e in cast.entities if e.kind == "organisation" and any(head in n.split() for n in e.names)]
    if org_words:
        # "police said": the police force the report names (the most recently mentioned)
        ids = {e.entity_id for e in org_words}
        recent = [m for m in cast.mentions if m.entity_id in ids and m.end <= speaker.start]
        return recent[-1].entity_id if recent else org_words[0].entity_id
    if speaker.statement:
        floor = _paragraph_floor(paragraphs, speaker.start, _STATEMENT_PARAGRAPHS)
        orgs = [m for m in cast.mentions if m.kind == "organisation" and floor <= m.start and m.end <= speaker.start]
        if orgs:
            return orgs[-1].entity_id
    # Other mentions inside the span are modifiers (Mr Okafor's sister, Hale's attorney):
    # the speaker is someone else, so nothing is resolved rather than the wrong person.
    return None


def _antecedent(speaker: SpeakerSpan, pronoun: str, cast: Cast, paragraphs: Sequence[tuple[int, int]]) -> str | None:
    floor = _paragraph_floor(paragraphs, speaker.start, _PRONOUN_PARAGRAPHS)
    genders = {e.entity_id: e.gender for e in cast.entities}
    before = [m for m in cast.mentions if floor <= m.start and m.end <= speaker.start]
    if pronoun in ("male", "female"):
        candidates = [m for m in before if m.kind == "person" and genders.get(m.entity_id) in (None, pronoun)]
    elif pronoun in ("neuter", "plural"):
        candidates = [m for m in before if m.kind == "organisation"]
    else:
        return None
    subjects = [m for m in candidates if m.subject and not m.pronoun]
    if subjects:
        return subjects[-1].entity_id
    return candidates[-1].entity_id if candidates else None

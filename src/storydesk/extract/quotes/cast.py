"""The cast as speaker resolution sees it: name forms, titles, gender and mentions.

Built once per article from the people and organisations other extractors found. For each
entity: its name forms (lower case, with and without titles and a leading ``the``), the last
and first words of its names, the title words its names carry (``justice`` in ``Mrs Justice
Hollins``), and a gender when its own mentions state one (a title, a gendered noun such as
``wife``, or a pronoun the people module linked), never guessed from a forename. For each
mention: where it is, whether it is a grammatical subject, whether it is a pronoun, and
whether it sits inside quotation marks (a name inside a quote is not a speaker's antecedent).

Deliberately not done here: deciding who speaks (``resolve``, ``antecedent``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from storydesk.extract.quotes.cues import CueTable
from storydesk.model import Organisation, Person

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_DETERMINERS = ("the ", "a ", "an ")


@dataclass(frozen=True)
class CastMention:
    entity_id: str
    kind: Literal["person", "organisation"]
    start: int
    end: int
    subject: bool
    pronoun: bool
    quoted: bool = False
    main_subject: bool = False
    """The subject of its sentence's main verb (or of a verb joined to it by ``and``), or a
    name in apposition to it."""


@dataclass(frozen=True)
class CastEntity:
    entity_id: str
    kind: Literal["person", "organisation"]
    names: frozenset[str]
    last_words: frozenset[str]
    gender: str | None
    bare_names: frozenset[str] = frozenset()
    first_words: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cast:
    entities: tuple[CastEntity, ...]
    mentions: tuple[CastMention, ...]
    """Sorted by start."""


def bare_name(text: str, table: CueTable) -> str:
    """``The Mr. O’Brien`` -> ``o'brien``: lower case, no leading article, no personal title."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    for det in _DETERMINERS:
        if lowered.startswith(det):
            lowered = lowered[len(det) :]
    words = [w for w in lowered.replace(".", " ").split() if w not in table.male_titles | table.female_titles]
    return " ".join(words)


def paragraph_floor(paragraphs: Sequence[tuple[int, int]], char: int, back: int) -> int:
    """The start of the paragraph ``back`` paragraphs before the one holding ``char``."""
    index = next((i for i, (lo, hi) in enumerate(paragraphs) if lo <= char <= hi), 0)
    return paragraphs[max(0, index - back)][0] if paragraphs else 0


def _gender(person: Person, table: CueTable) -> str | None:
    votes: set[str] = set()
    for mention in person.mentions:
        words = mention.evidence.text.lower().replace(".", " ").replace("’", "'").split()
        if not words:
            continue
        if mention.kind in ("name", "titled_name", "surname", "forename", "pseudonym"):
            words = words[:1]  # a title before the name; words of the name itself say nothing
        elif mention.kind == "description":
            words = [w for w in words if not w.endswith("'s")][-1:]  # the head: her sister -> sister
        for word in words:
            if word in table.male_nouns or word in table.male_titles:
                votes.add("male")
            if word in table.female_nouns or word in table.female_titles:
                votes.add("female")
    for variant in (person.name, *person.variants):
        first = variant.lower().replace(".", " ").split()[:1]
        if first and first[0] in table.male_titles:
            votes.add("male")
        if first and first[0] in table.female_titles:
            votes.add("female")
    return votes.pop() if len(votes) == 1 else None


def _rank_before(doc: Doc, start: int, table: CueTable) -> str:
    """A rank written right before a name mention that leaves it out (``Ald.`` in ``Ald.
    Terrence Bolt``), or the empty string."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return ""
    i = span.start - 1
    if doc[i].text == "." and i > 0:
        i -= 1
    word = doc[i].lower_.rstrip(".")
    ranks = {w for _, words in table.role_titles for w in words}
    return word if word in ranks else ""


def _words(names: Iterable[str]) -> list[list[str]]:
    return [n.split() for n in names if n.split()]


def _roots(span: Span) -> list[Token]:
    return [t for t in span if t.head == t or not span.start <= t.head.i < span.end]


def build_cast(
    doc: Doc,
    people: Sequence[Person],
    organisations: Sequence[Organisation],
    table: CueTable,
    quoted: Sequence[tuple[int, int]] = (),
) -> Cast:
    """The cast of ``doc``; ``quoted`` are the spans inside quotation marks."""
    entities: list[CastEntity] = []
    mentions: list[CastMention] = []
    groups: list[tuple[Literal["person", "organisation"], Sequence[Person] | Sequence[Organisation]]] = [
        ("person", people),
        ("organisation", organisations),
    ]
    for kind, group in groups:
        for entity in group:
            forms = [entity.name, *entity.variants]
            bare = {bare_name(t, table) for t in forms} - {""}
            names = bare | {t.lower() for t in forms}
            named = not isinstance(entity, Person) or entity.named
            person = kind == "person" and named
            name_words = set(bare_name(entity.name, table).split())
            titled = [m.evidence.text for m in entity.mentions if m.kind == "titled_name"]
            titled += [_rank_before(doc, m.evidence.start, table) for m in entity.mentions if m.kind != "pronoun"]
            title_words = {
                w.strip(".,")
                for text in [*forms, *titled]
                for w in text.lower().split()
                if w.strip(".,") not in name_words
            }
            entities.append(
                CastEntity(
                    entity.id,
                    kind,
                    frozenset(names if named else set()),
                    frozenset({n[-1] for n in _words(names)} if person else set()),
                    _gender(entity, table) if isinstance(entity, Person) else None,
                    frozenset(bare if named else set()),
                    frozenset({n[0] for n in _words(bare) if len(n) > 1} if person else set()),
                    frozenset(title_words if person else set()),
                )
            )
            for mention in entity.mentions:
                start, end = mention.evidence.start, mention.evidence.end
                span = doc.char_span(start, end, alignment_mode="expand")
                # Kessler's sister, Karen Boyd, was 14: a name in apposition stands where its noun does
                roots = [t.head if t.dep_ == "appos" else t for t in ([] if span is None else _roots(span))]
                subject = any(
                    t.dep_ in _SUBJECT_DEPS or (t.dep_ == "poss" and t.head.dep_ in _SUBJECT_DEPS) for t in roots
                )
                main = any(
                    t.dep_ in _SUBJECT_DEPS
                    and (t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"))
                    for t in roots
                )
                inside = any(lo <= start and end <= hi for lo, hi in quoted)
                is_pronoun = mention.kind == "pronoun"
                mentions.append(CastMention(entity.id, kind, start, end, subject, is_pronoun, inside, main))
    mentions.sort(key=lambda m: (m.start, m.end, m.entity_id))
    return Cast(tuple(entities), tuple(mentions))

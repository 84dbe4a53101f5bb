"""Who a speaker span denotes: a person or organisation of the cast, or nobody.

In order:

1. the entity with a mention covering the speaker's head word (``Abraham's lawyer Mohammed
   Akunjee`` -> Akunjee, not Abraham; ``Fire Marshal Patrice Okonjo`` -> Okonjo even when
   the mention leaves the rank out), a person first; a titled surname (``Mr Sewell``,
   ``Dr Qureshi``) goes to the person of that surname even when an organisation's mention
   covers it;
2. a group (``friends of the driver``, ``his neighbours``, ``neighbours``): no entity; the quote keeps the
   group as ``speaker_text`` (a group speaks *about* a person, not *as* them, so linking it
   to that person would put words in their mouth);
3. a pronoun (``he``, ``she``, ``it``, ``they``): see ``antecedent``;
4. a name or variant equal to the speaker text (titles and a leading ``the`` ignored);
5. a spokesperson or statement naming its organisation (``a North Downs Police
   spokesman``, ``a spokeswoman for the County Attorney's Office``);
6. a capitalised head equal to a surname, or to a forename only one person of the cast has
   (``Mr Treloar's wife, Tamsin``);
7. a role noun (``the judge``): the one person whose name carries the matching title
   (``Mrs Justice Hollins``, ``District Judge Harold Muñoz``); an age (``the 49-year-old``,
   ``the 26-year-old woman``): the antecedent a pronoun would have (``antecedent``);
8. a word of an organisation's name (``police said``: the police force most recently
   mentioned);
9. a statement, spokesperson or stand-in noun (``the statement said``, ``the force said``):
   the organisation of a matching kind (``the force``: a police force; ``a club
   spokesperson``: a club) mentioned most recently before it; any organisation within three
   paragraphs only for nouns that say nothing of the kind (``the statement``); none for a
   document that names no one (``records show``).

Other mentions inside the span are modifiers (``Mr Okafor's sister``): no entity.

Deliberately not done: guessing among people when nothing in the text links them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydesk.extract.quotes.antecedent import antecedent
from storydesk.extract.quotes.cast import Cast, CastEntity, CastMention, bare_name, build_cast, paragraph_floor
from storydesk.extract.quotes.cues import CueTable

__all__ = ["Cast", "CastEntity", "CastMention", "SpeakerSpan", "build_cast", "resolve"]

# How far back a statement or stand-in noun looks for its organisation, in paragraphs.
_STATEMENT_PARAGRAPHS = 3
# A person's age as the head of a description: the 49-year-old
_AGE = re.compile(r"the \d+-year-old(?: [a-z]+)?")
# Stand-in nouns that say nothing of what kind of organisation speaks.
_KINDLESS = frozenset({"statement", "spokesman", "spokeswoman", "spokesperson", "representative", "release"})


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
    plural: bool = False
    noun: bool = True
    """The head is a noun or name, not a pronoun or another part of speech (``who``)."""
    """The head is a plural noun (``witnesses``): never the antecedent of ``he`` or ``she``."""


def resolve(
    speaker: SpeakerSpan,
    cast: Cast,
    paragraphs: Sequence[tuple[int, int]],
    table: CueTable,
) -> str | None:
    """The id of the entity ``speaker`` denotes, or None."""
    if speaker.group:
        return None
    head_token_start = speaker.head_end - len(speaker.head_text)
    covering = [m for m in cast.mentions if m.start <= head_token_start and speaker.head_end <= m.end]
    first = speaker.text.lower().split()[0].rstrip(".") if speaker.text.split() else ""
    titled = first in table.male_titles | table.female_titles | table.neutral_titles
    if titled and not any(m.kind == "person" for m in covering):
        # Mr Sewell, Dr Qureshi: a person, even where the cast also has an organisation of that name
        people = [e for e in cast.entities if e.kind == "person" and speaker.head_text.lower() in e.last_words]
        if people:
            return _most_recent(people, cast, speaker.start)
    if speaker.statement and speaker.text.lower().startswith(("a ", "an ", "one ")):
        # "A spokesman for South Wales Police said", "A club spokesperson said": the organisation
        # speaks, through a person the cast keeps unnamed (a named spokesperson, "the force's
        # spokesman, Jo Bell", speaks as herself)
        found = _statement_organisation(speaker, cast, paragraphs, table)
        if found is not None:
            return found
    if covering:
        return min(covering, key=lambda m: (m.end - m.start, m.kind != "person")).entity_id
    pronoun = table.pronoun_kind(speaker.head_text)
    if pronoun is not None and speaker.end - speaker.start <= len(speaker.head_text) + 1:
        return antecedent(speaker.start, pronoun, cast, paragraphs)
    bare = bare_name(speaker.text, table)
    exact = [e for e in cast.entities if bare in e.bare_names]
    if exact:
        return exact[0].entity_id
    if speaker.statement:
        found = _statement_organisation(speaker, cast, paragraphs, table)
        if found is not None or _kind_of_organisation(speaker, table) is not None:
            return found
        if _names_someone(speaker):
            # a Downing Street spokesperson: the cast lacks the one it names, not someone else
            return None
    head = speaker.head_text.lower()
    if speaker.head_text[:1].isupper():
        by_surname = [e for e in cast.entities if head in e.last_words]
        if by_surname:
            return by_surname[0].entity_id
        by_forename = [e for e in cast.entities if e.kind == "person" and head in e.first_words]
        if len(by_forename) == 1:
            return by_forename[0].entity_id
    holder = _title_holder(speaker, cast, table)
    if holder is not None:
        return holder
    if _AGE.fullmatch(" ".join(speaker.text.lower().split())):
        # Sarah Linwood will leave today. The 49-year-old said: the person just spoken of
        return antecedent(speaker.start, _gender_of(speaker.text, table) or "person", cast, paragraphs)
    if speaker.statement or head in table.organisation_nouns:
        return _standin(speaker, head, cast, paragraphs, table)
    org_words = [e for e in cast.entities if e.kind == "organisation" and any(head in n.split() for n in e.names)]
    if org_words:
        return _most_recent(org_words, cast, speaker.start)
    # Other mentions inside the span are modifiers (Mr Okafor's sister, Hale's attorney):
    # the speaker is someone else, so nothing is resolved rather than the wrong person.
    return None


def _gender_of(text: str, table: CueTable) -> str | None:
    words = set(text.lower().split())
    if words & table.male_nouns:
        return "male"
    if words & table.female_nouns:
        return "female"
    return None


def _most_recent(entities: Sequence[CastEntity], cast: Cast, before: int) -> str:
    ids = {e.entity_id for e in entities}
    recent = [m for m in cast.mentions if m.entity_id in ids and m.end <= before]
    return recent[-1].entity_id if recent else entities[0].entity_id


def _names_someone(speaker: SpeakerSpan) -> bool:
    """A capitalised word in the span besides its first word and its head: a name."""
    words = speaker.text.split()[1:]
    return any(w[:1].isupper() for w in words if w != speaker.head_text)


def _kind_of_organisation(speaker: SpeakerSpan, table: CueTable) -> str | None:
    """``a council spokeswoman``, ``a spokesperson for the regulator``: the organisation noun
    in a statement's span."""
    words = [w.strip(".,'’") for w in speaker.text.lower().split()]
    return next((w for w in words if w in table.organisation_nouns), None)


def _statement_organisation(
    speaker: SpeakerSpan, cast: Cast, paragraphs: Sequence[tuple[int, int]], table: CueTable
) -> str | None:
    """The organisation a statement or spokesperson speaks for: one named in the span (``a
    North Downs Police spokesman``), else the one of the kind the span names (``a club
    spokesperson``, ``a spokesperson for the company``) mentioned most recently."""
    named = _organisation_named_in(speaker, cast)
    if named is not None:
        return named
    kind = _kind_of_organisation(speaker, table)
    return _standin(speaker, kind, cast, paragraphs, table) if kind is not None else None


def _organisation_named_in(speaker: SpeakerSpan, cast: Cast) -> str | None:
    """``A North Downs Police spokesman``: the organisation whose name the span contains."""
    text = " " + " ".join(re.sub(r"[^\w&'’-]+", " ", speaker.text.lower()).replace("’", "'").split()) + " "
    best: tuple[int, str] | None = None
    for entity in cast.entities:
        if entity.kind != "organisation":
            continue
        for name in entity.bare_names:
            if len(name) >= 3 and f" {name} " in text and (best is None or len(name) > best[0]):
                best = (len(name), entity.entity_id)
    return best[1] if best else None


def _title_holder(speaker: SpeakerSpan, cast: Cast, table: CueTable) -> str | None:
    """``the judge`` -> the one person whose name carries a judge's title."""
    titles = table.titles_for(speaker.head_text.lower())
    if not titles or speaker.text.lower().split()[0] not in ("the", "a"):
        return None
    holders = [e for e in cast.entities if e.kind == "person" and e.title_words & titles]
    if len(holders) == 1:
        return holders[0].entity_id
    return _most_recent(holders, cast, speaker.start) if holders else None


def _standin(
    speaker: SpeakerSpan, head: str, cast: Cast, paragraphs: Sequence[tuple[int, int]], table: CueTable
) -> str | None:
    """``the force said``: the organisation of that kind mentioned last, within three paragraphs."""
    floor = paragraph_floor(paragraphs, speaker.start, _STATEMENT_PARAGRAPHS)
    kinds = table.standin_words(head)
    orgs = {e.entity_id: e for e in cast.entities if e.kind == "organisation"}
    matching = [e for e in orgs.values() if any(w in kinds for n in e.names for w in n.split())]
    if matching and head not in _KINDLESS:
        return _most_recent(matching, cast, speaker.start)
    if (head in table.organisation_nouns and head not in _KINDLESS) or head in table.document_nouns:
        # the force, the company: no organisation of that kind in the cast; records, the
        # filing: a document speaks for whoever is named with it, and no one is here
        return None
    recent = [m for m in cast.mentions if m.kind == "organisation" and floor <= m.start and m.end <= speaker.start]
    return recent[-1].entity_id if recent else None

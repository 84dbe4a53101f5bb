"""Speakers carried from one quote to the next: a pronoun or ``the statement`` standing for
the speaker the report has just introduced.

The quote keeps the pronoun as its speaker evidence (the words of its own attribution) and
takes, as speaker text and for resolution, the span the pronoun stands for:

- ``A jogger who found him said the dog would not leave. 'It was shaking,' she said.``: the
  pronoun stands for the jogger, a speaker the cast has no person for (or only an unnamed
  one), so the quote takes the jogger's words as its speaker, not the last named woman;
- ``A spokesman for the gas board said... He said the company...``: the spokesman again, so
  the organisation he speaks for;
- ``Her sister said in a statement that... '...,' the statement said.``: the statement is
  the sister's;
- ``A Downing Street spokesperson said... the spokesperson added``: the same spokesperson.

Only the quote just before, in the same or the previous paragraph, is looked at, and a
pronoun is carried only when no named person of a compatible gender became the subject of a
main clause in between (``A witness said... Mrs Lane, 60, said... she said``: Mrs Lane).
Deliberately not done: carrying a speaker that the cast already resolves to a named person
(``antecedent`` does that from the cast's own mentions), or a group (``neighbours``) or a
document (``records show``) to ``he`` or ``she``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from storydesk.extract.quotes.cast import Cast
from storydesk.extract.quotes.cues import CueTable
from storydesk.extract.quotes.resolve import SpeakerSpan

# Nouns naming a person who speaks for someone else: carried to a later he or she.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Nouns naming a statement: ``the statement said`` is whoever issued it.
_STATEMENTS = frozenset({"statement", "release"})


class _Quoted(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def cue(self) -> tuple[int, int] | None: ...

    @property
    def speaker(self) -> SpeakerSpan | None: ...

    @property
    def channel(self) -> str | None: ...

    @property
    def carried(self) -> SpeakerSpan | None: ...


Q = TypeVar("Q", bound=_Quoted)


def carry_speakers(
    quotes: Sequence[Q],
    cast: Cast,
    paragraphs: Sequence[tuple[int, int]],
    table: CueTable,
    resolved: Callable[[SpeakerSpan], str | None],
    with_speaker: Callable[[Q, SpeakerSpan], Q],
) -> list[Q]:
    """``quotes`` in text order, each pronoun or ``the statement`` speaker given (through
    ``with_speaker``) the speaker span it stands for. ``resolved`` gives the entity a speaker
    span resolves to."""
    out: list[Q] = []
    for found in quotes:
        speaker = found.speaker
        previous = _previous(out, found, paragraphs)
        if speaker is not None and previous is not None and previous.speaker is not None:
            before = previous.carried or previous.speaker
            carried = _carried(speaker, before, previous.channel, cast, table, resolved)
            if carried is not None:
                found = with_speaker(found, carried)
        out.append(found)
    return out


def _paragraph(paragraphs: Sequence[tuple[int, int]], char: int) -> int:
    return next((i for i, (lo, hi) in enumerate(paragraphs) if lo <= char <= hi), 0)


def _previous(done: Sequence[Q], found: Q, paragraphs: Sequence[tuple[int, int]]) -> Q | None:
    """The last quote before ``found`` with a speaker and another cue, in the same or the
    previous paragraph."""
    if found.speaker is None:
        return None
    here = _paragraph(paragraphs, found.speaker.start)
    for previous in reversed(done):
        if previous.speaker is None or (found.cue is not None and previous.cue == found.cue):
            continue
        if previous.speaker.start >= found.speaker.start:
            continue
        return previous if _paragraph(paragraphs, previous.speaker.start) >= here - 1 else None
    return None


def _carried(
    speaker: SpeakerSpan,
    previous: SpeakerSpan,
    channel: str | None,
    cast: Cast,
    table: CueTable,
    resolved: Callable[[SpeakerSpan], str | None],
) -> SpeakerSpan | None:
    words = speaker.text.lower().split()
    head = speaker.head_text.lower()
    previous_head = previous.head_text.lower()
    if len(words) == 2 and words[0] == "the" and head in _STATEMENTS:
        # the statement said: the one who said it in a statement just before
        if channel == "statement" and previous_head not in table.statement_nouns | _STATEMENTS:
            return previous
        return None
    if len(words) == 2 and words[0] == "the" and head in _SPOKESPEOPLE:
        # the spokesperson added: the spokesperson of the quote before
        return previous if previous_head in _SPOKESPEOPLE and previous.text.lower() != speaker.text.lower() else None
    pronoun = table.pronoun_kind(speaker.head_text)
    if pronoun not in ("male", "female") or len(words) != 1:
        return None
    if previous.group or previous.plural or table.pronoun_kind(previous.head_text) is not None:
        return None
    if previous_head in table.statement_nouns - _SPOKESPEOPLE or previous_head in table.document_nouns:
        return None  # records, the statement: not he or she
    if not previous.noun:
        return None  # who, some: a pronoun or a fragment of a parse, not a description
    if gender(previous, table) not in (None, pronoun):
        return None
    if resolved(previous) is not None and previous_head not in _SPOKESPEOPLE:
        return None  # a named speaker: the cast's own mentions say who the pronoun is
    genders = {e.entity_id: e.gender for e in cast.entities}
    named = {e.entity_id for e in cast.entities if e.kind == "person"}
    if any(
        m.entity_id in named
        and m.main_subject
        and not m.pronoun
        and not m.quoted
        and genders.get(m.entity_id) in (None, pronoun)
        and previous.end <= m.start
        and m.end <= speaker.start
        for m in cast.mentions
    ):
        return None  # someone else took the stage in between
    return previous


def gender(speaker: SpeakerSpan, table: CueTable) -> str | None:
    """What the speaker's own head word says of gender (``a council spokeswoman``: female);
    for ``one of the men``, the noun after ``of``."""
    head = speaker.head_text.lower()
    words = [head]
    lowered = speaker.text.lower().split()
    if head == "one" and "of" in lowered:
        words = lowered[lowered.index("of") + 1 :]
    if any(w in table.male_nouns or w in ("men", "boys") for w in words):
        return "male"
    if any(w in table.female_nouns or w in ("women", "girls") for w in words):
        return "female"
    return None

"""The antecedent of a pronoun speaker (``'...,' she said``): a person or organisation.

The most recent compatible mention before the pronoun, in the same or the previous
paragraph, outside quotation marks (``'Danny's the gentlest person I know,' she said``: the
name inside the quote is who she speaks of, not who she is). ``he``/``she`` take people whose
gender is unknown or agrees; ``it``/``they`` take organisations. Subjects of a main clause
come first (``Karen, 14 when Lorraine was killed... She said``: Karen), then other subjects,
then any mention.

Deliberately not done: guessing a gender from a forename, or reaching back further than the
previous paragraph (news style re-names a speaker after a paragraph break).
"""

from __future__ import annotations

from collections.abc import Sequence

from storydesk.extract.quotes.cast import Cast, CastMention, paragraph_floor

# How far back a pronoun looks for its antecedent, in paragraphs. Set by hand, not tuned.
_PRONOUN_PARAGRAPHS = 1


def antecedent(start: int, pronoun: str, cast: Cast, paragraphs: Sequence[tuple[int, int]]) -> str | None:
    """The entity a pronoun at ``start`` of kind ``pronoun`` (male, female, neuter, plural, or
    person for a description of either gender) refers to."""
    floor = paragraph_floor(paragraphs, start, _PRONOUN_PARAGRAPHS)
    genders = {e.entity_id: e.gender for e in cast.entities}
    before = [m for m in cast.mentions if floor <= m.start and m.end <= start and not m.quoted]
    candidates: list[CastMention]
    if pronoun in ("male", "female"):
        candidates = [m for m in before if m.kind == "person" and genders.get(m.entity_id) in (None, pronoun)]
    elif pronoun == "person":
        # the 49-year-old: a person of either gender
        candidates = [m for m in before if m.kind == "person"]
    elif pronoun in ("neuter", "plural"):
        candidates = [m for m in before if m.kind == "organisation"]
    else:
        return None
    for preferred in (
        [m for m in candidates if m.main_subject and not m.pronoun],
        [m for m in candidates if m.subject and not m.pronoun],
        candidates,
    ):
        if preferred:
            return preferred[-1].entity_id
    return None

"""The newsroom conventions for quotations, read from ``storydesk/data/quote_cues.json``.

Holds the tables (cue verbs, channel words, title and name signals, group nouns, pronoun
genders) as one frozen record; the rules live in the other modules. Nothing here looks at
a text.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class CueTable:
    cue_verbs: frozenset[str]
    """Lemmas of verbs that report speech (say, tell, tweet, confirm...)."""
    cue_verbs_need_clause: frozenset[str]
    """Cue lemmas that report speech only with a clause (``believe that...``), never alone."""
    marked_cue_verbs: frozenset[str]
    """Lemmas that attribute words in quotation marks but never report speech without them
    (``the sign read "..."``, ``"...," the letter reads``)."""
    cue_verb_particles: tuple[tuple[str, frozenset[str]], ...]
    """Lemmas that are cues only with one of these words as object or particle (``as she put
    it``, ``he shot back``, ``she went on``)."""
    cue_phrases: tuple[str, ...]
    channels: tuple[tuple[str, tuple[str, ...]], ...]
    """(channel, words that signal it), in order of preference."""
    interview_outlet_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    """Heads that speak for an organisation (statement, spokesman, figures)."""
    organisation_nouns: frozenset[str]
    """Heads that stand for an organisation already named (the force, the council)."""
    title_signals: frozenset[str]
    name_signals: tuple[str, ...]
    group_heads: frozenset[str]
    pronouns: tuple[tuple[str, str], ...]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    max_scare_words: int
    max_term_words: int
    role_titles: tuple[tuple[str, frozenset[str]], ...]
    """A speaker noun (``the judge``) and the title words that name its holder (Justice, Recorder)."""
    male_nouns: frozenset[str]
    female_nouns: frozenset[str]
    """Words in a person's mentions that state their gender (wife, Mrs, herself)."""
    standin_synonyms: tuple[tuple[str, frozenset[str]], ...]
    neutral_titles: frozenset[str]
    """Titles before a person's name that say nothing of gender (Dr, Cllr, Sgt)."""
    document_nouns: frozenset[str]
    """Speakers that are documents (records, figures, the filing): an organisation only when named."""
    """A stand-in noun (``the force``) and the name words of the organisations it can stand for."""

    def particles_for(self, lemma: str) -> frozenset[str]:
        return next((words for verb, words in self.cue_verb_particles if verb == lemma), frozenset())

    def titles_for(self, noun: str) -> frozenset[str]:
        return next((words for role, words in self.role_titles if role == noun), frozenset())

    def standin_words(self, noun: str) -> frozenset[str]:
        return next((words for role, words in self.standin_synonyms if role == noun), frozenset({noun}))

    def pronoun_kind(self, word: str) -> str | None:
        lowered = word.lower()
        return next((kind for pron, kind in self.pronouns if pron == lowered), None)


@functools.cache
def cue_table() -> CueTable:
    """The table shipped with storydesk (read once per process; it never changes)."""
    raw = json.loads(resources.files("storydesk.data").joinpath("quote_cues.json").read_text(encoding="utf-8"))
    return CueTable(
        cue_verbs=frozenset(raw["cue_verbs"]),
        cue_verbs_need_clause=frozenset(raw["cue_verbs_need_clause"]),
        marked_cue_verbs=frozenset(raw["marked_cue_verbs"]),
        cue_verb_particles=tuple((verb, frozenset(words)) for verb, words in raw["cue_verb_particles"].items()),
        cue_phrases=tuple(raw["cue_phrases"]),
        channels=tuple((name, tuple(words)) for name, words in raw["channels"].items()),
        interview_outlet_verbs=frozenset(raw["interview_outlet_verbs"]),
        statement_nouns=frozenset(raw["statement_nouns"]),
        organisation_nouns=frozenset(raw["organisation_nouns"]),
        title_signals=frozenset(raw["title_signals"]),
        name_signals=tuple(raw["name_signals"]),
        group_heads=frozenset(raw["group_heads"]),
        pronouns=tuple(raw["pronouns"].items()),
        male_titles=frozenset(raw["male_titles"]),
        female_titles=frozenset(raw["female_titles"]),
        max_scare_words=int(raw["max_scare_words"]),
        max_term_words=int(raw["max_term_words"]),
        role_titles=tuple((role, frozenset(words)) for role, words in raw["role_titles"].items()),
        male_nouns=frozenset(raw["male_nouns"]),
        female_nouns=frozenset(raw["female_nouns"]),
        standin_synonyms=tuple((noun, frozenset(words)) for noun, words in raw["standin_synonyms"].items()),
        neutral_titles=frozenset(raw["neutral_titles"]),
        document_nouns=frozenset(raw["document_nouns"]),
    )

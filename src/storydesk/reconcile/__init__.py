"""Reconcile many reports of one story: story assignment, one cast, one timeline, facts compared.

The shape of a story is defined in :mod:`storydesk.reconcile.model`.
"""

from storydesk.reconcile.model import (
    CastMember,
    ConflictNote,
    Correction,
    DateGiven,
    FactComparison,
    ItemRef,
    NameVariant,
    Participant,
    Story,
    StoryMember,
    TimelineEntry,
    ValueSources,
    WhatsNew,
    WhatsNewItem,
)

__all__ = [
    "CastMember",
    "ConflictNote",
    "Correction",
    "DateGiven",
    "FactComparison",
    "ItemRef",
    "NameVariant",
    "Participant",
    "Story",
    "StoryMember",
    "TimelineEntry",
    "ValueSources",
    "WhatsNew",
    "WhatsNewItem",
]

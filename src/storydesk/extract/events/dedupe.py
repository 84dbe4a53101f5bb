"""One event per thing that happened: repeated mentions in one report are merged.

Choice: two drafts of the same type and subtype, with the same modality, are one event when
their participants are compatible (for agent and for patient: one side has none, or they
share a linked item or the same words) and their times are compatible (one undated, or the
same value). The merged event keeps the first mention's trigger and evidence, lists every
trigger in ``mentions``, takes the union of the arguments and the first known time (an exact
time replaces an approximate one: ``on January 24`` beats ``nearly three weeks after``). A
planned court appearance and the appearance itself stay apart (different modality). Each
draft records the event it went into (``into``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storydesk.extract.events.arguments import Arg
from storydesk.extract.events.triggers import Hit
from storydesk.model import Modality, TimeRef


@dataclass
class Draft:
    hit: Hit
    start: int
    end: int
    args: list[Arg]
    time: TimeRef | None
    modality: Modality
    mentions: list[tuple[int, int]] = field(default_factory=list)
    into: Draft | None = None  # the merged event this draft went into (itself when it led)

    def keys(self, role: str) -> set[str]:
        return {a.entity_id or a.text.casefold() for a in self.args if a.role == role}


def _compatible(a: Draft, b: Draft) -> bool:
    if a.hit.etype.key != b.hit.etype.key or a.modality != b.modality:
        return False
    for role in ("agent", "patient"):
        left, right = a.keys(role), b.keys(role)
        if left and right and not left & right:
            return False
    return not (a.time is not None and b.time is not None and a.time.value != b.time.value)


def _linked(draft: Draft, role: str) -> set[str]:
    return {a.entity_id for a in draft.args if a.role == role and a.entity_id}


def _specific(a: Draft, b: Draft) -> bool:
    """``b`` is a generic noun mention (``the attack``) of the specific event ``a``."""
    if not b.hit.etype.generic or b.hit.kind != "noun" or a.hit.etype.generic:
        return False
    if a.hit.etype.family != b.hit.etype.family or a.modality != b.modality:
        return False
    for role in ("agent", "patient"):
        left, right = _linked(a, role), _linked(b, role)
        if left and right and not left & right:
            return False
    return True


def merge(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        target = next((m for m in merged if _compatible(m, draft)), None)
        if target is None:
            target = next((m for m in merged if _specific(m, draft)), None)
        if target is None:
            draft.mentions = [(draft.start, draft.end)]
            draft.into = draft
            merged.append(draft)
            continue
        draft.into = target
        target.mentions.append((draft.start, draft.end))
        have = {(a.role, a.entity_id or a.text.casefold()) for a in target.args}
        target.args += [a for a in draft.args if (a.role, a.entity_id or a.text.casefold()) not in have]
        if better_time(draft.time, target.time):
            target.time = draft.time
    return merged


def better_time(new: TimeRef | None, old: TimeRef | None) -> bool:
    """Whether ``new`` should replace ``old`` as an event's time: it is known and ``old`` is
    not, or it is exact and ``old`` approximate."""
    return new is not None and (old is None or (old.approximate and not new.approximate))

"""Events the syntax ties together: a shared object, and a shared time.

- Shared object: ``the driver who mowed down and killed a knifeman``: a trigger verb with no
  object of its own, coordinated with a later trigger verb that has a person patient, takes
  that patient (right-node raising: the object after the second verb belongs to both).
- Shared time: two trigger verbs coordinated in one clause (``mowed down and killed``), or an
  event in a ``while``/``as`` clause of another (``killed a knifeman while he was stabbing``),
  happened together. After mentions are merged, an event with no time, or only an approximate
  one, takes the exact time of an event it happened together with.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storydesk.extract.events.dedupe import Draft, better_time

_TOGETHER_MARKS = frozenset({"while", "as", "when"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})


def _heads(drafts: list[Draft]) -> dict[int, list[Draft]]:
    found: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.hit.kind != "noun":
            found.setdefault(draft.hit.head, []).append(draft)
    return found


def _coordinated(token: Token) -> list[Token]:
    """Verbs coordinated after ``token`` in its clause (``mowed down and killed``)."""
    return [child for child in token.children if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}]


def share_objects(doc: Doc, drafts: list[Draft]) -> None:
    """A trigger verb with no object takes the person patient of a coordinated trigger verb."""
    by_head = _heads(drafts)
    for head, firsts in by_head.items():
        token = doc[head]
        if any(child.dep_ in _OBJECT_DEPS for child in token.children):
            continue
        for verb in _coordinated(token):
            donors = [a for d in by_head.get(verb.i, []) for a in d.args if a.role == "patient"]
            if len({a.entity_id or a.text.casefold() for a in donors}) != 1:
                continue
            for first in firsts:
                if not any(a.role == "patient" for a in first.args):
                    first.args.append(donors[0])


def together_links(doc: Doc, drafts: list[Draft]) -> list[tuple[Draft, Draft]]:
    """Pairs of drafts (before merging) that happened at one time."""
    by_head = _heads(drafts)
    links: list[tuple[Draft, Draft]] = []
    for head, firsts in by_head.items():
        token = doc[head]
        partners = [*_coordinated(token)]
        partners += [
            child
            for child in token.children
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TOGETHER_MARKS for m in child.children)
        ]
        for partner in partners:
            for first in firsts:
                for second in by_head.get(partner.i, []):
                    if first.modality == second.modality:
                        links.append((first, second))
    return links


def share_times(links: list[tuple[Draft, Draft]]) -> None:
    """After merging: events that happened together take each other's better time."""
    for _ in range(3):  # a chain of links (a with b, b with c) settles in as many passes
        changed = False
        for first, second in links:
            a, b = first.into or first, second.into or second
            if a is b:
                continue
            for giver, taker in ((a, b), (b, a)):
                if giver.time is not None and not giver.time.approximate and better_time(giver.time, taker.time):
                    taker.time, changed = giver.time, True
                    break
        if not changed:
            return

"""The event catalogue: event types as data (``storydesk/data/events.json``).

A user file (``--events FILE`` or the ``STORYDESK_EVENTS`` environment variable) adds
entries, or replaces the built-in entry with the same ``type`` and ``subtype``. A file that
cannot be read or does not follow the format raises :class:`storydesk.errors.BadCatalogueError`
(E301) naming the file and what is wrong.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storydesk import errors
from storydesk.conventions import load_table

ENV_VAR = "STORYDESK_EVENTS"
ROLES = frozenset({"agent", "patient", "instrument", "charge", "place", "time", "beneficiary", "theme"})
FATES = frozenset(
    {
        "died", "injured", "missing", "rescued", "arrested", "bailed", "remanded", "charged", "released",
        "released_without_charge", "no_further_action", "convicted", "acquitted", "sentenced", "due_in_court",
        "appeared_in_court", "failed_to_appear", "warrant_issued", "resigned", "appointed", "elected", "fined",
        "suspended", "dismissed", "hospitalised",
    }
)  # fmt: skip
_KINDS = {"person": "p", "organisation": "o"}
_LIST_FIELDS = (
    "verbs", "nouns", "phrases", "context", "context_not", "object_nouns", "object_of", "agent_nouns", "patient_from",
)  # fmt: skip
_KNOWN = {
    "type",
    "subtype",
    "family",
    "subject",
    "possessor",
    "preps",
    "fate",
    "fate_role",
    "fate_planned",
    "roles_given",
    "decision",
    "requires",
    "generic",
    "transitive",
}


@dataclass(frozen=True)
class EventType:
    """One catalogue entry. ``subject`` is the role the subject of an intransitive or
    light-verb use fills (``X died``: patient; ``police launched an investigation``: agent).
    ``object_nouns`` trigger only as the object of an ``object_of`` verb (``suffered a deep
    cut``, ``treated for burns``; a word there may also be an adjective on the object:
    ``suffered a broken jaw``). ``agent_nouns`` name their own agent (``investigators``:
    the report's police force). ``patient_from``: an event with no patient takes the patient
    of an event of one of these types in the same sentence (``a warrant was issued when X
    failed to appear``). ``requires`` (person or organisation): the event counts only when an
    agent or patient is linked to one (``bought a house`` is no acquisition). ``generic``: a
    noun of this type (``the attack``) after an event of a more specific type of its family
    (a stabbing) is a further mention of that event. ``transitive``: a verb of this type
    counts only with a direct object or as a past participle (``fired the manager``, ``was
    fired``; not ``was firing at customers``)."""

    @property
    def required_prefix(self) -> str | None:
        return _KINDS[self.requires] if self.requires else None

    type: str
    subtype: str | None = None
    family: str = "other"
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    context_not: tuple[str, ...] = ()
    object_nouns: tuple[str, ...] = ()
    object_of: tuple[str, ...] = ()
    agent_nouns: tuple[str, ...] = ()
    patient_from: tuple[str, ...] = ()
    subject: str = "agent"
    possessor: str = "patient"
    preps: dict[str, str] = field(default_factory=dict)
    fate: str | None = None
    fate_role: str = "patient"
    fate_planned: str | None = None
    roles_given: dict[str, str] = field(default_factory=dict)
    decision: bool = False
    requires: str | None = None
    generic: bool = False
    transitive: bool = False

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.type, self.subtype)


def _words(value: Any, name: str, source: str, index: int) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise errors.bad_catalogue(source, f"entry {index}: {name!r} must be a list of non-empty strings")
    return tuple(v.strip().lower() for v in value)


def _role(value: Any, what: str, source: str, index: int) -> str:
    if value not in ROLES:
        raise errors.bad_catalogue(source, f"entry {index}: {what} {value!r} is not one of {sorted(ROLES)}")
    return str(value)


def parse_entry(raw: Any, source: str, index: int) -> EventType:
    """One entry, checked: a mistake names the file, the entry and the field."""
    if not isinstance(raw, dict):
        raise errors.bad_catalogue(source, f"entry {index} is not an object")
    name = raw.get("type")
    if not isinstance(name, str) or not name.strip():
        raise errors.bad_catalogue(source, f"entry {index} has no 'type' string")
    unknown = set(raw) - _KNOWN - set(_LIST_FIELDS)
    if unknown:
        raise errors.bad_catalogue(source, f"entry {index} ({name}): unknown field(s) {sorted(unknown)}")
    lists = {k: _words(raw[k], k, source, index) for k in _LIST_FIELDS if k in raw}
    if not (lists.get("verbs") or lists.get("nouns") or lists.get("phrases") or lists.get("object_nouns")):
        raise errors.bad_catalogue(source, f"entry {index} ({name}) has no verbs, nouns or phrases to trigger it")
    preps = raw.get("preps", {})
    if not isinstance(preps, dict):
        raise errors.bad_catalogue(source, f"entry {index} ({name}): 'preps' must be an object")
    given = raw.get("roles_given", {})
    if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
        raise errors.bad_catalogue(source, f"entry {index} ({name}): 'roles_given' must map roles to role names")
    fate = raw.get("fate")
    if fate is not None and fate not in FATES:
        raise errors.bad_catalogue(source, f"entry {index} ({name}): fate {fate!r} is not one of {sorted(FATES)}")
    if bool(lists.get("object_nouns")) != bool(lists.get("object_of")):
        raise errors.bad_catalogue(source, f"entry {index} ({name}): 'object_nouns' and 'object_of' go together")
    fate_planned = raw.get("fate_planned")
    if fate_planned is not None and fate_planned not in FATES:
        raise errors.bad_catalogue(source, f"entry {index} ({name}): fate_planned {fate_planned!r} is not a fate")
    requires = raw.get("requires")
    if requires is not None and requires not in _KINDS:
        wrong = f"entry {index} ({name}): requires {requires!r} is not one of {sorted(_KINDS)}"
        raise errors.bad_catalogue(source, wrong)
    subtype = raw.get("subtype")
    if subtype is not None and not isinstance(subtype, str):
        raise errors.bad_catalogue(source, f"entry {index} ({name}): 'subtype' must be a string")
    return EventType(
        type=name.strip(),
        subtype=subtype,
        family=str(raw.get("family", "other")),
        subject=_role(raw.get("subject", "agent"), "subject", source, index),
        possessor=_role(raw.get("possessor", "patient"), "possessor", source, index),
        preps={str(k).lower(): _role(v, f"preps[{k!r}]", source, index) for k, v in preps.items()},
        fate=fate,
        fate_planned=fate_planned,
        fate_role=_role(raw.get("fate_role", "patient"), "fate_role", source, index),
        roles_given={_role(k, "roles_given key", source, index): v for k, v in given.items()},
        decision=bool(raw.get("decision", False)),
        requires=requires,
        generic=bool(raw.get("generic", False)),
        transitive=bool(raw.get("transitive", False)),
        **lists,
    )


def parse_catalogue(data: Any, source: str) -> list[EventType]:
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise errors.bad_catalogue(source, "the top level must be an object with a 'types' list")
    return [parse_entry(raw, source, i) for i, raw in enumerate(data["types"], start=1)]


@functools.cache
def builtin() -> tuple[EventType, ...]:
    return tuple(parse_catalogue(load_table("events.json"), "storydesk/data/events.json"))


def read_user_file(path: str | Path) -> list[EventType]:
    source = str(path)
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.bad_catalogue(source, f"it cannot be read ({exc.__class__.__name__}: {exc})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise errors.bad_catalogue(source, f"it is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return parse_catalogue(data, source)


def load_catalogue(path: str | Path | None = None) -> tuple[EventType, ...]:
    """The built-in catalogue plus the user file (``path``, else ``$STORYDESK_EVENTS``)."""
    chosen = path if path is not None else os.environ.get(ENV_VAR) or None
    if chosen is None:
        return builtin()
    extra = read_user_file(chosen)
    merged = {t.key: t for t in builtin()}
    for entry in extra:
        merged[entry.key] = entry
    return tuple(merged.values())

"""One timeline: the events of a story's reports merged, each with its sources and dates.

First, the events of one report told of one incident become one item: in a family of the
catalogue with a generic type (`attack`), a generic event and a specific one sharing a
participant (`Ellis Marr stabbed Owen Pike ... the attack`), or two that name the same agent
and patient (`killed`, `assaulted`). Across reports, such types of one family merge on the
same terms (the entry takes the specific type most reports give).

Two case-file events merge when they have the same type, compatible participants (for each
role both give, the same cast member, or names that fold alike when a participant is not in
the cast; a participant a report gives bare, unlinked to its people, is the cast member whose
name forms or descriptions hold it, `the lorry driver`, when exactly one does; a pronoun
participant, or a time read as one (`Monday night`), says nothing; a vague one, `a man`,
`two people`, joins afterwards the one entry it fits by type, date and gender, see
:func:`_attach_vague`) and compatible dates (equal, one containing the other: ``2023-03`` holds
``2023-03-12``, or one missing). An event that one report alone dates a day away
from an event two or more reports agree on also merges when they are surely one event (a
shared participant, or each the only event of its type in its report): that is a report with
the date wrong, shown as a date conflict. A night (`late last night`, TIMEX3 ``TNI``) and the
next day agree: a night runs past midnight (a precise `11.50pm` does not; two nights are
two). The entry's date is the most precise one any source gives
that every other source's date contains; sources that give dates which cannot both hold are
listed in ``dates_given`` and flag ``date_conflict``.

A vague participant that opens a report (`A Grantham man has been jailed ...`) is the cast
member whose name opens the next sentence (`Ashley Prendergast, 34, was sentenced ...`), the
way news leads name their subject, when the genders agree. A report that tells one person's
death twice gives one entry.

An event that no report dates, that one report alone tells and that names no one of the cast
(`a man was arrested`) is left off: it can be neither placed nor told apart.

Event participants and dates are read from the events themselves (arguments, ``time_id``),
so the timeline fills in as soon as case files carry events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from storydesk.extract.events.catalogue import builtin
from storydesk.model import CaseFile, Event, Evidence
from storydesk.reconcile import names
from storydesk.reconcile.model import CastMember, DateGiven, ItemRef, Participant, TimelineEntry

_ROLES_COMPARED = ("agent", "patient")
# Two reports giving days this far apart for one event are in conflict (a slip: `Friday` for
# `Saturday`, a late-night event dated either side of midnight), not two events. A rule; on the
# gold stories (benchmarks/gold/stories) every date conflict the gold lists is one day apart.
_SLIP_DAYS = 1


@dataclass(frozen=True)
class _Item:
    article_id: str
    published: dt.date | None
    event: Event
    date: str | None
    roles: dict[str, tuple[str, str]]  # role -> (key, readable name); key = cast id or folded name
    sole: bool  # the only event of its type in its report
    vague: dict[str, str] = field(default_factory=dict)  # role -> gender ("" unknown) of a vague participant
    also: tuple[Event, ...] = ()  # other events of its report told of the same incident (see _fold)
    night: bool = False  # dated to a night (`late last night`): the next day may name it too


def date_contains(outer: str, inner: str) -> bool:
    """TIMEX3 date containment: by prefix (``2023-03`` contains ``2023-03-12``), and an ISO week
    contains its days (``2024-W29`` contains ``2024-07-18``)."""
    if inner.startswith(outer):
        return True
    week = re.fullmatch(r"(\d{4})-W(\d{2})", outer)
    if week and re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
        try:
            year, number, _ = dt.date.fromisoformat(inner).isocalendar()
        except ValueError:
            return False
        return (year, number) == (int(week.group(1)), int(week.group(2)))
    return False


def dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or date_contains(a, b) or date_contains(b, a)


def _date(case: CaseFile, event: Event) -> str | None:
    time = case.time(event.time_id)
    if time is None or not time.value or not time.value[:4].isdigit():
        return None
    return time.value.split("T")[0]


def _at_night(case: CaseFile, event: Event) -> bool:
    time = case.time(event.time_id)
    return time is not None and (time.value or "").endswith("TNI")


def night_and_next_day(a: str | None, b: str | None, nights: frozenset[str]) -> bool:
    """``a`` is a night (`late last night`, `Wednesday night`) and ``b`` the next day, or the
    reverse: a night runs past midnight, so the two dates can name one moment. A precise time
    (`11.50pm`) is no night: it is on its own side of midnight; and two nights (`Monday night`,
    `Tuesday night`) are two."""
    apart = _days_apart(a, b)
    if apart != 1 or a is None or b is None:
        return False
    return min(a, b) in nights and max(a, b) not in nights


# Words that say who without saying which person: a participant written this way is unknown,
# never a person of its own (`he` in one report, `Jordan Ashworth` in another).
_PRONOUNS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "who", "whom", "whose", "it", "its", "i", "we"}
)
_ARTICLES = ("the ", "a ", "an ")
_PEOPLE_ROLES = frozenset({"agent", "patient"})
# Words of a participant that names nobody in particular (`a man`, `the woman`, `two people`):
# it may be anyone of its gender, so it never keeps two events apart (see :func:`_vague`).
_MALE = frozenset({"man", "boy", "male", "father", "son", "husband", "brother", "grandfather", "he", "him"})
_FEMALE = frozenset({"woman", "girl", "female", "mother", "daughter", "wife", "sister", "grandmother", "she", "her"})


def _vague(text: str) -> bool:
    """A participant the text does not name: an indefinite one (`A Grantham man`), or one whose
    words after the article start lower case (`The victim`) or with a number (`Four people`)."""
    words = text.split()
    if words and words[0].casefold() in {"a", "an"}:
        return True  # an indefinite noun phrase names nobody (`A Grantham man`)
    if words and words[0].casefold() in {a.strip() for a in _ARTICLES}:
        words = words[1:]
    return not words or not words[0][:1].isupper() or words[0].casefold() in _COUNT_WORDS


_COUNT_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "several", "many"}
)


def _gender_of(text: str) -> str:
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    male, female = bool(words & _MALE), bool(words & _FEMALE)
    return "male" if male and not female else "female" if female and not male else ""


def _is_time(case: CaseFile, evidence: Evidence) -> bool:
    """The participant's words are a time the case file reads (`Monday night`, `last week`):
    an extraction slip, no participant at all."""
    return any(t.evidence.start < evidence.end and evidence.start < t.evidence.end for t in case.times)


def _bare(text: str) -> str:
    """A participant's words folded, without a leading article: `The lorry driver` -> `lorry driver`."""
    folded = " ".join(names.fold(text).replace(",", " ").split())
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def _forms(cast: Sequence[CastMember]) -> dict[str, str]:
    """Bare name form or description -> the one person of the cast it belongs to (forms two
    members share, such as `the driver` for two drivers, belong to nobody)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for member in cast:
        if member.kind != "person":
            continue
        for form in [member.name, *(v.name for v in member.variants), *(d.name for d in member.descriptions)]:
            bare = _bare(form)
            if bare and bare not in _PRONOUNS:
                owners[bare].add(member.id)
    return {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}


def _items(
    cases: Sequence[CaseFile], person_of: dict[tuple[str, str], str], cast: Sequence[CastMember] = ()
) -> list[_Item]:
    forms = _forms(cast)
    items: list[_Item] = []
    genders = _genders(cases, person_of)
    for case in cases:
        found: list[_Item] = []
        lead = _lead_named(case, person_of)
        for event in case.events:
            roles: dict[str, tuple[str, str]] = {}
            vague: dict[str, str] = {}
            for argument in event.arguments:
                if argument.role in roles or argument.role in vague:
                    continue
                cast_id = person_of.get((case.article.id, argument.entity_id)) if argument.entity_id else None
                bare = _bare(argument.text)
                if cast_id is None and argument.role in _PEOPLE_ROLES:
                    if bare in _PRONOUNS or _is_time(case, argument.evidence):
                        continue  # says nothing about who
                    # A participant one report names bare (`MacAteer`, `the lorry driver`) is the cast
                    # member another report links: compare it by the member's name forms and descriptions.
                    cast_id = forms.get(bare)
                    if cast_id is None and lead is not None and argument.evidence.start == lead[0]:
                        gender = _gender_of(argument.text)
                        if _vague(argument.text) and bare.split()[0] not in _COUNT_WORDS:
                            cast_id = lead[1] if not gender or gender in genders.get(lead[1], {gender}) else None
                    if cast_id is None and _vague(argument.text):
                        vague[argument.role] = _gender_of(argument.text)
                roles[argument.role] = (cast_id or "name:" + bare, argument.text)
            found.append(
                _Item(
                    case.article.id,
                    case.article.published,
                    event,
                    _date(case, event),
                    roles,
                    False,
                    vague,
                    night=_at_night(case, event),
                )
            )
        found = _fold(found)
        types = [i.event.type for i in found]
        items.extend(replace(i, sole=types.count(i.event.type) == 1) for i in found)
    return items


@lru_cache(maxsize=1)
def _families() -> tuple[dict[str, str], frozenset[str]]:
    """Event type -> family (`stabbing`: attack), and the generic types (`attack`) of the catalogue."""
    catalogue = builtin()
    return {t.type: t.family for t in catalogue}, frozenset(t.type for t in catalogue if t.generic)


def _one_family(a: str, b: str) -> bool:
    family, generic = _families()
    return a != b and family.get(a) == family.get(b) is not None and family.get(a) in {family[g] for g in generic}


def _same_incident(a: _Item, b: _Item, *, across: bool = False) -> bool:
    """Two events of one family that has a generic type (`attack`) told of one incident: a
    generic one and a specific one with a shared participant (`the attack` on him, `he was
    stabbed`), or both naming the same agent and patient (`X attacked Y`, `X killed Y`).
    In one report never two dates that differ; ``across`` reports, dates are compared later
    (a slip between reports is a date conflict of one incident)."""
    family = any(_one_family(x, y) for x in _types(a) for y in _types(b))
    if not family or not (across or dates_compatible(a.date, b.date)):
        return False
    _, generic = _families()
    shared = 0
    for role in _ROLES_COMPARED:
        ka, kb = a.roles.get(role), b.roles.get(role)
        if ka is None or kb is None or role in a.vague or role in b.vague:
            continue
        if ka[0] != kb[0] or ka[0].startswith("name:"):
            return False
        shared += 1
    both = all(r in a.roles and r in b.roles for r in _ROLES_COMPARED)
    return (shared == len(_ROLES_COMPARED) and both) or (shared >= 1 and bool((_types(a) | _types(b)) & generic))


def _retold(a: _Item, b: _Item) -> bool:
    """Two deaths of one member of the cast in one report, with no other participant or date
    apart: the report tells the death twice (`A second person has died ... Pauline Mottram,
    68, died on Saturday`); a person dies once. (Other events may happen twice: a report's
    two bail events of one man are often two decisions, or one misdated.)"""
    if a.event.type != "death" or b.event.type != "death" or not dates_compatible(a.date, b.date):
        return False
    pa, pb = a.roles.get("patient"), b.roles.get("patient")
    if pa is None or pb is None or pa[0] != pb[0] or pa[0].startswith("name:"):
        return False
    ga, gb = a.roles.get("agent"), b.roles.get("agent")
    return ga is None or gb is None or ga[0] == gb[0] or "agent" in a.vague or "agent" in b.vague


def _types(item: _Item) -> frozenset[str]:
    """The types an item's report gives its incident (`killing` and `assault`, see :func:`_fold`)."""
    return frozenset({item.event.type, *(e.type for e in item.also)})


def _fold(items: list[_Item]) -> list[_Item]:
    """One item per incident of a report (see :func:`_same_incident`): the specific event
    carries the others, and the date one of them gives."""
    _, generic = _families()
    kept: list[_Item] = []
    for item in items:
        n = next((n for n, k in enumerate(kept) if _same_incident(k, item) or _retold(k, item)), None)
        if n is None:
            kept.append(item)
            continue
        host, guest = kept[n], item
        if host.event.type in generic and guest.event.type not in generic:
            host, guest = guest, host
        roles = {**guest.roles, **host.roles}
        vague = {r: g for r, g in {**guest.vague, **host.vague}.items() if r not in host.roles or r in host.vague}
        kept[n] = replace(
            host,
            date=host.date or guest.date,
            roles=roles,
            vague=vague,
            also=(*host.also, guest.event, *guest.also),
        )
    return kept


def _lead_named(case: CaseFile, person_of: dict[tuple[str, str], str]) -> tuple[int, str] | None:
    """Where a report's text opens, and the cast member the next sentence opens with: news leads
    describe the subject (`A Grantham man has been jailed ...`) and name them next (`Ashley
    Prendergast, 34, was sentenced ...`). None when the second sentence does not open with a name."""
    text = case.article.text
    start = len(text) - len(text.lstrip())
    end = re.search(r"[.!?][\"'’”]?\s+", text[start:])
    if end is None:
        return None
    second = start + end.end()
    for person in case.people:
        if not person.named:
            continue
        if any(m.evidence.start == second and m.kind in {"name", "titled_name"} for m in person.mentions):
            cast_id = person_of.get((case.article.id, person.id))
            return (start, cast_id) if cast_id else None
    return None


def _genders(cases: Sequence[CaseFile], person_of: dict[tuple[str, str], str]) -> dict[str, set[str]]:
    """Cast id -> the genders its reports give."""
    found: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        for fact in case.facts:
            cast_id = person_of.get((case.article.id, fact.subject))
            if cast_id is not None and fact.attribute == "gender":
                found[cast_id].add(str(fact.value))
    return found


def _days_apart(a: str | None, b: str | None) -> int | None:
    if a is None or b is None or len(a) != 10 or len(b) != 10:
        return None
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def _compatible(a: _Item, b: _Item, *, slip: bool = False, genders: dict[str, set[str]] | None = None) -> bool:
    """Same type, no compared role naming two different participants, and compatible dates;
    with ``slip``, days up to :data:`_SLIP_DAYS` apart also join (the entry then shows a date
    conflict) when the two are surely one event: a shared participant, or each the only event
    of its type in its report. With ``genders`` (cast id -> genders), a vague participant (`a
    man`) is compared by gender only: the pass that attaches entries told only of vague
    participants to the one entry they fit (see :func:`_attach_vague`)."""
    same_type = bool(_types(a) & _types(b))
    if not same_type and not any(_one_family(x, y) for x in _types(a) for y in _types(b)):
        return False
    shared = False
    for role in _ROLES_COMPARED:
        if role in a.roles and role in b.roles:
            if genders is not None and (role in a.vague or role in b.vague):
                if not _gender_fits(a, b, role, genders):
                    return False
                continue
            if a.roles[role][0] != b.roles[role][0]:
                return False
            shared = True
    if not same_type and not _same_incident(a, b, across=True):
        return False  # `the attack` is this stabbing only when it is on the same person
    if dates_compatible(a.date, b.date) or night_and_next_day(a.date, b.date, _nights([a, b])):
        return True
    apart = _days_apart(a.date, b.date)
    return slip and apart is not None and apart <= _SLIP_DAYS and (shared or (a.sole and b.sole))


def _anchored(item: _Item, group: list[_Item]) -> bool:
    """``item`` shares a participant (same role, same cast member) with ``group`` and fits all
    of it, dates a slip apart allowed: the assault on Nathan Kilbride dated the 15th by one
    report belongs with the assault on him that others date the 14th, not with an undated
    assault by `a scaffolder` on no-one named."""
    shares = any(
        role in item.roles and role in other.roles and item.roles[role][0] == other.roles[role][0]
        for other in group
        for role in _ROLES_COMPARED
        if role not in item.vague and role not in other.vague
    )
    return shares and all(_compatible(item, o, slip=True) and o.article_id != item.article_id for o in group)


def _fills_role(item: _Item, first: list[_Item], anchored: list[_Item]) -> bool:
    """``item`` would bring into ``first`` a participant of a role none of ``first`` has, and
    ``anchored`` has that participant in that role."""
    for role in _ROLES_COMPARED:
        if role not in item.roles or role in item.vague or any(role in o.roles for o in first):
            continue
        if any(role in o.roles and o.roles[role][0] == item.roles[role][0] for o in anchored):
            return True
    return False


def _nights(items: Sequence[_Item]) -> frozenset[str]:
    return frozenset(i.date for i in items if i.night and i.date)


def _gender_fits(a: _Item, b: _Item, role: str, genders: dict[str, set[str]]) -> bool:
    def gender(item: _Item) -> set[str]:
        if role in item.vague:
            return {item.vague[role]} - {""}
        return genders.get(item.roles[role][0], set())

    ga, gb = gender(a), gender(b)
    return not ga or not gb or bool(ga & gb)


def _attach_vague(groups: list[list[_Item]], genders: dict[str, set[str]]) -> list[list[_Item]]:
    """Join an entry whose participants are all vague in some compared role (`a man was
    arrested`) to the one entry with a named participant it fits: type, date, the gender of
    its participant, the other participants, no report in both. With none or several, it
    stays an entry of its own."""

    def loose(group: list[_Item]) -> bool:
        return any(
            all(role in i.vague for i in group if role in i.roles) and any(role in i.roles for i in group)
            for role in _ROLES_COMPARED
        )

    merged = [list(g) for g in groups]
    for group in [g for g in merged if loose(g)]:
        fits = [
            other
            for other in merged
            if other is not group
            and other
            and not loose(other)
            and all(_compatible(x, y, genders=genders) and x.article_id != y.article_id for x in group for y in other)
        ]
        if len(fits) == 1:
            fits[0].extend(group)
            group.clear()
    return [g for g in merged if g]


def _placeable(group: list[_Item]) -> bool:
    """An entry the timeline can place or tell apart: some report dates it, two or more
    reports tell it, or it names a participant of the cast. One report's undated event of
    nobody in particular (`a man was arrested`, `an investigation`) is left off: it cannot be
    put in order nor matched to anything (it stays in its report's case file)."""
    if any(i.date for i in group) or len({i.article_id for i in group}) >= 2:
        return True
    return any(
        not key.startswith("name:") for i in group for role, (key, _) in i.roles.items() if role in _PEOPLE_ROLES
    )


def _merge_slips(groups: list[list[_Item]]) -> list[list[_Item]]:
    """Join an entry that one report alone dates a slip away from an entry two or more
    reports agree on: the lone report has the date wrong (the entry shows the conflict)."""
    merged = [list(g) for g in groups]
    for lone in sorted(merged, key=len):
        if len({i.article_id for i in lone}) != 1:
            continue
        target = next(
            (
                g
                for g in merged
                if g is not lone
                and len({i.article_id for i in g}) >= 2
                and all(_compatible(x, y, slip=True) and x.article_id != y.article_id for x in lone for y in g)
            ),
            None,
        )
        if target is not None:
            target.extend(lone)
            lone.clear()
    return [g for g in merged if g]


def build_timeline(
    cases: Sequence[CaseFile],
    person_of: dict[tuple[str, str], str],
    order: dict[str, int],
    cast: Sequence[CastMember] = (),
) -> tuple[list[TimelineEntry], dict[tuple[str, str], str]]:
    """Timeline entries (sorted by date, then first report) and (article, event id) -> entry id.

    ``cast``: the story's cast, to read participants that a report names without linking them
    to one of its people (see :func:`_forms`)."""
    items = sorted(_items(cases, person_of, cast), key=lambda i: (order[i.article_id], i.event.evidence.start))
    groups: list[list[_Item]] = []
    for item in items:
        # Join the first group all of whose events are compatible, none from the same report;
        # but not to give that group a participant another group already has in that role,
        # a slip of dates apart: that group is the event (its entry shows the date conflict).
        first = next(
            (g for g in groups if all(_compatible(item, o) and o.article_id != item.article_id for o in g)), None
        )
        anchored = next((g for g in groups if _anchored(item, g)), None) if first is not None else None
        if anchored is not None and first is not None and _fills_role(item, first, anchored):
            anchored.append(item)
        elif first is not None:
            first.append(item)
        else:
            groups.append([item])
    groups = _merge_slips(groups)
    groups = _attach_vague(groups, _genders(cases, person_of))
    groups = [g for g in groups if _placeable(g)]
    drafts = [_entry(group, order) for group in groups]
    drafts.sort(key=lambda d: (d[0].date or "9999", order[d[0].articles[0]], d[0].type))
    entries: list[TimelineEntry] = []
    event_of: dict[tuple[str, str], str] = {}
    for n, (entry, group) in enumerate(drafts, 1):
        entry_id = f"v{n}"
        entries.append(entry.model_copy(update={"id": entry_id}))
        for item in group:
            for event in (item.event, *item.also):
                event_of[(item.article_id, event.id)] = entry_id
    return entries, event_of


def _entry_type(group: list[_Item]) -> str:
    """The type most of an entry's reports give it, a specific one (`stabbing`) over a generic
    one (`attack`); ties: the first report's."""
    generic = _families()[1]
    types = [i.event.type for i in group]
    return max(types, key=lambda t: (t not in generic, types.count(t), -types.index(t)))


def _entry(group: list[_Item], order: dict[str, int]) -> tuple[TimelineEntry, list[_Item]]:
    by_date: dict[str, list[_Item]] = defaultdict(list)
    for item in group:
        if item.date:
            by_date[item.date].append(item)
    given = [
        DateGiven(
            value=value,
            articles=sorted({i.article_id for i in found}, key=lambda a: order[a]),
            evidence=[i.event.evidence for i in found],
        )
        for value, found in sorted(by_date.items())
    ]
    values = [g.value for g in given]
    nights = _nights(group)

    def agree(a: str, b: str) -> bool:
        return dates_compatible(a, b) or night_and_next_day(a, b, nights)

    conflict = any(not agree(a, b) for a in values for b in values)
    # Most precise date that all other dates agree with (a night before the next day); with a
    # conflict, the best-supported one, and between equals the one reported first (the entry
    # shows the conflict either way)
    consistent = [v for v in values if all(agree(o, v) for o in values)]
    if consistent:
        date: str | None = max(consistent, key=len)
    elif given:
        date = max(given, key=lambda g: (len(g.articles), len(g.value), -order[g.articles[0]])).value
    else:
        date = None
    participants: dict[tuple[str, str], Participant] = {}
    named_roles = {role for item in group for role in item.roles if role not in item.vague}
    for item in group:
        for role, (key, text) in item.roles.items():
            if role in item.vague and role in named_roles:
                continue  # `a man` beside `Darren McAteer`: the name says who
            current = participants.get((role, key))
            articles = sorted({*(current.articles if current else []), item.article_id}, key=lambda a: order[a])
            participants[(role, key)] = Participant(
                role=role,
                name=current.name if current else text,
                cast_id=None if key.startswith("name:") else key,
                articles=articles,
            )
    articles = sorted({i.article_id for i in group}, key=lambda a: order[a])
    evidence: list[Evidence] = [i.event.evidence for i in group]
    modalities = {i.event.modality for i in group}
    return (
        TimelineEntry(
            id="",
            type=_entry_type(group),
            date=date,
            dates_given=given,
            date_conflict=conflict,
            participants=sorted(participants.values(), key=lambda p: (p.role, p.name)),
            modality="asserted" if "asserted" in modalities else group[0].event.modality,
            members=[ItemRef(article_id=i.article_id, item_id=e.id) for i in group for e in (i.event, *i.also)],
            articles=articles,
            evidence=evidence,
        ),
        group,
    )

"""Facts compared: for each (subject, attribute) of a story, the values, their sources, a verdict.

Subjects are merged first (people and organisations by the cast, events by the timeline,
counted things by the words of what they count), then each comparison is classed:

- ``single_source``: one report (copies of one text count once);
- ``corroborated``: one value (or dates that contain each other: ``2023-03`` / ``2023-03-12``)
  from two or more independent reports;
- ``updated``: the values move forward with publication time the way the attribute allows:
  a count, amount or measure that never falls from one report to a later one and differs
  only between reports published on different days; a legal status that moves along
  (arrested -> bailed -> charged -> ...); an age that grows no faster than the calendar does;
- ``conflicting``: values that cannot both hold: two prison terms for one person's sentence
  (`jailed for 10 years and eight months` / `eight years and 10 months`, read from the
  durations after a sentence event's verb), a count that falls or two counts on one
  day, ages apart within a year, two event dates neither containing the other, two
  first names, two ranks of one kind (Detective Inspector / Detective Sergeant; police and
  military ranks are one kind: Lieutenant / Sergeant; a rank within another's words is the
  same rank: Detective / Detective Inspector), two
  occupations with different head nouns (electrician / engineer), two posts of one kind
  from different reports (chief financial / chief operating officer, even beside a third job
  that may also hold), both stated with the person's name (a job read only from a
  description linked to them, `the Prime Minister`, raises no conflict), or legal outcomes that
  exclude each other (convicted / acquitted, charged / released without charge), two
  lengths of one agreement (`a four-year deal` / `a five-year contract`), or two counts of
  the people a vehicle carried (a fixed number of one moment, however far apart the reports).

A service rank written as a title in one report and read as a job in another (`Fire Chief`
/ `Assistant Chief`) is compared as a rank; a seat on an elected body (`councillor`, `MP`)
holds beside any job; a job linked to a name across other words is not said of it.

Attributes that hold many values at once (``role``, ``description``, ``relation``, and fates
that are neither legal status nor condition: ``resigned``, ``appointed``) are compared value by
value and never conflict. A person's condition (``injured``, ``hospitalised``, ``missing``,
``died``, ``rescued``) is one comparison apart from legal status: corroborated when its states
hold together (injured and hospitalised; died of injuries), updated when one follows another
(taken to hospital, then died; missing, then found).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storydesk.model import CaseFile, Evidence, Fact, FactValue, TimeRef
from storydesk.reconcile import names
from storydesk.reconcile.model import (
    CastMember,
    ConflictNote,
    FactComparison,
    ItemRef,
    SubjectKind,
    TimelineEntry,
    ValueSources,
    Verdict,
)
from storydesk.reconcile.timeline import night_and_next_day

PER_VALUE = frozenset({"role", "description", "relation"})
SINGLE_VALUED = frozenset({"age", "gender", "nationality", "first_name", "date"})
NUMERIC = frozenset({"count", "money", "percent", "measure"})
EVENT_ARGUMENTS = frozenset({"type", "agent", "patient", "instrument", "place", "charge"})
# Legal status, in the order it moves; one comparison per person, ``updated`` as it moves on.
LEGAL_STATUS = (
    "arrested",
    "released",
    "released_without_charge",
    "bailed",
    "warrant_issued",
    "charged",
    "remanded",
    "due_in_court",
    "appeared_in_court",
    "failed_to_appear",
    "convicted",
    "acquitted",
    "fined",
    "sentenced",
    "no_further_action",
)
# What happened to a person's body or whereabouts: states that hold together (injured and
# hospitalised; died of injuries) unless one follows another (taken to hospital, then died;
# missing, then found: rescued, in hospital, hurt or dead). One comparison per person, apart
# from legal status; other fates (resigned, appointed, ...) are compared value by value.
CONDITION = frozenset({"injured", "hospitalised", "missing", "died", "rescued"})
# A condition and the ones that follow it: a rule from what the states mean, not tuned.
CONDITION_NEXT = {
    "missing": frozenset({"rescued", "died", "injured", "hospitalised"}),
    "hospitalised": frozenset({"died"}),
}
EXCLUSIVE = (
    frozenset({"convicted", "acquitted"}),
    frozenset({"charged", "released_without_charge"}),
    frozenset({"charged", "no_further_action"}),
)
_DAYS_PER_YEAR_OF_AGE = 180  # a later report may add a year of age only after half a year: a rule, not tuned


@dataclass(frozen=True)
class _Said:
    fact: Fact
    article_id: str
    published: dt.date | None


@dataclass(frozen=True)
class Context:
    """What the comparison needs to know about the story."""

    cast: dict[str, CastMember]
    person_of: dict[tuple[str, str], str]
    event_of: dict[tuple[str, str], str]
    timeline: dict[str, TimelineEntry]
    order: dict[str, int]
    copy_root: dict[str, str]  # article id -> the article it copies (itself when original)
    outlets: dict[str, str]


# Words that say nothing about what is counted on their own (`number`, `GBP amount`).
_GENERIC_COUNTED = frozenset(
    {"number", "amount", "people", "person", "total", "figure", "times", "pence", "men", "women", "man", "woman"}
)
# A figure of a change (`shares rose 12 per cent`) measures one move on one day: two reports'
# moves are two moves unless they give the same figure. Stems, as :func:`_stem` makes them.
_CHANGE = frozenset(
    {
        "rose",
        "rise",
        "fell",
        "fall",
        "drop",
        "dropp",
        "jump",
        "climb",
        "slump",
        "gain",
        "increas",
        "decreas",
        "dip",
        "dipp",
        "surg",
        "soar",
        "plung",
        "tumbl",
        "slid",
        "slide",
    }
)
_CONTEXT_WORDS = 6  # words either side of a number read when its subject names no counted thing: a rule


# What happened to the counted things: counts with different outcomes are different counts
# (`homes damaged` / `homes destroyed`); from the fate vocabulary of benchmarks/gold/FORMAT.md
# and the outcomes of disasters. Stems, as :func:`_stem` makes them.
_OUTCOMES = frozenset(
    {
        "die",
        "died",  # too short for _stem to cut
        "dead",
        "kill",
        "injur",
        "hurt",
        "wound",
        "miss",
        "rescu",
        "arrest",
        "charg",
        "damag",
        "destroy",
        "evacuat",
        "hospitalis",
        "hospitaliz",
        "infect",
        "confirm",
        "suspect",
        "recover",
        "displac",
        "sign",
    }
)


# Words for the people a vehicle carried. How many were on board when it crashed, sank or
# was stopped is one fixed number of a past moment: two values cannot both hold, however far
# apart the reports (unlike a toll, which grows). Stems, as :func:`_stem` makes them.
_ABOARD = frozenset({"passenger", "aboard", "board", "onboard", "carry", "occupant"})
ABOARD = "count:aboard"  # the comparison of such a count


def _stem(word: str) -> str:
    """Plural and verb endings off (`homes` -> `home`, `killed` -> `kill`): a lemma for matching."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            if suffix == "es" and not word[:-2].endswith(("ss", "x", "z", "ch", "sh")):
                continue  # `homes`, `cases`: only the s is an ending (`boxes`, `churches`, `passes`: es)
            return word[: -len(suffix)] + keep
    return word


# Words for one thing counted in money: a company's sale is its deal, takeover, bid, offer or
# acquisition, whichever word a report uses. Stems, as :func:`_stem` makes them.
# A sale's fee is what its bids offered and its deal agreed (`a fee of £24m` / `a £42m deal`).
_SAME_THING = {
    "takeover": "deal",
    "bid": "deal",
    "offer": "deal",
    "acquisition": "deal",
    "buyout": "deal",
    "fee": "deal",
    # In an outbreak, the people infected, the people who caught it and the cases are one count.
    "infect": "case",
    "caught": "case",
    "catch": "case",
}


# Fees paid for a service, not a sale's price: `legal fees`, `agent's fee` stay fees.
# Stems, as :func:`_stem` makes them.
_SERVICE_FEES = frozenset(
    {
        "legal",
        "lawyer",
        "agent",
        "advis",
        "adviser",
        "advisory",
        "consult",
        "consultancy",
        "professional",
        "tuition",
        "entry",
        "licence",
        "license",
        "booking",
        "membership",
        "management",
        "arrangement",
        "court",
        "admin",
        "service",
    }
)


def _content(text: str) -> frozenset[str]:
    words = [names.fold(w) for w in re.findall(r"[^\W\d_]+", text)]
    stems = [_stem(w) for w in words if w not in STOP_WORDS and len(w) > 1]
    service = bool(set(stems) & _SERVICE_FEES)
    return frozenset(w if service and w == "fee" else _SAME_THING.get(w, w) for w in stems)


@dataclass(frozen=True)
class _Counted:
    """What a number counts, as compared across reports."""

    words: frozenset[str]  # stems of the counted thing (or of the words around the number)
    unit: str  # currency, `%`, or "" for counts and measures without one
    from_context: bool  # the words come from around the number, not from a named counted thing
    head: str = ""  # first content word of the counted thing (`volunteers who took part`: volunteer)
    era: str = ""  # the earlier year its own sentence dates it to (`£400,000 two years ago`: 2022)

    @property
    def outcomes(self) -> frozenset[str]:
        return self.words & _OUTCOMES

    @property
    def aboard(self) -> bool:
        """A count of the people a vehicle carried (`15 passengers on board`, `carrying 26
        members of a lunch club`), not of what befell them (`passengers who died`)."""
        return bool(self.words & _ABOARD) and not self.outcomes


def _clause_outcome(text: str, start: int, end: int) -> str | None:
    """The outcome a figure's own clause gives it: the first after it, else the last before it
    (`the number of damaged homes at about 320, with 41 destroyed`: 320 damaged, 41 destroyed);
    outcomes past a comma or another figure belong to other figures."""
    # `infected 91 people and killed a grandfather`: a verb after `and` has its own object
    clause_after = re.split(r"[,;.:\d]|\s(?:and|but)\s", text[end : end + 80])[0]
    clause_before = re.split(r"[,;.:\d]", text[max(0, start - 80) : start])[-1]
    stems = [_stem(names.fold(w)) for w in re.findall(r"[^\W\d_]+", clause_after)]
    stems += [_stem(names.fold(w)) for w in reversed(re.findall(r"[^\W\d_]+", clause_before))]
    return next((w for w in stems if w in _OUTCOMES), None)


def _era(case: CaseFile, start: int, end: int) -> str:
    """The year before the report's own that a figure's sentence dates it to: the date nearest
    the figure with no other figure between them (`joined for £400,000 two years ago`, `the
    £11m received for Brannigan last summer`). A figure of an earlier year counts another
    occasion than the news (an earlier fee, last year's toll); "" when none dates it so."""
    published = case.article.published
    if published is None:
        return ""
    text = case.article.text
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) if stops else len(text)
    others = [n.evidence for n in case.numbers if left <= n.evidence.start < right and n.evidence.start != start]
    best: tuple[int, str] | None = None
    for t in case.times:
        found = re.match(r"(\d{4})", t.value or "") if t.type == "DATE" else None
        if found is None or not (left <= t.evidence.start < right):
            continue
        lo, hi = sorted((end, t.evidence.start)) if t.evidence.start >= end else (t.evidence.end, start)
        if any(lo <= o.start < hi for o in others):
            continue
        gap = abs(t.evidence.start - end) if t.evidence.start >= end else abs(start - t.evidence.end)
        if best is None or gap < best[0]:
            best = (gap, found.group(1))
    return best[1] if best is not None and int(best[1]) < published.year else ""


def _counted(case: CaseFile, fact: Fact) -> _Counted:
    number = next((n for n in case.numbers if n.id == fact.subject), None)
    unit = (number.unit or "") if number is not None and fact.attribute in {"money", "percent"} else ""
    words = _content(fact.subject_name) - {names.fold(unit).casefold()}
    if number is None:
        return _Counted(words, unit, False, _head(fact.subject_name, words))
    era = _era(case, number.evidence.start, number.evidence.end)
    text = case.article.text
    outcome = _clause_outcome(text, number.evidence.start, number.evidence.end)
    if not (words - _GENERIC_COUNTED):
        before = re.findall(r"[^\W\d_]+", text[max(0, number.evidence.start - 80) : number.evidence.start])
        after = re.findall(r"[^\W\d_]+", text[number.evidence.end : number.evidence.end + 80])
        around = " ".join(before[-_CONTEXT_WORDS:] + after[:_CONTEXT_WORDS])
        words = _content(around) - _GENERIC_COUNTED - {"million", "billion", "bn", "pound"}
        if outcome is not None:
            words = words - (_OUTCOMES - {outcome})
        return _Counted(frozenset(words), unit, True, era=era)
    if outcome is not None and words & _OUTCOMES and outcome not in words:
        # The counted thing names another figure's outcome (`homes destroyed` for the 320 of
        # `about 320 homes damaged, 41 of them destroyed`): the figure's own clause says which.
        words = (words - _OUTCOMES) | {outcome}
    return _Counted(words, unit, False, _head(fact.subject_name, words), era)


def _head(subject_name: str, words: frozenset[str]) -> str:
    """The first content word of what is counted that is not a name: a name owns the thing
    (`Brackenbury's sites`, `people Brackenbury employs`), it is not the thing."""
    ordered = [_stem(names.fold(w)) for w in re.findall(r"[^\W\d_]+", subject_name) if not w[:1].isupper()]
    ordered = [_SAME_THING.get(w, w) for w in ordered]
    return next((w for w in ordered if w in words and w not in _GENERIC_COUNTED), "")


def _same_counted(a: _Counted, b: _Counted) -> bool:
    """One counted thing: same unit, and the words overlap (at least half of the shorter side,
    and one word that is not generic). Words read around a number need two shared words."""
    if a.unit != b.unit or a.era != b.era:
        return False
    if a.outcomes and b.outcomes and a.outcomes != b.outcomes:
        return False
    if (a.aboard and b.outcomes) or (b.aboard and a.outcomes):
        return False  # the people on board are not the ones of them who died
    if a.head and a.head == b.head and not (a.from_context or b.from_context):
        return True
    shared = (a.words & b.words) - _GENERIC_COUNTED
    if not shared:
        return False
    if a.from_context or b.from_context:
        return len(shared) >= 2
    # Two thirds of the shorter side: `homes damaged` and `homes destroyed` stay apart.
    return len(a.words & b.words) / min(len(a.words), len(b.words)) >= 2 / 3


def _subjects(cases: Sequence[CaseFile], ctx: Context) -> dict[tuple[str, str], list[_Said]]:
    """Group every comparable fact by (subject key, attribute)."""
    grouped: dict[tuple[str, str], list[_Said]] = defaultdict(list)
    number_keys: list[tuple[_Counted, str, str]] = []  # (counted thing, key, attribute)
    aboard: set[str] = set()  # keys of counts of the people a vehicle carried
    for case in sorted(cases, key=lambda c: ctx.order[c.article.id]):
        aid = case.article.id
        for fact in case.facts:
            said = _Said(fact, aid, case.article.published)
            if (aid, fact.subject) in ctx.person_of:
                subject = ctx.person_of[(aid, fact.subject)]
            elif (aid, fact.subject) in ctx.event_of:
                if fact.attribute in EVENT_ARGUMENTS:
                    continue  # participants are shown in the timeline entry
                if fact.attribute == "date":
                    day = _day(fact.value)
                    if day is None:
                        continue
                    night = "night" if str(fact.value).endswith("TNI") else fact.qualifier
                    said = _Said(
                        fact.model_copy(update={"value": day, "qualifier": night}), aid, case.article.published
                    )
                subject = ctx.event_of[(aid, fact.subject)]
            elif fact.attribute in NUMERIC:
                counted = _counted(case, fact)
                subject = _number_key(counted, fact, aid, number_keys, grouped)
                if not subject:
                    words = " ".join(sorted(counted.words | ({counted.era} if counted.era else set())))
                    subject = f"n:{words}" if words and not counted.from_context else f"n:{aid[:8]}:{fact.subject}"
                    if any(k == subject for _, k, _ in number_keys):
                        subject = f"{subject}:{aid[:8]}:{fact.subject}"
                number_keys.append((counted, subject, fact.attribute))
                if counted.aboard and fact.attribute == "count":
                    aboard.add(subject)
            else:
                continue
            grouped[(subject, _attribute_key(fact))].append(said)
        for subject, term in _terms(case, ctx):
            grouped[(subject, TERM)].append(_Said(term, aid, case.article.published))
        for subject, length in _lengths(case):
            grouped[(subject, LENGTH)].append(_Said(length, aid, case.article.published))
    for subject in aboard:
        grouped[(subject, ABOARD)] = grouped.pop((subject, "count"))
    _ranks_as_occupations(grouped, ctx)
    return grouped


_SERVICE_KINDS = frozenset({"rank", "emergency"})  # title kinds that are ranks of a service


def _ranks_as_occupations(grouped: dict[tuple[str, str], list[_Said]], ctx: Context) -> None:
    """A rank one report writes as a title (`Fire Chief Dale Summerfield`) and another as a job
    (`Assistant Chief Dale Summerfield`, read as an occupation) is one rank, compared so: an
    occupation joins the person's title comparison of a service kind (police, military, fire
    and rescue) when it is itself a title of that kind or ends in the title's last word."""
    for (subject, key), said in list(grouped.items()):
        if subject not in ctx.cast or not key.startswith("title:") or key.split(":")[1] not in _SERVICE_KINDS:
            continue
        kind = key.split(":")[1]
        heads = {str(s.fact.value).casefold().split()[-1] for s in said if str(s.fact.value).split()}
        jobs = grouped.get((subject, "occupation"), [])
        moving = [
            s
            for s in jobs
            if str(s.fact.value).split()
            and (_title_kind(str(s.fact.value).title()) == kind or str(s.fact.value).casefold().split()[-1] in heads)
        ]
        if not moving:
            continue
        said.extend(moving)
        left = [s for s in jobs if s not in moving]
        if left:
            grouped[(subject, "occupation")] = left
        else:
            del grouped[(subject, "occupation")]


LENGTH = "measure:length"  # how long an agreement runs (`a five-year contract`), one comparison per kind
# Nouns whose length a report states as `an N-year ...`, each with the agreement it names: a
# player's deal is his contract. From what the words mean, not tuned on the gold stories.
_AGREEMENTS = {"contract": "contract", "deal": "contract", "agreement": "contract", "lease": "lease", "ban": "ban"}
_LENGTH_UNITS = {"Y": "years", "M": "months", "W": "weeks"}


def _lengths(case: CaseFile) -> list[tuple[str, Fact]]:
    """The lengths of agreements a report states: a duration written as an adjective just
    before the agreement (`a four-year deal`, `a five-year contract`, `a three-month ban`),
    one word between at most (`a five-year rolling contract`). A report that gives one
    agreement two lengths tells two agreements and gives none here; a length its sentence
    dates to an earlier year (`the three-year deal he signed in 2019`) is another agreement."""
    text = case.article.text
    found: dict[str, list[tuple[int, int, TimeRef]]] = defaultdict(list)
    for t in case.times:
        matched = _DURATION.fullmatch(t.value or "")
        if t.type != "DURATION" or matched is None or matched.group(2) not in _LENGTH_UNITS:
            continue
        if not re.fullmatch(r"[\w]+-(?:year|month|week)", t.evidence.text, re.IGNORECASE):
            continue
        after = text[t.evidence.end : t.evidence.end + 40]
        words = [(w.group(1).removesuffix("s"), w.end()) for w in re.finditer(r"\s+([a-z]+)", after)][:2]
        # the first word (`deal`) or the second after an adjective (`rolling contract`), plural or not
        kind, end = next(((_AGREEMENTS[w], t.evidence.end + e) for w, e in words if w in _AGREEMENTS), (None, 0))
        if kind is None or _era(case, t.evidence.start, t.evidence.end):
            continue
        unit = _LENGTH_UNITS[matched.group(2)]
        found[f"length:{kind}:{unit}"].append((int(matched.group(1)), end, t))
    facts = []
    for key, lengths in found.items():
        if len({n for n, _, _ in lengths}) > 1:
            continue
        n, end, t = lengths[0]
        start = t.evidence.start
        evidence = Evidence(article_id=case.article.id, start=start, end=end, text=text[start:end])
        name = key.split(":")[1] + " length in " + key.split(":")[2]
        fact = Fact(
            id=t.id,  # the duration: the comparison traces to it
            subject=t.id,
            subject_name=name,
            attribute="measure",
            value=n,
            qualifier="exact",
            evidence=evidence,
            published=case.article.published,
        )
        facts.append((key, fact))
    return facts


TERM = "measure:term"  # the custodial term of a sentence, one comparison per person sentenced
_DURATION = re.compile(r"P(\d+)([YMWD])")


def _terms(case: CaseFile, ctx: Context) -> list[tuple[str, Fact]]:
    """The prison terms of a report's sentence events, as facts keyed by the person sentenced
    (the one cast member the event's timeline entry has as patient): `jailed for 10 years and
    eight months` -> ``P10Y8M``. A term must follow the sentence's verb (`for`, `to`) and is
    read whole (`10 years and eight months` is one term); a suspended one is left out."""
    text = case.article.text
    durations = sorted(
        (t for t in case.times if t.type == "DURATION" and _DURATION.fullmatch(t.value or "")),
        key=lambda t: t.evidence.start,
    )
    found: list[tuple[str, Fact]] = []
    for event in case.events:
        entry = ctx.timeline.get(ctx.event_of.get((case.article.id, event.id), ""))
        if event.type != "sentence" or entry is None:
            continue
        people = {p.cast_id for p in entry.participants if p.role == "patient" and p.cast_id in ctx.cast}
        if len(people) != 1:
            continue
        start = event.trigger.end
        stop = text.find(".", start)
        parts: list[TimeRef] = []
        for t in durations:
            if t.evidence.start < start or (stop >= 0 and t.evidence.start > stop):
                continue
            gap = text[parts[-1].evidence.end if parts else start : t.evidence.start]
            if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*" if parts else r"\s*(?:for|to)\s*", gap):
                break
            parts.append(t)
        if not parts or "suspended" in text[parts[-1].evidence.end : parts[-1].evidence.end + 20]:
            continue
        amounts: dict[str, int] = {}
        for t in parts:
            matched = _DURATION.fullmatch(t.value or "")
            if matched:
                amounts[matched.group(2)] = amounts.get(matched.group(2), 0) + int(matched.group(1))
        value = "P" + "".join(f"{amounts[u]}{u}" for u in "YMWD" if u in amounts)
        person = next(iter(people))
        evidence = Evidence(
            article_id=case.article.id,
            start=event.trigger.start,
            end=parts[-1].evidence.end,
            text=text[event.trigger.start : parts[-1].evidence.end],
        )
        fact = Fact(
            id=event.id,  # the sentence event: the term's comparison traces to it
            subject=event.id,
            subject_name=f"prison sentence of {ctx.cast[person].name}",
            attribute="measure",
            value=value,
            evidence=evidence,
            published=case.article.published,
        )
        found.append((f"term:{person}", fact))
    return found


def _number_key(
    counted: _Counted,
    fact: Fact,
    article_id: str,
    keys: list[tuple[_Counted, str, str]],
    grouped: dict[tuple[str, str], list[_Said]],
) -> str:
    """The key of the counted thing a number joins ("" for a new one): of the things it may be
    (:func:`_same_counted`), the one sharing most words. A change (`rose 12 per cent`) joins
    only a thing given the same figure (see :data:`_CHANGE`). A number whose words come from around
    it (or a thing known so) joins no thing its own report gives another value: a report that
    gives two figures of one thing says how it changed, in words, and names the thing."""
    best: tuple[int, str] | None = None
    for other, key, attribute in keys:
        if attribute != fact.attribute:
            continue
        if not _same_counted(counted, other):
            continue
        said = grouped.get((key, fact.attribute), [])
        if counted.words & other.words & _CHANGE and any(_norm(s.fact.value) != _norm(fact.value) for s in said):
            continue
        if (counted.from_context or other.from_context) and any(
            s.article_id == article_id and _norm(s.fact.value) != _norm(fact.value) for s in said
        ):
            continue
        score = len(counted.words & other.words)
        if best is None or score > best[0]:
            best = (score, key)
    return best[1] if best else ""


def _day(value: FactValue) -> str | None:
    """A TIMEX3 date as a calendar date (``2023-09-09TMO`` -> ``2023-09-09``); None for
    ``PRESENT_REF``, durations and other values that name no date."""
    found = re.match(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T|$)", str(value))
    return found.group(1) if found else None


def _attribute_key(fact: Fact) -> str:
    """The comparison a fact belongs to: per value for many-valued attributes."""
    if fact.attribute in PER_VALUE:
        return f"{fact.attribute}={_norm(fact.value)}|{fact.qualifier or ''}"
    if fact.attribute == "fate":
        value = str(fact.value)
        if value in CONDITION:
            return "fate:condition"
        return "fate" if value in LEGAL_STATUS else f"fate={value}"
    if fact.attribute == "title":
        kind = _title_kind(str(fact.value))
        return f"title:{kind}" if kind != "courtesy" else f"title={fact.value}"
    return fact.attribute


def _title_kind(title: str) -> str:
    return names.title_kind(title)


def _norm(value: FactValue) -> FactValue:
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _values(said: list[_Said], ctx: Context, attribute: str) -> list[ValueSources]:
    by_value: dict[FactValue, list[_Said]] = defaultdict(list)
    for s in said:
        value = _norm(s.fact.value)
        by_value[value].append(s)
    result = []
    for found in by_value.values():
        per_article: dict[str, _Said] = {}
        evidence: list[Evidence] = []
        for s in found:
            per_article.setdefault(s.article_id, s)
            evidence.append(s.fact.evidence)
        articles = sorted(per_article, key=lambda a: ctx.order[a])
        qualifier = found[0].fact.qualifier
        if attribute == "date" and qualifier == "night":
            # a day is a night only if every report dating it says so ("11.40pm on Friday" beside
            # "late on Friday" is before midnight: it disagrees with "early on Saturday")
            qualifier = next((s.fact.qualifier for s in found if s.fact.qualifier != "night"), "night")
        result.append(
            ValueSources(
                value=found[0].fact.value if not isinstance(found[0].fact.value, str) else str(found[0].fact.value),
                qualifier=qualifier,
                articles=articles,
                evidence=evidence,
                published=[per_article[a].published for a in articles],
                independent=len({ctx.copy_root.get(a, a) for a in articles}),
            )
        )
    result.sort(key=lambda v: (-v.independent, ctx.order[v.articles[0]], str(v.value)))
    return result


def _independent(values: list[ValueSources], ctx: Context) -> int:
    return len({ctx.copy_root.get(a, a) for v in values for a in v.articles})


def _timeline_points(values: list[ValueSources]) -> list[tuple[dt.date, float]]:
    points: list[tuple[dt.date, float]] = []
    for v in values:
        if isinstance(v.value, bool) or not isinstance(v.value, int | float):
            continue
        points.extend((day, float(v.value)) for day in v.published if day is not None)
    return sorted(points)


def _never_falls(values: list[ValueSources]) -> bool:
    points = _timeline_points(values)
    if len(points) < 2 or len(points) != sum(len(v.published) for v in values):
        return False
    return all(not (b < a or (b != a and day_a == day_b)) for (day_a, a), (day_b, b) in itertools.pairwise(points))


def _slip(a: FactValue, b: FactValue) -> bool:
    """Values one keying slip apart: ten, a hundred or a thousand times the other (a digit or
    unit too many: 320 / 3,200, £490m / £4.9bn), or two neighbouring digits swapped (19 / 91).
    A rule from how figures are mistyped, not tuned on the gold stories."""
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, int | float) or not isinstance(b, int | float):
        return False
    low, high = sorted((abs(float(a)), abs(float(b))))
    if low > 0 and high / low in (10.0, 100.0, 1000.0):
        return True
    x, y = f"{float(a):.2f}", f"{float(b):.2f}"
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def _same_day_clash(a: ValueSources, b: ValueSources) -> bool:
    days_a = {d for d in a.published if d is not None}
    return any(d in days_a for d in b.published if d is not None)


def _clash(a: ValueSources, b: ValueSources) -> bool:
    """Two values of one count that cannot both be the news: no report gives both (a report
    that does tells a change), and they are one slip apart or were published the same day."""
    if set(a.articles) & set(b.articles):
        return False
    return _slip(a.value, b.value) or _same_day_clash(a, b)


def split_numeric(values: list[ValueSources]) -> tuple[list[ValueSources], list[list[ValueSources]]]:
    """Separate the values that clash (see :func:`_clash`) from the run of values a count
    takes over time. Returns the run and each clashing pair; of a pair, the value fewer
    independent reports give (ties: the later one) leaves the run. Slips are looked for first:
    a figure one slip from another is explained by the slip, whatever else was said that day
    (`£42m` beside `£24m` and an earlier `£15m` bid given the same day)."""
    run = list(values)
    pairs: list[list[ValueSources]] = []
    changed = True
    while changed:
        changed = False
        candidates = sorted(itertools.combinations(run, 2), key=lambda p: not _slip(p[0].value, p[1].value))
        for a, b in candidates:
            if _clash(a, b):
                weaker = min((a, b), key=lambda v: (v.independent, -_distance(v, run)))
                pairs.append([a, b])
                run.remove(weaker)
                changed = True
                break
    if len(run) == 2:
        for lone, settled in (run, run[::-1]):
            if _lone_dissent(lone, settled):
                pairs.append([settled, lone])
                run.remove(lone)
                break
    return run, pairs


def _distance(value: ValueSources, run: list[ValueSources]) -> float:
    """How far a figure sits from the median of the others (log scale): of two values one slip
    apart, the one far from the rest of the run is the slip."""
    others = sorted(float(v.value) for v in run if v is not value and isinstance(v.value, int | float) and v.value > 0)
    if not others or not isinstance(value.value, int | float) or value.value <= 0:
        return 0.0
    return abs(math.log(float(value.value) / others[len(others) // 2]))


def _lone_dissent(lone: ValueSources, settled: ValueSources) -> bool:
    """One report alone gives a figure while reports published before and after it agree on
    another: the figure did not change and back, one report has it wrong."""
    if lone.independent != 1 or settled.independent < 2 or set(lone.articles) & set(settled.articles):
        return False
    day = next((d for d in lone.published if d is not None), None)
    days = [d for d in settled.published if d is not None]
    return day is not None and any(d < day for d in days) and any(d > day for d in days)


def _ages_grow_with_time(values: list[ValueSources]) -> bool:
    if not _never_falls(values):
        return False
    points = _timeline_points(values)
    for (day_a, a), (day_b, b) in itertools.pairwise(points):
        if b > a and (day_b - day_a).days < _DAYS_PER_YEAR_OF_AGE * (b - a):
            return False
    return True


def _dates_agree(values: list[ValueSources]) -> bool:
    """Dates that contain each other, or a night and the next day (`late last night` /
    `Thursday`: a night runs past midnight)."""
    dates = [str(v.value) for v in values]
    nights = frozenset(str(v.value) for v in values if v.qualifier == "night")
    return all(a.startswith(b) or b.startswith(a) or night_and_next_day(a, b, nights) for a in dates for b in dates)


def verdict(attribute: str, values: list[ValueSources], independent: int) -> tuple[Verdict, str]:
    """Class one comparison; returns the verdict and a sentence saying why."""
    if len(values) == 1:
        if independent >= 2:
            return "corroborated", f"{independent} independent reports agree"
        return "single_source", "one report only"
    base = attribute.split(":")[0].split("=")[0]
    if independent < 2:
        return "single_source", "one report only (it gives more than one value)"
    if attribute == TERM:
        return "conflicting", "one sentence, two terms"
    if attribute.startswith(LENGTH):
        return "conflicting", "one agreement, two lengths"
    if attribute.startswith(ABOARD):
        if all(set(a.articles) & set(b.articles) for a, b in itertools.combinations(values, 2)):
            return "single_source", "each report gives its own figures (it tells two vehicles or a change)"
        return "conflicting", "how many a vehicle carried is one number of one moment: it cannot change"
    if base == "date":
        if _dates_agree(values):
            return "corroborated", "the dates given contain each other"
        return "conflicting", "dates that cannot both hold"
    if base == "age":
        if _ages_grow_with_time(values):
            return "updated", "the age grows with the calendar between reports"
        return "conflicting", "different ages in reports too close in time for a birthday to explain"
    if base in NUMERIC:
        run, pairs = split_numeric(values)
        if pairs or len(run) < len(values):
            return "conflicting", "reports give figures one slip apart (x10, swapped digits) or differ on one day"
        return "updated", "the figure changes from one day's reports to a later day's"
    if attribute == "fate:condition":
        if _condition_moves_on(values):
            return "updated", "a later report tells a condition that follows an earlier one (missing, then rescued)"
        return "corroborated", "the conditions given may all hold at once (injured and in hospital)"
    if base == "fate":
        clash = next(
            (
                pair
                for pair in EXCLUSIVE
                for a, b in itertools.permutations(values, 2)
                if {str(a.value), str(b.value)} == pair and _same_charge(a.qualifier, b.qualifier)
            ),
            None,
        )
        if clash is not None:
            return "conflicting", " and ".join(sorted(clash)) + " cannot both hold"
        return "updated", "what happens to them moves on between reports"
    if base == "occupation":
        jobs = _distinct_jobs(values)
        if len(jobs) == 1:
            return "corroborated", "the occupations name one job"
        if len(jobs) == 2:
            return "conflicting", "two reports name two different jobs"
        if _same_head_jobs(values):
            return "conflicting", "reports name two different jobs of one kind (chief financial / operating officer)"
        return "corroborated", "the occupations are different descriptions that may all hold"
    if base == "title":
        words = [tuple(str(v.value).casefold().split()) for v in values]
        if all(_within(x, y) or _within(y, x) for x in words for y in words):
            return "corroborated", "the titles name one rank, some more fully (Detective / Detective Inspector)"
        return "conflicting", "different ranks of one kind"
    return "conflicting", "different values that cannot both hold"


def _condition_moves_on(values: list[ValueSources]) -> bool:
    """A condition and one that follows it (``hospitalised``, ``died``), the earlier one given
    in a report published no later than one giving the later: the story moved on, within one
    report (`taken to hospital but died`) or between reports."""
    for before, after in itertools.permutations(values, 2):
        if str(after.value) not in CONDITION_NEXT.get(str(before.value), frozenset()):
            continue
        first = [d for d in before.published if d is not None]
        later = [d for d in after.published if d is not None]
        if not first or not later or min(first) <= max(later):
            return True
    return False


def _within(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """``short`` is a run of ``long_``'s words (`Inspector` in `Detective Inspector`; but
    `Detective Inspector` is not in `Detective Chief Inspector`: another rank)."""
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


# Words for a job that fit many jobs (`Wexmoor boss` is its head coach): never a conflict.
_VAGUE_JOBS = frozenset(
    {"boss", "chief", "head", "leader", "official", "spokesman", "spokeswoman", "spokesperson", "deputy"}
)


# Seats on an elected body, held beside any office in it or job outside it (the mayor of a
# town is one of its councillors; a minister is an MP): never a conflict with another job.
_SEATS = frozenset(
    {"councillor", "cllr", "alderman", "mp", "mep", "msp", "senator", "congressman", "congresswoman", "assemblyman"}
)


def _job_words(value: FactValue) -> frozenset[str]:
    """The words of a job, without vague ones, seats and states (`retired`, `kidnapped`: -ed words)."""
    words = re.findall(r"[^\W\d_]+", names.fold(str(value)))
    return frozenset(
        w for w in words if w not in STOP_WORDS and w not in _VAGUE_JOBS and w not in _SEATS and not w.endswith("ed")
    )


def _distinct_jobs(values: list[ValueSources]) -> list[list[str]]:
    """The occupations that do not describe one job, each with the reports giving it.

    Values join when one's words hold the other's (`director of public health` and `... for
    North Northamptonshire`) or one report gives both (it knows they are one person's jobs);
    vague words (`boss`) join anything. Returns one list of article ids per remaining job."""
    items = [(v, _job_words(v.value)) for v in values]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(items)), 2):
        (a, wa), (b, wb) = items[i], items[j]
        if wa <= wb or wb <= wa or set(a.articles) & set(b.articles):
            parent[find(i)] = find(j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, (v, _) in enumerate(items):
        groups[find(i)].extend(v.articles)
    return list(groups.values())


def _same_head_jobs(values: list[ValueSources]) -> bool:
    """Two occupations from disjoint reports with one head noun but other words that neither
    holds (`chief financial officer` / `chief operating officer`): one post, told two ways.
    Among three or more jobs, which may all hold, that pair still conflicts."""
    for a, b in itertools.combinations(values, 2):
        wa, wb = _job_words(a.value), _job_words(b.value)
        head_a, head_b = str(a.value).split()[-1:], str(b.value).split()[-1:]
        if head_a and head_a == head_b and not (wa <= wb or wb <= wa) and not set(a.articles) & set(b.articles):
            return True
    return False


def _same_charge(a: str | None, b: str | None) -> bool:
    """Outcomes exclude each other only for one charge (acquitted of murder, convicted of
    manslaughter is one trial's two outcomes); a missing charge is taken as the same."""
    return a is None or b is None or names.fold(a) == names.fold(b)


def _summary(attribute: str, values: list[ValueSources], ctx: Context) -> str:
    parts = []
    for v in values:
        count = len(v.articles)
        noun = "report" if count == 1 else "reports"
        if count <= 2:
            who = ", ".join(ctx.outlets.get(a) or a[:8] for a in v.articles)
            parts.append(f"{v.value} ({count} {noun}: {who})")
        else:
            parts.append(f"{v.value} ({count} {noun})")
    return f"{attribute}: " + " · ".join(parts)


def _display_attribute(key: str) -> str:
    if "=" in key:
        return key.split("=")[0]
    return key.split(":")[0]


def compare_facts(cases: Sequence[CaseFile], ctx: Context) -> tuple[list[FactComparison], list[ConflictNote]]:
    """Every comparison of the story (conflicts first), and a note for each conflict."""
    drafts: list[tuple[tuple[int, int, str, str], FactComparison]] = []
    for (subject, key), said in _subjects(cases, ctx).items():
        attribute = _display_attribute(key)
        values = _values(said, ctx, attribute)
        if attribute in NUMERIC and key != ABOARD:
            run, pairs = split_numeric(values)
            groups = [run, *pairs] if pairs else [values]
            if pairs and len(run) == 1:
                groups = pairs  # the one value left is shown in its conflict
        else:
            groups = [values]
        for n, group in enumerate(groups):
            group_key = key if n == 0 else f"{key}#{n}"
            drafts.append(_draft(subject, group_key, attribute, group, said, ctx))
    drafts.extend(_first_name_drafts(ctx))
    drafts.sort(key=lambda d: d[0])
    comparisons: list[FactComparison] = []
    notes: list[ConflictNote] = []
    for n, (_, draft) in enumerate(drafts, 1):
        comparison = draft.model_copy(update={"id": f"f{n}"})
        comparisons.append(comparison)
        if comparison.verdict == "conflicting":
            notes.append(
                ConflictNote(
                    id=f"x{len(notes) + 1}",
                    kind="first_name"
                    if comparison.attribute == "first_name"
                    else "date"
                    if comparison.attribute == "date"
                    else "fact",
                    subject=comparison.subject,
                    subject_name=comparison.subject_name,
                    attribute=comparison.attribute,
                    values=comparison.values,
                    summary=_summary(comparison.attribute, comparison.values, ctx),
                    fact_id=comparison.id,
                )
            )
    return comparisons, notes


def _draft(
    subject: str, key: str, attribute: str, values: list[ValueSources], said: list[_Said], ctx: Context
) -> tuple[tuple[int, int, str, str], FactComparison]:
    independent = _independent(values, ctx)
    found_verdict, why = verdict(key, values, independent)
    if found_verdict == "conflicting" and attribute == "occupation" and subject in ctx.cast:
        stated = _stated_with_name(values, ctx.cast[subject])
        if verdict(key, stated, _independent(stated, ctx))[0] != "conflicting":
            found_verdict = "corroborated" if independent >= 2 else "single_source"
            why = "the jobs differ only where a description (`the Prime Minister`) was linked to them"
    kind, name = _subject_info(subject, said, ctx)
    current = None
    if found_verdict == "updated":
        latest = max(
            (day or dt.date.min, ctx.order[a], _stage(attribute, v.value), str(v.value), v.value)
            for v in values
            for a, day in zip(v.articles, v.published, strict=False)
        )
        current = latest[-1]
    rank = {"conflicting": 0, "updated": 1, "corroborated": 2, "single_source": 3}[found_verdict]
    first = min(ctx.order[a] for v in values for a in v.articles)
    given = {_norm(v.value) for v in values}
    return (
        (rank, first, subject, key),
        FactComparison(
            id="",
            subject=subject,
            subject_kind=kind,
            subject_name=name,
            attribute=attribute,
            values=values,
            verdict=found_verdict,
            current=current,
            explanation=why,
            members=[ItemRef(article_id=s.article_id, item_id=s.fact.id) for s in said if _norm(s.fact.value) in given],
        ),
    )


def _stated_with_name(values: list[ValueSources], member: CastMember) -> list[ValueSources]:
    """The values some report states with the person's name (`Tobias Renshaw, a junior
    minister`), not only through a description linked to them (`the Prime Minister`): a
    description is linked by inference, and a conflict needs both jobs said of the name."""
    words: set[str] = set()
    for variant in member.variants:
        found = names.parts(variant.name)
        if found is not None:
            words |= {found.surname, *found.given}
    stated = []
    for v in values:
        keep = [
            e
            for e in v.evidence
            if words & {names.fold(w) for w in re.findall(r"[^\W\d_]+", e.text)}
            and _beside(e.text, str(v.value), words)
        ]
        if keep:
            stated.append(v.model_copy(update={"evidence": keep}))
    return stated


def _beside(text: str, job: str, name_words: set[str]) -> bool:
    """The job is written beside the name (`Tom Haigh, the mayor`, `Ms Redfearn, 52, who is
    Wexmoor's sporting director`): no lower-case word but function words between them. A job
    with words between (`Sir Alastair, including correspondence with her permanent secretary`)
    was linked to the name by a reading of the sentence, not said of it. A job not found as
    written in the span is kept."""
    at = text.casefold().find(job.casefold())
    if at < 0:
        return True
    tokens = list(re.finditer(r"[^\W\d_]+", text))
    named = [t for t in tokens if names.fold(t.group(0)) in name_words]
    if not named:
        return True
    end = at + len(job)
    gaps = [text[t.end() : at] if t.end() <= at else text[end : t.start()] for t in named]
    gaps = [g for t, g in zip(named, gaps, strict=True) if t.end() <= at or t.start() >= end]
    if not gaps:
        return True
    gap = min(gaps, key=len)
    return not any(w[:1].islower() and len(w) > 1 and w not in STOP_WORDS for w in re.findall(r"[^\W\d_]+", gap))


def _stage(attribute: str, value: FactValue) -> int:
    """How far along a fate is, so a report giving two (injured, then died) shows the later."""
    if attribute != "fate":
        return 0
    if value in CONDITION:
        return 1 if value in CONDITION_NEXT else 2  # missing, hospitalised: states that can move on
    return LEGAL_STATUS.index(str(value)) if value in LEGAL_STATUS else 0


def _first_name_drafts(ctx: Context) -> list[tuple[tuple[int, int, str, str], FactComparison]]:
    drafts = []
    for member in ctx.cast.values():
        givens: dict[str, list[str]] = defaultdict(list)
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        for variant in member.variants:
            found = names.parts(variant.name)
            if found is None or not found.given or len(found.given[0]) < 2:
                continue
            given = found.given[0].capitalize()
            givens[given].extend(variant.articles)
            evidence[given].extend(variant.evidence)
        clashing = [g for g in givens if any(names.given_clash((g.casefold(),), (o.casefold(),)) for o in givens)]
        if len(clashing) < 2:
            continue
        values = [
            ValueSources(
                value=g,
                articles=sorted(set(givens[g]), key=lambda a: ctx.order[a]),
                evidence=evidence[g],
                published=[],
                independent=len({ctx.copy_root.get(a, a) for a in set(givens[g])}),
            )
            for g in clashing
        ]
        values.sort(key=lambda v: (-v.independent, ctx.order[v.articles[0]], str(v.value)))
        values = [v.model_copy(update={"published": [None] * len(v.articles)}) for v in values]
        first = min(ctx.order[a] for v in values for a in v.articles)
        drafts.append(
            (
                (0, first, member.id, "first_name"),
                FactComparison(
                    id="",
                    subject=member.id,
                    subject_kind="person",
                    subject_name=member.name,
                    attribute="first_name",
                    values=values,
                    verdict="conflicting",
                    explanation="reports give one person two first names",
                ),
            )
        )
    return drafts


def _subject_info(subject: str, said: list[_Said], ctx: Context) -> tuple[SubjectKind, str]:
    if subject in ctx.cast:
        member = ctx.cast[subject]
        return member.kind, member.name
    if subject in ctx.timeline:
        entry = ctx.timeline[subject]
        patient = next(
            (
                ctx.cast[p.cast_id].name if p.cast_id in ctx.cast else p.name
                for p in entry.participants
                if p.role == "patient"
            ),
            None,
        )
        return "event", f"{entry.type} of {patient}" if patient else entry.type
    return "number", said[0].fact.subject_name

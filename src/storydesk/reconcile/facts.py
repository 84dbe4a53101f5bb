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
- ``conflicting``: values that cannot both hold: a count that falls or two counts on one
  day, ages apart within a year, two event dates neither containing the other, two
  first names, two ranks of one kind (Detective Inspector / Detective Sergeant), two
  occupations with different head nouns (electrician / engineer), or legal outcomes that
  exclude each other (convicted / acquitted, charged / released without charge).

Attributes that hold many values at once (``role``, ``description``, ``relation``, and fates
that are not legal status: ``injured``, ``hospitalised``) are compared value by value and
never conflict.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from storydesk import conventions
from storydesk.model import CaseFile, Evidence, Fact, FactValue
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


def _number_key(name: str) -> frozenset[str]:
    words = [names.fold(w) for w in re.findall(r"[^\W\d_]+", name)]
    return frozenset(w for w in words if w not in STOP_WORDS)


def _subjects(cases: Sequence[CaseFile], ctx: Context) -> dict[tuple[str, str], list[_Said]]:
    """Group every comparable fact by (subject key, attribute)."""
    grouped: dict[tuple[str, str], list[_Said]] = defaultdict(list)
    number_keys: list[tuple[frozenset[str], str, str]] = []  # (words, key, readable)
    for case in sorted(cases, key=lambda c: ctx.order[c.article.id]):
        aid = case.article.id
        for fact in case.facts:
            said = _Said(fact, aid, case.article.published)
            if (aid, fact.subject) in ctx.person_of:
                subject = ctx.person_of[(aid, fact.subject)]
            elif (aid, fact.subject) in ctx.event_of:
                if fact.attribute in EVENT_ARGUMENTS:
                    continue  # participants are shown in the timeline entry
                subject = ctx.event_of[(aid, fact.subject)]
            elif fact.attribute in NUMERIC:
                words = _number_key(fact.subject_name)
                subject = ""
                for known, key, _ in number_keys:
                    if words and len(words & known) / len(words | known) >= 0.5:
                        subject = key
                        break
                if not subject:
                    subject = "n:" + " ".join(sorted(words)) if words else f"n:{aid[:8]}:{fact.subject}"
                    number_keys.append((words, subject, fact.subject_name))
            else:
                continue
            grouped[(subject, _attribute_key(fact))].append(said)
    return grouped


def _attribute_key(fact: Fact) -> str:
    """The comparison a fact belongs to: per value for many-valued attributes."""
    if fact.attribute in PER_VALUE:
        return f"{fact.attribute}={_norm(fact.value)}|{fact.qualifier or ''}"
    if fact.attribute == "fate" and fact.value not in LEGAL_STATUS:
        return f"fate={fact.value}"
    if fact.attribute == "title":
        kind = _title_kind(str(fact.value))
        return f"title:{kind}" if kind != "courtesy" else f"title={fact.value}"
    return fact.attribute


def _title_kind(title: str) -> str:
    kinds = {t.full: t.kind for t in conventions.titles().values()}
    return kinds.get(title, "other")


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
        result.append(
            ValueSources(
                value=found[0].fact.value if not isinstance(found[0].fact.value, str) else str(found[0].fact.value),
                qualifier=found[0].fact.qualifier,
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


def _ages_grow_with_time(values: list[ValueSources]) -> bool:
    if not _never_falls(values):
        return False
    points = _timeline_points(values)
    for (day_a, a), (day_b, b) in itertools.pairwise(points):
        if b > a and (day_b - day_a).days < _DAYS_PER_YEAR_OF_AGE * (b - a):
            return False
    return True


def _dates_agree(values: list[ValueSources]) -> bool:
    dates = [str(v.value) for v in values]
    return all(a.startswith(b) or b.startswith(a) for a in dates for b in dates)


def verdict(attribute: str, values: list[ValueSources], independent: int) -> tuple[Verdict, str]:
    """Class one comparison; returns the verdict and a sentence saying why."""
    if len(values) == 1:
        if independent >= 2:
            return "corroborated", f"{independent} independent reports agree"
        return "single_source", "one report only"
    base = attribute.split(":")[0].split("=")[0]
    if base == "date":
        if _dates_agree(values):
            return "corroborated", "the dates given contain each other"
        return "conflicting", "dates that cannot both hold"
    if base == "age":
        if _ages_grow_with_time(values):
            return "updated", "the age grows with the calendar between reports"
        return "conflicting", "different ages in reports too close in time for a birthday to explain"
    if base in NUMERIC:
        if _never_falls(values):
            return "updated", "the number grows from one report to the next"
        return "conflicting", "the number falls in a later report, or differs on one day"
    if base == "fate":
        given = {str(v.value) for v in values}
        clash = next((pair for pair in EXCLUSIVE if pair <= given), None)
        if clash is not None:
            return "conflicting", " and ".join(sorted(clash)) + " cannot both hold"
        return "updated", "the legal status moves on between reports"
    if base == "occupation":
        heads = {str(v.value).split()[-1].casefold() for v in values if str(v.value).strip()}
        if len(heads) == 1:
            return "corroborated", "the occupations name one job"
        return "conflicting", "different occupations"
    if base == "title":
        return "conflicting", "different ranks of one kind"
    return "conflicting", "different values that cannot both hold"


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
        independent = _independent(values, ctx)
        found_verdict, why = verdict(key, values, independent)
        kind, name = _subject_info(subject, said, ctx)
        current = None
        if found_verdict == "updated":
            latest = max(
                (
                    (day or dt.date.min, ctx.order[a], v.value)
                    for v in values
                    for a, day in zip(v.articles, v.published, strict=False)
                ),
            )
            current = latest[2]
        rank = {"conflicting": 0, "updated": 1, "corroborated": 2, "single_source": 3}[found_verdict]
        first = min(ctx.order[a] for v in values for a in v.articles)
        drafts.append(
            (
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
                    members=[ItemRef(article_id=s.article_id, item_id=s.fact.id) for s in said],
                ),
            )
        )
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
        patient = next((p.name for p in entry.participants if p.role == "patient"), None)
        return "event", f"{entry.type} of {patient}" if patient else entry.type
    return "number", said[0].fact.subject_name

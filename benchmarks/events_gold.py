"""Events and fates against the hand-written gold in benchmarks/gold/reports, and the seed.

Matching events: a gold event matches an unused system event of the same type (exact
catalogue type; system types outside the gold vocabulary, such as ``hospitalisation``, are
not scored as events but feed fates) whose participants overlap by name: some gold agent or
patient and some system agent or patient name the same participant. Names are compared
case-folded, without a leading article or possessive, against every form the gold people
list gives (name, variants, descriptions) and every form storydesk gives (name, variants),
or one contained in the other. When either side has no named participant at all, the type
alone (and the date, preferred) decides. Among candidates the one sharing participants and
then the date wins. Precision = matched / system events of gold types, recall = matched /
gold events.

Arguments, on matched events only: for agent, patient and date, tp = both sides have it and
agree (names as above; dates as equal TIMEX3 values), fp = storydesk gives one that does not
agree, fn = the gold has one that storydesk missed or gave wrongly.

Fates: gold ``people[].fates`` against storydesk's ``fate`` facts of the matched person
(people matched by name forms as above), as sets of ``what`` (and of ``what``+``modality``);
fates on system people with no gold match count as false positives.

Seed: the 13 events of ../shared/seed/case.json; an event is found when storydesk has an
event of the corresponding catalogue type (or of the type its ``what`` names: an attack
that was a stabbing) sharing a participant (or of that type, when the gold names none).

Group speakers: a gold ``family of Dana Whitcombe`` also matches ``Ms Whitcombe's family``
(possessive ``'s`` is dropped from every name before comparing).

Pronoun rule (``pronoun_rule``): a patient whose evidence lies before the event's sentence
was filled by the events layer's pronoun rule (``He was remanded``: the patient of the
previous sentence's legal event); it is correct when its event matched a gold event whose
patient agrees.

    python benchmarks/events_gold.py [--json benchmarks/results/events_gold.json] [--limit N]
        [--shared ../shared] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storydesk import analyze
from storydesk.model import CaseFile, Event

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "gold" / "reports"
GOLD_TYPES = {
    "attack", "shooting", "stabbing", "assault", "killing", "death", "injury", "collision", "arrest", "charge",
    "bail", "release", "no_further_action", "court_appearance", "failure_to_appear", "warrant", "verdict",
    "sentence", "statement", "petition", "investigation", "inquest", "resignation", "appointment",
    "election_result", "acquisition", "disaster", "accident", "rescue", "evacuation", "strike", "protest", "fine",
    "match_result", "transfer", "recall", "layoffs", "funding", "policy_announcement",
}  # fmt: skip
SEED_TYPES = {
    "attack": "stabbing", "death": "death", "vehicle strike": "collision", "arrest": "arrest",
    "petition": "petition", "no further action": "no_further_action", "inquest opened": "inquest",
    "court order": "court_order", "failure to appear": "failure_to_appear", "warrant issued": "warrant",
    "statement": "statement",
}  # fmt: skip
ROLES = ("agent", "patient", "date")


def norm(name: str) -> str:
    name = re.sub(r"['’]s?(?=\s|$)", "", name.strip().strip("'\"‘’“”"))
    name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).casefold()


def same(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    for x in a:
        for y in b:
            short, long = sorted((x, y), key=len)
            if len(short) >= 4 and re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long):
                return True
    return False


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(f, 4)}  # fmt: skip


@dataclass
class Results:
    events: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    args: dict[str, Tally] = field(default_factory=lambda: {r: Tally() for r in ROLES})
    fates: Tally = field(default_factory=Tally)
    fates_modality: Tally = field(default_factory=Tally)
    fates_by_what: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    pronoun_rule: Tally = field(default_factory=Tally)


class Names:
    """Every name form of the gold people, to compare a gold participant with storydesk's."""

    def __init__(self, gold_people: Iterable[dict[str, Any]], case: CaseFile) -> None:
        self.gold: list[set[str]] = []
        for g in gold_people:
            forms = [g.get("name") or "", *g.get("variants", []), *g.get("descriptions", [])]
            self.gold.append({norm(f) for f in forms if f})
        self.system: dict[str, set[str]] = {}
        for group in (case.people, case.organisations, case.places, case.things):
            for item in group:
                self.system[item.id] = {norm(n) for n in [item.name, *getattr(item, "variants", [])] if n}

    def gold_forms(self, name: str | None) -> set[str]:
        if not name:
            return set()
        forms = {norm(name)}
        for person in self.gold:
            if norm(name) in person:
                forms |= person
        group = re.match(r"^(family|friends|relatives|parents|lawyers?) of (.+)$", norm(name))
        if group:  # "family of Dana Whitcombe" is also "Ms Whitcombe's family"
            forms |= {f"{form} {group[1]}" for form in self.gold_forms(group[2])}
        return forms

    def system_forms(self, event: Event, role: str) -> set[str]:
        forms: set[str] = set()
        for arg in event.arguments:
            if arg.role == role:
                forms |= self.system.get(arg.entity_id or "", set()) | {norm(arg.text)}
        return forms


def _date(case: CaseFile, event: Event) -> str | None:
    """The event's TIMEX3 value, cut to the day when it has a time of day (gold dates are days)."""
    ref = case.time(event.time_id)
    if ref is None or ref.value is None:
        return None
    return ref.value.split("T")[0] if "T" in ref.value and ref.value[:4].isdigit() else ref.value


def _participants(gold: dict[str, Any], names: Names) -> set[str]:
    return names.gold_forms(gold.get("agent")) | names.gold_forms(gold.get("patient"))


def match_events(case: CaseFile, gold_events: list[dict[str, Any]], names: Names) -> list[tuple[int, Event | None]]:
    system = [e for e in case.events if e.type in GOLD_TYPES]
    used: set[str] = set()
    pairs: list[tuple[int, Event | None]] = []
    for gi, gold in enumerate(gold_events):
        g_names = _participants(gold, names)
        best: tuple[int, Event] | None = None
        for event in system:
            if event.id in used or event.type != gold["type"]:
                continue
            s_names = names.system_forms(event, "agent") | names.system_forms(event, "patient")
            overlap = bool(g_names and s_names and same(g_names, s_names))
            if not overlap and g_names and s_names:
                continue
            score = 2 * overlap + (_date(case, event) == gold.get("when"))
            if best is None or score > best[0]:
                best = (score, event)
        if best is not None:
            used.add(best[1].id)
        pairs.append((gi, best[1] if best else None))
    return pairs


def score_report(text: str, gold: dict[str, Any], results: Results, label: str) -> None:
    case = analyze(text, published=gold.get("published"), check_language=False)
    names = Names(gold.get("people", []), case)
    gold_events = gold.get("events", [])
    pairs = match_events(case, gold_events, names)
    matched = {e.id for _, e in pairs if e is not None}
    for gi, event in pairs:
        g = gold_events[gi]
        tally = results.by_type[g["type"]]
        if event is None:
            results.events.fn += 1
            tally.fn += 1
            results.misses.append(f"{label}: missed {g['type']} {g.get('agent')} -> {g.get('patient')} {g.get('when')}")
            continue
        results.events.tp += 1
        tally.tp += 1
        for role in ("agent", "patient"):
            gold_forms = names.gold_forms(g.get(role))
            sys_forms = names.system_forms(event, role)
            _arg(
                results.args[role],
                gold_forms,
                sys_forms,
                same(gold_forms, sys_forms) if gold_forms and sys_forms else False,
            )
            if gold_forms and not (sys_forms and same(gold_forms, sys_forms)):
                results.misses.append(f"{label}: {g['type']} {role}: gold {g.get(role)} got {sorted(sys_forms)}")
        for arg in _borrowed(event):
            agree = same(names.gold_forms(g.get("patient")), names.system_forms(event, "patient"))
            results.pronoun_rule.tp += agree
            results.pronoun_rule.fp += not agree
            if not agree:
                results.misses.append(f"{label}: pronoun rule {g['type']} {arg.text!r} gold {g.get('patient')}")
        when, got = g.get("when"), _date(case, event)
        _arg(results.args["date"], {when} if when else set(), {got} if got else set(), when == got)
    for event in case.events:
        if event.type in GOLD_TYPES and event.id not in matched:
            results.pronoun_rule.fp += len(_borrowed(event))
            results.events.fp += 1
            results.by_type[event.type].fp += 1
            results.misses.append(
                f"{label}: extra {event.type} {event.trigger.text!r} {[(a.role, a.text) for a in event.arguments]}"
            )
    _score_fates(case, gold, names, results, label)


def _borrowed(event: Event) -> list[Any]:
    """Patients the pronoun rule filled: their evidence lies before the event's sentence."""
    return [a for a in event.arguments if a.role == "patient" and a.evidence.end <= event.evidence.start]


def _arg(tally: Tally, gold: set[str], system: set[str], agree: bool) -> None:
    if gold and system and agree:
        tally.tp += 1
        return
    if system:
        tally.fp += 1
    if gold:
        tally.fn += 1


def _score_fates(case: CaseFile, gold: dict[str, Any], names: Names, results: Results, label: str) -> None:
    used: set[str] = set()
    for gi, person in enumerate(gold.get("people", [])):
        forms = names.gold[gi]
        match = next((p for p in case.people if p.id not in used and same(forms, names.system[p.id])), None)
        gold_fates = {(f["what"], f["modality"]) for f in person.get("fates", [])}
        system_fates: set[tuple[str, str]] = set()
        if match is not None:
            used.add(match.id)
            system_fates = {(str(f.value), f.modality) for f in case.facts_about(match.id, "fate")}
        _fate_tally(results, gold_fates, system_fates)
        for what, modality in gold_fates - system_fates:
            results.misses.append(f"{label}: fate missed {person.get('name')} {what} ({modality})")
        for what, modality in system_fates - gold_fates:
            results.misses.append(f"{label}: fate extra {person.get('name')} {what} ({modality})")
    for p in case.people:
        if p.id not in used:
            extra = {(str(f.value), f.modality) for f in case.facts_about(p.id, "fate")}
            _fate_tally(results, set(), extra)


def _fate_tally(results: Results, gold: set[tuple[str, str]], system: set[tuple[str, str]]) -> None:
    results.fates_modality.tp += len(gold & system)
    results.fates_modality.fp += len(system - gold)
    results.fates_modality.fn += len(gold - system)
    g_what, s_what = {w for w, _ in gold}, {w for w, _ in system}
    results.fates.tp += len(g_what & s_what)
    results.fates.fp += len(s_what - g_what)
    results.fates.fn += len(g_what - s_what)
    for what in g_what | s_what:
        t = results.fates_by_what[what]
        t.tp += what in g_what and what in s_what
        t.fp += what in s_what and what not in g_what
        t.fn += what in g_what and what not in s_what


def score_seed(shared: Path) -> dict[str, Any] | None:
    text_path, gold_path = shared / "seed" / "seed.txt", shared / "seed" / "case.json"
    if not text_path.exists() or not gold_path.exists():
        return None
    gold = json.loads(gold_path.read_text("utf-8"))
    case = analyze(text_path.read_text("utf-8"), published=gold.get("published"), check_language=False)
    names = Names(gold.get("people", []), case)
    found: list[str] = []
    missed: list[str] = []
    for g in gold["events"]:
        wanted = {SEED_TYPES.get(g["type"], g["type"]), g["type"], g.get("what")}
        g_names = _participants(g, names)
        hit = False
        for event in case.events:
            if event.type not in wanted:
                continue
            s_names = names.system_forms(event, "agent") | names.system_forms(event, "patient")
            if not g_names or same(g_names, s_names):
                hit = True
                break
        label = f"{g['type']} {g.get('agent', '')} -> {g.get('patient', '')}".strip()
        (found if hit else missed).append(label)
    return {"found": len(found), "of": len(gold["events"]), "missed": missed}


def run(files: list[Path]) -> Results:
    results = Results()
    for path in files:
        text_path = path.with_name(path.name.replace(".gold.json", ".txt"))
        score_report(text_path.read_text("utf-8"), json.loads(path.read_text("utf-8")), results, path.stem[:3])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "events_gold.json")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    files = sorted(GOLD_DIR.glob("*.gold.json"))[: args.limit]
    results = run(files)
    out: dict[str, Any] = {
        "reports": len(files),
        "matching": "same type + overlapping participants by name (see the script's docstring)",
        "events": results.events.scores(),
        "arguments_on_matched": {r: t.scores() for r, t in results.args.items()},
        "fates_what": results.fates.scores(),
        "fates_what_and_modality": results.fates_modality.scores(),
        "pronoun_rule": {
            "fired": results.pronoun_rule.tp + results.pronoun_rule.fp,
            "precision": results.pronoun_rule.scores()["precision"],
        },
        "by_type": {k: results.by_type[k].scores() for k in sorted(results.by_type)},
        "fates_by_what": {k: results.fates_by_what[k].scores() for k in sorted(results.fates_by_what)},
        "seed": score_seed(args.shared),
    }
    print(f"reports: {len(files)}")
    rows = [("events", out["events"]), *[(f"arg {k}", v) for k, v in out["arguments_on_matched"].items()],
            ("fates", out["fates_what"]), ("fates+mod", out["fates_what_and_modality"]),
            *[(f"  {k}", v) for k, v in out["by_type"].items()]]  # fmt: skip
    for label, s in rows:
        print(f"{label:22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    print("fates by what:")
    for k, s in out["fates_by_what"].items():
        print(f"  {k:22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    print("pronoun rule:", out["pronoun_rule"])
    print("seed:", out["seed"])
    if args.show_misses:
        for line in results.misses:
            print("  " + line)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()

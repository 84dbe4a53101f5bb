"""Held-out check of events and fates on GVDB: 400 real US shooting reports (dev split).

GVDB (Gun Violence Database, Pavlick et al. 2016) has crowd workers read a news report and
fill in the incident date and, per victim, name (with its character span), gender and what
happened to them (``killed``, ``injured``, ``hospitalized``). None of this data was used to
write or tune the events layer: it is a held-out check, read here and never copied.

What is scored:

- Victim fates. For every victim the worker named, the storydesk person whose name or one of
  whose variants contains the victim's surname (last word of the annotated name, case-folded)
  and whose first name agrees when both are written; each annotated ``killed`` must appear as a
  ``died`` fate, ``injured`` as ``injured``, ``hospitalized`` as ``hospitalised`` (tp, else fn);
  ``died``/``injured``/``hospitalised`` fates on a matched victim that the worker did not tick
  are fp. Unnamed victims (most of them: ``a 22-year-old man``) are not matched person by
  person; they count only in the report-level check below.
- Report level: does the report have a killed victim (storydesk: any ``died`` fate or a
  death/killing event) and an injured one (any ``injured`` fate or an injury event)? P/R
  over the 400 reports.
- Incident date: storydesk's date for the report's shooting (else death or killing) event,
  cut to the day, against the annotated incident date. GVDB gives no publication date, so
  relative dates (``Tuesday``) cannot resolve; only reports whose shooting event carries a full
  date are scored for precision, recall is over all 400.
- Shooters' fates (arrested): not scored. The dev split annotates shooters' name, age, race and
  gender only (no ``arrested`` or ``killed``), so there is nothing to compare against.

Limits of the annotation: one crowd worker per report (no adjudication); ``injured`` is often
left unticked for victims who were killed after being shot, and some workers tick
``injured`` for every victim; names are sometimes partial (a first name only) or include
titles; texts are scraped pages whose first line repeats the page title. Scores here are a
floor, not an exact measure.

    python benchmarks/events_gvdb.py [--json benchmarks/results/events_gvdb.json] [--limit N]
        [--shared ../shared] [--show-misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path
from typing import Any

from storydesk import analyze
from storydesk.model import CaseFile, Person

ROOT = Path(__file__).resolve().parents[1]
FATES = {"killed": "died", "injured": "injured", "hospitalized": "hospitalised"}
SYSTEM_FATES = set(FATES.values())


def tally() -> dict[str, int]:
    return {"tp": 0, "fp": 0, "fn": 0}


def scores(t: dict[str, int]) -> dict[str, float | int]:
    p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
    r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {**t, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", name.casefold()) if len(w) > 1 or w.isdigit()]


def match_person(case: CaseFile, name: str) -> Person | None:
    wanted = _words(name)
    if not wanted:
        return None
    surname, first = wanted[-1], wanted[0]
    for person in case.people:
        for form in [person.name, *person.variants]:
            words = _words(form)
            if surname in words and (len(wanted) == 1 or len(words) == 1 or first in words):
                return person
    return None


def _day(case: CaseFile, time_id: str | None) -> str | None:
    ref = case.time(time_id)
    if ref is None or ref.value is None or not re.match(r"^\d{4}-\d{2}-\d{2}", ref.value):
        return None
    return ref.value[:10]


def score(records: list[dict[str, Any]], show: bool) -> dict[str, Any]:
    fates = {what: tally() for what in SYSTEM_FATES}
    all_fates = tally()
    killed, injured, dated = tally(), tally(), tally()
    matched = named = 0
    misses: list[str] = []
    for record in records:
        case = analyze(record["text"], check_language=False)
        label = record["doc_id"]
        for victim in record["victims"]:
            name = (victim.get("name") or {}).get("value") if isinstance(victim.get("name"), dict) else None
            if not name:
                continue
            named += 1
            person = match_person(case, name)
            gold = {FATES[w] for w in victim.get("victim_was") or [] if w in FATES}
            system: set[str] = set()
            if person is not None:
                matched += 1
                system = {str(f.value) for f in case.facts_about(person.id, "fate")} & SYSTEM_FATES
            for what in SYSTEM_FATES:
                t = fates[what]
                t["tp"] += what in gold and what in system
                t["fp"] += what in system and what not in gold
                t["fn"] += what in gold and what not in system
            all_fates["tp"] += len(gold & system)
            all_fates["fp"] += len(system - gold)
            all_fates["fn"] += len(gold - system)
            if gold != system:
                misses.append(f"{label}: {name}: gold {sorted(gold)} got {sorted(system)} (person {bool(person)})")
        fate_values = {str(f.value) for f in case.facts if f.attribute == "fate"}
        types = {e.type for e in case.events}
        gold_killed = any("killed" in (v.get("victim_was") or []) for v in record["victims"])
        gold_injured = any("injured" in (v.get("victim_was") or []) for v in record["victims"])
        sys_killed = "died" in fate_values or bool(types & {"death", "killing"})
        sys_injured = "injured" in fate_values or "injury" in types
        for t, g, s in ((killed, gold_killed, sys_killed), (injured, gold_injured, sys_injured)):
            t["tp"] += g and s
            t["fp"] += s and not g
            t["fn"] += g and not s
        when = record["incident"].get("date")
        events = sorted(case.events, key=lambda e: (e.type != "shooting", e.type not in {"death", "killing"}))
        days = [_day(case, e.time_id) for e in events if e.type in {"shooting", "death", "killing"}]
        got = next((d for d in days if d), None)
        if got is not None:
            dated["tp" if got == when else "fp"] += 1
        if when and got != when:
            dated["fn"] += 1
            if got is not None:
                misses.append(f"{label}: date gold {when} got {got}")
    if show:
        for line in misses:
            print("  " + line)
    return {
        "reports": len(records),
        "named_victims": named,
        "named_victims_matched_to_a_person": matched,
        "victim_fates": scores(all_fates),
        "victim_fates_by_what": {k: scores(v) for k, v in sorted(fates.items())},
        "report_has_killed": scores(killed),
        "report_has_injured": scores(injured),
        "incident_date": scores(dated),
        "shooter_arrested": "not annotated in the dev split (shooters carry name, age, race, gender only)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "events_gvdb.json")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    path = args.shared / "data" / "gvdb" / "gvdb_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()][: args.limit]
    out = score(records, args.show_misses)
    print(json.dumps(out, indent=1))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()

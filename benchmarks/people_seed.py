"""The seed report's people against its hand-written case file (``../shared/seed/case.json``).

For each gold person: found (a gold mention that is a name form equals one of the system
person's name forms, case-folded, quotes and titles aside); age; descriptions (each gold
description word occurs, case-folded, in one of the person's mentions, descriptions,
occupations, nationalities or roles); relations (label and the other person, by name);
fate and legal status (each gold entry read into the fate vocabulary by the keywords below;
an entry with no fate word, such as a stalking order or "considered a vital witness", counts
as a miss: storydesk has no place for it).

    python benchmarks/people_seed.py [--json benchmarks/results/people_seed.json]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from storydesk import analyze
from storydesk.model import CaseFile

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
RESULTS = ROOT / "benchmarks" / "results" / "people_seed.json"

# How a gold fate or legal entry, written as prose, reads in the fate vocabulary.
_FATE_WORDS = [
    (r"failed to appear", "failed_to_appear"),
    (r"warrant", "warrant_issued"),
    (r"due in court", "due_in_court"),
    (r"no further", "no_further_action"),
    (r"on bail|bailed", "bailed"),
    (r"arrested", "arrested"),
    (r"charged", "charged"),
    (r"died|killed", "died"),
]
_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|DCI|Detective Chief Inspector|Det Ch Insp)\.?\s+")


def _norm(name: str) -> str:
    return _TITLES.sub("", name.strip().strip("'\"‘’“”")).casefold()


def _fate(text: str) -> str | None:
    return next((fate for pattern, fate in _FATE_WORDS if re.search(pattern, text)), None)


def score(case: CaseFile, gold: dict[str, Any]) -> dict[str, Any]:
    counts = {k: [0, 0] for k in ("people", "age", "descriptions", "relations", "fate", "legal")}
    misses: list[str] = []
    pairs: dict[str, str] = {}
    for g in gold["people"]:
        forms = {_norm(m) for m in g["mentions"] if m[:1].isupper() or m[:1] in "'‘"} | {_norm(g["name"])}
        person = next((p for p in case.people if forms & {_norm(n) for n in [p.name, *p.variants]}), None)
        counts["people"][1] += 1
        if person is None:
            misses.append(f"person {g['name']}")
            continue
        counts["people"][0] += 1
        pairs[g["name"]] = person.id
    names = {p.id: p.name for p in case.people}
    for g in gold["people"]:
        pid = pairs.get(g["name"])
        facts = case.facts_about(pid, None) if pid else []
        values = {a: {str(f.value).casefold() for f in facts if f.attribute == a} for a in {f.attribute for f in facts}}
        if g.get("age") is not None:
            counts["age"][1] += 1
            if str(g["age"]) in values.get("age", set()):
                counts["age"][0] += 1
            else:
                misses.append(f"{g['name']} age {g['age']}")
        said = " | ".join(
            [m.evidence.text.casefold() for p in case.people if p.id == pid for m in p.mentions]
            + [v for a in ("description", "occupation", "nationality", "role") for v in values.get(a, set())]
        )
        for desc in g.get("descriptions", []):
            counts["descriptions"][1] += 1
            if desc.casefold() in said:
                counts["descriptions"][0] += 1
            else:
                misses.append(f"{g['name']} description {desc}")
        relations = {(str(f.value), _norm(f.qualifier or "")) for f in facts if f.attribute == "relation"}
        for rel in g.get("relations", []):
            counts["relations"][1] += 1
            other = pairs.get(rel["other"])
            other_name = _norm(names[other]) if other else _norm(rel["other"])
            if (rel["relation"], other_name) in relations:
                counts["relations"][0] += 1
            else:
                misses.append(f"{g['name']} relation {rel['relation']} {rel['other']}")
        fates = {str(f.value) for f in facts if f.attribute == "fate"}
        for kind in ("fate", "legal"):
            for entry in g.get(kind, []):
                counts[kind][1] += 1
                wanted = _fate(entry["what"])
                if wanted is not None and wanted in fates:
                    counts[kind][0] += 1
                else:
                    misses.append(f"{g['name']} {kind} {entry['what']}")
    return {"counts": {k: {"found": f, "gold": t} for k, (f, t) in counts.items()}, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    gold = json.loads((SEED / "case.json").read_text("utf-8"))
    case = analyze((SEED / "seed.txt").read_text("utf-8"), published=gold.get("published"), check_language=False)
    out = score(case, gold)
    print(json.dumps(out, indent=1))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()

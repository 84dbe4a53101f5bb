"""Numbers against the hand-written gold `numbers` of the fictional reports in
benchmarks/gold/reports and the seed report's three numbers (../shared/seed/case.json).

Matching, per report, one to one and greedy in gold order: a gold number matches an unused
system number of the same value (relative tolerance 0.1%); among those, one that also has
the gold qualifier and shares a head word with the gold `counts` is preferred. Three levels
are scored, each as precision / recall / F1 over all numbers:

- `value`: the value agrees;
- `value+qualifier`: value and qualifier (exact, more_than, less_than, about, at_least, up_to);
- `value+qualifier+counts`: also the counted thing, by head-word overlap: the content words
  of the gold `counts` and of the system `counts` (lower case, a final plural -s dropped,
  stop words and currency/percent words left out) share at least one word.

Gold values that are not numbers (`'3-1'` scores, `'17-6'` records) count as gold numbers the
system misses: storydesk does not read scores.

``../shared`` is found beside the checkout, or where ``STORYDESK_SHARED`` says.

    python benchmarks/numbers_gold.py [--json benchmarks/results/numbers_gold.json] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storydesk import analyze
from storydesk.model import CaseFile, Number

ROOT = Path(__file__).resolve().parent
GOLD_DIR = ROOT / "gold" / "reports"
SEED_DIR = Path(os.environ.get("STORYDESK_SHARED") or ROOT.parent / "shared") / "seed"
LEVELS = ("value", "value+qualifier", "value+qualifier+counts")

_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "who", "that", "which",
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "his", "her", "their", "its", "this", "last",
    "year", "pound", "gbp", "dollar", "usd", "eur", "euro", "percent", "per", "cent", "mph", "time", "number",
    "amount", "from", "as", "it", "he", "she", "they", "so", "far",
}


def head_words(text: str | None) -> set[str]:
    words = re.findall(r"[a-z][a-z'-]*", (text or "").lower())
    out = set()
    for word in words:
        word = re.sub(r"['’]s$", "", word)
        if len(word) > 3 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in _STOP:
            out.add(word)
    return out


def _qualifier(gold: dict[str, Any]) -> str:
    return str(gold.get("qualifier") or "exact").replace(" ", "_")


def _same_value(gold: Any, system: float) -> bool:
    if not isinstance(gold, int | float):
        return False
    return abs(float(gold) - system) <= 1e-3 * max(1.0, abs(float(gold)))


@dataclass
class Tally:
    tp: int = 0
    system: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.tp / self.system if self.system else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "system": self.system, "gold": self.gold, "precision": round(p, 4),
                "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Results:
    levels: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in LEVELS})
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def score_report(name: str, gold: list[dict[str, Any]], numbers: list[Number], results: Results) -> None:
    used: set[str] = set()
    for tally in results.levels.values():
        tally.gold += len(gold)
        tally.system += len(numbers)
    for item in gold:
        candidates = [n for n in numbers if n.id not in used and _same_value(item["value"], n.value)]
        if not candidates:
            results.misses.append(f"{name}: {item['value']} {_qualifier(item)} {item['counts']}")
            continue

        def rank(n: Number, item: dict[str, Any] = item) -> tuple[bool, bool]:
            return (n.qualifier == _qualifier(item), bool(head_words(item["counts"]) & head_words(n.counts)))

        best = max(candidates, key=rank)
        used.add(best.id)
        qualifier_ok, counts_ok = rank(best)
        results.levels["value"].tp += 1
        results.levels["value+qualifier"].tp += qualifier_ok
        results.levels["value+qualifier+counts"].tp += qualifier_ok and counts_ok
        if not (qualifier_ok and counts_ok):
            results.misses.append(
                f"{name}: {item['value']} {_qualifier(item)} {item['counts']!r} ~ {best.qualifier} {best.counts!r}"
            )
    for n in numbers:
        if n.id not in used:
            results.extras.append(f"{name}: {n.value:g} {n.qualifier} {n.counts!r} <- {n.evidence.text!r}")


def run_gold(limit: int | None = None) -> Results:
    results = Results()
    for path in sorted(GOLD_DIR.glob("*.gold.json"))[:limit]:
        gold = json.loads(path.read_text("utf-8"))
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text("utf-8")
        case: CaseFile = analyze(text, published=gold.get("published"))
        score_report(path.name.split(".")[0], gold.get("numbers", []), case.numbers, results)
    return results


def run_seed() -> dict[str, Any]:
    reference = json.loads((SEED_DIR / "case.json").read_text("utf-8"))
    text = (SEED_DIR / "seed.txt").read_text("utf-8")
    case = analyze(text, published=reference["published"])
    results = Results()
    score_report("seed", reference["numbers"], case.numbers, results)
    return {
        "found": {level: f"{t.tp}/{t.gold}" for level, t in results.levels.items()},
        "system_numbers": [
            {"value": n.value, "qualifier": n.qualifier, "counts": n.counts}
            for n in case.numbers
        ],
        "misses": results.misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--limit", type=int, help="only the first N gold reports")
    parser.add_argument("--show", action="store_true", help="print misses and extras")
    args = parser.parse_args(argv)
    results = run_gold(args.limit)
    out: dict[str, Any] = {
        "data": f"benchmarks/gold/reports ({len(list(GOLD_DIR.glob('*.gold.json'))[: args.limit])} reports)",
        "matching": "one to one per report; value within 0.1%; counts by head-word overlap",
        "gold": {level: t.scores() for level, t in results.levels.items()},
    }
    if SEED_DIR.exists():
        out["seed"] = run_seed()
    print(json.dumps(out, indent=2))
    if args.show:
        print("\nMISSES", *results.misses, sep="\n", file=sys.stderr)
        print("\nEXTRAS", *results.extras, sep="\n", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

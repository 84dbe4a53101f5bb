"""Time expressions on storydesk's own fictional gold reports, and the seed's seven.

Reads ``benchmarks/gold/reports/NNN-*.gold.json`` with its ``.txt`` (format:
``benchmarks/gold/FORMAT.md``). Gold times carry text, not offsets, and an expression said
several times may be listed once, so scoring is by *distinct expression*:

- a gold expression is found wherever its text occurs in the report (whole words);
- strict: some system expression has exactly one of those spans; relaxed: overlaps one;
- precision counts distinct system expressions (by lower-cased text) that overlap any gold
  occurrence; value: a relaxed match whose value equals the gold value; granularity and
  the approximate flag are scored on relaxed matches too.

The seed check runs ``../shared/seed/seed.txt`` (cleaned, published 2022-02-01) and looks
up each of ``case.json``'s seven times by text; "about 2022-01-04 + 3 weeks" is read as
the date it names, approximate.

Usage: ``python benchmarks/times_gold.py [--misses]``. Writes
``benchmarks/results/times_gold.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from storydesk import nlp  # noqa: E402
from storydesk.clean import clean_text  # noqa: E402
from storydesk.extract.times import find_times  # noqa: E402
from storydesk.model import Article, TimeRef  # noqa: E402

REPORTS = HERE / "gold" / "reports"
SEED = ROOT / ".." / "shared" / "seed"


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    granularity: int = 0
    approximate: int = 0
    system_hits: int = 0
    misses: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float | int]:
        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        p_rel = self.system_hits / self.system if self.system else 0.0
        r_rel = self.relaxed / self.gold if self.gold else 0.0
        r_strict = self.strict / self.gold if self.gold else 0.0
        p_val = p_rel * (self.value / self.relaxed) if self.relaxed else 0.0
        r_val = self.value / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "system": self.system,
            "strict_recall": round(r_strict, 4),
            "strict_f1": f1(p_rel * (self.strict / self.relaxed) if self.relaxed else 0.0, r_strict),
            "relaxed_p": round(p_rel, 4),
            "relaxed_r": round(r_rel, 4),
            "relaxed_f1": f1(p_rel, r_rel),
            "value_accuracy": round(self.value / self.relaxed, 4) if self.relaxed else 0.0,
            "value_f1": f1(p_val, r_val),
            "granularity_accuracy": round(self.granularity / self.relaxed, 4) if self.relaxed else 0.0,
            "approximate_accuracy": round(self.approximate / self.relaxed, 4) if self.relaxed else 0.0,
        }


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def article_for(text: str, published: dt.date | None, name: str) -> Article:
    cleaned = clean_text(text)
    return Article(id=name, text=cleaned.text, raw=text, published=published, paragraphs=cleaned.paragraphs)


def score_report(
    article: Article, times: list[TimeRef], gold: list[dict[str, object]], tally: Tally, name: str
) -> None:
    text = article.text
    tally.gold += len(gold)
    distinct: dict[str, list[TimeRef]] = {}
    for t in times:
        distinct.setdefault(t.evidence.text.lower(), []).append(t)
    tally.system += len(distinct)
    gold_spans = [occurrences(text, str(g["text"])) for g in gold]
    all_gold = [s for spans in gold_spans for s in spans]
    for refs in distinct.values():
        if any(r.evidence.start < e and s < r.evidence.end for r in refs for s, e in all_gold):
            tally.system_hits += 1
        else:
            tally.misses.append(f"{name}: spurious {refs[0].evidence.text!r} = {refs[0].value}")
    for g, spans in zip(gold, gold_spans, strict=True):
        if not spans:
            tally.misses.append(f"{name}: gold text not in report: {g['text']!r}")
            continue
        exact = [t for t in times if (t.evidence.start, t.evidence.end) in spans]
        overlap = exact or [t for t in times if any(t.evidence.start < e and s < t.evidence.end for s, e in spans)]
        if exact:
            tally.strict += 1
        if not overlap:
            tally.misses.append(f"{name}: missed {g['text']!r} = {g.get('value')}")
            continue
        tally.relaxed += 1
        best = next((t for t in overlap if t.value == g.get("value")), overlap[0])
        if best.value == g.get("value"):
            tally.value += 1
        else:
            tally.misses.append(
                f"{name}: value {g['text']!r} gold={g.get('value')} sys={best.value} ({best.evidence.text!r})"
            )
        tally.granularity += best.granularity == g.get("granularity")
        tally.approximate += best.approximate == bool(g.get("approximate"))


def run_reports() -> tuple[Tally, int]:
    tally = Tally()
    files = sorted(REPORTS.glob("*.gold.json"))
    used = 0
    for path in files:
        txt = path.with_name(path.name.replace(".gold.json", ".txt"))
        if not txt.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        article = article_for(txt.read_text(encoding="utf-8"), published, path.stem)
        times = find_times(nlp.parse(article.text), article)
        score_report(article, times, list(gold.get("times", [])), tally, path.name[:3])
        used += 1
    return tally, used


def seed_check() -> list[dict[str, object]]:
    case = json.loads((SEED / "case.json").read_text(encoding="utf-8"))
    article = article_for(
        (SEED / "seed.txt").read_text(encoding="utf-8"), dt.date.fromisoformat(case["published"]), "seed"
    )
    times = find_times(nlp.parse(article.text), article)
    rows: list[dict[str, object]] = []
    for g in case["times"]:
        wanted = str(g["value"])
        m = re.fullmatch(r"about (\d{4}-\d\d-\d\d) \+ (\d+) weeks?", wanted)
        if m:
            wanted = (dt.date.fromisoformat(m.group(1)) + dt.timedelta(weeks=int(m.group(2)))).isoformat()
        found = [t for t in times if t.evidence.text.lower() == str(g["text"]).lower()]
        ok = bool(found) and all(t.value == wanted for t in found)
        rows.append({"text": g["text"], "gold": wanted, "system": sorted({str(t.value) for t in found}), "ok": ok})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    tally, used = run_reports()
    scores = tally.scores()
    seed = seed_check()
    print(f"fictional gold: {used} reports, {scores['gold']} gold expressions, {scores['system']} system (distinct)")
    for key, value in scores.items():
        print(f"  {key:22} {value}")
    print(f"seed: {sum(bool(r['ok']) for r in seed)}/{len(seed)}")
    for row in seed:
        print(f"  {'ok ' if row['ok'] else 'BAD'} {row['text']!r:28} gold={row['gold']} system={row['system']}")
    if args.misses:
        for miss in tally.misses:
            print(" ", miss)
    out = HERE / "results" / "times_gold.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"reports": used, "scores": scores, "seed": seed, "misses": tally.misses}, indent=1, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()

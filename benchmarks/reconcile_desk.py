"""Story assignment on the database desk against the library's, on the same reports.

The library (:class:`storydesk.reconcile.desk.StoryDesk`) decides stories on the whole set of
reports; the database desk (:class:`storydesk.reconcile.desk.DeskStories`, what ``storydesk
add`` uses) assigns each report once, as it arrives, within its neighbourhood (the stories of
its candidates) and with the neighbourhood's statistics. This benchmark adds the same reports,
in the same shuffled order, to both (the desk on a scratch SQLite file), and reports B³ of
each against the gold, B³ of the desk against the library, and the seconds the desk took.

Data: the fictional gold stories (``benchmarks/gold/stories``, two orders) and, unless
``--no-ecbplus``, ECB+ train+dev from ``../shared/data`` (one order).

    python benchmarks/reconcile_desk.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from reconcile_cache import case_file  # noqa: E402
from reconcile_ecbplus_data import load as load_ecbplus  # noqa: E402
from reconcile_gold_data import load as load_gold  # noqa: E402
from reconcile_scoring import b_cubed  # noqa: E402
from storydesk.model import CaseFile  # noqa: E402
from storydesk.reconcile import desk as desk_stories  # noqa: E402
from storydesk.reconcile.desk import StoryDesk  # noqa: E402
from storydesk.store import Desk  # noqa: E402

RESULT = HERE / "results" / "reconcile_desk.json"


def compare(cases: list[CaseFile], gold: dict[str, str], seed: int) -> dict[str, Any]:
    order = list(cases)
    random.Random(seed).shuffle(order)
    library = StoryDesk()
    for case in order:
        library.add(case)
    by_library = {m.article_id: s.id for s in library.stories() for m in s.members}
    with (
        tempfile.TemporaryDirectory(prefix="storydesk-desk-") as scratch,
        Desk.open(os.path.join(scratch, "desk.db")) as desk,
    ):
        started = time.perf_counter()
        for case in order:
            desk.store(case)
            desk.story_desk.assign(case.article.id, case)
        seconds = time.perf_counter() - started
        by_desk = {m.article_id: row.id for row in desk.stories() for m in desk.story_desk.story(row.id).members}
    return {
        "seed": seed,
        "reports": len(order),
        "library_b3": b_cubed(by_library, gold).__dict__,
        "desk_b3": b_cubed(by_desk, gold).__dict__,
        "desk_against_library_b3_f1": b_cubed(by_desk, by_library).f1,
        "desk_seconds": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-ecbplus", action="store_true")
    parser.add_argument("--json", type=Path, default=RESULT)
    parser.add_argument(
        "--max-candidates", type=int, default=desk_stories.MAX_CANDIDATES, help="the desk's candidate cap (0: none)"
    )
    args = parser.parse_args()
    desk_stories.MAX_CANDIDATES = args.max_candidates or 1_000_000
    stories = load_gold()
    gold_cases = [r.case for s in stories for r in s.reports]
    gold = {r.case.article.id: s.name for s in stories for r in s.reports}
    results: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "load_average": round(os.getloadavg()[0], 1),
        "max_candidates": args.max_candidates or None,
        "gold_stories": [compare(gold_cases, gold, seed) for seed in (0, 1)],
    }
    print(json.dumps(results["gold_stories"], indent=1), file=sys.stderr)
    if not args.no_ecbplus:
        docs = load_ecbplus()
        cases = [case_file(d.text) for d in docs]
        subtopic = {c.article.id: d.subtopic for c, d in zip(cases, docs, strict=True)}
        results["ecbplus"] = compare(cases, subtopic, 0)
        print(json.dumps(results["ecbplus"], indent=1), file=sys.stderr)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

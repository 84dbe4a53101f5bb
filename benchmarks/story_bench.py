"""Story assignment as the desk grows: time to assign each added report, per hundred reports.

1. Analyse ``--n`` generated reports (``benchmarks/corpus.py``, seed ``--seed``) once, in
   ``--jobs`` worker processes, into a scratch desk without stories (analysis is not what is
   measured here; ``store_bench.py`` measures ``add`` end to end).
2. For each backend, on a fresh desk: store the case files one by one in the corpus order and
   time ``Desk.assign`` for each (candidates from the ``story_keys`` index, features of the
   candidates' stories, clustering, building the report's story, what's new, writing).
3. Report p50 / p95 / max of assignment time per bucket of ``--bucket`` reports, with the
   average number of candidates and the size of the story joined, so a flat line shows the
   cost follows the neighbourhood, not the size of the desk.

    python benchmarks/story_bench.py --n 1000 --jobs 2
    python benchmarks/story_bench.py --n 200 --backends sqlite --json /tmp/stories.json

PostgreSQL: ``--postgres URL`` (an admin URL), else ``$STORYDESK_TEST_POSTGRES``.
Results: ``benchmarks/results/stories.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results" / "stories.json"
sys.path.insert(0, str(HERE))

from corpus import generate, write_jsonl  # noqa: E402
from storydesk.model import CaseFile  # noqa: E402
from storydesk.store import Desk  # noqa: E402
from storydesk.store import stories as db  # noqa: E402


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def analysed(n: int, seed: int, jobs: int, folder: Path) -> list[CaseFile]:
    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        write_jsonl(generate(n, seed), out)
    started = time.monotonic()
    with Desk.open(str(folder / "analysed.db")) as desk:
        report = desk.add([str(corpus)], jobs=jobs, stories=False)
        print(f"analysed {len(report.stored)} reports in {time.monotonic() - started:.0f} s", file=sys.stderr)
        order = {s.article_id: i for i, s in enumerate(report.stored)}
        cases = [desk.case_file(a) for a in sorted(order, key=order.__getitem__)]
    return cases


def measure(url: str, cases: list[CaseFile], bucket: int) -> dict[str, object]:
    rows: list[dict[str, float]] = []
    with Desk.open(url) as desk:
        stories = desk.story_desk
        for case in cases:
            desk.store(case)
            with desk.engine.connect() as connection:
                keys = db.selective_keys(connection, db.keys_of(connection, case.article.id), 150)
                found = db.candidates(connection, case.article.id, keys, case.article.published, 60)
            started = time.perf_counter()
            made = stories.assign(case.article.id, case)
            seconds = time.perf_counter() - started
            assert made is not None
            with desk.engine.connect() as connection:
                size = len(db.members(connection, [made.story_id])[made.story_id])
            rows.append({"ms": seconds * 1000, "candidates": len(found), "story": size})
        story_count = len(desk.stories())
    buckets = []
    for start in range(0, len(rows), bucket):
        part = rows[start : start + bucket]
        times = [r["ms"] for r in part]
        buckets.append(
            {
                "reports": f"{start + 1}-{start + len(part)}",
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(_percentile(times, 0.95), 1),
                "max_ms": round(max(times), 1),
                "mean_candidates": round(statistics.mean(r["candidates"] for r in part), 1),
                "mean_story_size": round(statistics.mean(r["story"] for r in part), 2),
            }
        )
    return {"stories": story_count, "buckets": buckets}


def _postgres_db(admin: str) -> tuple[str, object]:
    base = make_url(admin).set(drivername="postgresql+psycopg")
    name = f"storydesk_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return base.set(database=name, drivername="postgresql").render_as_string(hide_password=False), drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--bucket", type=int, default=100)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default=os.environ.get("STORYDESK_TEST_POSTGRES"))
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args()
    results: dict[str, object] = {
        "date": dt.date.today().isoformat(),
        "reports": args.n,
        "seed": args.seed,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
    }
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        cases = analysed(args.n, args.seed, args.jobs, folder)
        for backend in args.backends.split(","):
            if backend == "sqlite":
                results["sqlite"] = measure(str(folder / "stories.db"), cases, args.bucket)
            elif backend == "postgresql" and args.postgres:
                url, drop = _postgres_db(args.postgres)
                try:
                    results["postgresql"] = measure(url, cases, args.bucket)
                finally:
                    drop()  # type: ignore[operator]
            else:
                continue
            print(json.dumps(results[backend], indent=1), file=sys.stderr)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

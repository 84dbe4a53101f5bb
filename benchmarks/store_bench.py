"""The desk at scale: add 10,000 generated reports end to end, then time lookups.

For each backend (SQLite file, PostgreSQL server):

1. ``storydesk add corpus.jsonl --jobs 2 --quiet`` in a fresh process on a fresh database:
   reading, cleaning, analysis in worker processes and batched writes, start-up included;
   reports/s = reports / wall seconds.
2. Database size (SQLite: the file after a WAL checkpoint; PostgreSQL: ``pg_database_size``).
3. Latency of ``Desk.search`` and ``Desk.people`` (p50 and p95 ms over ``--queries`` each,
   after one warm-up): search queries are two words of a stored headline (half of them as
   a quoted phrase); people lookups are a surname, or a full name, of a stored person.

With ``--analyse-once``, only the first backend analyses: its case files are exported
(``storydesk export --format jsonl``) and the other backends are given those
(``storydesk add cases.jsonl``, stored without analysis, as when a corpus is analysed on
other machines and gathered on one desk); their reports/s then measure the store alone
(writes, full-text index, story assignment), and their ``input`` says so.

The corpus is ``benchmarks/corpus.py`` (``--n`` reports of seed ``--seed``). PostgreSQL:
``--postgres URL`` (an admin URL on which a scratch database can be created), else
``$STORYDESK_TEST_POSTGRES``; without one, only SQLite is measured. Results go to
``benchmarks/results/store.json``.

    python benchmarks/store_bench.py --n 10000 --jobs 2
    python benchmarks/store_bench.py --n 200 --backends sqlite --json /tmp/store.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results" / "store.json"
sys.path.insert(0, str(HERE))

from corpus import generate, write_jsonl  # noqa: E402
from storydesk.store import Desk  # noqa: E402
from storydesk.store import tables as t  # noqa: E402
from storydesk.store.engine import resolve_url  # noqa: E402


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _latency(calls: Sequence[Callable[[], object]]) -> dict[str, float]:
    calls[0]()  # warm-up: caches, the first connection
    times: list[float] = []
    found = 0
    for call in calls:
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
        found += bool(result)
    return {
        "queries": len(calls),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(_percentile(times, 0.95), 2),
        "max_ms": round(max(times), 2),
        "share_with_results": round(found / len(calls), 3),
    }


def _queries(desk: Desk, count: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    with desk.engine.connect() as connection:
        titles = [title for title in connection.scalars(select(t.articles.c.title).order_by(t.articles.c.id)) if title]
        names = list(
            connection.scalars(
                select(t.people.c.name).where(t.people.c.named.is_(True)).order_by(t.people.c.article_id)
            )
        )
    searches = []
    for index in range(count):
        words = [w.strip(".,:;'\"") for w in rng.choice(titles).split() if len(w) > 3]
        start = rng.randrange(max(1, len(words) - 1))
        pair = " ".join(words[start : start + 2])
        searches.append(f'"{pair}"' if index % 2 else pair)
    lookups = []
    for index in range(count):
        name = rng.choice(names)
        lookups.append(name if index % 2 else name.split()[-1])
    return searches, lookups


def _size(url: str) -> int:
    parsed = resolve_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        return Path(parsed.database or "").stat().st_size
    engine = create_engine(parsed)
    with engine.connect() as connection:
        size = int(connection.scalar(select(func.pg_database_size(parsed.database))) or 0)
    engine.dispose()
    return size


def _scratch_postgres(admin: str, name: str) -> str:
    url = make_url(admin).set(drivername="postgresql+psycopg")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name, drivername="postgresql").render_as_string(hide_password=False)


def measure(
    backend: str, db_url: str, corpus: Path, n: int, jobs: int, queries: int, seed: int, *, analysed: bool = False
) -> dict[str, object]:
    command = [sys.executable, "-m", "storydesk.cli", "add", str(corpus), "--jobs", str(jobs), "--quiet"]
    command += ["--db", db_url]
    print(f"[{backend}] {' '.join(command[2:])}", file=sys.stderr, flush=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    load_after = os.getloadavg()[0]
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
    with Desk.open(db_url) as desk:
        stored = desk.count()
        stories = len(desk.stories())
        searches, lookups = _queries(desk, queries, seed)
        search = _latency([lambda q=q: desk.search(q, limit=20) for q in searches])
        people = _latency([lambda q=q: desk.people(q, limit=50) for q in lookups])
        facts = desk.export("csv", open(os.devnull, "w"))  # noqa: SIM115 - a sink
    result = {
        "backend": backend,
        "input": "case files analysed by the first backend's run" if analysed else "reports (analysed in this run)",
        "load_average_before_after": [round(load_before, 1), round(load_after, 1)],
        "exit_code": done.returncode,
        "reports": n,
        "stored": stored,
        "stories": stories,
        "facts": facts,
        "jobs": jobs,
        "seconds": round(seconds, 1),
        "reports_per_second": round(n / seconds, 2),
        "database_mb": round(_size(db_url) / 1e6, 1),
        "search": search,
        "people": people,
    }
    print(json.dumps(result, indent=2), file=sys.stderr, flush=True)
    return result


def _write(path: Path, args: argparse.Namespace, words: int, results: list[dict[str, object]]) -> None:
    report = {
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {"generator": "benchmarks/corpus.py", "reports": args.n, "seed": args.seed, "words": words},
        "results": results,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default=os.environ.get("STORYDESK_TEST_POSTGRES"))
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--analyse-once", action="store_true", help="later backends load the first one's case files")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="storydesk-bench-") as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            write_jsonl(generate(args.n, args.seed), out)
        words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
        given, analysed = corpus, False
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = str(Path(scratch) / "desk.db")
            elif backend == "postgresql" and args.postgres:
                url = _scratch_postgres(args.postgres, "storydesk_bench")
            else:
                print(f"skipping {backend}: no server URL (--postgres)", file=sys.stderr)
                continue
            results.append(measure(backend, url, given, args.n, args.jobs, args.queries, args.seed, analysed=analysed))
            _write(args.json, args, words, results)  # after each backend: a long run keeps what it measured
            if args.analyse_once and not analysed:
                given, analysed = Path(scratch) / "cases.jsonl", True
                with Desk.open(url) as desk, given.open("w", encoding="utf-8") as out:
                    desk.export("jsonl", out)
    print(f"wrote {args.json}", file=sys.stderr)
    return 0 if all(r["exit_code"] == 0 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""A bounded loopback load on `storydesk serve`: latency percentiles and errors.

A real server (``storydesk serve`` under uvicorn, in its own process, on 127.0.0.1 at a free
port) is given a desk of the project's fictional stories (``tests/desk_fixture.py``, added
through ``POST /api/reports``). Then ``--clients`` concurrent clients (httpx, one connection
each, keep-alive) request, one after another for ``--seconds``, in turn:

- ``story``: the story page, ``GET /stories/{id}`` (HTML: reconciled story, cast, timeline);
- ``search``: the search API, ``GET /api/search?q=...`` (full-text search on the desk).

Every response must be 200 with a body; anything else (a status, a timeout, a refused or
reset connection) is an error. The goal is zero errors. Latency is wall time per request as
the client sees it, in milliseconds; p50/p95/p99 per endpoint and overall.

Usage::

    python benchmarks/load.py                      # 50 clients, 30 s
    python benchmarks/load.py --clients 10 --seconds 5 --json /tmp/load.json

Results go to ``benchmarks/results/load.json`` unless ``--json`` says otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the fictional desk and the server harness live with the tests

from desk_fixture import STORY_REPORTS  # noqa: E402
from live_server import live_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "load.json"
SEARCHES = ["Reddaway", "quayside", '"old library"', "court", "petition", "Munro", "council", "hospital"]
REQUEST_TIMEOUT_S = 30.0


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def client(number: int, base: str, story_ids: list[str], until: float, tally: Tally) -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT_S) as http:
        turn = number
        while time.monotonic() < until:
            if turn % 2 == 0:
                endpoint, path, params = "story", f"/stories/{story_ids[turn % len(story_ids)]}", None
            else:
                endpoint, path, params = "search", "/api/search", {"q": SEARCHES[turn % len(SEARCHES)]}
            turn += 1
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200 or not response.content:
                    tally.errors[f"{endpoint}: HTTP {response.status_code}"] += 1
                    continue
            except httpx.HTTPError as exc:
                tally.errors[f"{endpoint}: {type(exc).__name__}"] += 1
                continue
            tally.latencies[endpoint].append(elapsed)


def summary(values: list[float], seconds: float) -> dict[str, float]:
    return {
        "requests": len(values),
        "per_second": round(len(values) / seconds, 1),
        "p50_ms": round(percentile(values, 0.50), 1),
        "p95_ms": round(percentile(values, 0.95), 1),
        "p99_ms": round(percentile(values, 0.99), 1),
        "max_ms": round(max(values, default=0.0), 1),
        "mean_ms": round(statistics.fmean(values), 1) if values else 0.0,
    }


async def drive(base: str, clients: int, seconds: float) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=300) as http:
        added = await http.post("/api/reports", json={"reports": STORY_REPORTS})
        added.raise_for_status()
        stories = (await http.get("/api/stories")).json()
        # Warm the pages once, so start-up work is not counted as load.
        for story in stories:
            (await http.get(f"/stories/{story['id']}")).raise_for_status()
    story_ids = [s["id"] for s in stories]
    tally = Tally()
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(client(n, base, story_ids, until, tally) for n in range(clients)))
    wall = time.monotonic() - started
    everything = [v for values in tally.latencies.values() for v in values]
    return {
        "stories": len(story_ids),
        "reports": len(STORY_REPORTS),
        "wall_seconds": round(wall, 2),
        "endpoints": {name: summary(values, wall) for name, values in sorted(tally.latencies.items())},
        "overall": summary(everything, wall),
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
    }


def run(clients: int = 50, seconds: float = 30.0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder, live_server("--db", str(Path(folder) / "desk.db")) as base:
        measured = asyncio.run(drive(base, clients, seconds))
    return {
        "benchmark": "load",
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "clients": clients,
        "seconds": seconds,
        "server": "storydesk serve (uvicorn, one process) on 127.0.0.1, SQLite desk",
        **measured,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    result = run(args.clients, args.seconds)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    overall = result["overall"]
    print(
        f"{args.clients} clients, {result['wall_seconds']} s: {overall['requests']} requests "
        f"({overall['per_second']}/s), p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms, "
        f"p99 {overall['p99_ms']} ms, errors {result['errors']}"
    )
    for name, figures in result["endpoints"].items():
        print(f"  {name}: {figures}")
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed and memory of storydesk's analysis, side by side with bare spaCy parsing.

Both sides run over the same generated corpus (``benchmarks/corpus.py``, default 200 reports
of 300 to 1,500 words), each in its own fresh Python process so that peak memory
(``resource.getrusage(...).ru_maxrss``) belongs to one side only:

- ``spacy``: ``storydesk.nlp.load()(text)`` over the cleaned texts (cleaning is done before
  the clock starts) - the floor any spaCy-based analysis stands on;
- ``analyze``: ``storydesk.analyze(text, published=..., title=..., outlet=..., url=...)``,
  the whole library path: cleaning, parsing, extraction and building the case file.

Start-up is reported apart from throughput, in two parts: importing storydesk (spaCy,
pydantic, the extractors) and loading the model (``nlp.load()`` plus one warm-up call on a
short text). CPU time of the timed loop is reported next to wall time: on a shared machine
the CPU figure is the steadier one, and ``--rounds`` keeps each side's fastest round.
Throughput is reports/s and words/s over the timed loop; the ratio says how many times
longer ``analyze`` takes than parsing alone.

Usage::

    python benchmarks/speed.py                  # 200 reports, seed 0
    python benchmarks/speed.py --n 500 --seed 1 --json /tmp/speed.json

Results go to ``benchmarks/results/speed.json`` unless ``--json`` says otherwise. Nothing is
downloaded; the spaCy model must be installed (see ``storydesk.nlp``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_JSON = HERE / "results" / "speed.json"
WARM_UP_TEXT = "Det Insp Helen Carraway, of North Downs Police, said: 'We're grateful.'"

Side = Literal["spacy", "analyze"]
SIDES: tuple[Side, ...] = ("spacy", "analyze")


@dataclass(frozen=True)
class SideResult:
    """What one worker process measured."""

    side: str
    reports: int
    words: int
    characters: int
    import_seconds: float
    load_seconds: float
    seconds: float
    cpu_seconds: float
    reports_per_second: float
    words_per_second: float
    median_ms: float
    p95_ms: float
    rss_after_load_mb: float
    peak_rss_mb: float


def _max_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --------------------------------------------------------------------------------------
# Worker: runs in its own process, prints one JSON object on stdout
# --------------------------------------------------------------------------------------


def _load_spacy() -> Callable[[str, dt.date, str, str, str], object]:
    from storydesk import nlp

    parse = nlp.load()

    def run(text: str, _published: dt.date, _title: str, _outlet: str, _url: str) -> object:
        return parse(text)

    return run


def _load_analyze() -> Callable[[str, dt.date, str, str, str], object]:
    import storydesk

    analyze = storydesk.analyze

    def run(text: str, published: dt.date, title: str, outlet: str, url: str) -> object:
        return analyze(text, published=published, title=title, outlet=outlet, url=url)

    return run


def run_worker(side: Side, n: int, seed: int) -> SideResult:
    """Import storydesk, generate the corpus, load the pipeline, then time one pass."""
    started = time.perf_counter()
    importlib.import_module("storydesk")  # spaCy, pydantic, the extractors
    import_seconds = time.perf_counter() - started

    from corpus import generate  # benchmarks/ is on sys.path when this file runs as a script
    from storydesk.clean import clean_text

    reports = list(generate(n, seed))
    if side == "spacy":
        # Bare parsing gets the text analyze would parse: cleaned, and cleaned off the clock.
        texts = [clean_text(report.text).text for report in reports]
    else:
        texts = [report.text for report in reports]

    started = time.perf_counter()
    run = _load_spacy() if side == "spacy" else _load_analyze()
    run(WARM_UP_TEXT, dt.date(2024, 3, 19), "", "", "")
    load_seconds = time.perf_counter() - started
    rss_after_load = _max_rss_mb()

    timings: list[float] = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    for report, text in zip(reports, texts, strict=True):
        one = time.perf_counter()
        run(text, report.published, report.title, report.outlet, report.url)
        timings.append(time.perf_counter() - one)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started

    words = sum(len(text.split()) for text in texts)
    return SideResult(
        side=side,
        reports=len(reports),
        words=words,
        characters=sum(len(text) for text in texts),
        import_seconds=round(import_seconds, 3),
        load_seconds=round(load_seconds, 3),
        seconds=round(seconds, 3),
        cpu_seconds=round(cpu_seconds, 3),
        reports_per_second=round(len(reports) / seconds, 2) if seconds else 0.0,
        words_per_second=round(words / seconds) if seconds else 0.0,
        median_ms=round(statistics.median(timings) * 1000, 1) if timings else 0.0,
        p95_ms=round(_percentile(timings, 0.95) * 1000, 1) if timings else 0.0,
        rss_after_load_mb=round(rss_after_load, 1),
        peak_rss_mb=round(_max_rss_mb(), 1),
    )


# --------------------------------------------------------------------------------------
# Parent: one subprocess per side, then the comparison
# --------------------------------------------------------------------------------------


def _measure(side: Side, n: int, seed: int) -> SideResult | str:
    """Run one side in a fresh interpreter; return its result or the reason it failed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(part for part in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if part)
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", side]
    command += ["--n", str(n), "--seed", str(seed)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-5:]
        return f"{side} worker exited with {done.returncode}: " + " | ".join(tail)
    return SideResult(**json.loads(done.stdout.strip().splitlines()[-1]))


def _run_rounds(n: int, seed: int, rounds: int) -> dict[str, SideResult | str]:
    """Alternate the sides so that neither always runs on the quieter half of the machine."""
    best: dict[str, SideResult | str] = {}
    for round_number in range(rounds):
        order = SIDES if round_number % 2 == 0 else SIDES[::-1]
        for side in order:
            print(f"round {round_number + 1}: measuring {side}...", file=sys.stderr, flush=True)
            result = _measure(side, n, seed)
            previous = best.get(side)
            if isinstance(result, str):
                best.setdefault(side, result)
            elif not isinstance(previous, SideResult) or result.seconds < previous.seconds:
                # Keep the fastest round, but the highest memory peak seen in any round.
                peak = max(result.peak_rss_mb, previous.peak_rss_mb if previous else 0.0)
                best[side] = replace(result, peak_rss_mb=peak)
            else:
                best[side] = replace(previous, peak_rss_mb=max(previous.peak_rss_mb, result.peak_rss_mb))
    return {side: best[side] for side in SIDES}


def _environment() -> dict[str, str]:
    info = {"python": platform.python_version(), "platform": platform.platform()}
    try:
        import spacy

        info["spacy"] = spacy.__version__
    except ImportError:
        info["spacy"] = "not installed"
    try:
        sys.path.insert(0, str(ROOT / "src"))
        from storydesk import nlp

        info["model"] = f"{nlp.MODEL_DISTRIBUTION} {nlp.MODEL_VERSION}"
    except ImportError as exc:
        info["model"] = f"unknown ({exc})"
    return info


def _print_table(results: dict[str, SideResult | str], ratios: dict[str, float | None]) -> None:
    rows = [
        ("reports/s", "reports_per_second", "{:,.2f}"),
        ("words/s", "words_per_second", "{:,.0f}"),
        ("median ms/report", "median_ms", "{:,.1f}"),
        ("p95 ms/report", "p95_ms", "{:,.1f}"),
        ("timed seconds", "seconds", "{:,.2f}"),
        ("CPU seconds", "cpu_seconds", "{:,.2f}"),
        ("import seconds", "import_seconds", "{:,.2f}"),
        ("model load seconds", "load_seconds", "{:,.2f}"),
        ("RSS after load MB", "rss_after_load_mb", "{:,.0f}"),
        ("peak RSS MB", "peak_rss_mb", "{:,.0f}"),
    ]
    print(f"{'':20}{'spaCy parse':>16}{'analyze':>16}")
    for label, key, form in rows:
        cells = []
        for side in SIDES:
            result = results[side]
            cells.append(form.format(getattr(result, key)) if isinstance(result, SideResult) else "-")
        print(f"{label:20}{cells[0]:>16}{cells[1]:>16}")
    for side in SIDES:
        result = results[side]
        if isinstance(result, str):
            print(f"{side}: FAILED: {result}")
    if ratios["wall"] is not None and ratios["cpu"] is not None:
        print(
            f"analyze takes {ratios['wall']:.2f}x the wall time and {ratios['cpu']:.2f}x the CPU time of bare parsing"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="storydesk speed and memory benchmark")
    parser.add_argument("--n", type=int, default=200, help="number of reports (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"results file ({DEFAULT_JSON})")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run each side this many times, alternating, and keep each side's fastest round "
        "(use 2 or more on a busy machine; default 1)",
    )
    parser.add_argument("--worker", choices=SIDES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    if args.worker:
        print(json.dumps(asdict(run_worker(args.worker, args.n, args.seed))))
        return 0

    print(
        f"corpus: {args.n} generated reports, seed {args.seed}; one process per side, {args.rounds} round(s)",
        flush=True,
    )
    load_before = os.getloadavg()[0]
    results = _run_rounds(args.n, args.seed, args.rounds)
    bare, full = results["spacy"], results["analyze"]
    ratios: dict[str, float | None] = {"wall": None, "cpu": None}
    if isinstance(bare, SideResult) and isinstance(full, SideResult):
        ratios["wall"] = round(full.seconds / bare.seconds, 2) if bare.seconds else None
        ratios["cpu"] = round(full.cpu_seconds / bare.cpu_seconds, 2) if bare.cpu_seconds else None
    _print_table(results, ratios)

    record = {
        "benchmark": "speed",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "corpus": {"generator": "benchmarks/corpus.py", "n": args.n, "seed": args.seed},
        "rounds": args.rounds,
        "environment": {
            **_environment(),
            "cpus": str(os.cpu_count()),
            "load_average_before": f"{load_before:.2f}",
            "load_average_after": f"{os.getloadavg()[0]:.2f}",
        },
        "results": {
            side: asdict(result) if isinstance(result, SideResult) else {"error": result}
            for side, result in results.items()
        },
        "analyze_time_ratio": ratios["wall"],
        "analyze_cpu_time_ratio": ratios["cpu"],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0 if all(isinstance(result, SideResult) for result in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

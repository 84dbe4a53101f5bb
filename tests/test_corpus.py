"""The benchmark corpus generator: deterministic, within its length bounds, unique ids."""

from __future__ import annotations

import importlib.util
import json
import sys
from io import StringIO
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CORPUS_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"


def _load_corpus() -> ModuleType:
    # benchmarks/ is not a package; load the script by path.
    spec = importlib.util.spec_from_file_location("storydesk_bench_corpus", CORPUS_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus()


@pytest.fixture(scope="module")
def reports() -> list[Any]:
    return list(corpus.generate(300, seed=7))


def test_same_seed_gives_the_same_reports() -> None:
    assert list(corpus.generate(40, seed=3)) == list(corpus.generate(40, seed=3))


def test_different_seeds_give_different_reports() -> None:
    first = [r.text for r in corpus.generate(20, seed=1)]
    second = [r.text for r in corpus.generate(20, seed=2)]
    assert not set(first) & set(second)


def test_a_shorter_run_is_a_prefix_of_a_longer_one() -> None:
    assert list(corpus.generate(10, seed=5)) == list(corpus.generate(30, seed=5))[:10]


def test_lengths_are_within_bounds(reports: list[Any]) -> None:
    lengths = [len(r.text.split()) for r in reports]
    assert min(lengths) >= corpus.MIN_WORDS == 300
    assert max(lengths) <= corpus.MAX_WORDS == 1500
    # Lengths spread over the range rather than piling up at one end.
    assert min(lengths) < 450 and max(lengths) > 1300


def test_ids_and_urls_are_unique(reports: list[Any]) -> None:
    assert len({r.id for r in reports}) == len(reports)
    assert len({r.url for r in reports}) == len(reports)
    assert all(r.url.startswith("https://") and ".example.com/" in r.url for r in reports)


def test_every_beat_appears_and_texts_differ(reports: list[Any]) -> None:
    assert {r.beat for r in reports} == set(corpus.BEATS)
    assert len({r.text for r in reports}) == len(reports)


def test_text_shape(reports: list[Any]) -> None:
    for report in reports:
        text = report.text
        assert "{" not in text and "}" not in text, "an unfilled template slot"
        assert "\n\n" in text and "\n\n\n" not in text
        assert all(p == p.strip() and p for p in text.split("\n\n"))
        assert "'" in text  # quotations use single marks, British style


def test_jsonl_records() -> None:
    out = StringIO()
    assert corpus.write_jsonl(corpus.generate(3, seed=0), out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {"id", "title", "outlet", "url", "published", "text"} <= set(records[0])
    assert records[0]["published"][:2] == "20"

"""Quality gate: numbers on the first ten fictional gold reports must not get worse.

Measured when the gate was set (benchmarks/numbers_gold.py --limit 10): value P 0.727 R 0.918;
value+qualifier P 0.714 R 0.902; value+qualifier+counts P 0.558 R 0.705. Floors are those
minus 0.02. Raise a floor when the extractor improves; never lower one without saying why.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

SAMPLE, MARGIN = 10, 0.02
FLOORS = {
    ("value", "precision"): 0.727 - MARGIN,
    ("value", "recall"): 0.918 - MARGIN,
    ("value+qualifier", "precision"): 0.714 - MARGIN,
    ("value+qualifier", "recall"): 0.902 - MARGIN,
    ("value+qualifier+counts", "precision"): 0.558 - MARGIN,
    ("value+qualifier+counts", "recall"): 0.705 - MARGIN,
}


@pytest.mark.slow
def test_gold_numbers_sample_stays_above_floor() -> None:
    import numbers_gold

    results = numbers_gold.run_gold(SAMPLE)
    scores = {level: tally.scores() for level, tally in results.levels.items()}
    for (level, metric), floor in FLOORS.items():
        assert scores[level][metric] >= floor, f"{level} {metric} {scores[level][metric]} < {floor}"

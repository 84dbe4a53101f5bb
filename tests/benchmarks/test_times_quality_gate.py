"""Quality gate: the TempEval-3 value F1 of storydesk's time layer must not fall.

Runs the scorer of ``benchmarks/times_tempeval.py`` on a fixed, evenly spread sample of 15
documents (``load(limit=15)``: TimeBank and AQUAINT, sorted by corpus and id). Measured when
the floor was set: value F1 0.793, relaxed detection F1 0.912 (108 gold expressions). The
floors sit about 0.03 below, so only a real regression fails. Raise them when the layer
improves; never lower them silently.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
VALUE_F1_FLOOR = 0.76
RELAXED_F1_FLOOR = 0.88


def _scorer() -> ModuleType:
    path = ROOT / "benchmarks" / "times_tempeval.py"
    spec = importlib.util.spec_from_file_location("times_tempeval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["times_tempeval"] = module
    spec.loader.exec_module(module)
    return module


def test_tempeval_sample_value_f1() -> None:
    scorer = _scorer()
    if not scorer.DATA.exists():
        if os.environ.get("CI"):
            raise AssertionError(f"{scorer.DATA} is required under CI")
        pytest.skip("TempEval-3 data not available")
    docs = scorer.load(limit=15)
    assert len(docs) == 15
    scores = scorer.run_storydesk(docs).counts.scores()
    assert scores["value_f1"] >= VALUE_F1_FLOOR, scores
    assert scores["relaxed_f1"] >= RELAXED_F1_FLOOR, scores

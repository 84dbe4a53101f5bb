"""A short run of benchmarks/load.py: a real server under concurrent clients answers every request."""

from __future__ import annotations

import pytest

from load import run

pytestmark = pytest.mark.slow


def test_short_load_has_no_errors() -> None:
    result = run(clients=20, seconds=3)
    assert result["errors"] == 0, result["error_kinds"]
    assert set(result["endpoints"]) == {"search", "story"}
    assert result["overall"]["requests"] > 20
    assert result["overall"]["p50_ms"] <= result["overall"]["p95_ms"] <= result["overall"]["p99_ms"]

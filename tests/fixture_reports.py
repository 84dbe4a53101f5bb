"""The fictional reports written for the web and API tests (tests/fixtures/reports)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reports"


def report(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")

"""Whole-case-file invariants: every item has evidence that matches the cleaned text."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydesk import analyze
from storydesk.model import CaseFile, Evidence

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "benchmarks" / "gold" / "reports").glob("*.txt"))[::7]


def all_evidence(case: CaseFile) -> list[Evidence]:
    found: list[Evidence] = []
    for group in (case.people, case.organisations, case.places, case.things):
        for item in group:
            found += [m.evidence for m in item.mentions]
    found += [t.evidence for t in case.times] + [f.evidence for f in case.facts]
    found += [q.evidence for q in case.quotes] + [t.evidence for t in case.quoted_terms]
    found += [e.evidence for e in case.events] + [n.evidence for n in case.numbers]
    return found


@pytest.mark.parametrize("path", [ROOT / "examples" / "report.txt", *GOLD], ids=lambda p: p.name)
def test_every_item_has_evidence_in_the_text(path: Path) -> None:
    case = analyze(path.read_text("utf-8"), published="2024-03-19")
    evidence = all_evidence(case)
    assert evidence
    for ev in evidence:
        assert ev.article_id == case.article.id
        assert case.article.text[ev.start : ev.end] == ev.text


def test_deterministic_and_serialisable() -> None:
    text = (ROOT / "examples" / "report.txt").read_text("utf-8")
    first = analyze(text, published="2024-03-19")
    second = analyze(text, published="2024-03-19")
    assert first.model_dump_json() == second.model_dump_json()
    assert CaseFile.model_validate_json(first.model_dump_json()) == first


def test_without_publication_date_relative_times_stay_unresolved() -> None:
    case = analyze((ROOT / "examples" / "report.txt").read_text("utf-8"))
    assert case.warnings
    relative = [t for t in case.times if t.evidence.text.lower() in {"yesterday", "last week", "on sunday"}]
    assert relative and all(not t.resolved for t in relative)

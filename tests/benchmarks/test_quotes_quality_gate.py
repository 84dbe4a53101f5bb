"""Quality gate: quote extraction on a fixed PolNeAR sample and on the fictional gold reports
must not get worse.

PolNeAR floors are the scores measured on the first 20 PolNeAR dev documents (fallback
cast: spaCy entities) when the gate was last raised, minus a margin of 0.02:
storydesk/all F1@0.3 = 0.597, storydesk/direct F1@0.3 = 0.772 and F1@0.8 = 0.719,
storydesk/direct_fair F1@0.3 = 0.802, speaker accuracy (all) = 0.901.
Fictional gold floors (all 50 reports in ``benchmarks/gold/reports``, cast from
``storydesk.analyze``) are the measured scores minus the same margin: F1 = 0.922, speaker
accuracy = 0.910.
Raise a floor when the extractor improves; never lower one without saying why in the commit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

SAMPLE = 20
MARGIN = 0.02
FLOORS = {
    ("storydesk/all", "f1@0.3"): 0.597 - MARGIN,
    ("storydesk/direct", "f1@0.3"): 0.772 - MARGIN,
    ("storydesk/direct", "f1@0.8"): 0.719 - MARGIN,
    ("storydesk/direct_fair", "f1@0.3"): 0.802 - MARGIN,
    ("storydesk/all", "speaker_accuracy"): 0.901 - MARGIN,
}
GOLD_FLOORS = {"f1": 0.922 - MARGIN, "speaker_accuracy": 0.910 - MARGIN}


@pytest.mark.slow
def test_polnear_sample_stays_above_floor() -> None:
    import quotes_polnear

    if not quotes_polnear.DATA.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{quotes_polnear.DATA} is missing and CI=true: the gate must run")
        pytest.skip(f"{quotes_polnear.DATA} not present")
    result = quotes_polnear.run(SAMPLE, cast="fallback")
    scores = {name: tally.scores() for name, tally in result.tallies.items()}
    for (system, metric), floor in FLOORS.items():
        assert scores[system][metric] >= floor, f"{system} {metric} {scores[system][metric]} < {floor}"
    # storydesk must beat textacy's direct_quotations on the same texts
    assert scores["storydesk/direct"]["f1@0.3"] > scores["textacy/direct"]["f1@0.3"]
    assert scores["storydesk/direct_fair"]["f1@0.3"] > scores["textacy/direct_fair"]["f1@0.3"]


@pytest.mark.slow
def test_fictional_gold_stays_above_floor() -> None:
    import quotes_gold

    paths = sorted(quotes_gold.REPORTS.glob("*.gold.json"))
    assert len(paths) >= 40, "the fictional gold set is missing reports"
    totals, by_kind, cast_source = quotes_gold.evaluate(paths, cast="auto", misses=[])
    result = quotes_gold.summary(totals, by_kind, len(paths), cast_source)
    for metric, floor in GOLD_FLOORS.items():
        value = result[metric]
        assert isinstance(value, float) and value >= floor, f"fictional gold {metric} {value} < {floor}"


def test_gold_speaker_scoring_of_groups_and_unnamed_people() -> None:
    import quotes_gold
    from storydesk.model import Evidence, Quote

    def quote(speaker_text: str, speaker_id: str | None = None) -> Quote:
        ev = Evidence(article_id="a", start=0, end=4, text="text")
        return Quote(id="q1", kind="direct", evidence=ev, speaker_id=speaker_id, speaker_text=speaker_text)

    family = quotes_gold.GoldQuote("family of Ivy Roe", "text", "direct")
    ok = quotes_gold._speaker_ok
    # a determiner or a possessor before the group word names the same group
    assert ok(quote("Her family"), family, {}, {}, set())
    assert ok(quote("Ms Roe’s family"), family, {}, {}, set())
    assert not ok(quote("a family friend"), family, {}, {}, set())
    assert not ok(quote("Her family", "p1"), family, {}, {}, set())
    # 'she' resolved to the unnamed person 'one cleaner' counts by that person's name
    cleaner = quotes_gold.GoldQuote("One cleaner", "text", "direct")
    names = {"p3": {"one cleaner"}, "p4": {"ivy roe"}}
    assert ok(quote("she", "p3"), cleaner, {}, names, {"p3"})
    assert not ok(quote("she", "p4"), cleaner, {}, names, {"p3"})

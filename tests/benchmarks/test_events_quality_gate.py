"""Quality gate: event and fate extraction on the first 10 gold reports must not fall.

Runs the scorer of ``benchmarks/events_gold.py`` (events matched by type + overlapping
participants by name) on the first 10 reports of benchmarks/gold/reports (sorted by name).
Measured when the floors were set (issue 6, second pass): event F1 0.761 (75 tp / 31 fp /
16 fn), patient F1 on matched events 0.870, fate (what) F1 0.561. The floors sit about 0.02-0.03
below, so only a real regression fails. Raise them when the layer improves; never lower them silently.
"""

from __future__ import annotations

import events_gold

EVENT_F1_FLOOR = 0.73
PATIENT_F1_FLOOR = 0.85
FATE_F1_FLOOR = 0.53


def test_gold_sample_event_scores() -> None:
    files = sorted(events_gold.GOLD_DIR.glob("*.gold.json"))[:10]
    assert len(files) == 10
    results = events_gold.run(files)
    events = results.events.scores()
    assert events["f1"] >= EVENT_F1_FLOOR, events
    assert results.args["patient"].scores()["f1"] >= PATIENT_F1_FLOOR, results.args["patient"].scores()
    assert results.fates.scores()["f1"] >= FATE_F1_FLOOR, results.fates.scores()

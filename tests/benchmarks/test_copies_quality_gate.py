"""Quality gate: copy detection and wire origins on the gold stories must not fall.

Runs ``benchmarks/copies_gold.py`` on the 65 gold-story reports, their synthetic copies, and
a 300-report corpus scale check. Measured when the floors were set: gold pairwise F1 1.00
(9 copy pairs of 2,080), wire accuracy 1.00 (65 reports, 16 credited), synthetic pairwise
F1 0.99 (excerpt recall 0.96, every other kind 1.00; changes exactly right 1.00); at 2,100
corpus reports candidates 0.15% of all pairs, F1 0.98. Floors sit below those, so only a real
regression fails. Raise them when detection improves; never lower them silently.
"""

from __future__ import annotations

import copies_gold

GOLD_F1_FLOOR = 0.95
WIRE_ACCURACY_FLOOR = 0.95
SYNTHETIC_F1_FLOOR = 0.95
CHANGES_EXACT_FLOOR = 0.9
SCALE_CANDIDATE_SHARE_CEILING = 0.01
SCALE_F1_FLOOR = 0.85


def test_copies_gold_and_scale() -> None:
    result = copies_gold.run(scale=300)
    gold = result["gold"]
    assert gold["reports"] == 65 and gold["pairwise"]["gold"] == 9, gold
    assert gold["pairwise"]["f1"] >= GOLD_F1_FLOOR, gold
    assert gold["wire_accuracy"] >= WIRE_ACCURACY_FLOOR, gold["wire_wrong"]
    assert gold["family_origin_accuracy"] >= WIRE_ACCURACY_FLOOR, gold["family_origins"]
    synthetic = result["synthetic"]
    assert synthetic["pairwise"]["f1"] >= SYNTHETIC_F1_FLOOR, synthetic
    assert synthetic["changes_exact"] >= CHANGES_EXACT_FLOOR, synthetic
    scale = result["scale"]
    assert scale["candidates_share_of_all_pairs"] <= SCALE_CANDIDATE_SHARE_CEILING, scale
    assert scale["pairwise"]["f1"] >= SCALE_F1_FLOOR, scale

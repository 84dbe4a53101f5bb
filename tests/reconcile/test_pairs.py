"""Pair scores computed all at once as matrices (reconcile/pairs.py, what the desk uses) must be
the scores computed one pair at a time (Assigner._score, what the library uses)."""

from __future__ import annotations

import reconcile_stories
from storydesk.reconcile.assign import Assigner
from storydesk.reconcile.features import features

# Two stories of like kind (a stabbing, a pub killing) and two others: 26 fictional reports.
SAMPLE = [
    "01-shrewsbury-riverside-stabbing",
    "02-grantham-pub-killing-trial",
    "03-elkins-flash-flood",
    "04-brackenbury-foods-takeover",
]


def test_matrix_scores_are_the_pair_by_pair_scores() -> None:
    reports = [r.case for story in reconcile_stories.load(only=SAMPLE) for r in story.reports]
    one_by_one, at_once = Assigner(), Assigner()
    for case in reports:
        one_by_one.index.add(features(case))
        at_once.index.add(features(case))
    ids = sorted(one_by_one.index.features)
    at_once.prime(ids)
    primed = dict(at_once._pairs)
    expected = {
        (a, b): one_by_one._score(a, b) for a in ids for b in ids if a < b and one_by_one.index.is_candidate(a, b)
    }
    assert len(expected) > 50  # the stories share places, words and months: many candidate pairs
    assert primed.keys() == expected.keys()
    assert max(abs(primed[pair] - expected[pair]) for pair in expected) <= 2e-9
    # And so the same stories.
    assert at_once.stories() == one_by_one.stories()

"""What story assignment keeps per article: its blocking keys and its features, as rows.

Computed from the case file where it was analysed (in the worker processes), written with
the article in one transaction. The keys are exactly those the reconciler's
:class:`~storydesk.reconcile.index.CandidateIndex` blocks on (the report's names, places,
organisations and months, and its most frequent content words), so candidates read from
``story_keys`` are the candidates the library would find in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from storydesk.model import CaseFile
from storydesk.reconcile.features import FEATURES_VERSION, Features, features
from storydesk.reconcile.index import CandidateIndex


def index_keys(found: Features) -> frozenset[str]:
    """The blocking keys the candidate index gives these features."""
    index = CandidateIndex()
    index.add(found)
    return index.keys(found.article_id)


def features_json(found: Features) -> str:
    return json.dumps(
        {"version": FEATURES_VERSION, "terms": dict(sorted(found.terms.items())), "keys": sorted(found.keys)},
        ensure_ascii=False,
        sort_keys=True,
    )


def features_from_json(article_id: str, published: dt.date | None, body: str) -> Features | None:
    """The stored features, or None when an older storydesk computed them (recompute them
    from the case file: :func:`storydesk.store.stories.features`)."""
    data = json.loads(body)
    if data.get("version", 1) != FEATURES_VERSION:
        return None
    return Features(
        article_id=article_id,
        published=published,
        terms=Counter({str(k): int(v) for k, v in data["terms"].items()}),
        keys=frozenset(str(k) for k in data["keys"]),
    )


def story_index_rows(case: CaseFile) -> tuple[list[dict[str, object]], dict[str, object]]:
    """``story_keys`` rows and the ``story_features`` row of one case file."""
    found = features(case)
    article_id = case.article.id
    published = case.article.published
    keys: list[dict[str, object]] = [
        {"key": key, "article_id": article_id, "published": published} for key in sorted(index_keys(found))
    ]
    return keys, {"article_id": article_id, "published": published, "body": features_json(found)}

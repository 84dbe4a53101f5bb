"""The candidate index: which stored reports a new report could share a story with.

Story assignment never compares a report with every stored report. The index keeps, for
each blocking key (a folded surname, place or organisation, or one of the report's most
frequent content words), the reports that carry it; a report's candidates are the reports
sharing a key with it and published within the time window. A key carried by more than
``max_block`` reports (``o:police``) proposes no candidates: it says nothing about the story.

Candidacy is symmetric and depends only on the two reports and the final key counts, so the
candidate graph is the same whatever order reports arrived in.

Detail keys (years, days, numbers, event participants, the lead's names: see
:mod:`~storydesk.reconcile.features`) are indexed for their weights but propose no
candidates: ``keys()`` (what ``story_keys`` stores) is the blocking keys only.

TF-IDF is the index's own small implementation (sublinear term frequency, smoothed IDF over
the reports indexed so far, cosine of L2-normalised vectors), so the library needs no
machine-learning dependency. A report has two vectors: its text (words and numerals) and
its lead (the ``^`` terms).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from storydesk.reconcile.features import DETAIL_PREFIXES, LEAD, Features


@dataclass(frozen=True)
class IndexConfig:
    window_days: int = 60
    max_block: int = 150


def is_blocking(key: str) -> bool:
    """A key the index looks candidates up by (not a detail key)."""
    return not key.startswith(DETAIL_PREFIXES)


@functools.lru_cache(maxsize=1 << 16)
def key_family(key: str) -> str:
    """``p:`` for ``p:felt``, ``s:p:`` for ``s:p:felt``."""
    head, _, rest = key.partition(":")
    if head == "s":
        return "s:" + rest.partition(":")[0] + ":"
    return head + ":"


def within_window(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


class CandidateIndex:
    """Blocking keys -> reports; document frequencies for TF-IDF."""

    def __init__(self, config: IndexConfig | None = None) -> None:
        self.config = config or IndexConfig()
        self.features: dict[str, Features] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[str, frozenset[str]] = {}
        self._blocking: dict[str, frozenset[str]] = {}
        self._df: Counter[str] = Counter()
        self._vectors: dict[str, dict[str, float]] = {}
        self._vectors_at = -1
        self._candidates: dict[str, frozenset[str]] = {}  # until the index next changes

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.features

    def __len__(self) -> int:
        return len(self.features)

    def add(self, features: Features) -> None:
        if features.article_id in self.features:
            return
        self.features[features.article_id] = features
        keys = features.keys | features.term_keys
        self._keys[features.article_id] = keys
        self._blocking[features.article_id] = frozenset(k for k in keys if is_blocking(k))
        for key in keys:
            self._postings[key].add(features.article_id)
        self._df.update(features.terms.keys())
        self._vectors_at = -1
        self._candidates.clear()

    def remove(self, article_id: str) -> None:
        features = self.features.pop(article_id, None)
        if features is None:
            return
        for key in self._keys.pop(article_id):
            self._postings[key].discard(article_id)
        del self._blocking[article_id]
        self._df.subtract(features.terms.keys())
        self._vectors_at = -1
        self._candidates.clear()

    def candidates(self, article_id: str) -> frozenset[str]:
        """Reports sharing a selective key with this one, within the time window."""
        cached = self._candidates.get(article_id)
        if cached is not None:
            return cached
        mine = self.features[article_id]
        found: set[str] = set()
        for key in self._blocking[article_id]:
            posting = self._postings[key]
            if len(posting) <= self.config.max_block:
                found |= posting
        found.discard(article_id)
        result = frozenset(
            other
            for other in found
            if within_window(mine.published, self.features[other].published, self.config.window_days)
        )
        self._candidates[article_id] = result
        return result

    def is_candidate(self, a: str, b: str) -> bool:
        """The pair test behind :meth:`candidates`, without building the candidate set."""
        if a == b or not within_window(self.features[a].published, self.features[b].published, self.config.window_days):
            return False
        return any(len(self._postings[k]) <= self.config.max_block for k in self._blocking[a] & self._blocking[b])

    @property
    def document_frequencies(self) -> Counter[str]:
        """Term -> how many indexed reports use it."""
        return self._df

    def posting_size(self, key: str) -> int:
        """How many indexed reports carry the key."""
        return len(self._postings.get(key, ()))

    def shared_keys(self, a: str, b: str) -> frozenset[str]:
        return self._keys[a] & self._keys[b]

    def key_weight(self, key: str) -> float:
        """IDF of a blocking key: a surname carried by two reports says more than a city."""
        return math.log((len(self.features) + 1) / (len(self._postings[key]) + 1)) + 1.0

    def keys(self, article_id: str) -> frozenset[str]:
        """The report's blocking keys (what ``story_keys`` stores)."""
        return self._blocking[article_id]

    def all_keys(self, article_id: str) -> frozenset[str]:
        """Blocking keys and detail keys (years, days, numbers, event participants)."""
        return self._keys[article_id]

    def _vector(self, article_id: str, lead: bool = False) -> dict[str, float]:
        if self._vectors_at != len(self.features):
            self._vectors = {}
            self._vectors_at = len(self.features)
        slot = (LEAD if lead else "") + article_id
        vector = self._vectors.get(slot)
        if vector is None:
            # Both vectors of the report in one pass over its terms.
            n = len(self.features)
            text: dict[str, float] = {}
            opening: dict[str, float] = {}
            df = self._df
            for term, count in sorted(self.features[article_id].terms.items()):
                weight = (1.0 + math.log(count)) * (math.log((n + 1) / (df[term] + 1)) + 1.0)
                (opening if term.startswith(LEAD) else text)[term] = weight
            for key, raw in ((article_id, text), (LEAD + article_id, opening)):
                norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
                self._vectors[key] = {term: v / norm for term, v in raw.items()}
            vector = self._vectors[slot]
        return vector

    def cosine(self, a: str, b: str, lead: bool = False) -> float:
        """TF-IDF cosine of the two texts, or of their leads (title and first lines)."""
        first, second = sorted((a, b))
        va, vb = self._vector(first, lead), self._vector(second, lead)
        if len(vb) < len(va):
            va, vb = vb, va
        # Only the shared terms are visited (the key intersection runs in C); fsum is exact, so
        # the result does not depend on the set's order.
        return math.fsum(va[term] * vb[term] for term in va.keys() & vb.keys())

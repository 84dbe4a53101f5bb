"""Copies: reports that reproduce another report's text (syndicated, mirrored, wire copy).

Two reports are copies of one text when most of the shorter one's word shingles appear in
the other (containment, so a trimmed copy, an excerpt, or the same body wrapped in an
outlet's boilerplate still counts; a new headline changes nothing, the headline is not
part of the body). Candidates come from an LSH index over MinHash band keys
(:mod:`storydesk.reconcile.sketch`): each added report is compared only with the stored
reports that share a band key with it, never with all of them. Copies count once when
facts are corroborated: five sites running one agency text are one source
(:mod:`storydesk.reconcile.provenance`).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from storydesk.model import Article, CaseFile
from storydesk.reconcile import sketch

Reports = Iterable[CaseFile | Article]
T = TypeVar("T")

# A pair is a copy when at least MIN_SHARE of one text's 5-word shingles are in the other, and
# they share at least MIN_SHARED shingles (so two three-line briefs never qualify on a stock
# phrase). Tuned with benchmarks/copies_gold.py: in the 65 gold-story reports (all 2,080 pairs)
# copies share 1.00 of one text, other pairs at most 0.074 (a police statement quoted by both);
# synthetic copies (trimmed, excerpted, edited, wrapped) at least 0.9; but independent reports
# of corpus.py's 10,000, built from shared sentence templates, reach 0.61. 0.75 sits between:
# pairwise F1 1.00 on the gold pairs (benchmarks/results/copies_gold.json).
MIN_SHARE = 0.75
MIN_SHARED = 12


@dataclass(frozen=True)
class CopyPair:
    """Two reports sharing one text. ``share_of_a``: the part of A's text found in B."""

    a: str
    b: str
    shared: int
    share_of_a: float
    share_of_b: float


def is_copy(found: sketch.Overlap) -> bool:
    return found.shared >= MIN_SHARED and found.larger_share >= MIN_SHARE


class _Memo:
    """A bounded per-process memo keyed by (article id, hash of the text): the text itself is
    not kept alive by the key. A desk rebuilds a story each time a report joins it, and the
    members' texts do not change, so their LSH keys and shingles are worth keeping."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._found: OrderedDict[tuple[str, int, int], object] = OrderedDict()

    def get(self, article_id: str, text: str, make: Callable[[str], T]) -> T:
        key = (article_id, len(text), hash(text))
        found = self._found.get(key)
        if found is None:
            found = make(text)
            self._found[key] = found
            if len(self._found) > self.size:
                self._found.popitem(last=False)
        else:
            self._found.move_to_end(key)
        return found  # type: ignore[return-value]


_KEYS = _Memo(16384)  # a few hundred bytes each
_SHINGLES = _Memo(256)  # ~100 kB each; needed only for texts that share a key with another


def _band_keys(text: str) -> tuple[int, ...]:
    return (*sketch.band_keys(sketch.shingles(text)), *sketch.lead_keys(text))


def _shingles(text: str) -> frozenset[str]:
    return frozenset(sketch.shingles(text))


class CopyIndex:
    """An in-memory LSH index: add texts one by one; each add returns the copies already held.

    ``candidates`` counts the verified comparisons (pairs that shared a band key), for the
    benchmarks' candidates-versus-all-pairs figure.
    """

    def __init__(self) -> None:
        self._buckets: dict[int, list[str]] = defaultdict(list)
        self._texts: dict[str, str] = {}
        self.candidates = 0

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._texts

    def add(self, article_id: str, text: str) -> list[CopyPair]:
        if article_id in self._texts:
            return []
        keys = _KEYS.get(article_id, text, _band_keys)
        seen: set[str] = set()
        for key in keys:
            seen.update(self._buckets.get(key, ()))
        self.candidates += len(seen)
        pairs = []
        if seen:
            found = _SHINGLES.get(article_id, text, _shingles)
            for other in sorted(seen):
                measured = sketch.overlap(found, _SHINGLES.get(other, self._texts[other], _shingles))
                if is_copy(measured):
                    pairs.append(CopyPair(article_id, other, measured.shared, measured.share_of_a, measured.share_of_b))
        for key in keys:
            self._buckets[key].append(article_id)
        self._texts[article_id] = text
        return pairs


def publication_order(reports: Reports) -> list[Article]:
    """The articles (of case files or articles), earliest first (undated first); on one day the
    longest first (copies trim, so the fuller text is the likelier original), then by article
    id: the order originals are chosen in."""
    unique = {a.id: a for a in (r.article if isinstance(r, CaseFile) else r for r in reports)}
    return sorted(unique.values(), key=lambda a: (a.published or dt.date.min, -len(a.text), a.id))


def copy_pairs(reports: Reports) -> list[CopyPair]:
    """Every pair of the reports that share one text (``a`` published after ``b``, or tied)."""
    index = CopyIndex()
    pairs: list[CopyPair] = []
    for article in publication_order(reports):
        pairs.extend(index.add(article.id, article.text))
    return pairs


def originals(reports: Reports) -> dict[str, str]:
    """Every report -> the original of its source family (itself when it copies nothing).

    Copies are grouped transitively (a copy of a copy is one family); the original is the
    family's earliest published member (ties: smallest article id).
    """
    ordered = publication_order(reports)
    rank = {a.id: i for i, a in enumerate(ordered)}
    parent = {a.id: a.id for a in ordered}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    for pair in copy_pairs(ordered):
        ra, rb = root(pair.a), root(pair.b)
        if ra != rb:
            first, second = (ra, rb) if rank[ra] < rank[rb] else (rb, ra)
            parent[second] = first
    return {article_id: root(article_id) for article_id in parent}


def find_copies(cases: Sequence[CaseFile | Article]) -> dict[str, str]:
    """Article id -> the original of its source family (only copies are listed)."""
    return {article: original for article, original in originals(cases).items() if article != original}

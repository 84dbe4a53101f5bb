"""Every pair score of a set of reports at once, as sparse matrix products.

:meth:`Assigner._score <storydesk.reconcile.assign.Assigner._score>` scores one pair at a time
in Python: two TF-IDF cosines, an IDF-weighted Dice overlap per key family, a damping for the
publication gap. The desk scores a whole neighbourhood (up to 150 reports, thousands of pairs)
for every report it assigns, so it asks for them all at once: with the reports as rows,

- the cosines are ``T @ T.T`` of the L2-normalised TF-IDF rows (text, and lead);
- a family's shared key weight is ``(K * w) @ K.T`` (``K`` the 0/1 report-key matrix of the
  family, ``w`` the keys' IDF), its Dice denominator the sum of the two rows' weights;
- a pair is a candidate when the two share a selective blocking key (``B @ B.T > 0``) and
  are published within the window.

Every statistic (document frequencies, key postings, the number of reports) is the index's,
so the scores are those of :meth:`Assigner._score` for the same index, to within float
rounding (summing in another order): both are rounded to 9 decimals, and
``tests/reconcile/test_pairs.py`` checks they agree.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from storydesk.reconcile.index import CandidateIndex, key_family


def _tfidf_rows(index: CandidateIndex, ids: Sequence[str], lead: bool) -> sparse.csr_matrix:
    """The reports' L2-normalised TF-IDF vectors (text terms, or lead terms) as rows."""
    n = len(index)
    vocabulary: dict[str, int] = {}
    columns: list[np.ndarray] = []
    frequencies: list[np.ndarray] = []
    for article_id in ids:
        text_terms, text_tf, lead_terms, lead_tf = index.features[article_id].weighted_terms
        terms, tf = (lead_terms, lead_tf) if lead else (text_terms, text_tf)
        for term in terms:
            if term not in vocabulary:
                vocabulary[term] = len(vocabulary)
        columns.append(np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.int64, count=len(terms)))
        frequencies.append(tf)
    df = index.document_frequencies
    idf = np.log((n + 1) / (np.array([df[t] for t in vocabulary], dtype=float) + 1)) + 1.0
    indptr = np.concatenate(([0], np.cumsum([len(c) for c in columns])))
    cols = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
    values = np.concatenate(frequencies) * idf[cols] if len(cols) else np.zeros(0)
    matrix = sparse.csr_matrix((values, cols, indptr), shape=(len(ids), max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


def _binary(ids: Sequence[str], keys_of: Sequence[frozenset[str] | set[str]]) -> tuple[sparse.csr_matrix, list[str]]:
    columns: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, keys in enumerate(keys_of):
        for key in keys:
            rows.append(row)
            cols.append(columns.setdefault(key, len(columns)))
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), max(1, len(columns))))
    return matrix, list(columns)


def pair_scores(
    index: CandidateIndex,
    ids: Sequence[str],
    *,
    text_weight: float,
    lead_weight: float,
    key_weights: dict[str, float],
    full_days: int,
) -> dict[tuple[str, str], float]:
    """The score of every candidate pair of ``ids`` (keys ``(a, b)`` with ``a < b``)."""
    ids = sorted(set(ids))
    count = len(ids)
    if count < 2:
        return {}
    config = index.config

    # Candidates: a shared selective blocking key, and publication within the window.
    selective = [frozenset(k for k in index.keys(a) if index.posting_size(k) <= config.max_block) for a in ids]
    blocking, _ = _binary(ids, selective)
    candidate = (blocking @ blocking.T).toarray() > 0
    np.fill_diagonal(candidate, False)
    published = [index.features[a].published for a in ids]
    days = np.array([np.nan if p is None else p.toordinal() for p in published])
    gaps = np.abs(days.reshape(-1, 1) - days.reshape(1, -1))  # NaN where a date is missing
    candidate &= ~(gaps > config.window_days)  # NaN > x is False: no date, no window
    if not candidate.any():
        return {}

    text = _tfidf_rows(index, ids, lead=False)
    opening = _tfidf_rows(index, ids, lead=True)
    score = text_weight * (text @ text.T).toarray() + lead_weight * (opening @ opening.T).toarray()

    by_family: dict[str, list[set[str]]] = {family: [set() for _ in ids] for family in key_weights}
    for row, article_id in enumerate(ids):
        for key in index.all_keys(article_id):
            family = key_family(key)
            if family in by_family:
                by_family[family][row].add(key)
    for family, weight in sorted(key_weights.items()):
        matrix, keys = _binary(ids, by_family[family])
        idf = np.array([index.key_weight(k) for k in keys]) if keys else np.zeros(1)
        weighted = matrix.multiply(idf.reshape(1, -1)).tocsr()
        shared = (weighted @ matrix.T).toarray()
        own = np.asarray(weighted.sum(axis=1)).ravel()
        total = own.reshape(-1, 1) + own.reshape(1, -1)
        with np.errstate(divide="ignore", invalid="ignore"):
            dice = np.where(shared > 0, 2 * shared / np.where(total > 0, total, 1.0), 0.0)
        score += weight * dice

    found: dict[tuple[str, str], float] = {}
    span = max(1, config.window_days - full_days)
    for i, j in zip(*np.nonzero(np.triu(candidate, 1)), strict=True):
        value = float(score[i, j])
        pa, pb = published[i], published[j]
        if pa is not None and pb is not None:
            gap = abs((pa - pb).days)
            if gap > full_days:
                value *= 1.0 - 0.5 * min(1.0, (gap - full_days) / span)
        found[(ids[i], ids[j])] = round(value, 9)
    return found

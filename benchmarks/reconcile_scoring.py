"""Scores shared by the reconcile benchmarks: B³, MUC, CEAF-e, CoNLL F1, pairwise P/R/F1."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from scipy.optimize import linear_sum_assignment


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(p: float, r: float) -> PRF:
        return PRF(round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0)

    @staticmethod
    def counts(tp: int, predicted: int, gold: int) -> PRF:
        return PRF.of(tp / predicted if predicted else 0.0, tp / gold if gold else 0.0)


Clusters = Mapping[Hashable, Hashable]  # item -> cluster id


def _groups(assign: Clusters) -> dict[Hashable, set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cluster in assign.items():
        groups[cluster].add(item)
    return groups


def b_cubed(predicted: Clusters, gold: Clusters) -> PRF:
    items = [i for i in gold if i in predicted]
    p_groups, g_groups = _groups({i: predicted[i] for i in items}), _groups({i: gold[i] for i in items})
    p = r = 0.0
    for i in items:
        shared = len(p_groups[predicted[i]] & g_groups[gold[i]])
        p += shared / len(p_groups[predicted[i]])
        r += shared / len(g_groups[gold[i]])
    return PRF.of(p / len(items), r / len(items)) if items else PRF(0, 0, 0)


def muc(predicted: Clusters, gold: Clusters) -> PRF:
    def score(key: Clusters, response: Clusters) -> float:
        num = den = 0
        for members in _groups(key).values():
            parts = {response.get(m, ("single", m)) for m in members}
            num += len(members) - len(parts)
            den += len(members) - 1
        return num / den if den else 0.0

    return PRF.of(score(gold, predicted), score(predicted, gold))


def ceaf_e(predicted: Clusters, gold: Clusters) -> PRF:
    p_groups, g_groups = list(_groups(predicted).values()), list(_groups(gold).values())
    if not p_groups or not g_groups:
        return PRF(0, 0, 0)
    sim = [[2 * len(g & p) / (len(g) + len(p)) for p in p_groups] for g in g_groups]
    rows, cols = linear_sum_assignment([[-x for x in row] for row in sim])
    total = sum(sim[r][c] for r, c in zip(rows, cols, strict=True))
    return PRF.of(total / len(p_groups), total / len(g_groups))


def conll(predicted: Clusters, gold: Clusters) -> dict[str, object]:
    m, b, c = muc(predicted, gold), b_cubed(predicted, gold), ceaf_e(predicted, gold)
    return {"muc": m.__dict__, "b3": b.__dict__, "ceaf_e": c.__dict__, "conll_f1": round((m.f1 + b.f1 + c.f1) / 3, 4)}


def pairwise(predicted: Clusters, gold: Clusters, *, same_source: Mapping[Hashable, Hashable] | None = None) -> PRF:
    """Pairwise link P/R/F1 over items in both; pairs of one source are skipped when given."""
    items = sorted((i for i in gold if i in predicted), key=repr)
    tp = fp = fn = 0
    for n, a in enumerate(items):
        for b in items[n + 1 :]:
            if same_source is not None and same_source[a] == same_source[b]:
                continue
            p, g = predicted[a] == predicted[b], gold[a] == gold[b]
            tp += p and g
            fp += p and not g
            fn += g and not p
    return PRF.counts(tp, tp + fp, tp + fn)

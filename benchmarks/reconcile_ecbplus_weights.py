"""How story assignment's weights were chosen: a logistic regression on ECB+ train pairs.

Every pair of ECB+ ``train`` documents within one topic is an example: positive when both
are in one subtopic (one story), negative when they tell the topic's other event. Features
are the parts of :class:`~storydesk.reconcile.assign.AssignConfig`'s score: TF-IDF cosine of
the texts, of the leads, and the IDF-weighted Dice overlap of each key family. The model is
L2-regularised logistic regression (C = 1, intercept not penalised), fitted with scipy's
L-BFGS; its coefficients, negatives set to 0 (organisations came out negative: every
report of a topic names the same ones), are normalised to sum to 1 and become the weights.
The threshold is then chosen on train B³ (``reconcile_ecbplus.py``), and dev is only reported.

Pair AUC within topics is printed for the fitted score and for the score in use, on train
and on dev.

    python benchmarks/reconcile_ecbplus_weights.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from reconcile_cache import case_file  # noqa: E402
from reconcile_ecbplus_data import load  # noqa: E402
from storydesk.reconcile.assign import Assigner  # noqa: E402
from storydesk.reconcile.features import features  # noqa: E402

FAMILIES = ("p:", "l:", "o:", "d:", "y:", "md:", "n:", "e:", "s:p:", "s:l:", "s:o:")


def _fit(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> np.ndarray:
    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        p = expit(z)
        eps = 1e-12
        value = 0.5 * float(w[:-1] @ w[:-1]) - c * float(np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        grad = np.append(w[:-1] + c * (x.T @ (p - y)), c * np.sum(p - y))
        return value, grad

    return np.asarray(minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B").x)


def _auc(y: np.ndarray, score: np.ndarray) -> float:
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    for value in np.unique(score):  # ties share their mean rank
        tied = score == value
        ranks[tied] = ranks[tied].mean()
    positives = y.sum()
    negatives = len(y) - positives
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def main() -> None:
    docs = load()
    assigner = Assigner()
    info: dict[str, tuple[str, str, str]] = {}
    for d in docs:
        found = features(case_file(d.text))
        assigner.index.add(found)
        info[found.article_id] = (d.subtopic, d.split, d.topic)
    index = assigner.index

    def dice(a: str, b: str, family: str) -> float:
        ka = {k for k in index.all_keys(a) if k.startswith(family)}
        kb = {k for k in index.all_keys(b) if k.startswith(family)}
        total = sum(index.key_weight(k) for k in ka) + sum(index.key_weight(k) for k in kb)
        return 2 * sum(index.key_weight(k) for k in ka & kb) / total if total else 0.0

    data: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for split in ("train", "dev"):
        ids = sorted(a for a in info if info[a][1] == split)
        rows, labels, used = [], [], []
        for a, b in itertools.combinations(ids, 2):
            if info[a][2] != info[b][2]:
                continue
            labels.append(info[a][0] == info[b][0])
            rows.append([index.cosine(a, b), index.cosine(a, b, lead=True), *(dice(a, b, f) for f in FAMILIES)])
            used.append(assigner.similarity(a, b))
        data[split] = (np.array(rows), np.array(labels, dtype=float), np.array(used))
    x, y, _ = data["train"]
    w = _fit(x, y)
    weights = np.clip(w[:-1], 0, None)
    weights /= weights.sum()
    names = ("text", "lead", *FAMILIES)
    print("weights:", {n: round(float(v), 3) for n, v in zip(names, weights, strict=True)})
    for split, (xs, ys, used) in data.items():
        print(
            f"{split}: {len(ys)} pairs, {int(ys.sum())} same story;",
            f"pair AUC fitted {_auc(ys, xs @ weights):.3f}, in use (0 for non-candidates) {_auc(ys, used):.3f}",
        )


if __name__ == "__main__":
    main()

"""Scores of a predicted partition against gold labels: B-cubed and pairwise P/R/F1.

B-cubed averages, over items, the share of an item's predicted cluster that shares its
gold label (precision) and the share of its gold class found in its cluster (recall)
(Bagga & Baldwin 1998; Amigó et al. 2009). Pairwise counts pairs of items put together
(Miranda et al., EMNLP 2018, report it this way). Both read scikit-learn's contingency
and pair-confusion matrices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics.cluster import contingency_matrix, pair_confusion_matrix


def partition_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Return B-cubed and pairwise precision, recall and F1, and the cluster counts."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted ones")
    if not gold:
        return {"articles": 0}
    return {
        "articles": len(gold),
        "gold_events": len(set(gold)),
        "predicted_events": len(set(predicted)),
        "bcubed": _bcubed(gold, predicted),
        "pairwise": _pairwise(gold, predicted),
    }


def _bcubed(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    table = contingency_matrix(gold, predicted, sparse=False).astype(np.float64)
    squares = table**2
    precision = float((squares.sum(axis=0) / table.sum(axis=0)).sum() / len(gold))
    recall = float((squares.sum(axis=1) / table.sum(axis=1)).sum() / len(gold))
    return _rounded(precision, recall)


def _pairwise(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    # pair_confusion_matrix counts ordered pairs: [[tn, fp], [fn, tp]] with gold as rows.
    (_, false_pos), (false_neg, true_pos) = pair_confusion_matrix(gold, predicted)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return _rounded(float(precision), float(recall))


def _rounded(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}

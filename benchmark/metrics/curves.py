"""Precision-recall over the extractor's confidence: the curve, average precision and the
confidence threshold that maximises F1. Recall is over all required gold facts, so a curve
never reaches recall the extractor could not reach at any threshold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benchmark.metrics.outcomes import Outcome


@dataclass(frozen=True)
class CurvePoint:
    threshold: float
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class ConfidenceMetrics:
    points: tuple[CurvePoint, ...]
    average_precision: float
    best_f1_threshold: float
    best_f1: float
    predictions: int  # how many scored predictions carried a confidence


def confidence_metrics(outcomes: Sequence[Outcome]) -> ConfidenceMetrics | None:
    """None when no prediction has a confidence. Predictions without one are left out.

    Average precision is scikit-learn's ``average_precision_score`` over the predictions
    (TP = 1), multiplied by the share of required gold those TPs cover: the same step-wise
    sum, with recall measured against all required gold."""
    import numpy as np

    scored = [o for o in outcomes if o.kind in ("tp", "fp") and o.confidence is not None]
    if not scored:
        return None
    gold_total = sum(o.kind in ("tp", "fn") for o in outcomes)
    given = np.array([o.confidence for o in scored], dtype=np.float64)
    positive = np.array([o.kind == "tp" for o in scored], dtype=np.int64)
    # Most confident first (stable: equal confidences keep their order). One point per
    # distinct confidence, counting every prediction at or above it.
    order = np.argsort(-given, kind="stable")
    confidence, is_tp = given[order], positive[order]
    tps = np.cumsum(is_tp)
    fps = np.arange(1, len(scored) + 1) - tps
    last = np.append(confidence[1:] != confidence[:-1], True)
    points: list[CurvePoint] = []
    for threshold, tp, fp in zip(confidence[last].tolist(), tps[last].tolist(),
                                 fps[last].tolist(), strict=True):
        p = tp / (tp + fp)
        r = tp / gold_total if gold_total else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        points.append(CurvePoint(threshold + 0.0, p, r, f))  # (+ 0.0: -0.0 is written 0.0)
    best = max(points, key=lambda pt: (pt.f1, pt.threshold))
    positives = int(tps[-1])
    if positives == 0 or gold_total == 0:
        ap = 0.0
    else:
        from sklearn.metrics import average_precision_score

        ap = float(average_precision_score(positive, given))
        ap *= positives / gold_total
    return ConfidenceMetrics(tuple(points), ap, best.threshold, best.f1, len(scored))

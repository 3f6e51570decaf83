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
    scored = [o for o in outcomes if o.kind in ("tp", "fp") and o.confidence is not None]
    if not scored:
        return None
    gold_total = sum(o.kind in ("tp", "fn") for o in outcomes)
    ordered = sorted(scored, key=lambda o: -(o.confidence or 0.0))
    points: list[CurvePoint] = []
    tp = fp = 0
    for k, outcome in enumerate(ordered):
        tp += outcome.kind == "tp"
        fp += outcome.kind == "fp"
        last = k + 1 == len(ordered) or ordered[k + 1].confidence != outcome.confidence
        if last:
            p = tp / (tp + fp)
            r = tp / gold_total if gold_total else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            points.append(CurvePoint(float(outcome.confidence or 0.0), p, r, f))
    best = max(points, key=lambda pt: (pt.f1, pt.threshold))
    positives = sum(o.kind == "tp" for o in scored)
    if positives == 0 or gold_total == 0:
        ap = 0.0
    else:
        from sklearn.metrics import average_precision_score

        ap = float(average_precision_score([int(o.kind == "tp") for o in scored],
                                           [o.confidence for o in scored]))
        ap *= positives / gold_total
    return ConfidenceMetrics(tuple(points), ap, best.threshold, best.f1, len(scored))

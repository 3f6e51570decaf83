"""All metrics of one scoring, as one frozen record (the ``metrics`` object of a results file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmark.metrics.bootstrap import DEFAULT_SAMPLES, confidence_intervals
from benchmark.metrics.breakdowns import by_category, by_modality, by_segment, macro, slot_accuracy
from benchmark.metrics.curves import ConfidenceMetrics, CurvePoint, confidence_metrics
from benchmark.metrics.outcomes import Outcome
from benchmark.metrics.prf import PRF, prf


@dataclass(frozen=True)
class Metrics:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    ignored: int
    ci: dict[str, tuple[float, float]]
    macro: dict[str, float | int]
    by_category: dict[str, PRF]
    by_modality: dict[str, PRF]
    by_segment: dict[str, PRF]
    slot_accuracy: dict[str, float | int]
    confidence: ConfidenceMetrics | None
    bootstrap: dict[str, Any]
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        confidence = None
        if self.confidence is not None:
            c = self.confidence
            confidence = {
                "points": [{"threshold": p.threshold, "precision": p.precision,
                            "recall": p.recall, "f1": p.f1} for p in c.points],
                "average_precision": c.average_precision,
                "best_f1_threshold": c.best_f1_threshold, "best_f1": c.best_f1,
                "predictions": c.predictions,
            }
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "ignored": self.ignored,
            "ci": {k: list(v) for k, v in self.ci.items()},
            "macro": dict(self.macro),
            "by_category": {k: v.to_dict() for k, v in self.by_category.items()},
            "by_modality": {k: v.to_dict() for k, v in self.by_modality.items()},
            "by_segment": {k: v.to_dict() for k, v in self.by_segment.items()},
            "slot_accuracy": dict(self.slot_accuracy),
            "confidence": confidence,
            "bootstrap": dict(self.bootstrap),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metrics:
        def table(raw: dict[str, Any]) -> dict[str, PRF]:
            return {k: PRF(v["tp"], v["fp"], v["fn"]) for k, v in raw.items()}

        confidence = None
        if data.get("confidence") is not None:
            c = data["confidence"]
            confidence = ConfidenceMetrics(
                tuple(CurvePoint(p["threshold"], p["precision"], p["recall"], p["f1"])
                      for p in c["points"]),
                c["average_precision"], c["best_f1_threshold"], c["best_f1"], c["predictions"])
        return cls(
            precision=data["precision"], recall=data["recall"], f1=data["f1"], tp=data["tp"],
            fp=data["fp"], fn=data["fn"], ignored=data["ignored"],
            ci={k: (v[0], v[1]) for k, v in data["ci"].items()},
            macro=dict(data["macro"]), by_category=table(data["by_category"]),
            by_modality=table(data["by_modality"]), by_segment=table(data["by_segment"]),
            slot_accuracy=dict(data["slot_accuracy"]), confidence=confidence,
            bootstrap=dict(data["bootstrap"]), warnings=tuple(data.get("warnings", ())),
        )


def compute_metrics(outcomes: Sequence[Outcome], documents: Sequence[str], ignored: int = 0,
                    seed: int = 0, samples: int = DEFAULT_SAMPLES) -> Metrics:
    """Every metric from the outcomes of a scoring. ``documents``: the dataset's ids (macro)."""
    from benchmark.metrics.bootstrap import uses_document_clusters

    totals = prf(outcomes)
    warnings: list[str] = []
    if totals.tp + totals.fp == 0:
        warnings.append("no predictions were scored: precision, recall and F1 are 0")
    if totals.tp + totals.fn == 0:
        warnings.append("no required gold facts: recall is 0")
    return Metrics(
        precision=totals.precision, recall=totals.recall, f1=totals.f1,
        tp=totals.tp, fp=totals.fp, fn=totals.fn, ignored=ignored,
        ci=confidence_intervals(outcomes, samples=samples, seed=seed),
        macro=macro(outcomes, documents),
        by_category=by_category(outcomes), by_modality=by_modality(outcomes),
        by_segment=by_segment(outcomes), slot_accuracy=slot_accuracy(outcomes),
        confidence=confidence_metrics(outcomes),
        bootstrap={"samples": samples, "seed": seed, "level": 0.95, "method": "percentile",
                   "unit": "document" if uses_document_clusters(outcomes) else "gold fact"},
        warnings=tuple(warnings),
    )

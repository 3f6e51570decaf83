"""Precision, recall and F1 from counts, with the empty cases defined.

Defined edge cases: no predictions -> precision 0; no required gold -> recall 0; F1 is 0
whenever precision + recall is 0. (scikit-learn's ``zero_division=0`` convention.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmark.metrics.outcomes import Outcome


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def prf(outcomes: Iterable[Outcome]) -> PRF:
    tp = fp = fn = 0
    for outcome in outcomes:
        if outcome.kind == "tp":
            tp += 1
        elif outcome.kind == "fp":
            fp += 1
        else:
            fn += 1
    return PRF(tp, fp, fn)


def f1_from(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """(precision, recall, F1) for possibly resampled (float) counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

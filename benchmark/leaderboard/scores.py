"""The headline scores of a submission: what it claims, what the check recomputes, what the
snapshot pins. One type for all three, so comparing them is one function."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

# Results files round rates to six decimals, so a claim copied from one may be off by 5e-7.
# Counts are compared exactly, so no change of a count hides inside this tolerance.
FLOAT_TOLERANCE = 1e-6

COUNT_FIELDS = ("true_positives", "false_positives", "false_negatives", "predicted")
RATE_FIELDS = ("precision", "recall", "f1")


@dataclass(frozen=True)
class Scores:
    """Micro-averaged precision, recall and F1 with the counts they come from."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int
    predicted: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scores:
        return cls(
            precision=float(data["precision"]),
            recall=float(data["recall"]),
            f1=float(data["f1"]),
            true_positives=int(data["true_positives"]),
            false_positives=int(data["false_positives"]),
            false_negatives=int(data["false_negatives"]),
            predicted=int(data["predicted"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def differences(self, other: Scores) -> list[str]:
        """Each field that differs, as ``name a -> b`` (rates within FLOAT_TOLERANCE agree)."""
        out: list[str] = []
        for name in RATE_FIELDS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if not math.isclose(mine, theirs, rel_tol=0.0, abs_tol=FLOAT_TOLERANCE):
                out.append(f"{name} {mine:.4f} -> {theirs:.4f}")
        for name in COUNT_FIELDS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                out.append(f"{name} {mine} -> {theirs}")
        return out


@dataclass(frozen=True)
class Interval:
    """A confidence interval [low, high]."""

    low: float
    high: float

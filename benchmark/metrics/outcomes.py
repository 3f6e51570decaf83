"""The unit every metric counts: one true positive, false positive or false negative."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OutcomeKind = Literal["tp", "fp", "fn"]


@dataclass(frozen=True)
class Outcome:
    """A TP (a prediction matched to a required gold fact), an FP (an unmatched prediction) or
    an FN (a missed required gold fact). Predictions matched to optional facts produce none.

    ``cluster`` is the gold fact the outcome belongs to (an FP's nearest gold fact, or None);
    resampling whole clusters keeps a fact and the predictions aimed at it together.
    ``category``/``modality``/``segments`` describe that gold fact (breakdowns).
    """

    kind: OutcomeKind
    document_id: str
    cluster: str | None = None
    category: str | None = None
    modality: str | None = None
    segments: tuple[str, ...] = ()
    confidence: float | None = None
    slots: tuple[bool, bool, bool] | None = None

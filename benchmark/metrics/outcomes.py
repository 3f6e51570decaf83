"""The unit every metric counts: one true positive, false positive or false negative."""

from __future__ import annotations

from typing import Literal, NamedTuple

OutcomeKind = Literal["tp", "fp", "fn"]


class Outcome(NamedTuple):
    """A TP (a prediction matched to a required gold fact), an FP (an unmatched prediction) or
    an FN (a missed required gold fact). Predictions matched to optional facts produce none.

    ``cluster`` is the gold fact the outcome belongs to (an FP's nearest gold fact, or None);
    resampling whole clusters keeps a fact and the predictions aimed at it together.
    ``category``/``modality``/``segments`` describe that gold fact (breakdowns).
    An immutable named tuple rather than a dataclass: there is one per decision, millions on
    large runs, and tuples are several times cheaper to create.
    """

    kind: OutcomeKind
    document_id: str
    cluster: str | None = None
    category: str | None = None
    modality: str | None = None
    segments: tuple[str, ...] = ()
    confidence: float | None = None
    slots: tuple[bool, bool, bool] | None = None

"""The matcher extension point: score one predicted fact against one gold fact, with a reason.

A third-party matcher implements :class:`Matcher` (``name``, ``version``, ``default_threshold``,
``score``) and registers it in the ``extractbench.matchers`` entry-point group. Built-in
matchers also implement :class:`BatchMatcher`, scoring a whole document at once, which the
scorer uses when available; ``score`` must agree with it pair for pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from benchmark.model.document import Document
from benchmark.model.gold import Fact, GoldSet
from benchmark.model.prediction import Prediction

if TYPE_CHECKING:
    import numpy as np

# Every reason a pair, a prediction or a gold fact can carry (documented in METRIC_CARD.md).
PAIR_REASONS: dict[str, str] = {
    "matched": "the prediction expresses the gold fact (score at or above the threshold)",
    "below_threshold": "content similarity below the matcher's threshold",
    "number_mismatch": "a number or date in the prediction is absent from or contradicts the gold",
    "negation_mismatch": "one side is negated and the other is not",
    "modality_mismatch": "a plan, expectation, fear or attempt matched with a plain event, or "
                         "the reverse",
    "role_swap": "subject and object are exchanged relative to the gold",
    "entity_mismatch": "the prediction puts another person, place, group or organisation in "
                       "place of the gold fact's own, or names one the document never mentions",
}
PREDICTION_REASONS: dict[str, str] = {
    **PAIR_REASONS,
    "duplicate": "matches a gold fact already credited to another prediction, or repeats a "
                 "credited prediction's content (false positive)",
    "optional": "matched a gold fact marked required: false (neither TP nor FP)",
    "unknown_document": "the document id is not in the dataset (false positive)",
    "no_gold": "the document has no gold facts to compare with (false positive)",
}
REASONS: tuple[str, ...] = tuple(PREDICTION_REASONS)


@dataclass(frozen=True)
class MatchScore:
    """``score`` decides (0 when a guard rejects); ``similarity`` is the content similarity
    before guards, so a rejected near miss still shows how close it was."""

    score: float
    reason: str
    detail: str
    similarity: float | None = None
    slots: tuple[float, float, float] | None = None  # subject, predicate, object agreement

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score {self.score} is outside [0, 1]")
        if self.reason not in PAIR_REASONS:
            raise ValueError(f"unknown reason {self.reason!r}")

    @property
    def closeness(self) -> float:
        return self.score if self.similarity is None else max(self.score, self.similarity)


@dataclass
class MatchContext:
    """One document, its gold set, and whatever a matcher precomputes for it (``cache``)."""

    document: Document | None
    gold: GoldSet
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def publication_date(self) -> dt.date | None:
        if self.document is None:
            return None
        raw = self.document.metadata.get("publication_date")
        try:
            return dt.date.fromisoformat(str(raw)) if raw else None
        except ValueError:
            return None

    @property
    def text(self) -> str:
        return self.document.text if self.document is not None else ""


@runtime_checkable
class Matcher(Protocol):
    name: str
    version: str
    default_threshold: float

    def score(self, prediction: Prediction, fact: Fact, context: MatchContext) -> MatchScore:
        """How well ``prediction`` expresses ``fact``, in [0, 1], with a reason."""
        ...


@dataclass(frozen=True)
class ScoreMatrix:
    """Scores of every (prediction, gold fact) pair of one document.

    ``scores[i, j]`` decides; ``similarity[i, j]`` ranks near misses. ``explain(i, j)`` gives
    the full :class:`MatchScore` of a pair (computed lazily: most pairs are never shown).
    """

    scores: np.ndarray[Any, Any]
    similarity: np.ndarray[Any, Any]
    explainer: Any  # Callable[[int, int], MatchScore]
    _explained: dict[tuple[int, int], MatchScore] = field(default_factory=dict, compare=False,
                                                          repr=False)

    def explain(self, i: int, j: int) -> MatchScore:
        result = self._explained.get((i, j))
        if result is None:  # a pair is often shown twice: for its prediction and its gold fact
            result = self.explainer(i, j)
            self._explained[(i, j)] = result
        return result


@runtime_checkable
class BatchMatcher(Matcher, Protocol):
    def score_matrix(self, predictions: Sequence[Prediction], facts: Sequence[Fact],
                     context: MatchContext, threshold: float) -> ScoreMatrix:
        """All pairs at once; ``threshold`` says which pairs need their guards evaluated."""
        ...

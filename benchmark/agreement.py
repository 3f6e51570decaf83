"""Inter-annotator agreement by evidence overlap.

Two annotation passes agree on a fact when their evidence covers the same text. Two overlap
measures over the code points the spans cover are offered: ``iou`` (intersection over union,
strict about span length) and ``containment`` (intersection over the smaller side: a short span
inside the other pass's whole clause still agrees, since annotators choose different span
granularity for the same fact). A pair agrees when its overlap is at least ``min_overlap``.
Facts are paired one-to-one by a maximum-weight assignment on that overlap. Where several
facts share one clause (the four "banned ..." facts share a span), overlap alone cannot tell
them apart, so the slots' token overlap breaks the tie: it only orders pairs whose evidence
already agrees, never admits a pair whose evidence does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from benchmark.model.gold import Fact
from benchmark.model.prediction import Prediction
from benchmark.model.spans import Span

_TIE_BREAK_WEIGHT = 0.01
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class AgreementPair:
    gold_id: str
    other_index: int
    overlap: float


@dataclass(frozen=True)
class Agreement:
    """P/R/F1 of the other pass against the reference pass (symmetric in F1)."""

    reference_count: int
    other_count: int
    pairs: tuple[AgreementPair, ...]
    measure: str
    min_overlap: float

    @property
    def precision(self) -> float:
        return len(self.pairs) / self.other_count if self.other_count else 0.0

    @property
    def recall(self) -> float:
        return len(self.pairs) / self.reference_count if self.reference_count else 0.0

    @property
    def f1(self) -> float:
        total = self.reference_count + self.other_count
        return 2 * len(self.pairs) / total if total else 0.0

    def unmatched_reference(self, facts: Sequence[Fact]) -> list[str]:
        matched = {p.gold_id for p in self.pairs}
        return [f.id for f in facts if f.id not in matched]

    def unmatched_other(self) -> list[int]:
        matched = {p.other_index for p in self.pairs}
        return [i for i in range(self.other_count) if i not in matched]


def covered_points(spans: Sequence[Span]) -> frozenset[int]:
    return frozenset(i for span in spans for i in range(span.start, span.end))


def evidence_overlap(a: Sequence[Span], b: Sequence[Span], measure: str = "iou") -> float:
    points_a, points_b = covered_points(a), covered_points(b)
    if not points_a or not points_b:
        return 0.0
    shared = len(points_a & points_b)
    if measure == "iou":
        return shared / len(points_a | points_b)
    if measure == "containment":
        return shared / min(len(points_a), len(points_b))
    raise ValueError(f"unknown overlap measure {measure!r} (use 'iou' or 'containment')")


def _tokens(text: str) -> frozenset[str]:
    return frozenset(t.lower() for t in _WORD.findall(text))


def _slot_similarity(fact: Fact, other: Prediction) -> float:
    a = _tokens(f"{fact.subject} {fact.predicate} {fact.object}")
    b = _tokens(other.text() if other.statement is None else f"{other.text()} {other.object or ''}")
    return len(a & b) / len(a | b) if a | b else 0.0


def evidence_agreement(
    reference: Sequence[Fact],
    other: Sequence[Prediction],
    measure: str = "iou",
    min_overlap: float = 0.5,
) -> Agreement:
    """Pair the facts of two passes over one document by evidence overlap."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    overlap = np.zeros((len(reference), len(other)))
    weight = np.zeros_like(overlap)
    for i, fact in enumerate(reference):
        for j, pred in enumerate(other):
            overlap[i, j] = evidence_overlap(fact.evidence, pred.evidence, measure)
            if overlap[i, j] >= min_overlap:
                weight[i, j] = overlap[i, j] + _TIE_BREAK_WEIGHT * _slot_similarity(fact, pred)
    if overlap.size == 0:
        return Agreement(len(reference), len(other), (), measure, min_overlap)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    pairs = tuple(
        AgreementPair(reference[i].id, int(j), round(float(overlap[i, j]), 6))
        for i, j in zip(rows, cols, strict=True)
        if overlap[i, j] >= min_overlap
    )
    return Agreement(len(reference), len(other), pairs, measure, min_overlap)

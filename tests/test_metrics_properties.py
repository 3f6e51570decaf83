"""Invariants of scoring and metrics, checked with hypothesis over predictions drawn from the
matcher table, the gold itself, and synthetic multi-document data."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matcher_cases import CASES, fixture_dataset, gold, gold_as_predictions

from benchmark.metrics.summary import Metrics
from benchmark.model import Dataset, Prediction
from benchmark.scoring import Scoring, score_predictions
from benchmark.testing.synthetic import SyntheticConfig, synthetic_dataset

POOL: list[Prediction] = [
    *(c.build() for c in CASES),
    *gold_as_predictions(gold()),
    Prediction(document_id="unknown-doc", statement="Nothing to see."),
]
POOL = [p if i % 3 else dataclasses.replace(p, confidence=round((i % 10) / 10, 1))
        for i, p in enumerate(POOL)]
SAMPLES = 40
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

predictions_strategy = st.lists(st.sampled_from(POOL), max_size=20)


def score(predictions: list[Prediction], dataset: Dataset | None = None) -> Scoring:
    return score_predictions(dataset or fixture_dataset(), predictions,
                             bootstrap_samples=SAMPLES)


def unit_values(metrics: Metrics) -> list[float]:
    values: list[float] = [metrics.precision, metrics.recall, metrics.f1]
    values += [v for pair in metrics.ci.values() for v in pair]
    values += [float(metrics.macro[k]) for k in ("precision", "recall", "f1")]
    for table in (metrics.by_category, metrics.by_modality, metrics.by_segment):
        values += [v for row in table.values() for v in (row.precision, row.recall, row.f1)]
    values += [float(metrics.slot_accuracy[k]) for k in ("subject", "predicate", "object")]
    if metrics.confidence is not None:
        values += [metrics.confidence.average_precision, metrics.confidence.best_f1]
        values += [v for p in metrics.confidence.points for v in (p.precision, p.recall, p.f1)]
    return values


def rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 12)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    return value


@FAST
@given(predictions_strategy)
def test_every_metric_is_in_the_unit_interval(predictions: list[Prediction]) -> None:
    metrics = score(predictions).metrics
    assert all(0.0 <= v <= 1.0 for v in unit_values(metrics))
    assert all(low <= high for low, high in metrics.ci.values())


@FAST
@given(predictions_strategy, st.randoms(use_true_random=False))
def test_invariant_under_reordering_predictions(predictions: list[Prediction],
                                                rng: random.Random) -> None:
    shuffled = list(predictions)
    rng.shuffle(shuffled)
    first, second = score(predictions), score(shuffled)
    assert first.metrics == second.metrics
    assert sorted(d.reason for d in first.predictions) == sorted(
        d.reason for d in second.predictions)


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 1000), st.randoms(use_true_random=False))
def test_invariant_under_reordering_documents(seed: int, rng: random.Random) -> None:
    dataset, predictions = synthetic_dataset(SyntheticConfig(documents=5, facts=8,
                                                             predictions=8, seed=seed))
    order = list(range(len(dataset.documents)))
    rng.shuffle(order)
    shuffled = Dataset(dataset.name, dataset.version,
                       tuple(dataset.documents[i] for i in order),
                       tuple(dataset.gold[i] for i in order), dataset.sha256)
    first = score(predictions, dataset).metrics.to_dict()
    second = score(predictions, shuffled).metrics.to_dict()
    assert rounded(first) == rounded(second)


@FAST
@given(predictions_strategy.filter(bool), st.data())
def test_a_duplicate_never_raises_precision(predictions: list[Prediction],
                                            data: st.DataObject) -> None:
    copy = data.draw(st.sampled_from(predictions))
    before, after = score(predictions).metrics, score([*predictions, copy]).metrics
    assert after.precision <= before.precision + 1e-12
    assert after.tp == before.tp


@FAST
@given(predictions_strategy, st.sampled_from(gold_as_predictions(gold())))
def test_a_correct_new_fact_never_lowers_recall(predictions: list[Prediction],
                                                correct: Prediction) -> None:
    before, after = score(predictions).metrics, score([*predictions, correct]).metrics
    assert after.recall >= before.recall - 1e-12


@settings(max_examples=6, deadline=None)
@given(st.integers(0, 10_000))
def test_gold_as_predictions_scores_one(seed: int) -> None:
    dataset, _ = synthetic_dataset(SyntheticConfig(documents=3, facts=15, seed=seed))
    predictions = [p for g in dataset.gold for p in gold_as_predictions(g)]
    metrics = score(predictions, dataset).metrics
    assert (metrics.precision, metrics.recall, metrics.f1) == (1.0, 1.0, 1.0)


@FAST
@given(predictions_strategy)
def test_micro_scores_equal_scikit_learn(predictions: list[Prediction]) -> None:
    from sklearn.metrics import precision_recall_fscore_support

    scoring = score(predictions)
    # One entry per decision: a TP is (1, 1), an FP (0, 1), an FN (1, 0).
    y_true = [1 if d.outcome == "tp" else 0 for d in scoring.predictions if d.outcome != "ignored"]
    y_pred = [1] * len(y_true)
    missed = sum(g.status == "missed" for g in scoring.gold)
    y_true += [1] * missed
    y_pred += [0] * missed
    if not y_true:
        return
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary",
                                                 zero_division=0)
    m = scoring.metrics
    assert abs(m.precision - p) < 1e-12
    assert abs(m.recall - r) < 1e-12
    assert abs(m.f1 - f) < 1e-12


@settings(max_examples=5, deadline=None)
@given(predictions_strategy)
def test_identical_across_runs(predictions: list[Prediction]) -> None:
    assert score(predictions) == score(predictions)

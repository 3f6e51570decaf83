"""Hand-computed metric values, with exact tolerances."""

from __future__ import annotations

import pytest

from benchmark.metrics import PRF, Outcome
from benchmark.metrics.bootstrap import confidence_intervals, paired_bootstrap
from benchmark.metrics.breakdowns import by_category, by_segment, macro, slot_accuracy
from benchmark.metrics.curves import confidence_metrics
from benchmark.metrics.summary import compute_metrics

EXACT = 1e-12


def o(kind: str, doc: str = "d1", cluster: str | None = "g1", **extra: object) -> Outcome:
    return Outcome(kind, doc, cluster, **extra)  # type: ignore[arg-type]


def test_precision_recall_f1_by_hand() -> None:
    # 3 TP, 1 FP, 2 FN: P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 0.9/1.35 = 2/3.
    prf = PRF(3, 1, 2)
    assert prf.precision == pytest.approx(0.75, abs=EXACT)
    assert prf.recall == pytest.approx(0.6, abs=EXACT)
    assert prf.f1 == pytest.approx(2 / 3, abs=EXACT)


def test_empty_cases_are_zero() -> None:
    assert (PRF(0, 0, 5).precision, PRF(0, 0, 5).recall, PRF(0, 0, 5).f1) == (0.0, 0.0, 0.0)
    assert (PRF(0, 4, 0).recall, PRF(0, 4, 0).f1) == (0.0, 0.0)
    metrics = compute_metrics([], ["d1"], samples=10)
    assert (metrics.precision, metrics.recall, metrics.f1) == (0.0, 0.0, 0.0)
    assert len(metrics.warnings) == 2


def test_macro_averages_documents() -> None:
    # d1: 1 TP, 1 FP -> P 1/2, R 1, F1 2/3.  d2: 1 FN -> 0, 0, 0.  d3: nothing -> 0, 0, 0.
    outcomes = [o("tp", "d1"), o("fp", "d1"), o("fn", "d2")]
    result = macro(outcomes, ["d1", "d2", "d3"])
    assert result["precision"] == pytest.approx(1 / 6, abs=EXACT)
    assert result["recall"] == pytest.approx(1 / 3, abs=EXACT)
    assert result["f1"] == pytest.approx(2 / 9, abs=EXACT)
    assert result["documents"] == 3


def test_breakdowns_count_each_group() -> None:
    outcomes = [o("tp", category="plan", segments=("headline", "body")),
                o("fn", category="plan", segments=("body",)),
                o("fp", category="background", segments=()),
                o("fp", category=None)]
    cats = by_category(outcomes)
    assert (cats["plan"].tp, cats["plan"].fn, cats["background"].fp) == (1, 1, 1)
    assert set(cats) == {"plan", "background"}
    segs = by_segment(outcomes)
    assert (segs["headline"].tp, segs["body"].tp, segs["body"].fn) == (1, 1, 1)


def test_slot_accuracy() -> None:
    outcomes = [o("tp", slots=(True, True, False)), o("tp", slots=(True, False, False)),
                o("tp"), o("fp", slots=(False, False, False))]
    result = slot_accuracy(outcomes)
    assert result == {"triples": 2, "subject": 1.0, "predicate": 0.5, "object": 0.0}


def test_confidence_curve_by_hand() -> None:
    # Ranked: TP 0.9, FP 0.8, TP 0.7; one missed fact, so 3 required gold facts.
    outcomes = [o("tp", confidence=0.9), o("fp", confidence=0.8), o("tp", confidence=0.7),
                o("fn")]
    result = confidence_metrics(outcomes)
    assert result is not None
    points = [v for p in result.points for v in (p.threshold, p.precision, p.recall)]
    assert points == pytest.approx([0.9, 1.0, 1 / 3, 0.8, 0.5, 1 / 3, 0.7, 2 / 3, 2 / 3],
                                   abs=EXACT)
    # Step-wise AP with recall over all gold: 1 * 1/3 + (2/3) * 1/3 = 5/9.
    assert result.average_precision == pytest.approx(5 / 9, abs=EXACT)
    assert result.best_f1_threshold == 0.7
    assert result.best_f1 == pytest.approx(2 / 3, abs=EXACT)
    assert confidence_metrics([o("tp"), o("fn")]) is None


def test_bootstrap_is_deterministic_and_brackets_the_estimate() -> None:
    outcomes = ([o("tp", cluster=f"g{i}") for i in range(30)]
                + [o("fn", cluster=f"m{i}") for i in range(10)]
                + [o("fp", cluster=None) for _ in range(10)])
    first = confidence_intervals(outcomes, samples=500, seed=7)
    assert first == confidence_intervals(outcomes, samples=500, seed=7)
    assert first != confidence_intervals(outcomes, samples=500, seed=8)
    low, high = first["recall"]
    assert low < 0.75 < high
    # All FPs sit in one cluster (no nearest gold), which is resampled as a whole.
    assert first["precision"][0] < 0.75 < first["precision"][1]


def test_paired_bootstrap_of_identical_systems() -> None:
    outcomes = [o("tp", cluster="g1"), o("fn", cluster="g2"), o("fp", cluster="g2")]
    rows = paired_bootstrap(outcomes, outcomes, samples=200)
    for row in rows:
        assert row.difference == 0.0
        assert row.ci == (0.0, 0.0)
        assert row.p_value == 1.0


def test_paired_bootstrap_detects_a_clear_difference() -> None:
    a = [o("fn", cluster=f"g{i}") for i in range(40)]
    b = [o("tp", cluster=f"g{i}") for i in range(40)]
    f1 = {row.metric: row for row in paired_bootstrap(a, b, samples=500)}["recall"]
    assert f1.difference == 1.0
    assert f1.p_value == pytest.approx(1 / 501, abs=EXACT)

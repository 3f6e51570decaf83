"""Inter-annotator agreement by evidence overlap: hand-computed cases and the stored passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmark.agreement import evidence_agreement, evidence_overlap
from benchmark.data.predictions import read_predictions
from benchmark.model import Fact, GoldSet, Prediction, Span

DOC_DIR = Path(__file__).resolve().parents[1] / "annotations/documents/cnn-2013-02-mali-offensive"


def _fact(fact_id: str, start: int, end: int, obj: str = "x") -> Fact:
    return Fact(
        id=fact_id, statement="s", subject="a", predicate="b", object=obj,
        modality="asserted", evidence=(Span(start, end),), category="background",
    )


def _pred(start: int, end: int, obj: str = "x") -> Prediction:
    return Prediction(document_id="d", subject="a", predicate="b", object=obj,
                      evidence=(Span(start, end),))


def test_overlap_measures_hand_computed() -> None:
    # [0, 10) and [5, 20): shared 5 points, union 20, smaller side 10.
    assert evidence_overlap([Span(0, 10)], [Span(5, 20)], "iou") == pytest.approx(0.25, abs=1e-12)
    contained = evidence_overlap([Span(0, 10)], [Span(5, 20)], "containment")
    assert contained == pytest.approx(0.5, abs=1e-12)
    assert evidence_overlap([Span(0, 10)], [Span(10, 20)], "iou") == 0.0
    with pytest.raises(ValueError, match="containment"):
        evidence_overlap([Span(0, 1)], [Span(0, 1)], "jaccard")


def test_agreement_pairs_one_to_one_and_breaks_ties_by_slots() -> None:
    # Two facts share one clause (like the four "banned ..." facts); the tie-break by slot
    # tokens pairs each with the prediction naming the same object.
    reference = [_fact("f1", 0, 30, "music"), _fact("f2", 0, 30, "smoking"), _fact("f3", 40, 50)]
    other = [_pred(0, 30, "smoking"), _pred(0, 30, "music"), _pred(60, 70)]
    agreement = evidence_agreement(reference, other)
    assert {(p.gold_id, p.other_index) for p in agreement.pairs} == {("f1", 1), ("f2", 0)}
    assert agreement.precision == pytest.approx(2 / 3, abs=1e-12)
    assert agreement.recall == pytest.approx(2 / 3, abs=1e-12)
    assert agreement.f1 == pytest.approx(2 / 3, abs=1e-12)
    assert agreement.unmatched_reference(reference) == ["f3"]
    assert agreement.unmatched_other() == [2]


def test_agreement_of_empty_passes_is_zero() -> None:
    agreement = evidence_agreement([], [])
    assert (agreement.precision, agreement.recall, agreement.f1) == (0.0, 0.0, 0.0)


def test_stored_passes_agreement_figures() -> None:
    """The figures reported in annotations/README.md and ADJUDICATION.md."""
    first = GoldSet.from_dict(json.loads((DOC_DIR / "first_pass.json").read_text(encoding="utf-8")))
    second = read_predictions(DOC_DIR / "second_pass.jsonl")
    assert (len(first.facts), len(second)) == (44, 44)
    strict = evidence_agreement(first.facts, second, "iou")
    assert len(strict.pairs) == 40
    assert strict.f1 == pytest.approx(40 / 44, abs=1e-12)
    contained = evidence_agreement(first.facts, second, "containment")
    assert len(contained.pairs) == 43
    assert contained.f1 == pytest.approx(43 / 44, abs=1e-12)


def test_dataset_card_reports_the_computed_agreement() -> None:
    """The card's agreement table must be what the stored passes give (it cannot go stale)."""
    import dataclasses

    from benchmark.data.loading import load_dataset
    from benchmark.scoring import score_predictions

    card = (DOC_DIR.parents[1] / "README.md").read_text(encoding="utf-8")
    first = GoldSet.from_dict(json.loads((DOC_DIR / "first_pass.json").read_text(encoding="utf-8")))
    second = read_predictions(DOC_DIR / "second_pass.jsonl")
    dataset = load_dataset()
    rows = []
    for measure in ("iou", "containment"):
        a = evidence_agreement(first.facts, second, measure)
        rows.append((len(a.pairs), a.precision, a.recall, a.f1))
    for gold in (first, dataset.gold_for(first.document_id)):
        m = score_predictions(dataclasses.replace(dataset, gold=(gold,)), second).metrics
        rows.append((m.tp, m.precision, m.recall, m.f1))
    first_rows, adjudicated = rows[:3], rows[3]
    for pairs, precision, recall, f1 in first_rows:
        assert f"| {pairs} | {precision:.3f} | {recall:.3f} | {f1:.3f} |" in card
    _, precision, recall, f1 = adjudicated
    assert f"P {precision:.3f}, R {recall:.3f}, F1 {f1:.3f}" in card

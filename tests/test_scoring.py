"""score_predictions: pairing, reasons, near misses, unknown documents, determinism."""

from __future__ import annotations

import dataclasses
import gc
import pickle
from collections.abc import Sequence
from pathlib import Path

import pytest
from matcher_cases import document, fixture_dataset, gold, gold_as_predictions

from benchmark.matching import MatchContext, MatchScore
from benchmark.metrics.bootstrap import paired_bootstrap
from benchmark.metrics.outcomes import Outcome
from benchmark.metrics.summary import compute_metrics
from benchmark.model import Fact, Prediction
from benchmark.results import ExtractorInfo, build_results, read_results, write_results
from benchmark.scoring import (
    GoldDecision,
    PredictionDecision,
    outcomes_of,
    score_predictions,
)
from benchmark.testing.synthetic import SyntheticConfig, synthetic_dataset

DOC = "cnn-2013-02-mali-offensive"


def triple(subject: str, predicate: str, obj: str, **extra: object) -> Prediction:
    return Prediction(document_id=DOC, subject=subject, predicate=predicate, object=obj,
                      **extra)  # type: ignore[arg-type]


def test_gold_as_predictions_scores_perfectly() -> None:
    scoring = score_predictions(fixture_dataset(), gold_as_predictions(gold()),
                                bootstrap_samples=50)
    m = scoring.metrics
    assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)
    assert all(d.reason == "matched" for d in scoring.predictions)
    assert all(g.status == "matched" for g in scoring.gold)


def test_reasons_for_each_kind_of_prediction() -> None:
    predictions = [
        triple("French forces", "freed", "Timbuktu"),                 # 0 matched g07
        triple("Timbuktu", "was freed by", "French forces"),          # 1 duplicate of g07
        triple("France", "has", "4,000 soldiers in Mali"),            # 2 g16 (4,000 fact)
        triple("France", "has", "nearly 3,000 soldiers in Mali"),     # 3 number mismatch
        Prediction(document_id="no-such-doc", statement="Anything."),  # 4 unknown document
        triple("Le Drian", "offered", "additional details"),          # 5 negation mismatch
    ]
    scoring = score_predictions(fixture_dataset(), predictions, bootstrap_samples=50)
    by_index = {d.index: d for d in scoring.predictions}
    # 0 and 1 both express g07 with score 1: one is credited (which one depends only on their
    # content, never on their order), the other is a duplicate.
    assert {by_index[0].reason, by_index[1].reason} == {"matched", "duplicate"}
    assert [by_index[i].reason for i in range(2, 6)] == [
        "matched", "number_mismatch", "unknown_document", "negation_mismatch"]
    credited, duplicate = sorted((by_index[0], by_index[1]), key=lambda d: d.reason != "matched")
    assert credited.gold_id == "g07" and duplicate.gold_id is None
    assert duplicate.nearest is not None and duplicate.nearest.gold_id == "g07"
    assert f"credited to prediction {credited.index}" in duplicate.detail
    assert by_index[3].nearest is not None and by_index[3].nearest.gold_id in ("g15", "g16")
    assert by_index[5].nearest is not None and by_index[5].nearest.gold_id == "g03"
    assert by_index[4].outcome == "fp" and by_index[4].nearest is None
    statuses = {g.gold_id: g for g in scoring.gold}
    assert statuses["g07"].status == "matched"
    assert statuses["g07"].prediction_index == credited.index
    assert statuses["g03"].status == "missed"
    near = statuses["g03"].nearest_miss
    assert near is not None and (near.prediction_index, near.reason) == (5, "negation_mismatch")
    m = scoring.metrics
    assert (m.tp, m.fp) == (2, 4)
    assert m.fn == sum(f.required for f in gold().facts) - 2


def test_optional_facts_are_neither_rewarded_nor_punished() -> None:
    optional = [f for f in gold().facts if f.id == "g19"]
    assert optional
    from dataclasses import replace

    from benchmark.model import Dataset, GoldSet

    gold_set = GoldSet(gold().document_id, gold().entities,
                       tuple(replace(f, required=False) if f.id == "g19" else f
                             for f in gold().facts))
    dataset = Dataset("t", "0", (document(),), (gold_set,), "0" * 64)
    found = score_predictions(dataset, [triple("Mali", "is a former colony of", "France")],
                              bootstrap_samples=20)
    (decision,) = found.predictions
    assert (decision.reason, decision.outcome, decision.gold_id) == ("optional", "ignored", "g19")
    assert (found.metrics.tp, found.metrics.fp, found.metrics.ignored) == (0, 0, 1)
    missed = score_predictions(dataset, [], bootstrap_samples=20)
    status = {g.gold_id: g.status for g in missed.gold}
    assert status["g19"] == "optional_unmatched"
    assert missed.metrics.fn == sum(f.required for f in gold_set.facts)


def test_no_predictions_is_defined_and_warned() -> None:
    scoring = score_predictions(fixture_dataset(), [], bootstrap_samples=20)
    m = scoring.metrics
    assert (m.precision, m.recall, m.f1, m.tp, m.fp) == (0.0, 0.0, 0.0, 0, 0)
    assert any("no predictions" in w for w in m.warnings)
    assert m.confidence is None


def test_workers_give_identical_results() -> None:
    dataset, predictions = synthetic_dataset(SyntheticConfig(documents=12, seed=3))
    one = score_predictions(dataset, predictions, bootstrap_samples=50)
    two = score_predictions(dataset, predictions, bootstrap_samples=50, workers=2)
    assert one == two


def _outcomes_one_by_one(predictions: Sequence[PredictionDecision],
                         gold: Sequence[GoldDecision]) -> list[Outcome]:
    """What each decision counts as, read off the decision alone (the reference)."""
    facts = {(g.document_id, g.gold_id): g for g in gold}
    counted = []
    for d in predictions:
        if d.outcome == "ignored":
            continue
        key = d.gold_id if d.outcome == "tp" else (d.nearest.gold_id if d.nearest else None)
        g = facts.get((d.document_id, key))
        slots = None if d.outcome != "tp" or d.slots is None else (
            d.slots[0] >= 0.5, d.slots[1] >= 0.5, d.slots[2] >= 0.5)
        counted.append(Outcome(d.outcome, d.document_id, key,  # type: ignore[arg-type]
                               g.category if g else None, g.modality if g else None,
                               g.segments if g else (), d.prediction.confidence, slots))
    counted += [Outcome("fn", g.document_id, g.gold_id, g.category, g.modality, g.segments)
                for g in gold if g.status == "missed"]
    return counted


def test_outcomes_recounted_from_a_results_file_are_the_scored_ones(tmp_path: Path) -> None:
    # `bench compare` recounts outcomes from the decisions of results files; scoring counts
    # them from its own rows. Exact copies with other confidences: each keeps its own.
    dataset, predictions = synthetic_dataset(SyntheticConfig(documents=6, seed=2))
    predictions = [*predictions, *(dataclasses.replace(p, confidence=0.5)
                                   for p in predictions[:60])]
    scoring = score_predictions(dataset, predictions, bootstrap_samples=50)
    assert any(d.detail.startswith("same content") for d in scoring.predictions)
    saved = read_results(write_results(tmp_path / "results.json", build_results(
        scoring, dataset, "lenient", ExtractorInfo("test", "1", "memory"))))
    recounted = outcomes_of(saved.predictions, saved.gold)
    assert sorted(recounted) == sorted(_outcomes_one_by_one(scoring.predictions, scoring.gold))
    ignored = sum(d.outcome == "ignored" for d in scoring.predictions)
    assert compute_metrics(recounted, dataset.document_ids, ignored=ignored,
                           samples=50) == scoring.metrics


def test_scoring_hands_the_garbage_collector_back_as_it_found_it() -> None:
    dataset, predictions = synthetic_dataset(SyntheticConfig(documents=2, seed=1))
    assert gc.isenabled()
    score_predictions(dataset, predictions, bootstrap_samples=10)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        score_predictions(dataset, predictions, bootstrap_samples=10)
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()  # a caller's own freeze survives scoring
    try:
        frozen = gc.get_freeze_count()
        score_predictions(dataset, predictions, bootstrap_samples=10)
        assert frozen > 0 and gc.get_freeze_count() > frozen // 2  # still frozen
    finally:
        gc.unfreeze()


def test_scoring_leaves_its_results_in_the_oldest_generation() -> None:
    # else the first collection after scoring walks every decision only to promote it
    dataset, predictions = synthetic_dataset(SyntheticConfig(documents=5, seed=1))
    gc.collect()
    scoring = score_predictions(dataset, predictions, bootstrap_samples=10)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert len(scoring.predictions) > 100
    assert all(id(d) in oldest for d in (*scoring.predictions, *scoring.gold))


def test_inputs_and_decisions_survive_pickling() -> None:
    # Worker processes send decisions back pickled; the model classes use __slots__.
    dataset, predictions = synthetic_dataset(SyntheticConfig(documents=2, seed=1))
    scoring = score_predictions(dataset, predictions, bootstrap_samples=10)
    for value in (dataset, predictions, scoring.predictions, scoring.gold):
        assert pickle.loads(pickle.dumps(value)) == value


class FirstWordMatcher:
    """A third-party matcher with only ``score`` (no batch method): still usable."""

    name = "first-word"
    version = "0"
    default_threshold = 1.0

    def score(self, prediction: Prediction, fact: Fact, context: MatchContext) -> MatchScore:
        same = prediction.text().split()[0].lower() == fact.subject.split()[0].lower()
        return MatchScore(float(same), "matched" if same else "below_threshold", "first word")


def test_a_plain_protocol_matcher_is_accepted() -> None:
    scoring = score_predictions(fixture_dataset(), [triple("Sandstorms", "x", "y")],
                                matcher=FirstWordMatcher(), bootstrap_samples=20)
    (decision,) = scoring.predictions
    assert decision.gold_id == "g11" and scoring.matcher == "first-word"


def _decisions(predictions: Sequence[Prediction]) -> list[str]:
    scoring = score_predictions(fixture_dataset(), predictions, bootstrap_samples=20)
    return [d.reason for d in scoring.predictions]


def test_threshold_override() -> None:
    prediction = [triple("French troops", "freed", "Timbuktu from militants in the desert")]
    assert _decisions(prediction) == ["matched"]
    strict = score_predictions(fixture_dataset(), prediction, threshold=0.99,
                               bootstrap_samples=20)
    assert strict.predictions[0].reason == "below_threshold"
    assert strict.threshold == 0.99


def test_a_repeated_prediction_is_credited_once() -> None:
    """Found by hypothesis: the same statement is close to two gold facts (two withdrawal
    plans); repeating it must not collect both."""
    said = Prediction(document_id=DOC, statement="France expects to begin pulling its troops "
                                                 "out of Mali in March.")
    once = score_predictions(fixture_dataset(), [said], bootstrap_samples=20)
    twice = score_predictions(fixture_dataset(), [said, said], bootstrap_samples=20)
    assert twice.metrics.tp == once.metrics.tp == 1
    assert [d.reason for d in twice.predictions] == ["matched", "duplicate"]
    assert "same content as prediction 0" in twice.predictions[1].detail
    # The most confident copy is the one credited, whatever the order.
    copies = [dataclasses.replace(said, confidence=c) for c in (0.2, 0.9)]
    scored = score_predictions(fixture_dataset(), copies, bootstrap_samples=20)
    assert [d.outcome for d in scored.predictions] == ["fp", "tp"]


@pytest.mark.parametrize("samples", [0, -5, 2.5, True])
def test_bootstrap_samples_below_one_are_refused_before_scoring(samples: object) -> None:
    # (0 used to score every document, then fail in numpy's percentile with an IndexError)
    with pytest.raises(ValueError, match="at least 1"):
        score_predictions(fixture_dataset(), [], bootstrap_samples=samples)  # type: ignore[arg-type]
    # before the matcher is even looked up
    with pytest.raises(ValueError, match="at least 1"):
        score_predictions(fixture_dataset(), [], matcher="no-such-matcher",
                          bootstrap_samples=samples)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 1"):
        paired_bootstrap([Outcome("tp", "d1")], [Outcome("fn", "d1")], samples=samples)  # type: ignore[arg-type]



def test_a_numpy_integer_is_a_sample_count() -> None:
    import numpy as np

    scoring = score_predictions(fixture_dataset(), [], bootstrap_samples=np.int64(20))  # type: ignore[arg-type]
    assert scoring.metrics.bootstrap["samples"] == 20

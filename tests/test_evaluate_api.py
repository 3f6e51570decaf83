"""The library API: ``evaluate`` takes names, objects and functions; results are typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from extractors.fixture_data import make_annotations

import benchmark
from benchmark.api import evaluate, predictions_of, run_evaluation
from benchmark.extractors.baselines.null import NullExtractor
from benchmark.model.document import Document

pytestmark = pytest.mark.slow


@pytest.fixture()
def annotations(tmp_path: Path) -> Path:
    return make_annotations(tmp_path / "annotations")


def test_evaluate_a_name(annotations: Path) -> None:
    results = evaluate("oracle", annotations=annotations)
    assert (results.metrics.precision, results.metrics.recall) == (1.0, 1.0)
    assert results.extractor is not None and results.extractor.name == "oracle"


def test_evaluate_an_importable_object_in_a_worker(annotations: Path) -> None:
    results = evaluate(NullExtractor(), annotations=annotations)
    assert results.metrics.recall == 0.0
    assert results.extractor is not None
    assert results.extractor.source == "object:benchmark.extractors.baselines.null:NullExtractor"


def test_evaluate_a_local_function_in_process(annotations: Path) -> None:
    def first_sentence(document: Document) -> list[dict[str, Any]]:
        return [{"statement": document.text.split("\n\n")[1]}]

    evaluation = run_evaluation(first_sentence, annotations=annotations, matcher="lenient")
    assert [p.statement for p in evaluation.predictions] == [
        "The council approved the budget.", "The army captured the town.",
    ]
    assert predictions_of(evaluation.results) == evaluation.predictions
    assert evaluation.results.metrics.tp == 2


def test_in_process_errors_are_recorded_too(annotations: Path) -> None:
    def broken(document: Document) -> list[dict[str, Any]]:
        raise RuntimeError("nope")

    results = evaluate(broken, annotations=annotations)
    assert [(e.document_id, e.kind) for e in results.run.errors] == [
        ("doc-a", "exception"), ("doc-b", "exception"),
    ]


def test_package_exports_evaluate_lazily() -> None:
    assert benchmark.evaluate is evaluate


def test_scoring_and_comparison_are_reexported() -> None:
    from benchmark.results.compare import compare_results
    from benchmark.scoring import score_predictions

    assert benchmark.score_predictions is score_predictions
    assert benchmark.compare_results is compare_results
    with pytest.raises(AttributeError):
        _ = benchmark.api.no_such_name  # type: ignore[attr-defined]

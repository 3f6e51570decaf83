"""The library API: what the ``bench`` CLI wraps, for use from Python.

    >>> from benchmark import evaluate
    >>> results = evaluate("oracle")              # a name, module:attr, file.py, or an object
    >>> results.metrics.f1
    1.0

Scoring stored predictions and comparing results files are re-exported from the modules
that own them, so ``benchmark.api`` is the one import a script needs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmark.extractors.resolution import ExtractorSpec
from benchmark.run.checking import DEFAULT_MAX_FACTS
from benchmark.run.runner import DEFAULT_TIMEOUT, ProgressCallback, RunOptions, RunOutcome

if TYPE_CHECKING:
    from benchmark.matching.protocol import Matcher
    from benchmark.model.dataset import Dataset
    from benchmark.model.prediction import Prediction
    from benchmark.results.model import Results


@dataclass(frozen=True)
class Evaluation:
    """A run and its scoring: the results file and the predictions JSONL it was scored from."""

    results: Results
    predictions: tuple[Prediction, ...]
    outcome: RunOutcome
    dataset: Dataset  # what was scored against (cut to --limit documents)


def evaluate(
    extractor: str | ExtractorSpec | object,
    *,
    annotations: str | Path | None = None,
    matcher: str | Matcher = "lenient",
    threshold: float | None = None,
    jobs: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    max_facts: int = DEFAULT_MAX_FACTS,
    limit: int | None = None,
    cache_dir: str | Path | None = None,
    resume: bool = False,
    fail_fast: bool = False,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Results:
    """Run ``extractor`` on the documents (isolated, in worker processes) and score it."""
    return run_evaluation(
        extractor, annotations=annotations, matcher=matcher, threshold=threshold, jobs=jobs,
        timeout=timeout, max_facts=max_facts, limit=limit, cache_dir=cache_dir, resume=resume,
        fail_fast=fail_fast, seed=seed, progress=progress,
    ).results


def run_evaluation(
    extractor: str | ExtractorSpec | object,
    *,
    annotations: str | Path | None = None,
    matcher: str | Matcher = "lenient",
    threshold: float | None = None,
    jobs: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    max_facts: int = DEFAULT_MAX_FACTS,
    limit: int | None = None,
    cache_dir: str | Path | None = None,
    resume: bool = False,
    fail_fast: bool = False,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Evaluation:
    """:func:`evaluate`, also returning the predictions and the raw run outcome."""
    from benchmark.data.loading import load_dataset
    from benchmark.results.environment import now_utc
    from benchmark.run.runner import run_extractor

    started_at, started = now_utc(), time.perf_counter()
    preload = _preload_scoring()
    dataset = load_dataset(Path(annotations) if annotations is not None else None)
    spec = extractor_spec(extractor)
    documents = dataset.documents if limit is None else dataset.documents[: max(0, limit)]
    options = RunOptions(
        jobs=max(1, jobs), timeout=timeout, max_facts=max_facts,
        cache_dir=Path(cache_dir) if cache_dir is not None else None, resume=resume,
        fail_fast=fail_fast, annotations=dataset.root, progress=progress,
    )
    outcome = run_extractor(spec, documents, options)
    preload.join()
    from benchmark.scoring import score_predictions

    scored_on = _restricted(dataset, documents) if limit is not None else dataset
    scoring_started = time.perf_counter()
    scoring = score_predictions(scored_on, outcome.predictions, matcher=matcher,
                                threshold=threshold, seed=seed)
    finished = time.perf_counter()
    results = _results(scoring, scored_on, matcher, spec, outcome, started_at,
                       score_seconds=finished - scoring_started, total=finished - started)
    return Evaluation(results, outcome.predictions, outcome, scored_on)


def _preload_scoring() -> threading.Thread:
    """Import scoring (numpy, scipy: about a second) while the workers extract, so a short
    run does not pay for the imports after the extraction; the parent is idle meanwhile."""

    def load() -> None:
        import contextlib
        import importlib

        with contextlib.suppress(Exception):  # a real import error surfaces when scoring
            import benchmark.results.build
            import benchmark.scoring  # noqa: F401

            # what scoring imports lazily: the assignment solver and the bootstrap
            importlib.import_module("numpy")
            importlib.import_module("scipy.optimize")

    thread = threading.Thread(target=load, name="preload-scoring", daemon=True)
    thread.start()
    return thread


def extractor_spec(extractor: str | ExtractorSpec | object) -> ExtractorSpec:
    """A name/path/``module:attr`` string, a spec, or an extractor object or function."""
    from benchmark.extractors.resolution import object_spec, resolve

    if isinstance(extractor, ExtractorSpec):
        return extractor
    if isinstance(extractor, str):
        return resolve(extractor)
    return object_spec(extractor)


def _restricted(dataset: Dataset, documents: Sequence[Any]) -> Dataset:
    """The dataset cut to the documents actually run (``--limit``), so recall is fair."""
    from dataclasses import replace

    kept = {d.id for d in documents}
    return replace(
        dataset,
        documents=tuple(d for d in dataset.documents if d.id in kept),
        gold=tuple(g for g in dataset.gold if g.document_id in kept),
    )


def _results(
    scoring: Any, dataset: Dataset, matcher: str | Matcher, spec: ExtractorSpec,
    outcome: RunOutcome, started_at: str, score_seconds: float, total: float,
) -> Results:
    from benchmark.results.build import build_results
    from benchmark.results.model import Durations, ExtractorInfo, RunError, RunInfo

    errors = tuple(
        RunError(e.document_id, e.kind, e.message, e.json_path, e.fix) for e in outcome.errors
    )
    run = RunInfo(
        started_at=started_at,
        durations=Durations(outcome.extract_seconds, score_seconds, total),
        errors=errors,
    )
    extractor = ExtractorInfo(outcome.extractor_name, outcome.extractor_version, spec.source)
    return build_results(scoring, dataset, matcher, extractor=extractor, run=run)


def predictions_of(results: Results) -> tuple[Prediction, ...]:
    """The scored predictions of a results file, in their original order."""
    ordered = sorted(results.predictions, key=lambda decision: decision.index)
    return tuple(decision.prediction for decision in ordered)


def __getattr__(name: str) -> Any:
    """Scoring and comparison live with their owners; re-exported lazily."""
    import importlib

    owners = {
        "score_predictions": "benchmark.scoring",
        "build_results": "benchmark.results",
        "read_results": "benchmark.results",
        "write_results": "benchmark.results",
        "compare_results": "benchmark.results.compare",
        "read_predictions": "benchmark.data.predictions",
        "load_dataset": "benchmark.data.loading",
    }
    if name in owners:
        return getattr(importlib.import_module(owners[name]), name)
    raise AttributeError(f"module 'benchmark.api' has no attribute {name!r}")

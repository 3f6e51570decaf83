"""Assemble a :class:`Results` from a scoring and what is known about the run."""

from __future__ import annotations

from typing import Any

from benchmark.matching.protocol import Matcher
from benchmark.model.dataset import Dataset
from benchmark.results.environment import environment, now_utc, package_version, reproducible
from benchmark.results.model import (
    DatasetInfo,
    Durations,
    ExtractorInfo,
    HarnessInfo,
    MatcherInfo,
    Results,
    RunInfo,
)
from benchmark.scoring import Scoring, resolve_matcher


def matcher_info(matcher: str | Matcher, threshold: float) -> MatcherInfo:
    resolved = resolve_matcher(matcher)
    settings_method = getattr(resolved, "settings", None)
    settings: dict[str, Any] = settings_method() if callable(settings_method) else {}
    return MatcherInfo(name=resolved.name, version=getattr(resolved, "version", "unknown"),
                       threshold=threshold, settings=settings)


def normalise_run(run: RunInfo | None) -> RunInfo:
    """The run as written: with SOURCE_DATE_EPOCH set, its start time and zero durations."""
    if run is None:
        run = RunInfo(started_at=now_utc(), durations=Durations(None, 0.0, 0.0))
    if reproducible():
        extract = None if run.durations.extract is None else 0.0
        run = RunInfo(started_at=now_utc(), durations=Durations(extract, 0.0, 0.0),
                      errors=run.errors)
    return run


def build_results(scoring: Scoring, dataset: Dataset, matcher: str | Matcher,
                  extractor: ExtractorInfo | None = None, run: RunInfo | None = None) -> Results:
    return Results(
        harness=HarnessInfo("extractbench", package_version("extractbench") or "unknown"),
        dataset=DatasetInfo(dataset.name, dataset.version, dataset.sha256,
                            len(dataset.documents)),
        matcher=matcher_info(matcher, scoring.threshold),
        extractor=extractor,
        run=normalise_run(run),
        environment=environment(),
        metrics=scoring.metrics,
        predictions=scoring.predictions,
        gold=scoring.gold,
    )

"""The results file: its typed model, how it is built from a scoring, written and read."""

from benchmark.results.build import build_results
from benchmark.results.io import ResultsError, dumps_results, read_results, write_results
from benchmark.results.model import (
    DatasetInfo,
    Durations,
    ExtractorInfo,
    HarnessInfo,
    MatcherInfo,
    Results,
    RunError,
    RunInfo,
)

__all__ = [
    "DatasetInfo",
    "Durations",
    "ExtractorInfo",
    "HarnessInfo",
    "MatcherInfo",
    "Results",
    "ResultsError",
    "RunError",
    "RunInfo",
    "build_results",
    "dumps_results",
    "read_results",
    "write_results",
]

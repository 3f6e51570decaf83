"""``bench score PREDICTIONS.jsonl``: score stored predictions against the shipped gold."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmark.model.dataset import Dataset
    from benchmark.model.prediction import Prediction
    from benchmark.validation.issues import ValidationIssue


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("predictions", type=Path, metavar="PREDICTIONS.jsonl",
                        help="one predicted fact per line (see schemas/prediction.schema.json)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", default=None,
                        help="write the results file here (JSON, schemas/results.schema.json)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace --output if it exists (default: refuse)")
    parser.add_argument("--matcher", default="lenient",
                        help="matcher name (default: lenient; see `bench list`)")
    parser.add_argument("--threshold", type=float, default=None, metavar="T",
                        help="match threshold in [0, 1] (default: the matcher's own)")
    parser.add_argument("--name", default=None,
                        help="extractor name recorded in the results (default: the file stem)")
    parser.add_argument("--version", dest="extractor_version", default=None,
                        help="extractor version recorded in the results")
    parser.add_argument("--annotations", type=Path, metavar="DIR", default=None,
                        help="annotations directory (default: the shipped gold)")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="score documents in N processes (same results; default: 1)")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from benchmark.data.loading import DatasetError, load_dataset
    from benchmark.data.predictions import read_predictions
    from benchmark.matching.registry import UnknownMatcher, get_matcher
    from benchmark.results import ExtractorInfo, ResultsError, build_results, write_results
    from benchmark.results.environment import now_utc
    from benchmark.results.model import Durations, RunInfo
    from benchmark.results.report import print_report
    from benchmark.scoring import score_predictions
    from benchmark.validation.issues import ValidationFailed

    if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
        return _fail(f"bench score: --threshold {args.threshold}: must be in [0, 1] "
                     "(pass a value such as 0.65)")
    if args.output is not None and args.output.exists() and not args.overwrite:
        return _fail(f"{args.output}: already exists (pass --overwrite to replace it)")
    started_at = now_utc()
    try:
        matcher = get_matcher(args.matcher)
    except UnknownMatcher as exc:
        return _fail(f"bench score: --matcher: {exc}")
    try:
        predictions = read_predictions(args.predictions)
    except ValidationFailed as failed:
        for issue in failed.issues:
            print(issue, file=sys.stderr)
        return 2
    try:
        dataset = load_dataset(args.annotations)
    except DatasetError as exc:
        return _fail(str(exc))
    # The same checks as `bench validate`: a line for an unknown document or with evidence
    # outside the text is bad input, reported before anything is scored.
    issues = _semantic_issues(args.predictions, predictions, dataset)
    if issues:
        for issue in issues:
            print(issue, file=sys.stderr)
        return 2
    scoring_started = time.perf_counter()
    scoring = score_predictions(dataset, predictions, matcher, args.threshold, seed=args.seed,
                                workers=max(1, args.workers))
    finished = time.perf_counter()
    run_info = RunInfo(started_at, Durations(None, finished - scoring_started, finished - started))
    extractor = ExtractorInfo(args.name or args.predictions.stem, args.extractor_version,
                              str(args.predictions))
    results = build_results(scoring, dataset, matcher, extractor, run_info)
    if args.output is not None:
        try:
            write_results(args.output, results, overwrite=args.overwrite)
        except ResultsError as exc:
            return _fail(str(exc))
    print_report(results, dataset, sys.stdout)
    if args.output is not None:
        print(f"wrote {args.output}")
    return 0


def _semantic_issues(path: Path, predictions: Sequence[Prediction], dataset: Dataset
                     ) -> list[ValidationIssue]:
    from benchmark.validation.semantic import prediction_issues

    documents = {d.id: d for d in dataset.documents}
    return [issue for p in predictions
            for issue in prediction_issues(p, documents, str(path), p.line)]

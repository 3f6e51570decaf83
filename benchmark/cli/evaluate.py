"""``bench evaluate NAME``: run an extractor on the documents, score it, write the run folder.

The run folder (``--output-dir``, default ``runs/NAME``) gets ``predictions.jsonl`` (what
``bench score`` reads) and ``results.json``, both written atomically; an existing results
file is kept unless ``--overwrite``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmark.api import Evaluation
    from benchmark.extractors.resolution import ExtractorSpec
    from benchmark.run.runner import ProgressCallback

SHOWN_ERRORS = 20
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "extractor", nargs="?", metavar="NAME",
        help="an extractor from `bench list`, package.module:attr, path/to/file.py "
             "(its extract) or path/to/file.py:attr",
    )
    parser.add_argument(
        "--command", dest="command_line", metavar='"CMD ARGS"', default=None,
        help="a program in any language: one document JSON per line on stdin, one JSON line "
             "(a list of facts or {\"facts\": [...]}) per document on stdout",
    )
    parser.add_argument("--name", default=None, help="extractor name for --command")
    parser.add_argument("--extractor-version", default=None, metavar="V",
                        help="extractor version for --command (part of the cache key)")
    parser.add_argument("--annotations", type=Path, metavar="DIR", default=None,
                        help="annotations directory (default: the shipped dataset)")
    parser.add_argument("--matcher", default="lenient",
                        help="matcher name (default: lenient; see `bench list`)")
    parser.add_argument("--threshold", type=float, default=None, metavar="T",
                        help="match threshold in [0, 1] (default: the matcher's own)")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    parser.add_argument("--output-dir", type=Path, metavar="DIR", default=None,
                        help="run folder for predictions.jsonl and results.json "
                             "(default: runs/NAME)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an existing results file in the run folder")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="worker processes (default: 1)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="per-document time limit; the worker is killed after it "
                             "(default: 60)")
    parser.add_argument("--max-facts", type=int, default=1000, metavar="N",
                        help="facts kept per document; more are truncated (default: 1000)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="run and score only the first N documents")
    parser.add_argument("--cache-dir", type=Path, default=Path(".extractbench-cache"),
                        metavar="DIR", help="prediction cache (default: .extractbench-cache)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the prediction cache")
    parser.add_argument("--resume", action="store_true",
                        help="reuse cached predictions (same extractor name, version and "
                             "document text) instead of extracting again")
    parser.add_argument("--fail-fast", action="store_true",
                        help="stop at the first document error instead of recording it")


def _fail(message: str) -> int:
    print(f"bench evaluate: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _usage_problem(args: argparse.Namespace) -> str | None:
    if (args.extractor is None) == (args.command_line is None):
        return "give an extractor NAME or --command \"CMD ARGS\" (exactly one)"
    checks = [
        (args.jobs < 1, f"--jobs {args.jobs}: must be at least 1"),
        (args.timeout <= 0, f"--timeout {args.timeout:g}: must be positive (seconds)"),
        (args.max_facts < 1, f"--max-facts {args.max_facts}: must be at least 1"),
        (args.limit is not None and args.limit < 1, f"--limit {args.limit}: must be at least 1"),
        (args.threshold is not None and not 0.0 <= args.threshold <= 1.0,
         f"--threshold {args.threshold}: must be in [0, 1] (pass a value such as 0.65)"),
        (args.resume and args.no_cache, "--resume needs the cache; drop --no-cache"),
    ]
    return next((message for failed, message in checks if failed), None)


def _spec(args: argparse.Namespace) -> ExtractorSpec:
    from benchmark.extractors.resolution import command_spec, resolve

    if args.command_line is not None:
        return command_spec(args.command_line, name=args.name, version=args.extractor_version)
    return resolve(args.extractor)


def run_folder(args: argparse.Namespace, spec: ExtractorSpec) -> Path:
    if args.output_dir is not None:
        path: Path = args.output_dir
        return path
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", spec.name).strip("-.") or "extractor"
    return Path("runs") / slug


def run(args: argparse.Namespace) -> int:
    from benchmark.extractors.loading import ResolutionError

    problem = _usage_problem(args)
    if problem is not None:
        return _fail(problem)
    try:
        spec = _spec(args)
    except ResolutionError as exc:
        return _resolution_failed(exc)
    folder = run_folder(args, spec)
    results_path = folder / "results.json"
    if results_path.exists() and not args.overwrite:
        return _fail(f"{results_path}: already exists (pass --overwrite to replace it, or "
                     "choose another --output-dir)")
    try:
        evaluation = _evaluate(args, spec)
    except ResolutionError as exc:
        return _resolution_failed(exc)
    except Exception as exc:
        if not _expected_failure(exc):
            raise
        details = getattr(exc, "details", "")
        if details:
            print(details.rstrip(), file=sys.stderr)
        return _fail(str(exc))
    try:
        _write(folder, evaluation, args.overwrite)
    except Exception as exc:
        if not _expected_failure(exc):
            raise
        return _fail(str(exc))
    _report(evaluation, folder)
    return _exit_status(evaluation)


# Kinds of error after which a document produced nothing at all.
_NOTHING_EXTRACTED = frozenset({"exception", "timeout", "crash", "invalid_output"})
EXIT_ALL_FAILED = 1


def _exit_status(evaluation: Evaluation) -> int:
    """1 when the extractor failed on every document (the results are still written, so the
    failures can be read), else 0: a script running `bench evaluate` should notice."""
    results = evaluation.results
    failed = {e.document_id for e in results.run.errors if e.kind in _NOTHING_EXTRACTED}
    documents = results.dataset.documents
    if documents and len(failed) >= documents:
        print(f"bench evaluate: the extractor failed on all {documents} document(s); see the "
              "document errors above and fix the extractor", file=sys.stderr)
        return EXIT_ALL_FAILED
    return 0


def _resolution_failed(exc: Any) -> int:
    if exc.details:
        print(exc.details.rstrip(), file=sys.stderr)
    return _fail(str(exc))


def _expected_failure(exc: Exception) -> bool:
    """Bad input or a failed run: one line and exit 2, not a traceback."""
    from benchmark.data.loading import DatasetError
    from benchmark.matching.registry import UnknownMatcher
    from benchmark.results.io import ResultsError
    from benchmark.run.errors import FatalRunError

    return isinstance(exc, (FatalRunError, DatasetError, UnknownMatcher, ResultsError, OSError))


def _evaluate(args: argparse.Namespace, spec: ExtractorSpec) -> Evaluation:
    from benchmark.api import run_evaluation

    with _progress() as progress:
        return run_evaluation(
            spec, annotations=args.annotations, matcher=args.matcher,
            threshold=args.threshold, jobs=args.jobs, timeout=args.timeout,
            max_facts=args.max_facts, limit=args.limit,
            cache_dir=None if args.no_cache else args.cache_dir, resume=args.resume,
            fail_fast=args.fail_fast, seed=args.seed, progress=progress,
        )


def _write(folder: Path, evaluation: Evaluation, overwrite: bool) -> None:
    from benchmark.data.predictions import dump_prediction_lines
    from benchmark.files import atomic_write_text
    from benchmark.results.io import write_results

    folder.mkdir(parents=True, exist_ok=True)
    results_path = folder / "results.json"
    if results_path.exists() and not overwrite:  # appeared while the run was going
        raise FileExistsError(f"{results_path}: already exists (pass --overwrite to replace it)")
    atomic_write_text(folder / "predictions.jsonl", dump_prediction_lines(evaluation.predictions))
    write_results(results_path, evaluation.results, overwrite=overwrite)


def _report(evaluation: Evaluation, folder: Path) -> None:
    from benchmark.results.report import print_report

    results = evaluation.results
    extractor = results.extractor
    if extractor is not None:
        print(f"extractor {extractor.name} {extractor.version} ({extractor.source}), "
              f"{results.dataset.documents} document(s), "
              f"{evaluation.outcome.cached_documents} from the cache")
    print_report(results, evaluation.dataset, sys.stdout)
    errors = results.run.errors
    if errors:
        print(f"document errors ({len(errors)}); the run went on without their facts:")
        for error in errors[:SHOWN_ERRORS]:
            fix = f" ({error.fix})" if error.fix else ""
            print(f"  {error.document_id}: {error.kind}: {error.json_path}: {error.message}{fix}")
        if len(errors) > SHOWN_ERRORS:
            print(f"  ... and {len(errors) - SHOWN_ERRORS} more in {folder / 'results.json'}")
    print(f"wrote {folder / 'predictions.jsonl'} and {folder / 'results.json'}")


class _progress:
    """A rich progress bar on a terminal, plain ``[done/total] id status`` lines otherwise."""

    def __enter__(self) -> ProgressCallback:
        self._bar: Any = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("extracting", total=None)
        return self._update

    def _update(self, done: int, total: int, document_id: str, status: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total,
                             description=f"{document_id} {status}")
            return
        print(f"[{done}/{total}] {document_id} {status}", file=sys.stderr)

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

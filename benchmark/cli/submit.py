"""``bench submit RESULTS.json --name NAME ...``: make a leaderboard submission folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmark.cli.check import add_root_argument, resolve_root
from benchmark.leaderboard.submission import EXTRACTOR_KINDS, ExtractorKind

SHIPPED_BASELINES = ("null", "oracle", "sentences", "rules")
BASELINE_AUTHORS = "extractbench contributors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "results",
        type=Path,
        metavar="RESULTS.json",
        help="results.json of the run (its predictions.jsonl is copied)",
    )
    parser.add_argument("--name", required=True, help="the system's display name (unique)")
    parser.add_argument(
        "--authors",
        nargs="+",
        metavar="AUTHOR",
        default=None,
        help="people or organisations, in citation order",
    )
    parser.add_argument("--url", default=None, help="https link to a paper, repository or card")
    parser.add_argument(
        "--kind",
        choices=EXTRACTOR_KINDS,
        default=None,
        help="extractor kind (default: baseline for the shipped baselines)",
    )
    parser.add_argument("--description", default="", help="one paragraph, plain text")
    parser.add_argument(
        "--version", default=None, help="the system's version (default: the extractor's, else 1.0)"
    )
    parser.add_argument(
        "--license", default="CC-BY-4.0", help="license of the predictions (default: CC-BY-4.0)"
    )
    parser.add_argument(
        "--date", default=None, help="YYYY-MM-DD of the run (default: when the run started)"
    )
    parser.add_argument(
        "--slug", default=None, help="folder name under submissions/ (default: from the name)"
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="overwrite an existing submission folder of the same slug",
    )
    add_root_argument(parser)


def _fail(message: str) -> int:
    print(f"bench submit: {message}", file=sys.stderr)
    return 1


def _kind_and_authors(args: argparse.Namespace) -> tuple[ExtractorKind, tuple[str, ...]] | str:
    """The kind and authors to record, or the one-line reason they cannot be chosen."""
    from benchmark.results.io import ResultsError, read_results

    kind: ExtractorKind | None = next((k for k in EXTRACTOR_KINDS if k == args.kind), None)
    if kind is None:
        try:
            extractor = read_results(args.results).extractor
        except ResultsError as exc:
            return str(exc)
        if extractor is None or extractor.name not in SHIPPED_BASELINES:
            return "pass --kind (rule-based, neural, LLM, human or baseline)"
        kind = "baseline"
    if args.authors:
        return kind, tuple(args.authors)
    if kind == "baseline":
        return kind, (BASELINE_AUTHORS,)
    return "pass --authors (who made the system)"


def run(args: argparse.Namespace) -> int:
    from benchmark.leaderboard.submitting import (
        SubmissionRequest,
        SubmitError,
        destination,
        write_submission,
    )

    root = resolve_root(args.root, "submit")
    if root is None:
        return 2
    request = SubmissionRequest(
        name=args.name,
        kind="baseline",
        authors=(),
        description=args.description,
        license=args.license,
        url=args.url,
        version=args.version,
        date=args.date,
        slug=args.slug,
    )
    try:
        destination(root, request)  # a bad slug is refused before anything is read
    except SubmitError as exc:
        return _fail(str(exc))
    chosen = _kind_and_authors(args)
    if isinstance(chosen, str):
        return _fail(chosen)
    kind, authors = chosen
    request = SubmissionRequest(
        name=args.name,
        kind=kind,
        authors=authors,
        description=args.description,
        license=args.license,
        url=args.url,
        version=args.version,
        date=args.date,
        slug=args.slug,
    )
    try:
        folder, problems = write_submission(root, args.results, request, replace=args.replace)
    except SubmitError as exc:
        return _fail(str(exc))
    if problems:
        for problem in problems:
            print(problem)
        return _fail(f"{len(problems)} problem(s); no submission written")
    shown = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
    print(f"wrote {shown}/ (next: bench check --update, then bench leaderboard)")
    return 0

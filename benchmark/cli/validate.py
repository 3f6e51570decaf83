"""``bench validate [PATH...]``: schema and semantic checks, one issue per line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="annotations directory, document folder, document.json, gold.json, predictions "
             ".jsonl, submission folder or metadata.json (default: the shipped annotations)",
    )
    parser.add_argument(
        "--dataset", type=Path, metavar="DIR", default=None,
        help="annotations directory whose documents predictions refer to (default: shipped)",
    )


def run(args: argparse.Namespace) -> int:
    from benchmark.validation.files import validate_paths

    report = validate_paths(args.paths, dataset_root=args.dataset)
    for issue in report.issues:
        print(issue)
    if report.ok:
        print(report.summary())
        return 0
    print(f"bench validate: {report.summary()}", file=sys.stderr)
    return 1

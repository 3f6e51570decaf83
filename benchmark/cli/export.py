"""``bench export DIR``: write documents.jsonl, entities.jsonl and facts.jsonl for `datasets`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR",
                        help="output directory (created if missing); nothing is written elsewhere")
    parser.add_argument("--force", action="store_true",
                        help="overwrite export files that already exist in DIR")
    parser.add_argument("--dataset", type=Path, metavar="ANNOTATIONS", default=None,
                        help="annotations directory to export (default: the shipped dataset)")


def run(args: argparse.Namespace) -> int:
    from benchmark.data.export import ExportError, write_export
    from benchmark.data.loading import load_dataset
    from benchmark.paths import annotations_dir
    from benchmark.validation.files import validate_paths

    root = args.dataset if args.dataset is not None else annotations_dir()
    report = validate_paths([root])
    if not report.ok:  # never publish annotations that fail validation
        for issue in report.issues:
            print(issue, file=sys.stderr)
        print(f"bench export: {report.summary()}; nothing written (run bench validate)",
              file=sys.stderr)
        return 1
    try:
        result = write_export(load_dataset(root), args.directory, force=args.force)
    except ExportError as exc:
        print(f"bench export: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"bench export: {args.directory}: {exc.strerror or exc} (check the path)",
              file=sys.stderr)
        return 1
    counts = {"documents.jsonl": result.documents, "entities.jsonl": result.entities,
              "facts.jsonl": result.facts}
    for path in result.files:
        print(f"wrote {path} ({counts[path.name]} rows)")
    return 0

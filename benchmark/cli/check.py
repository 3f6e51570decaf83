"""``bench check [--root DIR] [--update]``: the CI regression check, one line per problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_root_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        type=Path,
        metavar="DIR",
        default=None,
        help="repository checkout to work on (default: the source checkout bench runs from)",
    )


def resolve_root(root: Path | None, command: str) -> Path | None:
    """``root``, else the source checkout; None (after printing why) when there is neither."""
    from benchmark.paths import repository_root

    chosen = root if root is not None else repository_root()
    if chosen is None:
        print(
            f"bench {command}: not running from a source checkout "
            "(pass --root DIR, the folder with annotations/ and submissions/)",
            file=sys.stderr,
        )
        return None
    if not (chosen / "annotations").is_dir():
        print(
            f"bench {command}: {chosen}: no annotations/ folder (pass the repository root "
            "as --root)",
            file=sys.stderr,
        )
        return None
    return chosen


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_argument(parser)
    parser.add_argument(
        "--update",
        action="store_true",
        help="deliberately move the pinned snapshot (leaderboard/snapshot.json) to today's "
        "scores and record old and new scores in CHANGELOG.md",
    )


def run(args: argparse.Namespace) -> int:
    from benchmark.leaderboard.check import run_check

    root = resolve_root(args.root, "check")
    if root is None:
        return 2
    outcome = run_check(root, update=args.update)
    for note in outcome.notes:
        print(note)
    for problem in outcome.problems:
        print(problem)
    for diff in outcome.diffs:
        sys.stdout.write(diff)
    if outcome.ok:
        print("bench check: annotations, submissions, snapshot and LEADERBOARD.md agree")
        return 0
    print(f"bench check: {len(outcome.problems)} problem(s)", file=sys.stderr)
    return 1

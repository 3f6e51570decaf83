"""``bench leaderboard [--root DIR] [--stdout]``: regenerate LEADERBOARD.md and the plot."""

from __future__ import annotations

import argparse
import sys

from benchmark.cli.check import add_root_argument, resolve_root


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_argument(parser)
    parser.add_argument(
        "--stdout",
        action="store_true",
        help="print the page instead of writing files (for a CI job summary)",
    )


def run(args: argparse.Namespace) -> int:
    from benchmark.data.loading import DatasetError
    from benchmark.leaderboard.board import build_board
    from benchmark.leaderboard.generate import write_generated_files
    from benchmark.leaderboard.plot import PlottingUnavailable
    from benchmark.leaderboard.render import render_leaderboard

    root = resolve_root(args.root, "leaderboard")
    if root is None:
        return 2
    try:
        board = build_board(root)
    except DatasetError as exc:
        print(f"bench leaderboard: {exc}", file=sys.stderr)
        return 1
    if board.issues:
        # With --stdout the page goes to a job summary rendered as Markdown: problem lines
        # quote untrusted metadata unescaped, so they go to stderr instead.
        stream = sys.stderr if args.stdout else sys.stdout
        for issue in board.issues:
            print(issue, file=stream)
        print(
            f"bench leaderboard: {len(board.issues)} problem(s) with submissions; nothing written",
            file=sys.stderr,
        )
        return 1
    if args.stdout:
        sys.stdout.write(render_leaderboard(board.rows, board.context))
        return 0
    try:
        changed = write_generated_files(root, board)
    except PlottingUnavailable as exc:
        print(f"bench leaderboard: {exc}; nothing written", file=sys.stderr)
        return 1
    what = ", ".join(changed) if changed else "nothing (already up to date)"
    print(f"bench leaderboard: {len(board.rows)} submission(s); wrote {what}")
    return 0

"""``bench compare A.json B.json``: is B better than A? Differences with a paired bootstrap."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", type=Path, metavar="A.json", help="baseline results file")
    parser.add_argument("b", type=Path, metavar="B.json", help="results file compared with A")
    parser.add_argument("--force", action="store_true",
                        help="compare even if the dataset sha256 or the matcher differ")
    parser.add_argument("--samples", type=int, default=10_000,
                        help="bootstrap resamples (default: 10000)")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")


def run(args: argparse.Namespace) -> int:
    from benchmark.results import ResultsError, read_results
    from benchmark.results.compare import IncomparableResults, compare_results

    try:
        a, b = read_results(args.a), read_results(args.b)
    except ResultsError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.samples < 1:
        print(f"bench compare: --samples {args.samples}: must be at least 1 (use 10000)",
              file=sys.stderr)
        return 2
    try:
        comparison = compare_results(a, b, samples=args.samples, seed=args.seed,
                                     force=args.force)
    except IncomparableResults as exc:
        print(f"{args.a}, {args.b}: {exc} (score both with the same gold and matcher, or pass "
              "--force)", file=sys.stderr)
        return 2
    print(f"A = {args.a}, B = {args.b}; {comparison.method} over clusters, "
          f"{comparison.samples} resamples, seed {comparison.seed}")
    print(f"{'metric':<10} {'A':>7} {'B':>7} {'B-A':>8}  {'95% CI of B-A':<19} p")
    for row in comparison.differences:
        print(f"{row.metric:<10} {row.a:7.3f} {row.b:7.3f} {row.difference:+8.3f}  "
              f"[{row.ci[0]:+.3f}, {row.ci[1]:+.3f}]   {row.p_value:.4f}")
    return 0

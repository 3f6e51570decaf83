"""Scaling benchmark for scoring with the default (lenient) matcher.

    python benchmarks/bench_scoring.py                 # 10,000 documents
    python benchmarks/bench_scoring.py 1000 2000 4000  # check that time grows linearly

Each size runs in a fresh process: synthetic documents with 50 gold and 50 predicted facts
each (benchmark.testing.synthetic). Prints scoring wall and CPU seconds, facts (gold +
predicted) per second, milliseconds per document, and peak resident memory (with workers: the
parent's peak plus the largest worker's, which counts the pages they share twice). Goal:
10,000 documents in at most 60 s and 2 GB on a 2-core machine. Not a test; rerun it by hand.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: wall time on a shared machine
    depends on other load, CPU time much less."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(documents: int, seed: int, workers: int) -> dict[str, float]:
    from benchmark.scoring import score_predictions
    from benchmark.testing.synthetic import SyntheticConfig, synthetic_dataset

    config = SyntheticConfig(documents=documents, seed=seed)
    started = time.perf_counter()
    dataset, predictions = synthetic_dataset(config)
    generated = time.perf_counter()
    cpu_before = _cpu_seconds()
    scoring = score_predictions(dataset, predictions, workers=workers)
    finished = time.perf_counter()
    cpu = _cpu_seconds() - cpu_before
    facts = dataset.fact_count + len(predictions)
    seconds = finished - generated
    return {
        "documents": documents, "generate_seconds": generated - started,
        "score_seconds": seconds, "facts_per_second": facts / seconds,
        "ms_per_document": 1000 * seconds / documents,
        "cpu_seconds": cpu,
        # Peak resident memory of this process plus the largest worker (children's maxima).
        "peak_rss_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024,
        "f1": scoring.metrics.f1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2,
                        help="worker processes (default 2: the target machine has 2 cores)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.sizes[0], args.seed, args.workers)))
        return 0
    print(f"{'documents':>9} {'score s':>8} {'cpu s':>7} {'facts/s':>9} {'ms/doc':>7} "
          f"{'peak MB':>8} {'F1':>6}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, str(size), "--seed", str(args.seed),
                              "--workers", str(args.workers), "--child"],
                             check=True, capture_output=True, text=True).stdout
        row = json.loads(out)
        print(f"{row['documents']:>9} {row['score_seconds']:>8.1f} {row['cpu_seconds']:>7.1f} "
              f"{row['facts_per_second']:>9.0f} {row['ms_per_document']:>7.2f} "
              f"{row['peak_rss_mb']:>8.0f} {row['f1']:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

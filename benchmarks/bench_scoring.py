"""Scaling benchmark for scoring with the default (lenient) matcher.

    python benchmarks/bench_scoring.py                 # 10,000 documents
    python benchmarks/bench_scoring.py 1000 2000 4000  # check that time grows linearly

Each size runs in a fresh process: synthetic documents with 50 gold and 50 predicted facts
each (benchmark.testing.synthetic). Prints scoring wall and CPU seconds (the memory sampling's
own CPU left out), facts (gold + predicted) per second, milliseconds per document, and peak
memory: on Linux the largest sum of the proportional set sizes (PSS) of this process and its
workers, sampled every second (a page a forked worker shares with its parent counts once,
split between them); elsewhere the parent's peak resident size plus the largest worker's
(which counts shared pages twice). Goal: 10,000 documents in at most 60 s and 2 GB on a 2-core
machine. Not a test; rerun it by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: wall time on a shared machine
    depends on other load, CPU time much less."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass  # the process ended between listing and reading
    return 0


def _children(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in listed]


class PeakMemory:
    """Largest PSS of this process and its children seen while running (Linux), sampled every
    ``interval`` seconds. Reading smaps_rollup walks the process's page tables (about 17 ms
    for 1.3 GB, on the CPU the scoring needs), so sampling every 0.1 s took half a core
    (10,000 documents: 81-83 s, against 58.7 s sampling once a second, in one comparison);
    ``cpu_seconds`` is what the sampling took."""

    def __init__(self, interval: float) -> None:
        self.peak_kb = 0
        self.cpu_seconds = 0.0
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def available() -> bool:
        return Path(f"/proc/{os.getpid()}/smaps_rollup").exists()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.interval):
            total = _pss_kb(me) + sum(_pss_kb(child) for child in _children(me))
            self.peak_kb = max(self.peak_kb, total)
        self.cpu_seconds = time.thread_time()

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def measure(documents: int, seed: int, workers: int, interval: float) -> dict[str, Any]:
    from benchmark.scoring import score_predictions
    from benchmark.testing.synthetic import SyntheticConfig, synthetic_dataset

    config = SyntheticConfig(documents=documents, seed=seed)
    started = time.perf_counter()
    dataset, predictions = synthetic_dataset(config)
    generated = time.perf_counter()
    cpu_before = _cpu_seconds()
    pss = PeakMemory(interval) if PeakMemory.available() else None
    if pss is not None:
        with pss:
            scoring = score_predictions(dataset, predictions, workers=workers)
    else:
        scoring = score_predictions(dataset, predictions, workers=workers)
    finished = time.perf_counter()
    # CPU of scoring: the sampling thread's own is left out
    cpu = _cpu_seconds() - cpu_before - (pss.cpu_seconds if pss is not None else 0.0)
    facts = dataset.fact_count + len(predictions)
    seconds = finished - generated
    return {
        "documents": documents, "generate_seconds": generated - started,
        "score_seconds": seconds, "facts_per_second": facts / seconds,
        "ms_per_document": 1000 * seconds / documents,
        "cpu_seconds": cpu,
        "peak_mb": (pss.peak_kb / 1024 if pss is not None else
                    (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                     + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024),
        "memory": "PSS" if pss is not None else "RSS",
        "f1": scoring.metrics.f1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2,
                        help="worker processes (default 2: the target machine has 2 cores)")
    parser.add_argument("--memory-interval", type=float, default=1.0, metavar="SECONDS",
                        help="how often peak memory is sampled (default 1 s; each sample "
                             "costs CPU the scoring would use)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.sizes[0], args.seed, args.workers,
                                 args.memory_interval)))
        return 0
    print(f"{'documents':>9} {'score s':>8} {'cpu s':>7} {'facts/s':>9} {'ms/doc':>7} "
          f"{'peak MB':>8} {'memory':>6} {'F1':>6}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, str(size), "--seed", str(args.seed),
                              "--workers", str(args.workers), "--memory-interval",
                              str(args.memory_interval), "--child"],
                             check=True, capture_output=True, text=True).stdout
        row = json.loads(out)
        print(f"{row['documents']:>9} {row['score_seconds']:>8.1f} {row['cpu_seconds']:>7.1f} "
              f"{row['facts_per_second']:>9.0f} {row['ms_per_document']:>7.2f} "
              f"{row['peak_mb']:>8.0f} {row['memory']:>6} {row['f1']:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

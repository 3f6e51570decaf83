"""Timing of the harness CLI. Not a test; rerun it by hand on a quiet machine.

    python benchmarks/bench_cli.py            # all checks, 5 repeats of the quick ones
    python benchmarks/bench_cli.py --repeats 10

Goals (2-core machine):
  * ``bench --help`` and ``bench list`` start in under 0.5 s;
  * ``bench evaluate null`` runs end to end (spawn a worker, extract, score, write) in under
    1.5 s;
  * ``--jobs 2`` beats ``--jobs 1`` on a slow extractor (0.2 s sleep per document, 50
    synthetic documents in a temporary annotations directory): ideal speed-up 2x.

Every command runs as a fresh process, so start-up cost is included; the median is reported.
Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
SLOW_EXTRACTOR = "import time\n\ndef extract(document):\n    time.sleep(0.2)\n    return []\n"


def bench(*args: str, cwd: Path) -> float:
    """Wall seconds of one ``bench ARGS`` process (the console script's own code path)."""
    command = [sys.executable, "-c", "import sys; from benchmark.cli.main import main; "
               "sys.exit(main())", *args]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"bench {' '.join(args)} failed:\n{completed.stderr}")
    return elapsed


def median_of(repeats: int, *args: str, cwd: Path) -> float:
    return statistics.median(bench(*args, cwd=cwd) for _ in range(repeats))


def synthetic_annotations(root: Path, documents: int) -> Path:
    """``documents`` one-sentence documents, each with one gold fact."""
    root.mkdir(parents=True)
    index = {"schema_version": "1.0", "name": "synthetic", "version": "0.0.0",
             "description": "timing fixture", "license": "CC0", "documents": []}
    for n in range(documents):
        document_id = f"doc-{n:03d}"
        sentence = f"The team number{n} won game{n}."
        text = f"Story {n}\n\n{sentence}\n"
        folder = root / "documents" / document_id
        folder.mkdir(parents=True)
        (folder / "text.txt").write_text(text, encoding="utf-8")
        start = text.index(sentence)
        span = {"start": start, "end": start + len(sentence), "quote": sentence}
        document = {
            "schema_version": "1.0", "id": document_id, "title": f"Story {n}",
            "source": {"publisher": "synthetic"}, "language": "en",
            "publication_date": "2020-01-01", "date_reasoning": ["synthetic"],
            "text_file": "text.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "segments": [
                {"id": "h", "kind": "headline", "start": 0, "end": len(f"Story {n}")},
                {"id": "b", "kind": "body", **span},
            ],
        }
        fact = {"id": "f001", "statement": sentence, "subject": f"The team number{n}",
                "predicate": "won", "object": f"game{n}", "modality": "asserted",
                "evidence": [span], "category": "background", "required": True}
        gold = {"schema_version": "1.0", "document_id": document_id, "entities": [],
                "facts": [fact]}
        (folder / "document.json").write_text(json.dumps(document), encoding="utf-8")
        (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
        index["documents"].append({"id": document_id, "path": f"documents/{document_id}"})
    (root / "dataset.json").write_text(json.dumps(index), encoding="utf-8")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--documents", type=int, default=50)
    args = parser.parse_args()
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        rows = [
            ("bench --help", median_of(args.repeats, "--help", cwd=work), 0.5),
            ("bench list", median_of(args.repeats, "list", cwd=work), 0.5),
        ]
        evaluate_null = statistics.median(
            bench("evaluate", "null", "--no-cache", "--output-dir", f"null-{i}", cwd=work)
            for i in range(args.repeats)
        )
        rows.append(("bench evaluate null", evaluate_null, 1.5))
        for label, seconds, goal in rows:
            status = "ok" if seconds < goal else "MISSED"
            print(f"{label:<22} {seconds:6.3f} s  (goal < {goal} s)  {status}")
            if seconds >= goal:
                missed.append(label)

        annotations = synthetic_annotations(work / "synthetic", args.documents)
        slow = work / "slow.py"
        slow.write_text(SLOW_EXTRACTOR, encoding="utf-8")
        timings = {}
        for jobs in (1, 2):
            timings[jobs] = bench("evaluate", str(slow), "--annotations", str(annotations),
                                  "--no-cache", "--jobs", str(jobs), "--output-dir",
                                  f"slow-{jobs}", cwd=work)
        speedup = timings[1] / timings[2]
        print(f"slow extractor, {args.documents} docs x 0.2 s: --jobs 1 {timings[1]:.2f} s, "
              f"--jobs 2 {timings[2]:.2f} s, speed-up {speedup:.2f}x (goal > 1.5x)")
        if speedup <= 1.5:
            missed.append("--jobs 2 speed-up")
    if missed:
        print(f"missed: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The short report `bench score` prints: scores with intervals, counts, misses, false positives.

Rich tables on a terminal, plain lines otherwise (pipes, CI logs, tests).
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from benchmark.model.dataset import Dataset
from benchmark.results.model import Results

SHOWN = 5


def _statement(dataset: Dataset | None, document_id: str, gold_id: str) -> str:
    if dataset is None:
        return ""
    try:
        return dataset.gold_for(document_id).fact(gold_id).statement
    except KeyError:
        return ""


def report_lines(results: Results, dataset: Dataset | None = None) -> list[str]:
    m = results.metrics
    lines = [
        f"matcher {results.matcher.name} {results.matcher.version} "
        f"(threshold {results.matcher.threshold:g}), dataset {results.dataset.name} "
        f"{results.dataset.version}",
    ]
    for name in ("precision", "recall", "f1"):
        low, high = m.ci[name]
        value = getattr(m, name)
        lines.append(f"{name:<9} {value:.3f}  95% CI [{low:.3f}, {high:.3f}]")
    lines.append(f"tp {m.tp}  fp {m.fp}  fn {m.fn}  ignored (optional facts) {m.ignored}")
    lines.extend(f"warning: {w}" for w in m.warnings)
    missed = [g for g in results.gold if g.status == "missed"]
    if missed:
        lines.append(f"missed facts ({len(missed)}), closest first:")
        missed.sort(key=lambda g: (-(g.nearest_miss.score if g.nearest_miss else 0.0), g.gold_id))
        for g in missed[:SHOWN]:
            near = g.nearest_miss
            hint = (f" [nearest: prediction {near.prediction_index}, {near.score:.2f}, "
                    f"{near.reason}]" if near else "")
            lines.append(f"  {g.gold_id}: {_statement(dataset, g.document_id, g.gold_id)}{hint}")
    false_positives = [d for d in results.predictions if d.outcome == "fp"]
    if false_positives:
        reasons = Counter(d.reason for d in false_positives)
        ranked = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
        summary = ", ".join(f"{reason} {n}" for reason, n in ranked)
        lines.append(f"false positives ({len(false_positives)}): {summary}")
        for d in false_positives[:SHOWN]:
            closest = f" (nearest {d.nearest.gold_id} {d.nearest.score:.2f})" if d.nearest else ""
            lines.append(f"  #{d.index} {d.reason}{closest}: {d.prediction.text()}")
    return lines


def print_report(results: Results, dataset: Dataset | None, stream: TextIO) -> None:
    if not stream.isatty():
        for line in report_lines(results, dataset):
            print(line, file=stream)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    table = Table(title=f"{results.extractor.name if results.extractor else 'predictions'}: "
                        f"{results.matcher.name} matcher")
    for column in ("metric", "value", "95% CI"):
        table.add_column(column)
    m = results.metrics
    for name in ("precision", "recall", "f1"):
        low, high = m.ci[name]
        table.add_row(name, f"{getattr(m, name):.3f}", f"[{low:.3f}, {high:.3f}]")
    console.print(table)
    for line in report_lines(results, dataset)[4:]:
        console.print(line, markup=False, highlight=False)

"""Comparing two results files: differences in P/R/F1 with a paired bootstrap p-value."""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.metrics.bootstrap import PairedDifference, paired_bootstrap
from benchmark.results.model import Results
from benchmark.scoring import outcomes_of

DEFAULT_COMPARE_SAMPLES = 10_000


class IncomparableResults(ValueError):
    """The two files were scored on different gold or by a different matcher."""


@dataclass(frozen=True)
class Comparison:
    differences: tuple[PairedDifference, ...]
    samples: int
    seed: int
    method: str = "paired bootstrap"


def incompatibilities(a: Results, b: Results) -> list[str]:
    problems = []
    if a.dataset.sha256 != b.dataset.sha256:
        problems.append(f"different dataset sha256 ({a.dataset.sha256[:12]} vs "
                        f"{b.dataset.sha256[:12]})")
    ma, mb = a.matcher, b.matcher
    if (ma.name, ma.version, ma.threshold) != (mb.name, mb.version, mb.threshold):
        problems.append(f"different matcher ({ma.name} {ma.version} @ {ma.threshold:g} vs "
                        f"{mb.name} {mb.version} @ {mb.threshold:g})")
    return problems


def compare_results(a: Results, b: Results, samples: int = DEFAULT_COMPARE_SAMPLES,
                    seed: int = 0, force: bool = False) -> Comparison:
    """B - A for precision, recall and F1; both resampled with the same clusters."""
    problems = incompatibilities(a, b)
    if problems and not force:
        raise IncomparableResults("; ".join(problems))
    differences = paired_bootstrap(outcomes_of(a.predictions, a.gold),
                                   outcomes_of(b.predictions, b.gold), samples=samples, seed=seed)
    return Comparison(differences, samples, seed)

"""Resampling: bootstrap confidence intervals and the paired bootstrap test.

The resampled unit is the *cluster*: with 30 or more documents, a document (the usual
cluster bootstrap); with fewer (v1 has one article), a gold fact together with every prediction
matched or nearest to it, plus one cluster per document for predictions near no gold fact.
Seeds are fixed, so intervals and p-values are identical across runs.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from benchmark.metrics.outcomes import Outcome

DOCUMENT_CLUSTERS_FROM = 30
DEFAULT_SAMPLES = 1000
_KIND_COLUMN = {"tp": 0, "fp": 1, "fn": 2}


def cluster_key(outcome: Outcome, by_document: bool) -> tuple[str, str]:
    return (outcome.document_id, "" if by_document else (outcome.cluster or "\0none"))


def cluster_keys(outcomes: Sequence[Outcome], by_document: bool) -> list[tuple[str, str]]:
    """``cluster_key`` of every outcome (by document: without a Python call per outcome)."""
    if by_document:
        return [(document, "") for document in map(attrgetter("document_id"), outcomes)]
    return [cluster_key(o, by_document) for o in outcomes]


def cluster_counts(outcomes: Sequence[Outcome], keys: Sequence[tuple[str, str]],
                   by_document: bool, labels: Sequence[tuple[str, str]] | None = None) -> Any:
    """An array (clusters x [tp, fp, fn]) in the order of ``keys``. ``labels``: the outcomes'
    cluster keys, when the caller already has them."""
    import numpy as np

    if labels is None:
        labels = cluster_keys(outcomes, by_document)
    position = {key: i for i, key in enumerate(keys)}
    rows = np.fromiter(map(position.__getitem__, labels), dtype=np.intp, count=len(outcomes))
    columns = np.fromiter(map(_KIND_COLUMN.__getitem__, map(attrgetter("kind"), outcomes)),
                          dtype=np.intp, count=len(outcomes))
    counts: Any = np.bincount(rows * 3 + columns, minlength=3 * len(keys))
    return counts.reshape(len(keys), 3).astype(np.float64)


def uses_document_clusters(outcomes: Sequence[Outcome]) -> bool:
    return len(set(map(attrgetter("document_id"), outcomes))) >= DOCUMENT_CLUSTERS_FROM


def _scores(sums: Any) -> Any:
    """P, R, F1 columns for rows of resampled [tp, fp, fn] sums."""
    import numpy as np

    tp, fp, fn = sums[:, 0], sums[:, 1], sums[:, 2]
    p = np.divide(tp, tp + fp, out=np.zeros_like(tp), where=(tp + fp) > 0)
    r = np.divide(tp, tp + fn, out=np.zeros_like(tp), where=(tp + fn) > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros_like(tp), where=(p + r) > 0)
    return np.stack([p, r, f], axis=1)


def check_samples(samples: int) -> None:
    """Resampling needs at least one resample (percentiles of none are undefined). Any
    integer type will do (a numpy integer too); a bool or a float will not."""
    try:
        whole = operator.index(samples) if not isinstance(samples, bool) else None
    except TypeError:
        whole = None
    if whole is None or whole < 1:
        raise ValueError(f"bootstrap samples must be a whole number of at least 1, not "
                         f"{samples!r}")


def resampled_sums(counts: Sequence[Any], samples: int, seed: int) -> list[Any]:
    """For each counts array (same clusters, e.g. two systems), ``samples`` resampled totals
    using the same resampled clusters for every array (pairing)."""
    import numpy as np

    check_samples(samples)
    n = counts[0].shape[0]
    rng = np.random.default_rng(seed)
    out = [np.zeros((samples, 3)) for _ in counts]
    chunk = max(1, 2_000_000 // max(n, 1))
    for start in range(0, samples, chunk):
        size = min(chunk, samples - start)
        # Multiplicities of each cluster in each resample (a bootstrap draw of n clusters).
        weights = np.stack([np.bincount(row, minlength=n)
                            for row in rng.integers(0, n, size=(size, n))]).astype(np.float64)
        for target, array in zip(out, counts, strict=True):
            target[start:start + size] = weights @ array
    return out


def confidence_intervals(outcomes: Sequence[Outcome], samples: int = DEFAULT_SAMPLES,
                         seed: int = 0, level: float = 0.95) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap intervals for micro precision, recall and F1."""
    import numpy as np

    check_samples(samples)
    if not outcomes:
        return {"precision": (0.0, 0.0), "recall": (0.0, 0.0), "f1": (0.0, 0.0)}
    by_document = uses_document_clusters(outcomes)
    labels = cluster_keys(outcomes, by_document)
    keys = sorted(set(labels))
    counts = cluster_counts(outcomes, keys, by_document, labels)
    (sums,) = resampled_sums([counts], samples, seed)
    scores = _scores(sums)
    tail = (1 - level) / 2 * 100
    low = np.percentile(scores, tail, axis=0)
    high = np.percentile(scores, 100 - tail, axis=0)
    return {name: (float(low[k]), float(high[k]))
            for k, name in enumerate(("precision", "recall", "f1"))}


@dataclass(frozen=True)
class PairedDifference:
    metric: str
    a: float
    b: float
    difference: float  # b - a
    ci: tuple[float, float]
    p_value: float


def paired_bootstrap(a: Sequence[Outcome], b: Sequence[Outcome], samples: int = 10_000,
                     seed: int = 0) -> tuple[PairedDifference, ...]:
    """Differences B - A in P/R/F1 with a two-sided paired bootstrap p-value.

    Both systems are resampled with the same clusters. The p-value is the share of resampled
    differences at least as far from the observed difference as the observed difference is
    from 0 (the bootstrap distribution shifted to the null), with add-one smoothing:
    p = (1 + #{|d* - d| >= |d|}) / (1 + samples).
    """
    import numpy as np

    by_document = uses_document_clusters([*a, *b])
    keys = sorted(set(cluster_keys([*a, *b], by_document)))
    counts_a = cluster_counts(a, keys, by_document)
    counts_b = cluster_counts(b, keys, by_document)
    observed = _scores(np.stack([counts_b.sum(axis=0), counts_a.sum(axis=0)]))
    delta = observed[0] - observed[1]
    sums_a, sums_b = resampled_sums([counts_a, counts_b], samples, seed)
    deltas = _scores(sums_b) - _scores(sums_a)
    out = []
    for k, name in enumerate(("precision", "recall", "f1")):
        extreme = np.abs(deltas[:, k] - delta[k]) >= abs(delta[k]) - 1e-12
        out.append(PairedDifference(
            name, float(observed[1][k]), float(observed[0][k]), float(delta[k]),
            (float(np.percentile(deltas[:, k], 2.5)), float(np.percentile(deltas[:, k], 97.5))),
            float((1 + extreme.sum()) / (1 + samples))))
    return tuple(out)

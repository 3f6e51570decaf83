"""One-to-one pairing of predictions and gold facts within a document."""

from __future__ import annotations

from typing import Any


def assign(scores: Any, threshold: float, required: Any) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one pairs among pairs scoring at least ``threshold``.

    Priorities, lexicographically: as many pairs as possible, then as many of them on required
    gold facts as possible, then the largest total score (scipy's ``linear_sum_assignment``).
    Lexicographic weights make the outcome independent of input order up to exact ties.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    matrix = np.asarray(scores, dtype=np.float64)
    if matrix.size == 0:
        return []
    eligible = matrix >= threshold
    if not eligible.any():
        return []
    n = min(matrix.shape) + 1
    weights = np.where(eligible, n * (n + 1) + n * np.asarray(required, dtype=np.float64)[None, :]
                       + matrix, 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(r), int(c)) for r, c in zip(rows, cols, strict=False) if eligible[r, c])

"""Token-set overlap of many rows against many rows at once (sparse matrix products)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any


class TokenRows:
    """Rows of tokens indexed against one growing vocabulary; matrices are built once every
    row is known, so they all share the same width."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}

    def ids(self, tokens: Iterable[str]) -> list[int]:
        vocab = self.vocab
        # Callers pass ordered tokens, so ids are numbered the same on every run.
        return sorted({vocab.setdefault(t, len(vocab)) for t in tokens})

    def counted(self, tokens: Iterable[str]) -> tuple[list[int], list[float]]:
        counts = Counter(tokens)
        vocab = self.vocab
        pairs = sorted((vocab.setdefault(t, len(vocab)), float(c)) for t, c in counts.items())
        return [i for i, _ in pairs], [c for _, c in pairs]

    def binary(self, rows: Sequence[list[int]]) -> Any:
        from scipy.sparse import csr_matrix

        indptr = [0]
        indices: list[int] = []
        for row in rows:
            indices.extend(row)
            indptr.append(len(indices))
        data = [1.0] * len(indices)
        return csr_matrix((data, indices, indptr), shape=(len(rows), len(self.vocab)))

    def weighted(self, rows: Sequence[tuple[list[int], list[float]]], idf: Any) -> Any:
        """L2-normalised TF-IDF rows."""
        import numpy as np
        from scipy.sparse import csr_matrix

        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for ids, counts in rows:
            indices.extend(ids)
            data.extend(counts)
            indptr.append(len(indices))
        values = np.asarray(data) * idf[np.asarray(indices, dtype=np.intp)] if data else \
            np.zeros(0)
        matrix = csr_matrix((values, indices, indptr), shape=(len(rows), len(self.vocab)))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def ratio(inter: Any, left_sizes: Any, right_sizes: Any, kind: str = "dice") -> Any:
    """From intersection sizes: Dice 2|A & B| / (|A| + |B|), or coverage |A & B| / |B|
    (how much of each right row the left row contains); 0 where the denominator is 0."""
    import numpy as np

    if kind == "dice":
        numerator = 2 * inter
        total = left_sizes[:, None] + right_sizes[None, :]
    else:
        numerator = inter
        total = np.broadcast_to(right_sizes[None, :], inter.shape)
    return np.divide(numerator, total, out=np.zeros(inter.shape), where=total > 0)


def best_per_group(values: Any, offsets: Any) -> Any:
    """Column-wise maximum within consecutive groups (a fact's variants)."""
    import numpy as np

    return np.maximum.reduceat(values, offsets, axis=1)

"""Token-set overlap of many rows against many rows at once (sparse matrix products)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any


class TokenRows:
    """Rows of tokens indexed against one growing vocabulary; matrices are built once every
    row is known, so they all share the same width."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._rows: dict[tuple[str, ...], list[int]] = {}

    def ids(self, tokens: tuple[str, ...]) -> list[int]:
        """Ids of distinct tokens (callers pass ordered tokens, so ids are numbered the same on
        every run; repeated tokens are dropped, so binary rows stay 0/1)."""
        row = self._rows.get(tokens)
        if row is None:
            vocab = self.vocab
            row = [vocab.setdefault(t, len(vocab)) for t in dict.fromkeys(tokens)]
            self._rows[tokens] = row
        return row

    def counted(self, tokens: Iterable[str]) -> tuple[list[int], list[float]]:
        vocab = self.vocab
        counts: dict[int, float] = {}
        for t in tokens:
            i = vocab.setdefault(t, len(vocab))
            counts[i] = counts.get(i, 0.0) + 1.0
        ids = sorted(counts)
        return ids, [counts[i] for i in ids]

    def binary(self, rows: Sequence[list[int]]) -> Any:
        import numpy as np
        from scipy.sparse import csr_matrix

        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        indptr = np.zeros(len(rows) + 1, dtype=np.intp)
        np.cumsum(lengths, out=indptr[1:])
        indices = np.fromiter(chain.from_iterable(rows), dtype=np.intp, count=int(indptr[-1]))
        data = np.ones(len(indices))
        return csr_matrix((data, indices, indptr), shape=(len(rows), len(self.vocab)))

    def weighted(self, rows: Sequence[tuple[list[int], list[float]]], idf: Any) -> Any:
        """L2-normalised TF-IDF rows."""
        import numpy as np
        from scipy.sparse import csr_matrix

        lengths = [len(ids) for ids, _ in rows]
        indices = np.fromiter((i for ids, _ in rows for i in ids), dtype=np.intp)
        values = np.fromiter((c for _, counts in rows for c in counts), dtype=np.float64)
        values *= idf[indices]
        row_of = np.repeat(np.arange(len(rows)), lengths)
        norms = np.sqrt(np.bincount(row_of, weights=values * values, minlength=len(rows)))
        norms[norms == 0] = 1.0
        values /= norms[row_of]
        indptr = np.concatenate(([0], np.cumsum(lengths)))
        return csr_matrix((values, indices, indptr), shape=(len(rows), len(self.vocab)))


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

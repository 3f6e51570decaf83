"""Token-set overlap of many rows against many rows at once (sparse matrix products)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class TokenRows:
    """Rows of tokens indexed against one growing vocabulary. Rows are added in blocks; build
    the matrices (``RowBlock.counts``) only once every block is added, so that they all share
    the vocabulary's final width."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}

    def add(self, rows: Sequence[tuple[str, ...]]) -> RowBlock:
        """Index a block of rows: new tokens get the next ids, in order of appearance (so ids
        are numbered the same on every run)."""
        import numpy as np

        vocab = self.vocab
        ids = [vocab.setdefault(t, len(vocab)) for row in rows for t in row]
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        return RowBlock(self, len(rows), np.repeat(np.arange(len(rows)), lengths),
                        np.array(ids, dtype=np.intp))


@dataclass(frozen=True, slots=True)
class RowBlock:
    """A block of token rows as (row, token id) pairs, one per token occurrence."""

    space: TokenRows
    rows: int
    row_of: Any
    ids: Any

    def counts(self) -> Any:
        """The rows as a sparse matrix of token counts, indices sorted within each row."""
        import numpy as np
        from scipy.sparse import coo_matrix

        # conversion to CSR sums repeated (row, token) pairs and sorts each row's tokens
        return coo_matrix((np.ones(len(self.ids)), (self.row_of, self.ids)),
                          shape=(self.rows, len(self.space.vocab))).tocsr()


def binary(counts: Any) -> Any:
    """0/1 rows: which tokens each row has."""
    matrix = counts.copy()
    matrix.data.fill(1.0)
    return matrix


def distinct(counts: Any) -> Any:
    """How many distinct tokens each row has."""
    import numpy as np

    return np.diff(counts.indptr).astype(np.float64)


def weighted(counts: Any, idf: Any) -> Any:
    """L2-normalised TF-IDF rows."""
    import numpy as np
    from scipy.sparse import csr_matrix

    values = counts.data * idf[counts.indices]
    row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    norms = np.sqrt(np.bincount(row_of, weights=values * values, minlength=counts.shape[0]))
    norms[norms == 0] = 1.0
    values /= norms[row_of]
    return csr_matrix((values, counts.indices, counts.indptr), shape=counts.shape)


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


class Groups:
    """Consecutive runs of columns (a fact's accepted variants of one slot), each of at least
    one column; ``best`` takes the maximum within each run."""

    def __init__(self, sizes: Sequence[int]) -> None:
        import numpy as np

        counts = np.asarray(sizes, dtype=np.intp)
        if (counts < 1).any():
            raise ValueError("every group needs at least one column")
        self.starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
        # per position k >= 1: the groups longer than k, and their k-th columns
        self._later: list[tuple[Any, Any]] = []
        for k in range(1, int(counts.max(initial=1))):
            longer = np.flatnonzero(counts > k)
            self._later.append((longer, self.starts[longer] + k))

    def best(self, values: Any) -> Any:
        """Row by row, the maximum of each group's columns. (Position by position over the
        groups: ``np.maximum.reduceat`` along rows does the same several times slower.)"""
        import numpy as np

        out = values[:, self.starts]
        for longer, columns in self._later:
            out[:, longer] = np.maximum(out[:, longer], values[:, columns])
        return out

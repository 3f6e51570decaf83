"""Token-set overlap of many rows against many rows at once.

Rows are kept sparse, as (row, token, value) entries, and multiplied by joining the entries
of both sides on their tokens (``product``): documents have a few hundred rows over a
vocabulary of one or two hundred tokens, where a general sparse-matrix library spends more on
building and checking its matrices than on the arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class TokenRows:
    """Rows of tokens indexed against one growing vocabulary, added in blocks; blocks of one
    vocabulary can be multiplied (``product``) with its final size."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}

    def add(self, rows: Sequence[tuple[str, ...]]) -> RowBlock:
        """Index a block of rows: new tokens get the next ids, in order of appearance (so ids
        are numbered the same on every run)."""
        import numpy as np

        vocab = self.vocab
        ids = [vocab.setdefault(t, len(vocab)) for row in rows for t in row]
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        return RowBlock(self, len(rows), np.arange(len(rows)).repeat(lengths),
                        np.array(ids, dtype=np.intp))


@dataclass(frozen=True, slots=True)
class RowBlock:
    """A block of token rows as (row, token id) pairs, one per token occurrence."""

    space: TokenRows
    rows: int
    row_of: Any
    ids: Any

    def counts(self) -> Entries:
        """Each row's distinct tokens with how often the row has them."""
        import numpy as np

        width = max(len(self.space.vocab), 1)
        keys = self.row_of * width + self.ids
        keys.sort()
        # the first of each run of equal keys (what np.unique does, without its overhead)
        first = np.ones(len(keys), dtype=bool)
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = first.nonzero()[0]
        counts = np.empty(len(starts), dtype=np.float64)
        counts[:-1] = starts[1:] - starts[:-1]
        counts[-1:] = len(keys) - starts[-1:]
        keys = keys[starts]
        return Entries(self.rows, keys // width, keys % width, counts)


@dataclass(frozen=True, slots=True)
class Entries:
    """Sparse rows: entry k says row ``row[k]`` has token ``token[k]`` with ``value[k]``.
    Sorted by row, then token; a (row, token) pair at most once."""

    rows: int
    row: Any
    token: Any
    value: Any

    def select(self, start: int, stop: int) -> Entries:
        """Rows start..stop-1, numbered from 0."""
        low, high = self.row.searchsorted((start, stop))
        return Entries(stop - start, self.row[low:high] - start, self.token[low:high],
                       self.value[low:high])

    def dense(self, width: int) -> Any:
        """As a dense rows x width array."""
        import numpy as np

        out = np.zeros((self.rows, width))
        out[self.row, self.token] = self.value
        return out


def binary(entries: Entries) -> Entries:
    """1 for every token a row has."""
    import numpy as np

    return Entries(entries.rows, entries.row, entries.token, np.ones(len(entries.value)))


def distinct(entries: Entries) -> Any:
    """How many distinct tokens each row has."""
    import numpy as np

    return np.bincount(entries.row, minlength=entries.rows).astype(np.float64)


def weighted(entries: Entries, idf: Any) -> Entries:
    """L2-normalised TF-IDF rows."""
    import numpy as np

    values = entries.value * idf[entries.token]
    norms = np.sqrt(np.bincount(entries.row, weights=values * values, minlength=entries.rows))
    norms[norms == 0] = 1.0
    values /= norms[entries.row]
    return Entries(entries.rows, entries.row, entries.token, values)


def product(left: Entries, right: Entries, vocabulary: int) -> Any:
    """Dense left.rows x right.rows: per pair of rows, the sum over their shared tokens of
    left value x right value, added in token order (as a sparse matrix product adds them, so
    the sums are bit for bit the same). Both sides' entries sorted by row, then token (as
    ``Entries`` are), with token ids below ``vocabulary``."""
    import numpy as np

    # right's entries grouped by token: token t's are order[start[t]:start[t] + count[t]]
    # (array methods rather than numpy functions: these arrays are small, and the functions'
    # Python wrappers cost about as much as the work)
    order = right.token.argsort(kind="stable")
    count = np.bincount(right.token, minlength=vocabulary)
    start = count.cumsum() - count
    # every (left entry, right entry) pair sharing a token, left entries in their order
    per_left = count[left.token]
    total = int(per_left.sum())
    first = per_left.cumsum() - per_left
    li = np.arange(len(per_left)).repeat(per_left)
    ri = order[(start[left.token] - first).repeat(per_left) + np.arange(total)]
    cells = left.row[li] * right.rows + right.row[ri]
    sums = np.bincount(cells, weights=left.value[li] * right.value[ri],
                       minlength=left.rows * right.rows)
    return sums.reshape(left.rows, right.rows)


def ratio_where_shared(inter: Any, left_sizes: Any, right_sizes: Any, kind: str,
                       mask: Any = None) -> tuple[Any, Any, Any]:
    """From intersection sizes, where the rows share a token (elsewhere the ratio is 0): Dice
    2|A & B| / (|A| + |B|), or coverage |A & B| / |B| (how much of each right row the left
    row contains), optionally times a per-column ``mask``. (rows, columns, values) of those
    cells, in row-major order."""
    import numpy as np

    cells = inter.ravel().nonzero()[0]
    rows, columns = np.divmod(cells, inter.shape[1])
    shared = inter.ravel()[cells]
    if kind == "dice":
        values = 2 * shared / (left_sizes[rows] + right_sizes[columns])
    else:
        values = shared / right_sizes[columns]
    if mask is not None:
        values *= mask[columns]
    return rows, columns, values


def ratio(inter: Any, left_sizes: Any, right_sizes: Any, kind: str = "dice") -> Any:
    """``ratio_where_shared`` as a dense array (0 where the rows share no token)."""
    import numpy as np

    rows, columns, values = ratio_where_shared(inter, left_sizes, right_sizes, kind)
    out = np.zeros(inter.shape)
    out[rows, columns] = values
    return out


class Groups:
    """Consecutive runs of columns (a fact's accepted variants of one slot), each of at least
    one column; ``best_of_cells`` takes the maximum within each run."""

    def __init__(self, sizes: Sequence[int]) -> None:
        import numpy as np

        counts = np.asarray(sizes, dtype=np.intp)
        if (counts < 1).any():
            raise ValueError("every group needs at least one column")
        self.size = len(counts)
        self.group_of = np.arange(len(counts)).repeat(counts)  # column -> its group

    def best_of_cells(self, n_rows: int, rows: Any, columns: Any, values: Any) -> Any:
        """Row by row, the maximum of each group's columns, of an n_rows-row matrix that is
        0 but at the given cells (whose values are at least 0)."""
        import numpy as np

        out = np.zeros((n_rows, self.size))
        np.maximum.at(out, (rows, self.group_of[columns]), values)
        return out

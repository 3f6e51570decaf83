"""Typed leaderboard rows: a submission's recomputed scores, ready to rank and render."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from benchmark.leaderboard.scores import Interval, Scores
from benchmark.leaderboard.submission import SubmissionMetadata, name_key


@dataclass(frozen=True)
class GroupRecall:
    """Recall on the required gold facts of one category or modality."""

    dimension: str  # "category" or "modality"
    value: str
    matched: int
    gold: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


@dataclass(frozen=True)
class LeaderboardRow:
    slug: str
    metadata: SubmissionMetadata
    scores: Scores
    precision_ci: Interval
    recall_ci: Interval
    f1_ci: Interval
    groups: tuple[GroupRecall, ...] = ()
    rank: int | None = None  # None for the human row, which is the ceiling, not a competitor

    def group(self, dimension: str, value: str) -> GroupRecall | None:
        for group in self.groups:
            if group.dimension == dimension and group.value == value:
                return group
        return None

    @property
    def label(self) -> str:
        """The short label of the row's point in the scatter plot."""
        return "H" if self.rank is None else str(self.rank)


@dataclass(frozen=True)
class BoardContext:
    """What every row was scored against, stated once at the top of the page."""

    dataset_name: str
    dataset_version: str
    dataset_sha256: str
    documents: int
    required_facts: int
    matcher_name: str
    matcher_version: str
    confidence_level: float
    bootstrap_samples: int
    bootstrap_unit: str  # what is resampled: "gold fact" (few documents) or "document"


def _order_key(row: LeaderboardRow) -> tuple[float, float, float, str, str]:
    """Best F1 first; ties broken by recall, precision, then name and slug, so the order is
    total and the same on every run."""
    s = row.scores
    return (-s.f1, -s.recall, -s.precision, name_key(row.metadata.name), row.slug)


def rank_rows(rows: Iterable[LeaderboardRow]) -> tuple[LeaderboardRow, ...]:
    """Human rows first and unranked (the agreement ceiling), then the rest ranked 1, 2, ..."""
    ordered = sorted(rows, key=_order_key)
    human = [replace(r, rank=None) for r in ordered if r.metadata.is_human]
    others = [r for r in ordered if not r.metadata.is_human]
    return (*human, *(replace(r, rank=i) for i, r in enumerate(others, start=1)))

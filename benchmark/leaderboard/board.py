"""The board: every accepted submission re-scored from its predictions into ranked rows.

Nothing a submission claims is used for its row; the claims are only compared with the
recomputation (``claim_issues``). Building the board needs the dataset and the scoring
stack; rendering the page and the plot is ``render`` and ``plot``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmark.leaderboard.policy import Inspection, SubmissionPolicy, inspect_submissions
from benchmark.leaderboard.rows import BoardContext, LeaderboardRow, rank_rows
from benchmark.leaderboard.snapshot import Snapshot
from benchmark.leaderboard.submission import SUBMISSIONS_DIR, Submission
from benchmark.model.dataset import Dataset
from benchmark.validation.issues import ValidationIssue

BOARD_MATCHER = "lenient"
ANNOTATIONS_DIR = "annotations"


@dataclass(frozen=True)
class Board:
    context: BoardContext
    rows: tuple[LeaderboardRow, ...]  # ranked
    issues: tuple[ValidationIssue, ...]  # policy problems and claims that do not hold

    def snapshot(self) -> Snapshot:
        return Snapshot.build(
            (self.context.dataset_name, self.context.dataset_version, self.context.dataset_sha256),
            (self.context.matcher_name, self.context.matcher_version),
            {row.slug: row.scores for row in self.rows},
        )


def claim_issues(
    submission: Submission, row: LeaderboardRow, context: BoardContext, shown: str
) -> list[ValidationIssue]:
    """The claimed scores must equal the recomputed ones, when they were claimed for the
    dataset version and matcher the board uses. Claims made on an older dataset version
    are history: the board shows the recomputation and the snapshot guards it."""
    metadata = submission.metadata
    if (metadata.dataset_name, metadata.dataset_version, metadata.matcher) != (
        context.dataset_name,
        context.dataset_version,
        context.matcher_name,
    ):
        return []
    changes = metadata.claimed.differences(row.scores)
    if not changes:
        return []
    return [
        ValidationIssue(
            shown,
            "/scores",
            f"submissions/{submission.slug} claims scores its predictions do not give "
            "(claimed -> recomputed: " + ", ".join(changes) + ")",
            "regenerate the folder with `bench submit` from the run that made the predictions",
        )
    ]


def build_board(root: Path, policy: SubmissionPolicy | None = None) -> Board:
    """Load the dataset under ``root``, inspect ``root/submissions`` and re-score each one."""
    from benchmark.data.loading import load_dataset

    dataset = load_dataset(root / ANNOTATIONS_DIR)
    inspection: Inspection = inspect_submissions(
        root / SUBMISSIONS_DIR, dataset.document_ids, policy
    )
    scorer = _scorer(dataset)
    rows: list[LeaderboardRow] = []
    issues = list(inspection.issues)
    for submission in inspection.submissions:
        row = scorer.row(submission)
        rows.append(row)
        shown = submission.metadata_path.relative_to(root).as_posix()
        issues.extend(claim_issues(submission, row, scorer.context, shown))
    return Board(context=scorer.context, rows=rank_rows(rows), issues=tuple(issues))


def _scorer(dataset: Dataset) -> _Scorer:
    return _Scorer(dataset)


class _Scorer:
    """Adapter from the scoring stack to leaderboard rows (filled in below)."""

    def __init__(self, dataset: Dataset) -> None:
        raise NotImplementedError

    context: BoardContext

    def row(self, submission: Submission) -> LeaderboardRow:
        raise NotImplementedError

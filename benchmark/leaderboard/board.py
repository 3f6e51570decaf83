"""The board: every accepted submission re-scored from its predictions into ranked rows.

Nothing a submission claims is used for its row; the claims are only compared with the
recomputation (``claim_issues``). Building the board needs the dataset and the scoring
stack; rendering the page and the plot is ``render`` and ``plot``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmark.leaderboard.policy import Inspection, SubmissionPolicy, inspect_submissions
from benchmark.leaderboard.rows import BoardContext, GroupRecall, LeaderboardRow, rank_rows
from benchmark.leaderboard.scores import Interval, Scores
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
    """The claimed scores must equal the recomputed ones when they were claimed for the
    dataset version and matcher version the board uses. Claims made under an older dataset
    or matcher are history: the board shows the recomputation and the snapshot guards it."""
    metadata = submission.metadata
    claimed_for = (
        metadata.dataset_name,
        metadata.dataset_version,
        metadata.matcher_name,
        metadata.matcher_version,
    )
    board = (
        context.dataset_name,
        context.dataset_version,
        context.matcher_name,
        context.matcher_version,
    )
    if claimed_for != board:
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
    """Adapter from the scoring stack (``benchmark.scoring``) to leaderboard rows."""

    def __init__(self, dataset: Dataset) -> None:
        from benchmark.matching.registry import get_matcher
        from benchmark.metrics.bootstrap import DEFAULT_SAMPLES, DOCUMENT_CLUSTERS_FROM

        matcher = get_matcher(BOARD_MATCHER)
        self.dataset = dataset
        self.context = BoardContext(
            dataset_name=dataset.name,
            dataset_version=dataset.version,
            dataset_sha256=dataset.sha256,
            documents=len(dataset.documents),
            required_facts=sum(f.required for g in dataset.gold for f in g.facts),
            matcher_name=matcher.name,
            matcher_version=matcher.version,
            confidence_level=0.95,
            bootstrap_samples=DEFAULT_SAMPLES,
            bootstrap_unit=(
                "document" if len(dataset.documents) >= DOCUMENT_CLUSTERS_FROM else "gold fact"
            ),
        )

    def row(self, submission: Submission) -> LeaderboardRow:
        from benchmark.data.predictions import read_predictions
        from benchmark.scoring import score_predictions

        predictions = read_predictions(submission.predictions_path)
        metrics = score_predictions(self.dataset, predictions, matcher=BOARD_MATCHER).metrics
        scores = Scores(
            precision=metrics.precision,
            recall=metrics.recall,
            f1=metrics.f1,
            true_positives=metrics.tp,
            false_positives=metrics.fp,
            false_negatives=metrics.fn,
            predicted=len(predictions),
        )
        groups = [
            GroupRecall(dimension, value, counts.tp, counts.tp + counts.fn)
            for dimension, table in (
                ("category", metrics.by_category),
                ("modality", metrics.by_modality),
            )
            for value, counts in sorted(table.items())
            if counts.tp + counts.fn > 0  # a group with only false positives has no gold
        ]
        return LeaderboardRow(
            slug=submission.slug,
            metadata=submission.metadata,
            scores=scores,
            precision_ci=Interval(*metrics.ci["precision"]),
            recall_ci=Interval(*metrics.ci["recall"]),
            f1_ci=Interval(*metrics.ci["f1"]),
            groups=tuple(groups),
        )

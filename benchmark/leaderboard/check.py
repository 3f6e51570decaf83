"""``bench check``: the CI regression check over a repository checkout.

1. The annotations validate (schemas and semantic checks).
2. Every submission folder passes the policy, and its claims equal its recomputed scores.
3. The recomputed scores equal the pinned snapshot (``--update`` moves the snapshot instead,
   recording old and new scores in CHANGELOG.md).
4. LEADERBOARD.md and the plot are byte for byte what ``bench leaderboard`` writes.

Every problem is one line; generated files that differ also get a unified diff.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from benchmark.files import atomic_write_text
from benchmark.leaderboard.board import ANNOTATIONS_DIR, Board, build_board
from benchmark.leaderboard.generate import generated_files
from benchmark.leaderboard.render import PLOT_FILE
from benchmark.leaderboard.snapshot import (
    CHANGELOG_FILE,
    SNAPSHOT_FILE,
    SnapshotError,
    append_changelog,
    changelog_entry,
    read_snapshot,
    snapshot_issues,
)
from benchmark.validation.issues import ValidationIssue

# Diffs of generated files are cut here: the first lines show what moved.
MAX_DIFF_LINES = 60


@dataclass(frozen=True)
class CheckOutcome:
    problems: tuple[str, ...] = ()
    diffs: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what --update did

    @property
    def ok(self) -> bool:
        return not self.problems


def annotation_problems(root: Path) -> list[str]:
    """Schema and semantic issues of ``root/annotations``."""
    from benchmark.validation.files import validate_paths

    annotations = root / ANNOTATIONS_DIR
    report = validate_paths([annotations], dataset_root=annotations)
    return [str(issue) for issue in report.issues]


def changelog_date() -> str | None:
    """The entry's date, only under the SOURCE_DATE_EPOCH convention (no wall-clock stamps)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()


def run_check(root: Path, update: bool = False) -> CheckOutcome:
    root = Path(root)
    problems = annotation_problems(root)
    if problems:  # scoring against broken gold would only add noise
        return CheckOutcome(tuple(problems))
    board = build_board(root)
    problems.extend(str(issue) for issue in board.issues)
    notes: list[str] = []
    snapshot_path = root / SNAPSHOT_FILE
    try:
        pinned = read_snapshot(snapshot_path)
    except SnapshotError as exc:
        return CheckOutcome((*problems, str(exc)))
    current = board.snapshot()
    if update:
        if board.issues:
            problems.append(
                f"{SNAPSHOT_FILE}: /: not updated while submissions have problems "
                "(fix the lines above, then run `bench check --update` again)"
            )
        elif pinned == current:
            notes.append(f"{SNAPSHOT_FILE} is already up to date; CHANGELOG.md unchanged")
        else:
            atomic_write_text(snapshot_path, current.to_json())
            append_changelog(
                root / CHANGELOG_FILE, changelog_entry(pinned, current, changelog_date())
            )
            notes.append(
                f"updated {SNAPSHOT_FILE} and appended the score changes to {CHANGELOG_FILE}"
            )
    else:
        problems.extend(str(i) for i in snapshot_issues(pinned, current, SNAPSHOT_FILE))
    generated_problems, diffs, plot_notes = _generated_file_problems(root, board)
    problems.extend(generated_problems)
    notes.extend(plot_notes)
    return CheckOutcome(tuple(problems), tuple(diffs), tuple(notes))


def _generated_file_problems(root: Path, board: Board) -> tuple[list[str], list[str], list[str]]:
    """Problems, diffs and notes from comparing the committed generated files with fresh ones."""
    from benchmark.leaderboard.plot import PlottingUnavailable, drawn_with, matplotlib_version

    try:
        expected_files = generated_files(board)
    except PlottingUnavailable as exc:
        return [f"{PLOT_FILE}: /: cannot be checked: {exc}"], [], []
    problems: list[str] = []
    diffs: list[str] = []
    notes: list[str] = []
    for relative, expected in expected_files.items():
        path = root / relative
        actual = path.read_bytes() if path.is_file() else None
        if actual == expected:
            continue
        if relative == PLOT_FILE and actual is not None:
            committed_with = drawn_with(actual)
            if committed_with is not None and committed_with != matplotlib_version():
                notes.append(
                    f"{PLOT_FILE}: not compared: drawn with matplotlib {committed_with}, this "
                    f"environment has {matplotlib_version()} (its bytes differ by version; "
                    "LEADERBOARD.md, checked above, holds the same numbers)"
                )
                continue
        what = "missing" if actual is None else "differs from what `bench leaderboard` writes"
        problems.append(
            str(
                ValidationIssue(
                    relative, "/", what, "run `bench leaderboard` and commit the result"
                )
            )
        )
        if actual is not None:  # a diff against nothing would only repeat the whole file
            diffs.append(_diff(relative, actual, expected))
    return problems, diffs, notes


def _diff(relative: str, actual: bytes, expected: bytes) -> str:
    lines = list(
        difflib.unified_diff(
            actual.decode("utf-8", errors="replace").splitlines(keepends=True),
            expected.decode("utf-8", errors="replace").splitlines(keepends=True),
            fromfile=f"{relative} (committed)",
            tofile=f"{relative} (bench leaderboard)",
        )
    )
    if len(lines) > MAX_DIFF_LINES:
        rest = len(lines) - MAX_DIFF_LINES
        lines = [*lines[:MAX_DIFF_LINES], f"... {rest} more diff line(s)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

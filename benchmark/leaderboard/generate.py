"""The files ``bench leaderboard`` writes, as bytes: one function so the check and the
command can never disagree about what the generated files should be."""

from __future__ import annotations

from pathlib import Path

from benchmark.files import atomic_write_bytes
from benchmark.leaderboard.board import Board
from benchmark.leaderboard.plot import PlotPoint, render_scatter_svg
from benchmark.leaderboard.render import LEADERBOARD_FILE, PLOT_FILE, render_leaderboard


def plot_points(board: Board) -> list[PlotPoint]:
    points: list[PlotPoint] = []
    for row in board.rows:
        style = (
            "human"
            if row.metadata.is_human
            else "baseline"
            if row.metadata.is_baseline
            else "system"
        )
        points.append(PlotPoint(row.label, row.scores.precision, row.scores.recall, style))
    return points


def generated_files(board: Board) -> dict[str, bytes]:
    """Repository-relative path -> exact bytes, for LEADERBOARD.md and the plot."""
    return {
        LEADERBOARD_FILE: render_leaderboard(board.rows, board.context).encode("utf-8"),
        PLOT_FILE: render_scatter_svg(plot_points(board)),
    }


def write_generated_files(root: Path, board: Board) -> list[str]:
    """Write every generated file atomically; return the paths whose bytes changed.

    Everything is rendered before anything is written, so a failure leaves the old files."""
    changed: list[str] = []
    for relative, data in generated_files(board).items():
        path = root / relative
        if path.is_file() and path.read_bytes() == data:
            continue
        atomic_write_bytes(path, data)
        changed.append(relative)
    return changed

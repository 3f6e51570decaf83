"""``bench check`` and ``bench leaderboard`` on a temporary copy of this repository's real data:
the seeded board must pass as committed, and tampering with it must be caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from benchmark.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("annotations", "submissions", "leaderboard", "LEADERBOARD.md", "CHANGELOG.md")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, symlinks=True)
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def _largest_submission(root: Path) -> str:
    """The slug with the most predictions (tampering with an empty file is not possible)."""
    sizes = {p.parent.name: p.stat().st_size for p in root.glob("submissions/*/predictions.jsonl")}
    return max(sorted(sizes), key=lambda slug: sizes[slug])


def test_the_committed_board_passes_bench_check(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--root", str(copy)])
    assert code == 0, capsys.readouterr().out


def test_bench_leaderboard_leaves_the_committed_files_unchanged(copy: Path) -> None:
    files = ("LEADERBOARD.md", "leaderboard/pr_scatter.svg")
    before = {f: (copy / f).read_bytes() for f in files}
    assert main(["leaderboard", "--root", str(copy)]) == 0
    assert {f: (copy / f).read_bytes() for f in files} == before


def test_tampering_with_one_committed_prediction_line_is_caught(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slug = _largest_submission(copy)
    path = copy / "submissions" / slug / "predictions.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    lines[0] = (
        json.dumps(
            {"document_id": first["document_id"], "statement": "The moon is made of green cheese."}
        )
        + "\n"
    )
    path.write_text("".join(lines), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(copy)]) == 1
    out = capsys.readouterr().out
    assert f"submissions/{slug}/metadata.json: /scores: submissions/{slug} claims" in out
    assert f"leaderboard/snapshot.json: /submissions/{slug}: " in out


def test_the_seeded_board_has_the_baselines_and_the_human_row() -> None:
    kinds = {
        folder.name: json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["kind"]
        for folder in (ROOT / "submissions").iterdir()
        if folder.is_dir()
    }
    assert kinds == {
        "human-second-pass": "human",
        "null": "baseline",
        "rules": "baseline",
        "sentences": "baseline",
    }
    second_pass = ROOT / "annotations/documents/cnn-2013-02-mali-offensive/second_pass.jsonl"
    assert (ROOT / "submissions/human-second-pass/predictions.jsonl").read_bytes() == (
        second_pass.read_bytes()
    )

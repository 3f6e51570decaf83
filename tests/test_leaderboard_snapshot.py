"""The pinned snapshot: comparison issues and the changelog entry that moves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmark.leaderboard.scores import Scores
from benchmark.leaderboard.snapshot import (
    Snapshot,
    SnapshotError,
    append_changelog,
    changelog_entry,
    read_snapshot,
    snapshot_issues,
)

SHA_A = "a" * 64
SHA_B = "b" * 64


def _scores(tp: int, fp: int, fn: int) -> Scores:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f1, tp, fp, fn, tp + fp)


def _snapshot(version: str = "1.0.0", sha: str = SHA_A, **scores: Scores) -> Snapshot:
    return Snapshot.build(("extractbench", version, sha), ("lenient", "1"), scores)


def test_identical_snapshots_have_no_issues() -> None:
    snap = _snapshot(rules=_scores(3, 7, 5), human=_scores(8, 1, 0))
    assert snapshot_issues(snap, snap, "snap.json") == []


def test_a_moved_score_names_the_submission_and_the_fields() -> None:
    old = _snapshot(rules=_scores(3, 7, 5))
    new = _snapshot(rules=_scores(2, 8, 6))
    (issue,) = snapshot_issues(old, new, "leaderboard/snapshot.json")
    assert issue.json_path == "/submissions/rules"
    assert "submissions/rules re-scored differently" in issue.message
    assert "f1 0.3333 -> 0.2222" in issue.message
    assert "true_positives 3 -> 2" in issue.message
    assert "bench check --update" in issue.fix


def test_new_removed_dataset_and_matcher_changes_are_each_one_issue() -> None:
    old = _snapshot(gone=_scores(1, 1, 1))
    new = Snapshot.build(
        ("extractbench", "1.1.0", SHA_B), ("lenient", "2"), {"new": _scores(1, 0, 0)}
    )
    paths = [i.json_path for i in snapshot_issues(old, new, "s")]
    assert paths == ["/dataset/version", "/matcher", "/submissions/gone", "/submissions/new"]


def test_changed_annotations_without_a_version_bump_are_flagged() -> None:
    (issue,) = snapshot_issues(_snapshot(sha=SHA_A), _snapshot(sha=SHA_B), "s")
    assert issue.json_path == "/dataset/sha256"
    assert "bump the version" in issue.fix


def test_a_missing_snapshot_is_one_issue() -> None:
    (issue,) = snapshot_issues(None, _snapshot(), "leaderboard/snapshot.json")
    assert str(issue) == (
        "leaderboard/snapshot.json: /: no pinned snapshot (run `bench check --update`)"
    )


def test_snapshot_json_round_trips_and_is_stable(tmp_path: Path) -> None:
    snap = _snapshot(zeta=_scores(1, 2, 3), alpha=_scores(4, 5, 6))
    path = tmp_path / "snapshot.json"
    path.write_text(snap.to_json(), encoding="utf-8")
    assert read_snapshot(path) == snap
    assert snap.to_json() == _snapshot(alpha=_scores(4, 5, 6), zeta=_scores(1, 2, 3)).to_json()
    assert read_snapshot(tmp_path / "absent.json") is None


def test_an_unreadable_snapshot_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "snapshot.json"
    path.write_text('{"dataset": {}}', encoding="utf-8")
    with pytest.raises(SnapshotError, match=r"snapshot\.json: unreadable snapshot"):
        read_snapshot(path)


def test_the_changelog_entry_records_old_and_new_scores_per_submission() -> None:
    old = _snapshot(rules=_scores(3, 7, 5), same=_scores(1, 1, 1), gone=_scores(1, 0, 0))
    new = _snapshot(
        "1.1.0", SHA_B, rules=_scores(2, 8, 6), same=_scores(1, 1, 1), new=_scores(1, 0, 1)
    )
    entry = changelog_entry(old, new, date="2026-01-02")
    assert entry.splitlines()[0] == (
        "### Published scores: dataset extractbench 1.0.0 → extractbench 1.1.0, "
        "matcher lenient 1 → lenient 1"
    )
    assert "on 2026-01-02" in entry
    rows = {line.split(" | ")[0]: line for line in entry.splitlines() if line.startswith("| ")}
    assert rows["| rules"] == (
        "| rules | 0.3000 → 0.2000 | 0.3750 → 0.2500 | 0.3333 → 0.2222 | 10 | moved |"
    )
    assert rows["| same"].endswith("| unchanged |")
    assert rows["| gone"] == "| gone | 1.0000 → — | 1.0000 → — | 1.0000 → — | 1 → — | removed |"
    assert rows["| new"].startswith("| new | — → 1.0000 |")
    assert rows["| new"].endswith("| added |")


def test_append_changelog_keeps_what_was_there(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Changelog\n\n## 0.1.0\n\n- first\n", encoding="utf-8")
    append_changelog(path, "### entry\n")
    assert path.read_text(encoding="utf-8") == "# Changelog\n\n## 0.1.0\n\n- first\n\n### entry\n"


@given(
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
)
def test_differences_are_empty_exactly_when_scores_are_equal(
    a: int, b: int, c: int, d: int, e: int, f: int
) -> None:
    first, second = _scores(a, b, c), _scores(d, e, f)
    assert (first.differences(second) == []) == (first == second)

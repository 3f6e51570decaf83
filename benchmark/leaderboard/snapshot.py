"""The pinned snapshot of published scores and the changelog entry that moves it.

``leaderboard/snapshot.json`` records, for the dataset (name, version, sha256) and matcher
(name, version) the board was scored with, every submission's recomputed scores. ``bench
check`` fails when today's recomputation differs; ``bench check --update`` rewrites the
snapshot and appends a CHANGELOG.md entry with the old and new scores, so a change to the
gold, the matcher or the metrics that moves a published number is always on record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark.files import atomic_write_text
from benchmark.leaderboard.scores import Scores
from benchmark.validation.issues import ValidationIssue

SNAPSHOT_FILE = "leaderboard/snapshot.json"
CHANGELOG_FILE = "CHANGELOG.md"
UPDATE_HINT = "if the change is deliberate, run `bench check --update` and commit the result"


class SnapshotError(Exception):
    """The snapshot file cannot be read; the message names the file and the fix."""


@dataclass(frozen=True)
class Snapshot:
    dataset_name: str
    dataset_version: str
    dataset_sha256: str
    matcher_name: str
    matcher_version: str
    submissions: tuple[tuple[str, Scores], ...]  # (slug, scores), sorted by slug

    @classmethod
    def build(
        cls,
        dataset: tuple[str, str, str],
        matcher: tuple[str, str],
        scores: Mapping[str, Scores],
    ) -> Snapshot:
        return cls(
            dataset_name=dataset[0],
            dataset_version=dataset[1],
            dataset_sha256=dataset[2],
            matcher_name=matcher[0],
            matcher_version=matcher[1],
            submissions=tuple(sorted(scores.items())),
        )

    def scores_by_slug(self) -> dict[str, Scores]:
        return dict(self.submissions)

    @property
    def dataset_label(self) -> str:
        return f"{self.dataset_name} {self.dataset_version}"

    @property
    def matcher_label(self) -> str:
        return f"{self.matcher_name} {self.matcher_version}"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Snapshot:
        return cls(
            dataset_name=data["dataset"]["name"],
            dataset_version=data["dataset"]["version"],
            dataset_sha256=data["dataset"]["sha256"],
            matcher_name=data["matcher"]["name"],
            matcher_version=data["matcher"]["version"],
            submissions=tuple(
                sorted((slug, Scores.from_dict(s)) for slug, s in data["submissions"].items())
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": {
                "name": self.dataset_name,
                "version": self.dataset_version,
                "sha256": self.dataset_sha256,
            },
            "matcher": {"name": self.matcher_name, "version": self.matcher_version},
            "submissions": {slug: scores.to_dict() for slug, scores in self.submissions},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n"


def read_snapshot(path: Path) -> Snapshot | None:
    """The pinned snapshot, or None when there is none yet."""
    if not path.exists():
        return None
    try:
        return Snapshot.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SnapshotError(
            f"{path}: unreadable snapshot ({type(exc).__name__}: {exc}); "
            "restore it from git or regenerate it with `bench check --update`"
        ) from None


def snapshot_issues(
    pinned: Snapshot | None, current: Snapshot, shown: str
) -> list[ValidationIssue]:
    """Every way today's recomputation differs from the pinned snapshot, one issue each."""
    if pinned is None:
        return [ValidationIssue(shown, "/", "no pinned snapshot", "run `bench check --update`")]
    issues: list[ValidationIssue] = []
    if (pinned.dataset_name, pinned.dataset_version) != (
        current.dataset_name,
        current.dataset_version,
    ):
        issues.append(
            ValidationIssue(
                shown,
                "/dataset/version",
                f"dataset {pinned.dataset_label} -> {current.dataset_label}",
                UPDATE_HINT,
            )
        )
    elif pinned.dataset_sha256 != current.dataset_sha256:
        issues.append(
            ValidationIssue(
                shown,
                "/dataset/sha256",
                f"annotation files changed without a version bump "
                f"({pinned.dataset_sha256[:12]} -> {current.dataset_sha256[:12]})",
                "bump the version in annotations/dataset.json, then run `bench check --update`",
            )
        )
    if (pinned.matcher_name, pinned.matcher_version) != (
        current.matcher_name,
        current.matcher_version,
    ):
        issues.append(
            ValidationIssue(
                shown,
                "/matcher",
                f"matcher {pinned.matcher_label} -> {current.matcher_label}",
                UPDATE_HINT,
            )
        )
    old, new = pinned.scores_by_slug(), current.scores_by_slug()
    for slug in sorted(old.keys() | new.keys()):
        where = f"/submissions/{slug}"
        if slug not in new:
            issues.append(
                ValidationIssue(shown, where, f"submissions/{slug} was removed", UPDATE_HINT)
            )
        elif slug not in old:
            issues.append(
                ValidationIssue(
                    shown,
                    where,
                    f"submissions/{slug} is not in the snapshot yet",
                    "run `bench check --update` to publish it",
                )
            )
        elif changes := old[slug].differences(new[slug]):
            issues.append(
                ValidationIssue(
                    shown,
                    where,
                    f"submissions/{slug} re-scored differently from its published scores: "
                    + ", ".join(changes),
                    UPDATE_HINT,
                )
            )
    return issues


def _rates(scores: Scores | None) -> tuple[str, str, str, str]:
    if scores is None:
        return ("—", "—", "—", "—")
    return (
        f"{scores.precision:.4f}",
        f"{scores.recall:.4f}",
        f"{scores.f1:.4f}",
        str(scores.predicted),
    )


def changelog_entry(old: Snapshot | None, new: Snapshot, date: str | None = None) -> str:
    """A Markdown section recording old and new published scores for every submission."""
    before = old.dataset_label if old else "none"
    matcher_before = old.matcher_label if old else "none"
    lines = [
        f"### Published scores: dataset {before} → {new.dataset_label}, "
        f"matcher {matcher_before} → {new.matcher_label}",
        "",
        "Recorded by `bench check --update`"
        + (f" on {date}" if date else "")
        + f"; dataset sha256 {new.dataset_sha256[:12]}.",
        "",
        "| Submission | Precision | Recall | F1 | Facts | Change |",
        "| --- | --- | --- | --- | ---: | --- |",
    ]
    old_scores = old.scores_by_slug() if old else {}
    new_scores = new.scores_by_slug()
    for slug in sorted(old_scores.keys() | new_scores.keys()):
        was, now = old_scores.get(slug), new_scores.get(slug)
        if was is None:
            change = "added"
        elif now is None:
            change = "removed"
        else:
            change = "moved" if was.differences(now) else "unchanged"
        cells = [
            f"{a} → {b}" if a != b else a for a, b in zip(_rates(was), _rates(now), strict=True)
        ]
        lines.append(f"| {slug} | " + " | ".join(cells) + f" | {change} |")
    return "\n".join(lines) + "\n"


def append_changelog(path: Path, entry: str) -> None:
    """Append ``entry`` at the end of the changelog (created with a title if missing)."""
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Changelog\n"
    atomic_write_text(path, existing.rstrip("\n") + "\n\n" + entry)

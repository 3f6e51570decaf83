"""What a submission folder may contain, checked before anything in it is read.

A pull request can put anything under ``submissions/``; these checks turn each problem into
one line naming the file and the fix: files other than metadata.json and predictions.jsonl,
folders, symlinks, paths escaping the folder, files over the size limit, malformed JSON or
JSONL, schema violations, duplicate system names and predictions for unknown documents.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.leaderboard.submission import (
    METADATA_FILE,
    PREDICTIONS_FILE,
    SUBMISSION_FILES,
    Submission,
    SubmissionMetadata,
    name_key,
)
from benchmark.validation.issues import ValidationFailed, ValidationIssue

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")

# Files allowed directly in submissions/ besides the submission folders.
TOP_LEVEL_FILES = frozenset({"README.md"})

# Predictions for one article are kilobytes; a megabyte-scale file is a mistake or an attack.
MAX_PREDICTIONS_BYTES = 2 * 1024 * 1024
MAX_METADATA_BYTES = 64 * 1024

# More than this many problems in one file are summarised: the first ones show the pattern.
MAX_ISSUES_PER_FILE = 5


@dataclass(frozen=True)
class SubmissionPolicy:
    max_predictions_bytes: int = MAX_PREDICTIONS_BYTES
    max_metadata_bytes: int = MAX_METADATA_BYTES

    def limit_for(self, file_name: str) -> int:
        return self.max_metadata_bytes if file_name == METADATA_FILE else self.max_predictions_bytes


@dataclass(frozen=True)
class Inspection:
    """The submissions that passed every check, and one issue per problem found."""

    submissions: tuple[Submission, ...]
    issues: tuple[ValidationIssue, ...] = field(default=())


def relative_inside(base: Path, relative: str) -> Path:
    """``base / relative`` when that stays inside ``base``, else ``ValueError``.

    Rejects absolute paths and ``..`` components outright, then compares resolved paths, so a
    symlinked parent cannot smuggle the result elsewhere either.
    """
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts or not candidate.parts:
        raise ValueError(f"{relative!r} is not a plain relative path")
    resolved = (base / candidate).resolve()
    if not resolved.is_relative_to(base.resolve()):
        raise ValueError(f"{relative!r} resolves outside {base}")
    return base / candidate


def inspect_submissions(
    submissions_dir: Path,
    document_ids: Collection[str],
    policy: SubmissionPolicy | None = None,
    display_root: Path | None = None,
) -> Inspection:
    """Check every folder under ``submissions_dir``; return the good ones and all issues.

    ``display_root`` is what file names in issues are relative to (default: the parent of
    ``submissions_dir``, i.e. the repository root).
    """
    policy = policy or SubmissionPolicy()
    display_root = display_root or submissions_dir.parent
    issues: list[ValidationIssue] = []
    accepted: list[Submission] = []
    if not submissions_dir.is_dir() or submissions_dir.is_symlink():
        return Inspection(
            (),
            (
                _issue(
                    submissions_dir,
                    display_root,
                    "/",
                    "missing or not a real directory",
                    "create submissions/ as a plain folder",
                ),
            ),
        )
    for entry in sorted(submissions_dir.iterdir(), key=lambda p: p.name):
        if entry.name in TOP_LEVEL_FILES and _is_regular_file(entry):
            continue
        folder_issues = _folder_issues(entry, submissions_dir, display_root, policy)
        if folder_issues:
            issues.extend(folder_issues)
            continue
        submission, content_issues = _read_submission(entry, display_root, document_ids)
        issues.extend(content_issues)
        if submission is not None:
            accepted.append(submission)
    unique, duplicate_issues = _without_duplicate_names(accepted, display_root)
    issues.extend(duplicate_issues)
    return Inspection(tuple(unique), tuple(issues))


def _folder_issues(
    entry: Path, submissions_dir: Path, display_root: Path, policy: SubmissionPolicy
) -> list[ValidationIssue]:
    """Layout problems of one entry of submissions/: never follows a symlink, reads nothing."""
    if entry.is_symlink():
        return [_symlink_issue(entry, display_root)]
    if not entry.is_dir():
        return [
            _issue(
                entry,
                display_root,
                "/",
                "unexpected file in submissions/",
                "put each submission in its own folder submissions/<slug>/",
            )
        ]
    if not SLUG_PATTERN.match(entry.name):
        return [
            _issue(
                entry,
                display_root,
                "/",
                f"folder name {entry.name!r} is not a slug",
                "rename it to lowercase letters, digits, '-' and '_' (at most 60)",
            )
        ]
    try:
        relative_inside(submissions_dir, entry.name)
    except ValueError:
        return [
            _issue(
                entry,
                display_root,
                "/",
                "path escapes the submissions folder",
                "use a plain folder inside submissions/",
            )
        ]
    issues: list[ValidationIssue] = []
    for child in sorted(entry.iterdir(), key=lambda p: p.name):
        issues.extend(_child_issues(child, entry, display_root, policy))
    for name in SUBMISSION_FILES:
        if not os.path.lexists(entry / name):
            issues.append(
                _issue(
                    entry / name,
                    display_root,
                    "/",
                    "missing",
                    f"add {name} (bench submit writes both files)",
                )
            )
    return issues


def _child_issues(
    child: Path, folder: Path, display_root: Path, policy: SubmissionPolicy
) -> list[ValidationIssue]:
    if child.is_symlink():
        return [_symlink_issue(child, display_root)]
    try:
        relative_inside(folder, child.name)
    except ValueError:
        return [
            _issue(
                child,
                display_root,
                "/",
                "path escapes the submission folder",
                "keep only plain files in the folder",
            )
        ]
    if child.is_dir():
        return [
            _issue(
                child,
                display_root,
                "/",
                "unexpected folder",
                f"a submission holds only {METADATA_FILE} and {PREDICTIONS_FILE}; remove it",
            )
        ]
    if child.name not in SUBMISSION_FILES:
        return [
            _issue(
                child,
                display_root,
                "/",
                "unexpected file",
                f"a submission holds only {METADATA_FILE} and {PREDICTIONS_FILE}; remove it",
            )
        ]
    if not _is_regular_file(child):
        return [
            _issue(child, display_root, "/", "not a regular file", "replace it with a plain file")
        ]
    size = child.lstat().st_size
    limit = policy.limit_for(child.name)
    if size > limit:
        return [
            _issue(
                child,
                display_root,
                "/",
                f"{size} bytes is over the {limit}-byte limit",
                "keep one line per predicted fact and nothing else",
            )
        ]
    return []


def _read_submission(
    folder: Path, display_root: Path, document_ids: Collection[str]
) -> tuple[Submission | None, list[ValidationIssue]]:
    """Parse metadata.json and predictions.jsonl of a folder whose layout is fine."""
    metadata, issues = _read_metadata(folder / METADATA_FILE, display_root)
    issues.extend(_prediction_issues(folder / PREDICTIONS_FILE, display_root, document_ids))
    if metadata is None or issues:
        return None, issues
    return Submission(slug=folder.name, directory=folder, metadata=metadata), []


def _read_metadata(
    path: Path, display_root: Path
) -> tuple[SubmissionMetadata | None, list[ValidationIssue]]:
    from benchmark.validation.schema_store import schema_issues

    shown = _display(path, display_root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return None, [
            ValidationIssue(shown, "/", f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")
        ]
    except json.JSONDecodeError as exc:
        return None, [
            ValidationIssue(
                shown,
                "/",
                f"line {exc.lineno} column {exc.colno}: invalid JSON: {exc.msg}",
                "fix the syntax (bench submit writes a valid file)",
            )
        ]
    issues = _capped(list(schema_issues("submission", data, shown)), shown)
    if issues:
        return None, issues
    return SubmissionMetadata.from_dict(data), []


def _prediction_issues(
    path: Path, display_root: Path, document_ids: Collection[str]
) -> list[ValidationIssue]:
    from benchmark.data.predictions import read_predictions

    shown = _display(path, display_root)
    try:
        predictions = read_predictions(path)
    except ValidationFailed as failure:
        renamed = [ValidationIssue(shown, i.json_path, i.message, i.fix) for i in failure.issues]
        return _capped(renamed, shown)
    first_line: dict[str, int] = {}
    counts: dict[str, int] = {}
    for prediction in predictions:
        if prediction.document_id not in document_ids:
            first_line.setdefault(prediction.document_id, _line_number(path, prediction.index))
            counts[prediction.document_id] = counts.get(prediction.document_id, 0) + 1
    return [
        ValidationIssue(
            shown,
            f"/line/{first_line[doc]}/document_id",
            f"{counts[doc]} prediction(s) for unknown document {doc!r}",
            "use a document id listed in annotations/dataset.json",
        )
        for doc in sorted(first_line)
    ]


def _line_number(path: Path, index: int) -> int:
    """The 1-based line of the ``index``-th non-blank line (predictions skip blank lines)."""
    seen = -1
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.strip():
            seen += 1
            if seen == index:
                return number
    return index + 1


def _without_duplicate_names(
    submissions: list[Submission], display_root: Path
) -> tuple[list[Submission], list[ValidationIssue]]:
    """Keep the first submission (by slug) of each system name; one issue per later one."""
    first_by_name: dict[str, Submission] = {}
    kept: list[Submission] = []
    issues: list[ValidationIssue] = []
    for submission in sorted(submissions, key=lambda s: s.slug):
        key = name_key(submission.metadata.name)
        earlier = first_by_name.get(key)
        if earlier is None:
            first_by_name[key] = submission
            kept.append(submission)
            continue
        issues.append(
            ValidationIssue(
                _display(submission.metadata_path, display_root),
                "/name",
                f"system name {submission.metadata.name!r} is already used by "
                f"submissions/{earlier.slug}",
                "choose a distinct name, or update the existing submission instead",
            )
        )
    return kept, issues


def _capped(issues: list[ValidationIssue], shown: str) -> list[ValidationIssue]:
    if len(issues) <= MAX_ISSUES_PER_FILE:
        return issues
    rest = len(issues) - MAX_ISSUES_PER_FILE
    return [
        *issues[:MAX_ISSUES_PER_FILE],
        ValidationIssue(
            shown,
            "/",
            f"{rest} more problem(s) like the above",
            "fix those first, then run bench check again",
        ),
    ]


def _is_regular_file(path: Path) -> bool:
    return stat.S_ISREG(path.lstat().st_mode)


def _symlink_issue(path: Path, display_root: Path) -> ValidationIssue:
    return _issue(
        path, display_root, "/", "symlinks are not allowed", "commit the file itself, not a link"
    )


def _issue(
    path: Path, display_root: Path, json_path: str, message: str, fix: str
) -> ValidationIssue:
    return ValidationIssue(_display(path, display_root), json_path, message, fix)


def _display(path: Path, display_root: Path) -> str:
    try:
        return path.relative_to(display_root).as_posix()
    except ValueError:
        return str(path)

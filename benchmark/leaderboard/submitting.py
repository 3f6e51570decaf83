"""``bench submit``: a submission folder made from a run's results.json and predictions.

The folder is assembled in a temporary directory beside its destination and renamed into
place, so an existing submission is never half overwritten; it is then checked like every
other submission (policy, claims re-scored) and removed again if the check fails.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from benchmark.leaderboard.board import BOARD_MATCHER
from benchmark.leaderboard.policy import SLUG_PATTERN, relative_inside
from benchmark.leaderboard.scores import Scores
from benchmark.leaderboard.submission import (
    METADATA_FILE,
    PREDICTIONS_FILE,
    SUBMISSIONS_DIR,
    ExtractorKind,
    SubmissionMetadata,
)
from benchmark.results.model import Results

RESULTS_PREDICTIONS_FILE = "predictions.jsonl"  # what bench evaluate writes beside results.json


class SubmitError(Exception):
    """One line naming what is wrong and the fix."""


@dataclass(frozen=True)
class SubmissionRequest:
    name: str
    kind: ExtractorKind
    authors: tuple[str, ...]
    description: str
    license: str
    url: str | None = None
    version: str | None = None  # default: the extractor's version from the results, else 1.0
    date: str | None = None  # default: the day the run started
    slug: str | None = None  # default: from the name


def slugify(name: str) -> str:
    """``"GPT-4o (zero-shot)"`` -> ``"gpt-4o-zero-shot"``; ASCII, at most 60 characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60].rstrip("-")


def claimed_scores(results: Results, predicted: int) -> Scores:
    """The scores to claim: counts from the results, rates recomputed from the counts.

    Results files round floats to six decimals; recomputing from the counts gives exactly
    the value ``bench check`` computes.
    """
    from benchmark.metrics.prf import PRF

    metrics = results.metrics
    exact = PRF(metrics.tp, metrics.fp, metrics.fn)
    return Scores(
        precision=exact.precision,
        recall=exact.recall,
        f1=exact.f1,
        true_positives=metrics.tp,
        false_positives=metrics.fp,
        false_negatives=metrics.fn,
        predicted=predicted,
    )


def predictions_text(results_path: Path, results: Results) -> str:
    """The run's predictions.jsonl beside results.json, else the predictions the results
    file records (``bench score`` runs keep them only there)."""
    from benchmark.data.predictions import dump_prediction_lines

    sibling = results_path.parent / RESULTS_PREDICTIONS_FILE
    recorded = sorted(results.predictions, key=lambda d: d.index)
    if not sibling.is_file():
        return dump_prediction_lines(d.prediction for d in recorded)
    text = sibling.read_text(encoding="utf-8")
    lines = sum(1 for line in text.split("\n") if line.strip())
    if lines != len(recorded):
        raise SubmitError(
            f"{sibling}: {lines} prediction line(s) but {results_path} scored {len(recorded)} "
            "(pass the results.json of the run that wrote these predictions)"
        )
    return text


def build_metadata(
    request: SubmissionRequest, results: Results, predicted: int
) -> SubmissionMetadata:
    extractor_version = results.extractor.version if results.extractor else None
    return SubmissionMetadata(
        name=request.name,
        version=request.version or extractor_version or "1.0",
        authors=request.authors,
        description=request.description,
        kind=request.kind,
        date=request.date or results.run.started_at[:10],
        license=request.license,
        dataset_name=results.dataset.name,
        dataset_version=results.dataset.version,
        dataset_sha256=results.dataset.sha256,
        matcher_name=results.matcher.name,
        matcher_version=results.matcher.version,
        claimed=claimed_scores(results, predicted),
        url=request.url,
    )


def destination(root: Path, request: SubmissionRequest) -> tuple[str, Path]:
    slug = request.slug if request.slug is not None else slugify(request.name)
    if not SLUG_PATTERN.match(slug):
        raise SubmitError(
            f"slug {slug!r} is not a plain folder name (pass --slug with lowercase letters, "
            "digits, '-' and '_', at most 60)"
        )
    try:
        folder = relative_inside(root / SUBMISSIONS_DIR, slug)
    except ValueError as exc:
        raise SubmitError(f"slug {slug!r}: {exc} (pass a plain --slug)") from None
    return slug, folder


def check_results(results: Results, results_path: Path, root: Path) -> None:
    """The run must be scored with the board's matcher on the repository's dataset version."""
    from benchmark.data.loading import DATASET_INDEX, read_json

    if results.matcher.name != BOARD_MATCHER:
        raise SubmitError(
            f"{results_path}: /matcher/name: scored with {results.matcher.name!r}, the "
            f"leaderboard uses {BOARD_MATCHER!r} (re-score with --matcher {BOARD_MATCHER})"
        )
    index = read_json(root / "annotations" / DATASET_INDEX)
    current = (index["name"], index["version"])
    if (results.dataset.name, results.dataset.version) != current:
        raise SubmitError(
            f"{results_path}: /dataset: scored on {results.dataset.name} "
            f"{results.dataset.version}, the repository has {current[0]} {current[1]} "
            "(re-run on the current dataset)"
        )


def submission_problems(root: Path, slug: str) -> list[str]:
    """What ``bench check`` would say about this one submission: policy, claims, names."""
    from benchmark.leaderboard.board import build_board

    prefix = f"{SUBMISSIONS_DIR}/{slug}"
    return [
        str(issue)
        for issue in build_board(root).issues
        if issue.file.startswith(prefix + "/") or issue.file == prefix or prefix in issue.message
    ]


def write_submission(
    root: Path, results_path: Path, request: SubmissionRequest, replace: bool = False
) -> tuple[Path, list[str]]:
    """Create ``root/submissions/<slug>/`` from a run and check it.

    Returns the folder and the problems found; when there are problems the folder is taken
    out again (and a replaced submission restored), so nothing invalid is left behind.
    """
    from benchmark.results.io import ResultsError, read_results

    slug, folder = destination(root, request)
    if (folder.exists() or folder.is_symlink()) and not replace:
        raise SubmitError(f"{folder}: already exists (pass --replace to overwrite it)")
    try:
        results = read_results(results_path)
    except ResultsError as exc:
        raise SubmitError(str(exc)) from None
    check_results(results, results_path, root)
    text = predictions_text(results_path, results)
    predicted = sum(1 for line in text.split("\n") if line.strip())
    metadata = build_metadata(request, results, predicted)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}.new.", dir=folder.parent))
    backup = folder.parent / f".{slug}.old"
    placed = False
    try:
        (staging / PREDICTIONS_FILE).write_text(text, encoding="utf-8")
        (staging / METADATA_FILE).write_text(metadata.to_json(), encoding="utf-8")
        staging.chmod(0o755)
        if folder.exists():
            folder.rename(backup)  # kept until the new folder passes its check
        staging.rename(folder)
        placed = True
        problems = submission_problems(root, slug)
    except BaseException:
        _take_back(staging, folder, backup, remove_folder=placed)
        raise
    if problems:
        _take_back(staging, folder, backup, remove_folder=True)
    elif backup.exists():
        shutil.rmtree(backup)
    return folder, problems


def _take_back(staging: Path, folder: Path, backup: Path, remove_folder: bool) -> None:
    """Undo a submission: remove what was written and put a replaced folder back."""
    shutil.rmtree(staging, ignore_errors=True)
    if remove_folder:
        shutil.rmtree(folder, ignore_errors=True)
    if backup.exists() and not folder.exists():
        backup.rename(folder)

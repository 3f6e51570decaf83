"""Validate files and folders by what they are: ``bench validate``'s engine.

A path may be an annotations directory (it has ``dataset.json``), a document folder (it has
``document.json``), a ``document.json``, a gold file, a predictions ``.jsonl`` file, a
submission folder or its ``metadata.json``, or a results file (when its schema ships). Every
problem, including unreadable or malformed JSON, becomes a one-line ``ValidationIssue``; nothing
here raises for bad input.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from benchmark.data.loading import (
    DATASET_INDEX,
    DOCUMENT_FILE,
    GOLD_FILE,
    DatasetError,
    document_dirs,
    load_document,
)
from benchmark.data.predictions import parse_prediction_lines
from benchmark.model.document import Document
from benchmark.model.gold import GoldSet
from benchmark.paths import annotations_dir, schemas_dir
from benchmark.validation import semantic
from benchmark.validation.issues import ValidationIssue
from benchmark.validation.schema_store import SCHEMA_FILES, load_schema, schema_issues

SUBMISSION_METADATA = "metadata.json"
SUBMISSION_PREDICTIONS = "predictions.jsonl"


@dataclass(frozen=True)
class ValidationReport:
    """The issues found (sorted) and what was checked."""

    issues: tuple[ValidationIssue, ...] = ()
    documents: int = 0
    facts: int = 0
    entities: int = 0
    prediction_files: int = 0
    predictions: int = 0
    prediction_documents: frozenset[str] = field(default_factory=frozenset)
    other_files: int = 0

    @property
    def ok(self) -> bool:
        return not self.issues

    def __add__(self, other: ValidationReport) -> ValidationReport:
        return ValidationReport(
            issues=self.issues + other.issues,
            documents=self.documents + other.documents,
            facts=self.facts + other.facts,
            entities=self.entities + other.entities,
            prediction_files=self.prediction_files + other.prediction_files,
            predictions=self.predictions + other.predictions,
            prediction_documents=self.prediction_documents | other.prediction_documents,
            other_files=self.other_files + other.other_files,
        )

    def sorted(self) -> ValidationReport:
        """The same report with issues in a deterministic order (file, natural path order)."""
        unique = set(self.issues)
        return replace(self, issues=tuple(sorted(unique, key=_issue_order)))

    def summary(self) -> str:
        """One line: ``1 document, 57 facts, 31 entities: valid`` (or the issue count)."""
        parts = []
        if self.documents:
            parts.append(
                f"{_count(self.documents, 'document')}, {_count(self.facts, 'fact')}, "
                f"{_count(self.entities, 'entity', 'entities')}"
            )
        if self.prediction_files:
            parts.append(
                f"{_count(self.predictions, 'prediction')} in "
                f"{_count(len(self.prediction_documents), 'document')}"
            )
        if self.other_files:
            parts.append(_count(self.other_files, "other file"))
        checked = "; ".join(parts)
        if self.ok:
            return f"{checked or 'nothing checked'}: valid"
        issues = _count(len(self.issues), "issue")
        return f"{checked}: {issues}" if checked else issues


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _issue_order(issue: ValidationIssue) -> tuple[str, list[tuple[int, str]], str, str]:
    # /facts/10 after /facts/9: compare numeric path parts as numbers.
    parts = [(int(p), "") if p.isdigit() else (-1, p) for p in issue.json_path.split("/")]
    return (issue.file, parts, issue.message, issue.fix)


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else as given."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


class _Unreadable(Exception):
    def __init__(self, issue: ValidationIssue) -> None:
        self.issue = issue
        super().__init__(str(issue))


def _read_text(path: Path) -> str:
    file = display_path(path)
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise _Unreadable(ValidationIssue(file, "/", "file not found", "check the path")) from None
    except IsADirectoryError:
        raise _Unreadable(
            ValidationIssue(file, "/", "is a directory, expected a file", "check the path")
        ) from None
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            ValidationIssue(file, "/", f"not UTF-8 text (byte {exc.start}: {exc.reason})",
                            "save the file as UTF-8")
        ) from None
    except OSError as exc:
        raise _Unreadable(
            ValidationIssue(file, "/", f"cannot read: {exc.strerror}", "check the file")
        ) from None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise _Unreadable(
            ValidationIssue(display_path(path), "/",
                            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
                            "fix the JSON syntax")
        ) from None


def _schema_exists(kind: str) -> bool:
    return kind in SCHEMA_FILES and (schemas_dir() / SCHEMA_FILES[kind]).is_file()


def _schema_report(kind: str, data: Any, file: str) -> ValidationReport:
    return ValidationReport(issues=tuple(schema_issues(kind, data, file)))


# --- documents and gold ----------------------------------------------------------------------


def _check_document(folder: Path) -> tuple[ValidationReport, Document | None]:
    """document.json and its text: schema, sha256 of the bytes, segments, folder name."""
    path = folder / DOCUMENT_FILE
    file = display_path(path)
    try:
        data = _read_json(path)
    except _Unreadable as exc:
        return ValidationReport(issues=(exc.issue,)), None
    report = _schema_report("document", data, file)
    if not report.ok:
        return report, None
    text_path = folder / data["text_file"]
    try:
        text_bytes = text_path.read_bytes()
        text_bytes.decode("utf-8")
        document = load_document(folder)
    except FileNotFoundError:
        issue = ValidationIssue(file, "/text_file", f"{display_path(text_path)} not found",
                                "add the text file or fix text_file")
        return ValidationReport(issues=(issue,)), None
    except UnicodeDecodeError as exc:
        issue = ValidationIssue(display_path(text_path), "/",
                                f"not UTF-8 text (byte {exc.start}: {exc.reason})",
                                "save the text as UTF-8")
        return ValidationReport(issues=(issue,)), None
    except OSError as exc:  # a directory, no permission, ...
        issue = ValidationIssue(display_path(text_path), "/", f"cannot read: {exc.strerror}",
                                "check the file")
        return ValidationReport(issues=(issue,)), None
    except DatasetError as exc:
        return ValidationReport(issues=(ValidationIssue(file, "/", str(exc)),)), None
    issues = list(semantic.document_issues(document, hashlib.sha256(text_bytes).hexdigest(), file))
    if document.id != folder.resolve().name:
        issues.append(ValidationIssue(file, "/id",
                                      f"id {document.id!r} differs from the folder name "
                                      f"{folder.resolve().name!r}",
                                      "name the folder after the document id"))
    return ValidationReport(issues=tuple(issues), documents=1), document


def _check_gold(path: Path, document: Document | None) -> ValidationReport:
    file = display_path(path)
    try:
        data = _read_json(path)
    except _Unreadable as exc:
        return ValidationReport(issues=(exc.issue,))
    report = _schema_report("gold", data, file)
    fact_matches = [re.match(r"/facts/(\d+)(/|$)", i.json_path) for i in report.issues]
    if not all(fact_matches):
        return report  # beyond single facts: no model to check semantically
    bad_facts = {int(m.group(1)) for m in fact_matches if m}
    # Facts that fail their schema are left out, so one typo does not hide every other issue.
    positions = [i for i in range(len(data["facts"])) if i not in bad_facts]
    gold = GoldSet.from_dict({**data, "facts": [data["facts"][i] for i in positions]})
    counts = ValidationReport(facts=len(data["facts"]), entities=len(gold.entities))
    if document is None:  # the document's own issues are reported; spans cannot be checked
        return report + counts
    semantic_issues = semantic.gold_issues(gold, document, file, fact_positions=positions)
    return report + counts + ValidationReport(issues=tuple(semantic_issues))


def _check_document_folder(folder: Path, gold_path: Path | None = None) -> ValidationReport:
    report, document = _check_document(folder)
    return report + _check_gold(gold_path or folder / GOLD_FILE, document)


def _check_annotations(root: Path) -> ValidationReport:
    path = root / DATASET_INDEX
    file = display_path(path)
    try:
        index = _read_json(path)
    except _Unreadable as exc:
        return ValidationReport(issues=(exc.issue,))
    report = _schema_report("dataset", index, file)
    if not report.ok:
        return report
    report += ValidationReport(issues=tuple(semantic.dataset_index_issues(index, root, file)))
    for _, folder in document_dirs(root, index):
        if folder.is_dir() and folder.resolve().is_relative_to(root.resolve()):
            report += _check_document_folder(folder)
    return report


# --- predictions and other artifacts ---------------------------------------------------------


def _dataset_documents(root: Path) -> dict[str, Document]:
    """The dataset's documents by id (gold is not needed to check predictions)."""
    index = json.loads((root / DATASET_INDEX).read_text(encoding="utf-8"))
    documents = (load_document(folder) for _, folder in document_dirs(root, index))
    return {document.id: document for document in documents}


def _check_predictions(path: Path, dataset_root: Path) -> ValidationReport:
    file = display_path(path)
    try:
        text = _read_text(path)
    except _Unreadable as exc:
        return ValidationReport(issues=(exc.issue,), prediction_files=1)
    lines = text.split("\n")  # not splitlines: U+2028 may sit inside a JSON string
    predictions, issues = parse_prediction_lines(lines, file)
    try:
        documents = _dataset_documents(dataset_root)
    except (OSError, ValueError, KeyError, TypeError, DatasetError) as exc:
        issues.append(ValidationIssue(file, "/", f"cannot read the dataset at "
                                      f"{display_path(dataset_root)} to check document ids "
                                      f"({type(exc).__name__})",
                                      "validate the dataset first, or pass --dataset"))
        documents = {}
    else:
        for prediction in predictions:
            issues.extend(semantic.prediction_issues(prediction, documents, file,
                                                     prediction.line))
    return ValidationReport(
        issues=tuple(issues),
        prediction_files=1,
        predictions=len(predictions),
        prediction_documents=frozenset(p.document_id for p in predictions),
    )


def _check_artifact(kind: str, path: Path) -> ValidationReport:
    file = display_path(path)
    try:
        data = _read_json(path)
    except _Unreadable as exc:
        return ValidationReport(issues=(exc.issue,), other_files=1)
    return _schema_report(kind, data, file) + ValidationReport(other_files=1)


def _check_submission_folder(folder: Path, dataset_root: Path) -> ValidationReport:
    report = _check_artifact("submission", folder / SUBMISSION_METADATA)
    predictions = folder / SUBMISSION_PREDICTIONS
    if predictions.is_file():
        report += _check_predictions(predictions, dataset_root)
    return report


# --- dispatch --------------------------------------------------------------------------------


def _json_kind(path: Path) -> str | None:
    """Which artifact a .json file is: by its name, else by its top-level keys."""
    by_name = {DATASET_INDEX: "dataset", DOCUMENT_FILE: "document", GOLD_FILE: "gold",
               SUBMISSION_METADATA: "submission"}
    if path.name in by_name:
        return by_name[path.name]
    try:
        data = _read_json(path)
    except _Unreadable:
        return None
    if not isinstance(data, dict):
        return None
    for kind in ("gold", "document", "dataset", "submission", "results"):
        if _schema_exists(kind) and set(load_schema(kind).get("required", ())) <= data.keys():
            return kind
    return None


def _unrecognised(path: Path, what: str) -> ValidationReport:
    return ValidationReport(issues=(ValidationIssue(
        display_path(path), "/", f"not a recognised {what}",
        "pass an annotations directory, a document folder, document.json, gold.json, "
        "a predictions .jsonl file or a submission folder",
    ),))


def _check_file(path: Path, dataset_root: Path) -> ValidationReport:
    if path.suffix == ".jsonl":
        return _check_predictions(path, dataset_root)
    if path.suffix != ".json":
        return _unrecognised(path, "file (expected .json or .jsonl)")
    kind = _json_kind(path)
    if kind == "dataset":
        return _check_annotations(path.parent)
    if kind == "document":
        return _check_document(path.parent)[0]
    if kind == "gold":
        return _check_document_folder(path.parent, gold_path=path)
    if kind in ("submission", "results"):
        return _check_artifact(kind, path)
    try:
        _read_json(path)
    except _Unreadable as exc:  # malformed JSON says so, rather than "unrecognised"
        return ValidationReport(issues=(exc.issue,))
    return _unrecognised(path, "JSON file")


def validate_path(path: Path, dataset_root: Path | None = None) -> ValidationReport:
    """Validate one path; predictions are checked against ``dataset_root`` (default: shipped)."""
    path = Path(path)
    root = Path(dataset_root) if dataset_root is not None else annotations_dir()
    if path.is_dir():
        if (path / DATASET_INDEX).is_file():
            return _check_annotations(path)
        if (path / DOCUMENT_FILE).is_file():
            return _check_document_folder(path)
        if (path / SUBMISSION_METADATA).is_file():
            return _check_submission_folder(path, root)
        return _unrecognised(path, "directory")
    if not path.exists():
        return ValidationReport(issues=(ValidationIssue(
            display_path(path), "/", "no such file or directory", "check the path"),))
    return _check_file(path, root)


def validate_paths(
    paths: Iterable[Path] = (), dataset_root: Path | None = None
) -> ValidationReport:
    """Validate every path (default: the shipped annotations); issues sorted, duplicates merged."""
    chosen: Sequence[Path] = [Path(p) for p in paths] or [annotations_dir()]
    report = ValidationReport()
    for path in chosen:
        report += validate_path(path, dataset_root)
    return report.sorted()

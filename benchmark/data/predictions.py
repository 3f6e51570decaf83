"""Read and write predictions JSONL files (one fact per line, see prediction.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from benchmark.model.prediction import Prediction
from benchmark.validation.issues import ValidationFailed, ValidationIssue
from benchmark.validation.schema_store import schema_issues


def parse_prediction_lines(
    lines: Iterable[str], file: str
) -> tuple[list[Prediction], list[ValidationIssue]]:
    """Parse JSONL lines; every bad line becomes an issue at path ``/line/N`` (1-based)."""
    predictions: list[Prediction] = []
    issues: list[ValidationIssue] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        prefix: tuple[object, ...] = ("line", number)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            issues.append(
                ValidationIssue(
                    file,
                    f"/line/{number}",
                    f"invalid JSON: {exc.msg} at column {exc.colno}",
                    "write one JSON object per line",
                )
            )
            continue
        line_issues = list(schema_issues("prediction", data, file, prefix))
        if line_issues:
            issues.extend(line_issues)
            continue
        predictions.append(Prediction.from_dict(data, index=len(predictions), line=number))
    return predictions, issues


def read_predictions(path: Path) -> list[Prediction]:
    """All predictions of a file, or ``ValidationFailed`` listing every bad line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationFailed(
            [ValidationIssue(str(path), "/", "file not found", "check the path")]
        ) from None
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            [ValidationIssue(str(path), "/", f"not UTF-8 text ({exc.reason})", "save it as UTF-8")]
        ) from None
    # split on "\n" only: splitlines() would also break at U+2028 inside a JSON string
    predictions, issues = parse_prediction_lines(text.split("\n"), str(path))
    if issues:
        raise ValidationFailed(issues)
    return predictions


def dump_prediction_lines(predictions: Iterable[Prediction]) -> str:
    """The JSONL text for predictions: sorted keys, no ASCII escaping, one trailing newline each."""
    return "".join(
        json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for p in predictions
    )

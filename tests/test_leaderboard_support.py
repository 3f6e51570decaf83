"""Builders shared by the leaderboard tests: valid metadata and submission folders.

(A module, not a conftest, so each test file says what it uses; it holds no tests.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmark.matching.lenient import LenientMatcher

DOCUMENT_ID = "doc-a"


def metadata_dict(name: str = "Test system", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": "1.0",
        "name": name,
        "version": "1.0",
        "authors": ["A. Author"],
        "url": "https://example.org/system",
        "description": "A system for tests.",
        "kind": "rule-based",
        "date": "2026-01-02",
        "license": "CC-BY-4.0",
        "dataset": {"name": "extractbench", "version": "1.0.0"},
        # the current lenient version: claims are re-checked only under the board's matcher
        "matcher": {"name": "lenient", "version": LenientMatcher.version},
        "scores": {
            "precision": 0.5,
            "recall": 0.5,
            "f1": 0.5,
            "true_positives": 1,
            "false_positives": 1,
            "false_negatives": 1,
            "predicted": 2,
        },
    }
    data.update(overrides)
    return data


def prediction_line(document_id: str = DOCUMENT_ID, statement: str = "A did B.") -> str:
    return json.dumps({"document_id": document_id, "statement": statement}) + "\n"


def write_submission(
    submissions: Path,
    slug: str,
    metadata: dict[str, Any] | None = None,
    predictions: str | None = None,
) -> Path:
    folder = submissions / slug
    folder.mkdir(parents=True)
    (folder / "metadata.json").write_text(
        json.dumps(metadata or metadata_dict(name=f"System {slug}"), indent=2), encoding="utf-8"
    )
    (folder / "predictions.jsonl").write_text(
        predictions if predictions is not None else prediction_line(), encoding="utf-8"
    )
    return folder

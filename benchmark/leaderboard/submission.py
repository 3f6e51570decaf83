"""A leaderboard submission: ``submissions/<slug>/`` with metadata.json and predictions.jsonl.

Submissions are data, never code: the folder holds exactly these two files, and every number
on the leaderboard is recomputed from the predictions (``policy`` enforces the layout,
``board`` does the scoring).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from benchmark.leaderboard.scores import Scores

METADATA_FILE = "metadata.json"
PREDICTIONS_FILE = "predictions.jsonl"
SUBMISSION_FILES = (METADATA_FILE, PREDICTIONS_FILE)
SUBMISSIONS_DIR = "submissions"

ExtractorKind = Literal["rule-based", "neural", "LLM", "human", "baseline"]
EXTRACTOR_KINDS: tuple[ExtractorKind, ...] = ("rule-based", "neural", "LLM", "human", "baseline")


@dataclass(frozen=True)
class SubmissionMetadata:
    """The contents of metadata.json (see schemas/submission.schema.json)."""

    name: str
    version: str
    authors: tuple[str, ...]
    description: str
    kind: ExtractorKind
    date: str
    license: str
    dataset_name: str
    dataset_version: str
    matcher_name: str
    matcher_version: str
    claimed: Scores
    url: str | None = None
    dataset_sha256: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubmissionMetadata:
        """Build from a dict that already passed schema validation."""
        dataset = data["dataset"]
        return cls(
            name=data["name"],
            version=data["version"],
            authors=tuple(data["authors"]),
            description=data["description"],
            kind=data["kind"],
            date=data["date"],
            license=data["license"],
            dataset_name=dataset["name"],
            dataset_version=dataset["version"],
            dataset_sha256=dataset.get("sha256"),
            matcher_name=data["matcher"]["name"],
            matcher_version=data["matcher"]["version"],
            claimed=Scores.from_dict(data["scores"]),
            url=data.get("url"),
        )

    def to_dict(self) -> dict[str, Any]:
        dataset: dict[str, Any] = {"name": self.dataset_name, "version": self.dataset_version}
        if self.dataset_sha256 is not None:
            dataset["sha256"] = self.dataset_sha256
        out: dict[str, Any] = {
            "schema_version": "1.0",
            "name": self.name,
            "version": self.version,
            "authors": list(self.authors),
        }
        if self.url is not None:
            out["url"] = self.url
        out.update(
            description=self.description,
            kind=self.kind,
            date=self.date,
            license=self.license,
            dataset=dataset,
            matcher={"name": self.matcher_name, "version": self.matcher_version},
            scores=self.claimed.to_dict(),
        )
        return out

    def to_json(self) -> str:
        """metadata.json text: fixed key order (the schema's), two-space indent, final newline."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @property
    def is_baseline(self) -> bool:
        return self.kind == "baseline"

    @property
    def is_human(self) -> bool:
        return self.kind == "human"


@dataclass(frozen=True)
class Submission:
    """A submission folder that passed the policy checks."""

    slug: str
    directory: Path
    metadata: SubmissionMetadata

    @property
    def predictions_path(self) -> Path:
        return self.directory / PREDICTIONS_FILE

    @property
    def metadata_path(self) -> Path:
        return self.directory / METADATA_FILE


def name_key(name: str) -> str:
    """The form under which two system names count as the same: NFKC, case-folded, spaces
    collapsed (so "GPT 4" and "gpt  4" cannot both be on the board)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())

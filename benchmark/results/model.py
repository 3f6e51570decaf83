"""The results file as frozen dataclasses (schemas/results.schema.json describes the JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmark.metrics.summary import Metrics
from benchmark.model.prediction import Prediction
from benchmark.scoring import GoldDecision, Nearest, NearMiss, PredictionDecision

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class HarnessInfo:
    name: str
    version: str


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    version: str
    sha256: str
    documents: int


@dataclass(frozen=True)
class MatcherInfo:
    name: str
    version: str
    threshold: float
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractorInfo:
    name: str
    version: str | None
    source: str


@dataclass(frozen=True)
class Durations:
    """Seconds; ``extract`` is None when nothing was extracted (``bench score``)."""

    extract: float | None
    score: float
    total: float


@dataclass(frozen=True)
class RunError:
    document_id: str | None
    kind: str  # exception | timeout | invalid_output | ...
    message: str
    json_path: str | None = None
    fix: str | None = None


@dataclass(frozen=True)
class RunInfo:
    started_at: str  # ISO 8601 UTC, "2013-02-06T12:00:00Z"
    durations: Durations
    errors: tuple[RunError, ...] = ()


@dataclass(frozen=True)
class Results:
    harness: HarnessInfo
    dataset: DatasetInfo
    matcher: MatcherInfo
    extractor: ExtractorInfo | None
    run: RunInfo
    environment: dict[str, Any]
    metrics: Metrics
    predictions: tuple[PredictionDecision, ...]
    gold: tuple[GoldDecision, ...]
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "harness": {"name": self.harness.name, "version": self.harness.version},
            "dataset": {"name": self.dataset.name, "version": self.dataset.version,
                        "sha256": self.dataset.sha256, "documents": self.dataset.documents},
            "matcher": {"name": self.matcher.name, "version": self.matcher.version,
                        "threshold": self.matcher.threshold,
                        "settings": dict(self.matcher.settings)},
            "extractor": None if self.extractor is None else {
                "name": self.extractor.name, "version": self.extractor.version,
                "source": self.extractor.source},
            "run": {
                "started_at": self.run.started_at,
                "durations": {"extract": self.run.durations.extract,
                              "score": self.run.durations.score,
                              "total": self.run.durations.total},
                "errors": [{"document_id": e.document_id, "kind": e.kind, "message": e.message,
                            "json_path": e.json_path, "fix": e.fix} for e in self.run.errors],
            },
            "environment": self.environment,
            "metrics": self.metrics.to_dict(),
            "predictions": [_decision_dict(d) for d in self.predictions],
            "gold": [_gold_dict(g) for g in self.gold],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Results:
        run = data["run"]
        extractor = data.get("extractor")
        return cls(
            schema_version=data["schema_version"],
            harness=HarnessInfo(**data["harness"]),
            dataset=DatasetInfo(**data["dataset"]),
            matcher=MatcherInfo(**data["matcher"]),
            extractor=None if extractor is None else ExtractorInfo(**extractor),
            run=RunInfo(started_at=run["started_at"], durations=Durations(**run["durations"]),
                        errors=tuple(RunError(**e) for e in run["errors"])),
            environment=data["environment"],
            metrics=Metrics.from_dict(data["metrics"]),
            predictions=tuple(_decision_from(d) for d in data["predictions"]),
            gold=tuple(_gold_from(g) for g in data["gold"]),
        )


def _decision_dict(d: PredictionDecision) -> dict[str, Any]:
    return {
        "document_id": d.document_id, "index": d.index, "prediction": d.prediction.to_dict(),
        "gold_id": d.gold_id, "score": d.score, "reason": d.reason, "detail": d.detail,
        "nearest": None if d.nearest is None else {"gold_id": d.nearest.gold_id,
                                                   "score": d.nearest.score},
        "outcome": d.outcome, "slots": None if d.slots is None else list(d.slots),
    }


def _decision_from(data: dict[str, Any]) -> PredictionDecision:
    nearest = data["nearest"]
    slots = data["slots"]
    return PredictionDecision(
        document_id=data["document_id"], index=data["index"],
        prediction=Prediction.from_dict(data["prediction"], index=data["index"]),
        gold_id=data["gold_id"], score=data["score"], reason=data["reason"],
        detail=data["detail"],
        nearest=None if nearest is None else Nearest(nearest["gold_id"], nearest["score"]),
        outcome=data["outcome"], slots=None if slots is None else (slots[0], slots[1], slots[2]))


def _gold_dict(g: GoldDecision) -> dict[str, Any]:
    return {
        "document_id": g.document_id, "gold_id": g.gold_id, "required": g.required,
        "status": g.status, "prediction_index": g.prediction_index, "score": g.score,
        "nearest_miss": None if g.nearest_miss is None else {
            "prediction_index": g.nearest_miss.prediction_index,
            "score": g.nearest_miss.score, "reason": g.nearest_miss.reason},
        "category": g.category, "modality": g.modality, "segments": list(g.segments),
    }


def _gold_from(data: dict[str, Any]) -> GoldDecision:
    near = data["nearest_miss"]
    return GoldDecision(
        document_id=data["document_id"], gold_id=data["gold_id"], required=data["required"],
        status=data["status"], prediction_index=data["prediction_index"], score=data["score"],
        nearest_miss=None if near is None else NearMiss(near["prediction_index"], near["score"],
                                                        near["reason"]),
        category=data["category"], modality=data["modality"], segments=tuple(data["segments"]))

"""A predicted fact: one line of a predictions JSONL file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmark.model.qualifiers import Qualifiers
from benchmark.model.spans import Span


@dataclass(frozen=True, slots=True)
class Prediction:
    """A triple, a free-text statement, or both. ``index`` is the prediction's position in its
    file (0-based, blank lines not counted) and ``line`` its 1-based line number there (0 when
    it was not read from a file), so every decision and error can point back at its line."""

    document_id: str
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    statement: str | None = None
    confidence: float | None = None
    evidence: tuple[Span, ...] = ()
    qualifiers: Qualifiers = field(default_factory=Qualifiers)
    modality: str | None = None
    attribution: str | None = None
    index: int = 0
    line: int = 0

    @property
    def has_triple(self) -> bool:
        return self.subject is not None and self.predicate is not None and self.object is not None

    def text(self) -> str:
        """The prediction as one string: the statement, else the triple joined by spaces."""
        if self.statement is not None:
            return self.statement
        return " ".join(p for p in (self.subject, self.predicate, self.object) if p)

    @classmethod
    def from_dict(cls, data: dict[str, Any], index: int = 0, line: int = 0) -> Prediction:
        return cls(
            document_id=data["document_id"],
            subject=data.get("subject"),
            predicate=data.get("predicate"),
            object=data.get("object"),
            statement=data.get("statement"),
            confidence=data.get("confidence"),
            evidence=tuple(Span.from_dict(s) for s in data.get("evidence", ())),
            qualifiers=Qualifiers.from_dict(data.get("qualifiers")),
            modality=data.get("modality"),
            attribution=data.get("attribution"),
            index=index,
            line=line,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document_id": self.document_id}
        for name in ("subject", "predicate", "object", "statement", "confidence"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.evidence:
            out["evidence"] = [s.to_dict() for s in self.evidence]
        if not self.qualifiers.is_empty():
            out["qualifiers"] = self.qualifiers.to_dict()
        if self.modality is not None:
            out["modality"] = self.modality
        if self.attribution is not None:
            out["attribution"] = self.attribution
        return out

"""The ceiling: the gold turned into predictions. It must score P = R = F1 = 1.0; anything
less is a bug in matching or scoring, which is what this baseline exists to catch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmark.model.document import Document
from benchmark.model.gold import Fact, GoldSet


class OracleExtractor:
    name = "oracle"

    def __init__(self, annotations: Path | None = None) -> None:
        self._annotations = annotations
        self._gold: dict[str, GoldSet] | None = None
        self._sha256 = ""

    def bind_annotations(self, root: Path) -> None:
        """The harness tells the oracle which annotations directory it is scored against."""
        if root != self._annotations:
            self._annotations = root
            self._gold = None
            self._sha256 = ""

    @property
    def version(self) -> str:
        """Changes with the gold, so a resumed cache never serves a stale oracle."""
        return f"1.0+gold.{self._fingerprint()[:12]}"

    def extract(self, document: Document) -> list[dict[str, Any]]:
        gold = self._gold_sets().get(document.id)
        if gold is None:
            raise KeyError(f"no gold for document {document.id!r} in {self._root()}")
        return [prediction_from_fact(fact) for fact in gold.facts]

    def _root(self) -> Path:
        from benchmark.paths import annotations_dir

        return self._annotations if self._annotations is not None else annotations_dir()

    def _gold_sets(self) -> dict[str, GoldSet]:
        if self._gold is None:
            from benchmark.data.loading import load_dataset

            dataset = load_dataset(self._root())
            self._gold = {gold.document_id: gold for gold in dataset.gold}
            self._sha256 = dataset.sha256
        return self._gold

    def _fingerprint(self) -> str:
        self._gold_sets()
        return self._sha256


def prediction_from_fact(fact: Fact) -> dict[str, Any]:
    """A gold fact as a prediction: triple, statement, qualifiers, evidence, modality."""
    prediction: dict[str, Any] = {
        "subject": fact.subject,
        "predicate": fact.predicate,
        "object": fact.object,
        "statement": fact.statement,
        "modality": fact.modality,
        "evidence": [span.to_dict() for span in fact.evidence],
    }
    if not fact.qualifiers.is_empty():
        prediction["qualifiers"] = fact.qualifiers.to_dict()
    if fact.attribution is not None:
        prediction["attribution"] = fact.attribution
    return prediction

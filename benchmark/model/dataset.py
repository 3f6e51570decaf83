"""A versioned dataset: documents and their gold annotations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmark.model.document import Document
from benchmark.model.gold import GoldSet


@dataclass(frozen=True, slots=True)
class Dataset:
    """All documents of a dataset version, in index order, with their gold sets.

    ``sha256`` fingerprints every annotation file, so a results file records exactly which
    gold it was scored against.
    """

    name: str
    version: str
    documents: tuple[Document, ...]
    gold: tuple[GoldSet, ...]
    sha256: str
    root: Path | None = None

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(document_id)

    def gold_for(self, document_id: str) -> GoldSet:
        for gold in self.gold:
            if gold.document_id == document_id:
                return gold
        raise KeyError(document_id)

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.documents)

    @property
    def fact_count(self) -> int:
        return sum(len(g.facts) for g in self.gold)

    @property
    def entity_count(self) -> int:
        return sum(len(g.entities) for g in self.gold)

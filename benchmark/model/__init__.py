"""The typed data model: spans, documents, gold facts, entities and predictions.

Every artifact that crosses a module boundary is one of these frozen dataclasses. Each has
``from_dict`` (trusting input that already passed schema validation) and ``to_dict`` (the exact
JSON shape the schemas describe), so a load/dump round trip is lossless.
"""

from benchmark.model.dataset import Dataset
from benchmark.model.document import Document, Segment, SegmentKind
from benchmark.model.gold import (
    CATEGORIES,
    MODALITIES,
    Entity,
    Fact,
    GoldSet,
    SlotAlternatives,
)
from benchmark.model.prediction import Prediction
from benchmark.model.qualifiers import Qualifiers, Quantity, TimeQualifier
from benchmark.model.spans import Span

__all__ = [
    "CATEGORIES",
    "MODALITIES",
    "Dataset",
    "Document",
    "Entity",
    "Fact",
    "GoldSet",
    "Prediction",
    "Qualifiers",
    "Quantity",
    "Segment",
    "SegmentKind",
    "SlotAlternatives",
    "Span",
    "TimeQualifier",
]

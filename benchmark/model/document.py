"""A source document: its exact text, metadata and segmentation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from benchmark.model.spans import Span

SegmentKind = Literal["headline", "highlight", "body", "boilerplate"]
SEGMENT_KINDS: tuple[SegmentKind, ...] = ("headline", "highlight", "body", "boilerplate")


@dataclass(frozen=True, slots=True)
class Segment:
    """A headline, highlight, body sentence or boilerplate line. Boilerplate states no facts."""

    id: str
    kind: SegmentKind
    span: Span

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Segment:
        return cls(id=data["id"], kind=data["kind"], span=Span.from_dict(data))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, **self.span.to_dict()}


@dataclass(frozen=True, slots=True)
class Document:
    """What an extractor sees (``id``, ``text``, ``metadata``) plus the annotation metadata.

    ``metadata`` holds the descriptive fields of ``document.json`` (title, source, language,
    publication date and its reasoning, ...) exactly as stored, so nothing is lost on export.
    """

    id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    segments: tuple[Segment, ...] = ()
    sha256: str = ""

    @property
    def title(self) -> str:
        return str(self.metadata.get("title", self.id))

    def computed_sha256(self) -> str:
        return sha256_text(self.text)

    def segment_at(self, offset: int) -> Segment | None:
        """The segment containing code point ``offset`` (None between segments)."""
        for segment in self.segments:
            if segment.span.start <= offset < segment.span.end:
                return segment
        return None

    def segments_of(self, kind: SegmentKind) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind == kind)

    def for_extractor(self) -> dict[str, Any]:
        """The JSON object an extractor receives: id, text and public metadata."""
        return {"id": self.id, "text": self.text, "metadata": dict(self.metadata)}


def sha256_text(text: str) -> str:
    """sha256 of the UTF-8 bytes of ``text`` (the stored file is exactly these bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

"""Evidence spans: Unicode code-point offsets into a document's exact stored text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A half-open ``[start, end)`` range of code points (Python ``str`` indices, not bytes).

    ``quote``, when recorded, must equal ``text[start:end]``; validation checks it.
    """

    start: int
    end: int
    quote: str | None = None

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def overlap_length(self, other: Span) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=int(data["start"]), end=int(data["end"]), quote=data.get("quote"))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.quote is not None:
            out["quote"] = self.quote
        return out

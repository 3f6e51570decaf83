"""Fact qualifiers: time, location and quantity, normalised so guards compare typed values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class TimeQualifier:
    """``raw`` is the phrase as written; ``value`` its ISO 8601 form when resolvable."""

    raw: str
    value: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeQualifier:
        return cls(raw=data["raw"], value=data.get("value"))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"raw": self.raw}
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count or measure: an exact ``value`` or a ``range`` (low, high), never both."""

    unit: str
    value: float | None = None
    range: tuple[float, float] | None = None
    approximate: bool = False
    vague: bool = False

    def bounds(self) -> tuple[float, float]:
        """The closed interval the quantity denotes (a point for an exact value)."""
        if self.range is not None:
            return self.range
        assert self.value is not None
        return (self.value, self.value)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        rng = data.get("range")
        return cls(
            unit=data["unit"],
            value=data.get("value"),
            range=(rng[0], rng[1]) if rng is not None else None,
            approximate=bool(data.get("approximate", False)),
            vague=bool(data.get("vague", False)),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.value is not None:
            out["value"] = self.value
        if self.range is not None:
            out["range"] = [self.range[0], self.range[1]]
        out["unit"] = self.unit
        if self.approximate:
            out["approximate"] = True
        if self.vague:
            out["vague"] = True
        return out


@dataclass(frozen=True, slots=True)
class Qualifiers:
    time: TimeQualifier | None = None
    location: str | None = None
    quantity: Quantity | None = None

    def is_empty(self) -> bool:
        return self.time is None and self.location is None and self.quantity is None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Qualifiers:
        if not data:
            return cls()
        return cls(
            time=TimeQualifier.from_dict(data["time"]) if "time" in data else None,
            location=data.get("location"),
            quantity=Quantity.from_dict(data["quantity"]) if "quantity" in data else None,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.time is not None:
            out["time"] = self.time.to_dict()
        if self.location is not None:
            out["location"] = self.location
        if self.quantity is not None:
            out["quantity"] = self.quantity.to_dict()
        return out

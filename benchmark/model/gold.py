"""Gold annotations: entities with mentions, and atomic facts with evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from benchmark.model.qualifiers import Qualifiers
from benchmark.model.spans import Span

Modality = Literal["asserted", "reported", "expected", "negated", "hypothetical"]
MODALITIES: tuple[Modality, ...] = ("asserted", "reported", "expected", "negated", "hypothetical")

CATEGORIES: tuple[str, ...] = (
    "military_action",
    "casualties",
    "troop_deployment",
    "territorial_control",
    "political",
    "statement",
    "plan",
    "background",
    "conditions",
)

EntityType = Literal["person", "organisation", "place", "group", "event"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organisation", "place", "group", "event")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    description: str | None = None

    def surface_forms(self) -> tuple[str, ...]:
        """Every way the entity is named: canonical name, aliases and mention quotes."""
        forms = [self.name, *self.aliases, *(m.quote for m in self.mentions if m.quote)]
        return tuple(dict.fromkeys(forms))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            mentions=tuple(Span.from_dict(m) for m in data["mentions"]),
            aliases=tuple(data.get("aliases", ())),
            description=data.get("description"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type}
        if self.description is not None:
            out["description"] = self.description
        if self.aliases:
            out["aliases"] = list(self.aliases)
        out["mentions"] = [m.to_dict() for m in self.mentions]
        return out


@dataclass(frozen=True, slots=True)
class SlotAlternatives:
    """Other wordings the text licenses for each slot of the canonical triple."""

    subject: tuple[str, ...] = ()
    predicate: tuple[str, ...] = ()
    object: tuple[str, ...] = ()

    def for_slot(self, slot: str) -> tuple[str, ...]:
        values: tuple[str, ...] = getattr(self, slot)
        return values

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> SlotAlternatives:
        data = data or {}
        return cls(
            subject=tuple(data.get("subject", ())),
            predicate=tuple(data.get("predicate", ())),
            object=tuple(data.get("object", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            slot: list(values)
            for slot in ("subject", "predicate", "object")
            if (values := self.for_slot(slot))
        }


@dataclass(frozen=True, slots=True)
class Fact:
    """One atomic fact the document states, as a statement and a canonical triple."""

    id: str
    statement: str
    subject: str
    predicate: str
    object: str
    modality: Modality
    evidence: tuple[Span, ...]
    category: str
    alternatives: SlotAlternatives = field(default_factory=SlotAlternatives)
    qualifiers: Qualifiers = field(default_factory=Qualifiers)
    attribution: str | None = None
    entities: tuple[str, ...] = ()
    required: bool = True
    note: str | None = None

    def slot(self, name: str) -> str:
        value: str = getattr(self, name)
        return value

    def slot_values(self, name: str) -> tuple[str, ...]:
        """The canonical value of a slot followed by its accepted alternatives."""
        return (self.slot(name), *self.alternatives.for_slot(name))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        return cls(
            id=data["id"],
            statement=data["statement"],
            subject=data["subject"],
            predicate=data["predicate"],
            object=data["object"],
            modality=data["modality"],
            evidence=tuple(Span.from_dict(s) for s in data["evidence"]),
            category=data["category"],
            alternatives=SlotAlternatives.from_dict(data.get("alternatives")),
            qualifiers=Qualifiers.from_dict(data.get("qualifiers")),
            attribution=data.get("attribution"),
            entities=tuple(data.get("entities", ())),
            required=bool(data.get("required", True)),
            note=data.get("note"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "statement": self.statement,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
        }
        if alternatives := self.alternatives.to_dict():
            out["alternatives"] = alternatives
        if not self.qualifiers.is_empty():
            out["qualifiers"] = self.qualifiers.to_dict()
        out["modality"] = self.modality
        if self.attribution is not None:
            out["attribution"] = self.attribution
        out["evidence"] = [s.to_dict() for s in self.evidence]
        if self.entities:
            out["entities"] = list(self.entities)
        out["category"] = self.category
        out["required"] = self.required
        if self.note is not None:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The gold annotation of one document."""

    document_id: str
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    schema_version: str = "1.0"

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldSet:
        return cls(
            document_id=data["document_id"],
            entities=tuple(Entity.from_dict(e) for e in data["entities"]),
            facts=tuple(Fact.from_dict(f) for f in data["facts"]),
            schema_version=data["schema_version"],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "document_id": self.document_id,
            "entities": [e.to_dict() for e in self.entities],
            "facts": [f.to_dict() for f in self.facts],
        }

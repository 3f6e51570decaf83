"""What matchers compare, computed once per prediction and per gold fact of a document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from benchmark.matching.entities import EntityIndex
from benchmark.matching.numbers import (
    Count,
    DateValue,
    collapse_numbers,
    date_counts,
    parse_counts,
    parse_dates,
    parse_iso,
)
from benchmark.matching.text import STOPWORDS, is_irrealis, is_negated, stem, words
from benchmark.model.gold import Fact
from benchmark.model.prediction import Prediction
from benchmark.model.qualifiers import Qualifiers

SLOTS: tuple[str, str, str] = ("subject", "predicate", "object")
IRREALIS_MODALITIES = frozenset({"expected", "hypothetical"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"})


@lru_cache(maxsize=32_768)
def content_stems(text: str) -> tuple[str, ...]:
    """Stemmed content tokens in order, numbers canonical; function words dropped unless
    nothing else is left ("is" stays "be", so a copula slot still compares)."""
    tokens = collapse_numbers(words(text))
    content = tuple(stem(t) for t in tokens if t not in STOPWORDS)
    if content:
        return content
    return tuple(stem(t) for t in tokens if t not in ("a", "an", "the", "n't", "not", "no"))


def _distinct(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Each token once, first occurrence order (ordered, so results never depend on hashing)."""
    return tuple(dict.fromkeys(tokens))


def is_content(token: str) -> bool:
    return token not in STOPWORDS


def passive_predicate(predicate: str, obj: str) -> bool:
    """("Timbuktu", "was freed by", "French forces"): the roles are the other way round."""
    pred, ob = words(predicate), words(obj)
    by = (pred and pred[-1] == "by") or (ob and ob[0] == "by")
    return bool(by) and any(t in _BE for t in pred)


def passive_statement(tokens: tuple[str, ...]) -> bool:
    """A be-auxiliary, then a participle, then an agent "by": "Timbuktu was freed by France"."""
    for i, token in enumerate(tokens):
        if token in _BE:
            rest = tokens[i + 1:i + 4]
            if any(t.endswith(("ed", "en", "wn", "ght")) for t in rest) and "by" in tokens[i + 1:]:
                return True
    return False


@dataclass(frozen=True)
class FactFeatures:
    slot_variants: dict[str, tuple[tuple[str, ...], ...]]  # distinct tokens, in order
    statement: tuple[str, ...]
    triple: tuple[str, ...]
    counts: tuple[Count, ...]
    dates: tuple[DateValue, ...]
    modality: str
    statement_irrealis: bool
    subject_keys: frozenset[str]
    object_keys: frozenset[str]
    statement_passive: bool
    # entity tokens the fact is about: linked entities and every one its wording names
    entity_tokens: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PredictionFeatures:
    has_triple: bool
    slots: dict[str, tuple[str, ...]]
    swapped_by_voice: bool
    # True when the prediction gives a statement of its own (with or without a triple)
    has_statement: bool
    statement: tuple[str, ...]
    statement_passive: bool
    counts: tuple[Count, ...]
    dates: tuple[DateValue, ...]
    negated: bool
    irrealis: bool
    # entity tokens of the document entities the prediction names
    entity_tokens: frozenset[str] = frozenset()


def _qualifier_text(qualifiers: Qualifiers) -> list[str]:
    parts: list[str] = []
    if qualifiers.time is not None:
        parts.append(qualifiers.time.raw)
    if qualifiers.location is not None:
        parts.append(qualifiers.location)
    return parts


def _counts_of(texts: list[str]) -> list[Count]:
    out: list[Count] = []
    for text in texts:
        counts = parse_counts(text)
        if counts:
            skip = set(date_counts(text))
            out.extend(c for c in counts if c not in skip)
    return out


def _dates_of(texts: list[str], published: dt.date | None) -> list[DateValue]:
    return [d for text in texts for d in parse_dates(text, published)]


def fact_features(fact: Fact, entities: EntityIndex, published: dt.date | None) -> FactFeatures:
    def canon(text: str) -> tuple[str, ...]:
        return entities.canonicalise(content_stems(text))

    # Each value both with entity forms folded and as plain stems, so a partial name
    # ("extremists" for "Islamic extremists") still overlaps.
    variants = {slot: tuple(dict.fromkeys(
        form for v in fact.slot_values(slot)
        for form in (_distinct(canon(v)), _distinct(content_stems(v))))) for slot in SLOTS}
    texts = [fact.statement, *(v for slot in SLOTS for v in fact.slot_values(slot)),
             *_qualifier_text(fact.qualifiers)]
    counts = _counts_of(texts)
    quantity = fact.qualifiers.quantity
    if quantity is not None:
        low, high = quantity.bounds()
        counts.append(Count(low, high, quantity.approximate, quantity.vague))
    dates = _dates_of(texts, published)
    time = fact.qualifiers.time
    if time is not None and time.value:
        iso = parse_iso(time.value)
        if iso is not None:
            dates.append(iso)
    subject_keys = frozenset(t for v in variants["subject"] for t in v)
    object_keys = frozenset(t for v in variants["object"] for t in v)
    shared = subject_keys & object_keys
    statement_words = words(fact.statement)
    return FactFeatures(
        slot_variants=variants,
        statement=canon(fact.statement),
        triple=(*canon(fact.subject), *canon(fact.predicate), *canon(fact.object)),
        counts=tuple(counts),
        dates=tuple(dates),
        modality=fact.modality,
        statement_irrealis=is_irrealis(statement_words),
        subject_keys=subject_keys - shared,
        object_keys=object_keys - shared,
        statement_passive=passive_statement(statement_words),
        entity_tokens=frozenset({f"@{entity_id}" for entity_id in fact.entities}).union(
            _entity_tokens(canon(fact.statement), canon(fact.attribution or ""),
                           *(v for slot in SLOTS for v in variants[slot]))),
    )


def prediction_features(prediction: Prediction, entities: EntityIndex,
                        published: dt.date | None) -> PredictionFeatures:
    def canon(text: str) -> tuple[str, ...]:
        return entities.canonicalise(content_stems(text))

    texts = [t for t in (prediction.subject, prediction.predicate, prediction.object,
                         prediction.statement) if t]
    slots: dict[str, tuple[str, ...]] = {}
    passive = False
    if prediction.has_triple:
        subject, predicate, obj = (prediction.subject or "", prediction.predicate or "",
                                   prediction.object or "")
        passive = passive_predicate(predicate, obj)
        if passive:  # read the passive as its active counterpart
            subject, obj = obj, subject
        slots = {"subject": _distinct(canon(subject)), "predicate": _distinct(canon(predicate)),
                 "object": _distinct(canon(obj))}
    all_words = tuple(w for text in texts for w in (*words(text), "|"))
    counts = _counts_of([*texts, *_qualifier_text(prediction.qualifiers)])
    quantity = prediction.qualifiers.quantity
    if quantity is not None:
        low, high = quantity.bounds()
        counts.append(Count(low, high, quantity.approximate, quantity.vague))
    dates = _dates_of([*texts, *_qualifier_text(prediction.qualifiers)], published)
    if prediction.qualifiers.time is not None and prediction.qualifiers.time.value:
        iso = parse_iso(prediction.qualifiers.time.value)
        if iso is not None:
            dates.append(iso)
    if prediction.modality is not None:
        negated = prediction.modality == "negated"
        irrealis = prediction.modality in IRREALIS_MODALITIES
    else:
        negated = is_negated(all_words)
        irrealis = is_irrealis(all_words)
    if prediction.has_triple and prediction.statement is None:
        # slots decide; the joined slots stand in for a statement
        statement = (*slots["subject"], *slots["predicate"], *slots["object"])
        statement_passive = False
    else:
        statement = canon(prediction.statement or "")
        statement_passive = passive_statement(words(prediction.statement or ""))
    return PredictionFeatures(
        has_triple=prediction.has_triple,
        slots=slots,
        swapped_by_voice=passive,
        has_statement=prediction.statement is not None,
        statement=statement,
        statement_passive=statement_passive,
        counts=tuple(counts),
        dates=tuple(dates),
        negated=negated,
        irrealis=irrealis,
        entity_tokens=_entity_tokens(statement, canon(prediction.attribution or ""),
                                     *slots.values()),
    )


def _entity_tokens(*canonical: tuple[str, ...]) -> frozenset[str]:
    """The entity tokens among already canonicalised token sequences."""
    return frozenset(t for tokens in canonical for t in tokens if t.startswith("@"))

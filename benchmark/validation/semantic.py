"""Semantic checks: what JSON Schema cannot say about documents, gold, the index and predictions.

Every check takes input that already passed its schema (so the typed model can be built) and
yields ``ValidationIssue``s whose JSON path points at the offending value. Paths follow the file
layout (``/facts/3/evidence/0/quote``; ``/line/7/...`` for a predictions file).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmark.model.document import Document
from benchmark.model.gold import Fact, GoldSet
from benchmark.model.prediction import Prediction
from benchmark.model.qualifiers import Qualifiers
from benchmark.model.spans import Span
from benchmark.validation.issues import ValidationIssue, json_path
from benchmark.validation.time_values import TimeValueError, parse_time_value

Parts = tuple[object, ...]  # a JSON path as parts, rendered by json_path()


def _issue(file: str, parts: Parts, message: str, fix: str) -> ValidationIssue:
    return ValidationIssue(file, json_path(parts), message, fix)


def _first_difference(a: str, b: str) -> int:
    pairs = enumerate(zip(a, b, strict=False))
    return next((k for k, (x, y) in pairs if x != y), min(len(a), len(b)))


def _excerpt(text: str, at: int, before: int = 12, width: int = 36) -> str:
    """``text`` around position ``at``, short enough for a one-line message."""
    start = max(0, at - before)
    piece = text[start : start + width]
    return ("..." if start else "") + repr(piece) + ("..." if start + width < len(text) else "")


def span_issues(span: Span, text: str, file: str, parts: Parts) -> Iterator[ValidationIssue]:
    """0 <= start < end <= len(text), and ``quote`` (when given) equals ``text[start:end]``."""
    if span.start < 0:
        yield _issue(file, (*parts, "start"), f"start {span.start} is negative",
                     "offsets count code points from 0")
        return
    if span.start >= span.end:
        yield _issue(file, (*parts, "end"), f"end {span.end} is not after start {span.start}",
                     "end is exclusive and must be greater than start")
        return
    if span.end > len(text):
        yield _issue(
            file, (*parts, "end"),
            f"end {span.end} is past the end of the text ({len(text)} code points)",
            "use code-point offsets (Python str indices, not UTF-8 bytes) within the text",
        )
        return
    actual = text[span.start : span.end]
    if span.quote is not None and span.quote != actual:
        found = text.find(span.quote)
        fix = (
            f"the quote occurs at start {found}, end {found + len(span.quote)}"
            if found >= 0
            else "copy the quote from text[start:end] or correct the offsets"
        )
        k = _first_difference(span.quote, actual)
        yield _issue(file, (*parts, "quote"),
                     f"quote differs from the text at character {k}: "
                     f"{_excerpt(span.quote, k)} in the quote, {_excerpt(actual, k)} in the text",
                     fix)


# --- documents -------------------------------------------------------------------------------


def document_issues(
    document: Document, text_sha256: str, file: str
) -> Iterator[ValidationIssue]:
    """Recorded sha256 = ``text_sha256`` (of the text file's bytes); segments tile the text
    in order without overlap; unique segment ids; a real publication date."""
    if document.sha256 != text_sha256:
        yield _issue(file, ("sha256",),
                     f"recorded sha256 {document.sha256[:12]}... differs from the text file's "
                     f"{text_sha256[:12]}...",
                     "the text changed: restore it, or re-annotate and record the new sha256")
    date = document.metadata.get("publication_date")
    if isinstance(date, str):
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            yield _issue(file, ("publication_date",), f"{date!r} is not a calendar date",
                         "write the date as YYYY-MM-DD")
    seen: dict[str, int] = {}
    previous = None
    for index, segment in enumerate(document.segments):
        parts: Parts = ("segments", index)
        if segment.id in seen:
            yield _issue(file, (*parts, "id"),
                         f"segment id {segment.id!r} repeats segment {seen[segment.id]}",
                         "give every segment a unique id")
        seen.setdefault(segment.id, index)
        yield from span_issues(segment.span, document.text, file, parts)
        if previous is not None and segment.span.start < previous.span.end:
            yield _issue(file, (*parts, "start"),
                         f"segment {segment.id!r} starts at {segment.span.start}, before "
                         f"segment {previous.id!r} ends at {previous.span.end}",
                         "list segments in text order without overlap")
        previous = segment


# --- gold ------------------------------------------------------------------------------------


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def _triple_key(fact: Fact) -> str:
    return json.dumps(
        [_normalised(fact.slot(s)) for s in ("subject", "predicate", "object")]
        + [fact.modality, fact.qualifiers.to_dict()],
        sort_keys=True,
    )


def qualifier_issues(qualifiers: Qualifiers, file: str, parts: Parts) -> Iterator[ValidationIssue]:
    """A time value that really parses; a quantity range with low <= high."""
    if qualifiers.time is not None and qualifiers.time.value is not None:
        try:
            parse_time_value(qualifiers.time.value)
        except TimeValueError as exc:
            yield _issue(file, (*parts, "time", "value"), str(exc),
                         "use a real date, month, year, ISO week, date/date interval or PnYnMnWnD")
    quantity = qualifiers.quantity
    if quantity is not None and quantity.range is not None:
        low, high = quantity.range
        if low <= high:
            return
        yield _issue(file, (*parts, "quantity", "range"), f"range low {low} exceeds high {high}",
                     "write the range as [low, high]")


def _alternative_issues(fact: Fact, file: str, parts: Parts) -> Iterator[ValidationIssue]:
    for slot in ("subject", "predicate", "object"):
        canonical = fact.slot(slot).strip().casefold()
        for k, alternative in enumerate(fact.alternatives.for_slot(slot)):
            where = (*parts, "alternatives", slot, k)
            if not alternative.strip():
                yield _issue(file, where, f"empty {slot} alternative", "remove it")
            elif alternative.strip().casefold() == canonical:
                yield _issue(file, where,
                             f"{slot} alternative {alternative!r} repeats the canonical value",
                             "remove it: the canonical value is always accepted")


def _evidence_in_boilerplate(
    span: Span, document: Document, file: str, parts: Parts
) -> Iterator[ValidationIssue]:
    for segment in document.segments_of("boilerplate"):
        if span.overlaps(segment.span):
            yield _issue(file, parts,
                         f"evidence overlaps boilerplate segment {segment.id!r}",
                         "boilerplate states no facts: cite a headline, highlight or body span")


def gold_issues(
    gold: GoldSet, document: Document, file: str, fact_positions: Sequence[int] | None = None
) -> Iterator[ValidationIssue]:
    """Every cross-field and cross-file rule of ``gold.json`` against its document.

    ``fact_positions[i]`` is the index in the file of ``gold.facts[i]``, for when facts that
    failed their schema were left out (default: the same index).
    """
    text = document.text
    positions = list(fact_positions) if fact_positions is not None else range(len(gold.facts))
    if gold.document_id != document.id:
        yield _issue(file, ("document_id",),
                     f"document_id {gold.document_id!r} is not the document's id {document.id!r}",
                     "use the id from document.json")
    entity_ids: dict[str, int] = {}
    for i, entity in enumerate(gold.entities):
        if entity.id in entity_ids:
            yield _issue(file, ("entities", i, "id"),
                         f"entity id {entity.id!r} repeats entities/{entity_ids[entity.id]}",
                         "give every entity a unique id or merge the two")
        entity_ids.setdefault(entity.id, i)
        for j, mention in enumerate(entity.mentions):
            yield from span_issues(mention, text, file, ("entities", i, "mentions", j))
    fact_ids: dict[str, int] = {}
    by_statement: dict[str, str] = {}
    by_triple: dict[str, str] = {}
    for fact, i in zip(gold.facts, positions, strict=True):
        parts: Parts = ("facts", i)
        if fact.id in fact_ids:
            yield _issue(file, (*parts, "id"),
                         f"fact id {fact.id!r} repeats facts/{fact_ids[fact.id]}",
                         "give every fact a unique id")
        fact_ids.setdefault(fact.id, i)
        for j, span in enumerate(fact.evidence):
            bad_span = list(span_issues(span, text, file, (*parts, "evidence", j)))
            yield from bad_span
            if not bad_span:  # a broken span's overlaps mean nothing
                yield from _evidence_in_boilerplate(span, document, file, (*parts, "evidence", j))
        for j, entity_id in enumerate(fact.entities):
            if entity_id not in entity_ids:
                yield _issue(file, (*parts, "entities", j),
                             f"entity id {entity_id!r} is not defined in entities",
                             "add the entity or fix the id")
        yield from qualifier_issues(fact.qualifiers, file, (*parts, "qualifiers"))
        yield from _alternative_issues(fact, file, parts)
        statement, triple = _normalised(fact.statement), _triple_key(fact)
        if statement in by_statement:
            yield _issue(file, (*parts, "statement"),
                         f"same statement as fact {by_statement[statement]!r}",
                         "remove the duplicate or state the difference")
        elif triple in by_triple:
            yield _issue(file, parts,
                         f"same triple, modality and qualifiers as fact {by_triple[triple]!r}",
                         "remove the duplicate or state the difference")
        by_statement.setdefault(statement, fact.id)
        by_triple.setdefault(triple, fact.id)


# --- dataset index ---------------------------------------------------------------------------


def dataset_index_issues(
    index: Mapping[str, Any], root: Path, file: str
) -> Iterator[ValidationIssue]:
    """Unique ids; each folder exists inside ``root`` and its document.json has the same id."""
    seen: dict[str, int] = {}
    for i, entry in enumerate(index["documents"]):
        document_id, relative = entry["id"], entry["path"]
        if document_id in seen:
            yield _issue(file, ("documents", i, "id"),
                         f"document id {document_id!r} repeats documents/{seen[document_id]}",
                         "list every document once")
        seen.setdefault(document_id, i)
        folder = root / relative
        if not folder.resolve().is_relative_to(root.resolve()):
            yield _issue(file, ("documents", i, "path"), f"{relative!r} points outside the dataset",
                         "use a folder below the index, e.g. documents/<id>")
            continue
        if not folder.is_dir():
            yield _issue(file, ("documents", i, "path"), f"folder {relative!r} does not exist",
                         "create it or fix the path")
            continue
        recorded = _document_json_id(folder / "document.json")
        if recorded is not None and recorded != document_id:
            yield _issue(file, ("documents", i, "id"),
                         f"{relative}/document.json has id {recorded!r}, not {document_id!r}",
                         "make the index id and the document id equal")


def _document_json_id(path: Path) -> str | None:
    """The id in a document.json, or None when unreadable (its own checks report that)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


# --- predictions -----------------------------------------------------------------------------


def prediction_issues(
    prediction: Prediction, documents: Mapping[str, Document], file: str, line: int
) -> Iterator[ValidationIssue]:
    """The document exists in the dataset and every evidence span lies inside its text."""
    parts: Parts = ("line", line)
    document = documents.get(prediction.document_id)
    if document is None:
        known = ", ".join(sorted(documents)) or "none"
        yield _issue(file, (*parts, "document_id"),
                     f"unknown document {prediction.document_id!r}",
                     f"use a document id of the dataset ({known})")
        return
    for j, span in enumerate(prediction.evidence):
        yield from span_issues(span, document.text, file, (*parts, "evidence", j))

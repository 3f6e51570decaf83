"""Export the dataset as JSONL for Hugging Face ``datasets``, and import it back losslessly.

Three files, one row per document, entity and gold fact::

    documents.jsonl  id, text, sha256, schema_version, segments, and the document metadata
                     (title, source, language, publication_date, date_reasoning) as columns
    entities.jsonl   document_id and every field of the entity
    facts.jsonl      document_id and every field of the fact

Each loads with ``datasets.load_dataset("json", data_files=...)``. Arrow gives every row of a
column the same type, so keys a row lacks come back as None, integers that share a column
with floats come back as floats, and ``YYYY-MM-DD`` strings come back as timestamps;
``import_rows`` undoes all three, so gold -> export -> datasets ->
gold gives objects whose ``to_dict()`` equals the original's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from benchmark.files import atomic_write_text
from benchmark.model.dataset import Dataset
from benchmark.model.document import Document, Segment
from benchmark.model.gold import Entity, Fact, GoldSet

DOCUMENTS_FILE = "documents.jsonl"
ENTITIES_FILE = "entities.jsonl"
FACTS_FILE = "facts.jsonl"
EXPORT_FILES: tuple[str, ...] = (DOCUMENTS_FILE, ENTITIES_FILE, FACTS_FILE)

# Document row columns that are not descriptive metadata.
Item = TypeVar("Item", Entity, Fact)

_DOCUMENT_COLUMNS = frozenset({"id", "text", "sha256", "schema_version", "segments"})


class ExportError(Exception):
    """The export cannot be written or read back; the message names the file and the fix."""


@dataclass(frozen=True)
class ExportResult:
    directory: Path
    files: tuple[Path, ...]
    documents: int
    entities: int
    facts: int


@dataclass(frozen=True)
class ImportedDataset:
    """What the export holds: documents and gold sets, in export order."""

    documents: tuple[Document, ...]
    gold: tuple[GoldSet, ...]


# --- rows ------------------------------------------------------------------------------------


def document_row(document: Document, gold: GoldSet) -> dict[str, Any]:
    clash = _DOCUMENT_COLUMNS & document.metadata.keys()
    if clash:
        raise ExportError(f"{document.id}: metadata keys {sorted(clash)} clash with columns "
                          "(rename them in document.json)")
    return {
        "id": document.id,
        "text": document.text,
        "sha256": document.sha256,
        "schema_version": gold.schema_version,
        "segments": [segment.to_dict() for segment in document.segments],
        **document.metadata,
    }


def export_rows(dataset: Dataset) -> dict[str, list[dict[str, Any]]]:
    """The rows of every export file, by file name, in dataset order."""
    documents: list[dict[str, Any]] = []
    entities: list[dict[str, Any]] = []
    facts: list[dict[str, Any]] = []
    for document in dataset.documents:
        gold = dataset.gold_for(document.id)
        documents.append(document_row(document, gold))
        entities.extend({"document_id": gold.document_id, **e.to_dict()} for e in gold.entities)
        facts.extend({"document_id": gold.document_id, **f.to_dict()} for f in gold.facts)
    return {DOCUMENTS_FILE: documents, ENTITIES_FILE: entities, FACTS_FILE: facts}


def dump_rows(rows: Iterable[Mapping[str, Any]]) -> str:
    """JSONL with sorted keys and real characters (not \\u escapes): byte-identical reruns."""
    return "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)


# --- writing ---------------------------------------------------------------------------------


def write_export(dataset: Dataset, directory: Path, force: bool = False) -> ExportResult:
    """Write the three JSONL files into ``directory`` (created if missing) and nowhere else.

    Refuses, before writing anything, when a target exists and ``force`` is false.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: exists and is not a directory (choose another path)")
    targets = [directory / name for name in EXPORT_FILES]
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        raise ExportError(f"{existing[0]}: already exists (pass --force to overwrite)")
    rows = export_rows(dataset)
    directory.mkdir(parents=True, exist_ok=True)
    for target in targets:
        atomic_write_text(target, dump_rows(rows[target.name]))
    return ExportResult(
        directory=directory,
        files=tuple(targets),
        documents=len(rows[DOCUMENTS_FILE]),
        entities=len(rows[ENTITIES_FILE]),
        facts=len(rows[FACTS_FILE]),
    )


# --- importing -------------------------------------------------------------------------------


def _from_arrow(value: Any) -> Any:
    """Undo Arrow's JSON inference: drop the None it adds for keys a row did not have (the
    schemas allow no null), and turn the timestamps it makes of date strings back into
    ``YYYY-MM-DD`` (the only date form the schemas allow)."""
    if isinstance(value, Mapping):
        return {k: _from_arrow(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_from_arrow(v) for v in value]
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _as_stated(number: Any) -> Any:
    """4000.0 -> 4000: Arrow widens a column of mixed ints and floats to float."""
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def _fact_from_row(row: dict[str, Any]) -> Fact:
    quantity = row.get("qualifiers", {}).get("quantity")
    if quantity is not None:
        if "value" in quantity:
            quantity["value"] = _as_stated(quantity["value"])
        if "range" in quantity:
            quantity["range"] = [_as_stated(n) for n in quantity["range"]]
    return Fact.from_dict(row)


def _group(
    rows: Iterable[Mapping[str, Any]],
    known: frozenset[str],
    kind: str,
    build: Callable[[dict[str, Any]], Item],
) -> dict[str, list[Item]]:
    """Rows by document id, in row order, built into model objects."""
    grouped: dict[str, list[Item]] = {}
    for raw in rows:
        row = _from_arrow(dict(raw))
        document_id = row.pop("document_id")
        if document_id not in known:
            raise ExportError(f"{kind} {row.get('id')!r}: unknown document {document_id!r} "
                              f"(every {kind} row needs a row in {DOCUMENTS_FILE})")
        grouped.setdefault(document_id, []).append(build(row))
    return grouped


def import_rows(
    documents: Iterable[Mapping[str, Any]],
    entities: Iterable[Mapping[str, Any]],
    facts: Iterable[Mapping[str, Any]],
) -> ImportedDataset:
    """Rebuild documents and gold sets from export rows (plain dicts or ``datasets`` rows)."""
    document_list: list[Document] = []
    versions: dict[str, str] = {}
    for raw in documents:
        row = _from_arrow(dict(raw))
        document_id = row.pop("id")
        segments = tuple(Segment.from_dict(s) for s in row.pop("segments", ()))
        versions[document_id] = row.pop("schema_version")
        text, sha256 = row.pop("text"), row.pop("sha256")
        # What remains is the metadata: every column that is not structure.
        document_list.append(Document(id=document_id, text=text, metadata=row,
                                      segments=segments, sha256=sha256))
    known = frozenset(versions)
    entities_by_document = _group(entities, known, "entity", Entity.from_dict)
    facts_by_document = _group(facts, known, "fact", _fact_from_row)
    gold = tuple(
        GoldSet(document_id=d.id, entities=tuple(entities_by_document.get(d.id, ())),
                facts=tuple(facts_by_document.get(d.id, ())), schema_version=versions[d.id])
        for d in document_list
    )
    return ImportedDataset(documents=tuple(document_list), gold=gold)


def load_export(directory: Path, cache_dir: Path | None = None) -> ImportedDataset:
    """Read an export through ``datasets.load_dataset("json")`` and rebuild the typed model."""
    from datasets import load_dataset

    def rows(name: str) -> list[dict[str, Any]]:
        path = Path(directory) / name
        if not path.is_file():
            raise ExportError(f"{path}: not found (run `bench export` into {directory})")
        if path.stat().st_size == 0:  # `datasets` cannot infer a schema from no rows
            return []
        table = load_dataset("json", data_files=str(path), split="train",
                             cache_dir=str(cache_dir) if cache_dir is not None else None)
        return list(table)

    return import_rows(rows(DOCUMENTS_FILE), rows(ENTITIES_FILE), rows(FACTS_FILE))

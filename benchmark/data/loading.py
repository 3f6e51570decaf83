"""Read a dataset from an annotations directory into the typed model.

Layout (``annotations/``)::

    dataset.json                     name, semver version, the documents in order
    documents/<id>/text.txt          the exact article text (UTF-8)
    documents/<id>/document.json     metadata, sha256 of the text, segmentation
    documents/<id>/gold.json         entities and facts

Loading checks JSON syntax and the shape the model needs; ``bench validate`` runs the full
schema and semantic checks.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from benchmark.model.dataset import Dataset
from benchmark.model.document import Document, Segment
from benchmark.model.gold import GoldSet
from benchmark.paths import annotations_dir

DATASET_INDEX = "dataset.json"
DOCUMENT_FILE = "document.json"
GOLD_FILE = "gold.json"

# document.json keys that are structure, not descriptive metadata.
_STRUCTURAL_KEYS = frozenset({"schema_version", "id", "text_file", "sha256", "segments"})


class DatasetError(Exception):
    """An annotation file cannot be read; the message names the file and the fix."""


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{path}: file not found (check the dataset index)") from None
    except json.JSONDecodeError as exc:
        raise DatasetError(
            f"{path}: line {exc.lineno} column {exc.colno}: invalid JSON: {exc.msg} "
            "(fix the syntax)"
        ) from None


def document_dirs(root: Path, index: dict[str, Any]) -> list[tuple[str, Path]]:
    return [(entry["id"], root / entry["path"]) for entry in index["documents"]]


def load_document(directory: Path) -> Document:
    raw = read_json(directory / DOCUMENT_FILE)
    text_path = directory / raw.get("text_file", "text.txt")
    try:
        # newline="" keeps the text byte-for-byte: offsets are into the stored characters.
        with text_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise DatasetError(f"{text_path}: file not found (add the document text)") from None
    metadata = {k: v for k, v in raw.items() if k not in _STRUCTURAL_KEYS}
    return Document(
        id=raw["id"],
        text=text,
        metadata=metadata,
        segments=tuple(Segment.from_dict(s) for s in raw.get("segments", ())),
        sha256=raw.get("sha256", ""),
    )


def load_gold_set(directory: Path) -> GoldSet:
    return GoldSet.from_dict(read_json(directory / GOLD_FILE))


def dataset_fingerprint(root: Path, index: dict[str, Any]) -> str:
    """sha256 over the index and every document's files, in a fixed order."""
    digest = hashlib.sha256()
    digest.update((root / DATASET_INDEX).read_bytes())
    for _, directory in document_dirs(root, index):
        for name in sorted(p.name for p in directory.iterdir() if p.is_file()):
            digest.update(name.encode("utf-8") + b"\0")
            digest.update((directory / name).read_bytes())
    return digest.hexdigest()


def load_dataset(root: Path | None = None) -> Dataset:
    """Load every document and gold set listed in ``root/dataset.json`` (default: shipped)."""
    root = Path(root) if root is not None else annotations_dir()
    index = read_json(root / DATASET_INDEX)
    documents: list[Document] = []
    gold: list[GoldSet] = []
    for _, directory in document_dirs(root, index):
        documents.append(load_document(directory))
        gold.append(load_gold_set(directory))
    return Dataset(
        name=index["name"],
        version=index["version"],
        documents=tuple(documents),
        gold=tuple(gold),
        sha256=dataset_fingerprint(root, index),
        root=root,
    )
load_gold = load_dataset  # the name the docs use for "the shipped gold"

"""Build small annotation directories for the harness tests (never the shipped gold).

Each document is a headline line and body sentences; each sentence of the form
"<Subject> <verb> <object>." becomes one gold fact with the sentence as its evidence.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
EXTRACTORS = Path(__file__).resolve().parent

DEFAULT_DOCUMENTS: dict[str, list[str]] = {
    "doc-a": ["Alpha news", "The council approved the budget.", "The mayor opened a bridge."],
    "doc-b": ["Beta news", "The army captured the town.", "The rebels left the city."],
}


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def make_annotations(root: Path, documents: dict[str, list[str]] | None = None) -> Path:
    """Write ``root/dataset.json`` and one folder per document; returns ``root``."""
    documents = DEFAULT_DOCUMENTS if documents is None else documents
    root.mkdir(parents=True, exist_ok=True)
    _write(
        root / "dataset.json",
        {
            "schema_version": "1.0",
            "name": "fixture",
            "version": "0.0.1",
            "description": "test fixture",
            "license": "CC0",
            "documents": [{"id": i, "path": f"documents/{i}"} for i in documents],
        },
    )
    for document_id, lines in documents.items():
        _write_document(root / "documents" / document_id, document_id, lines)
    return root


def _write_document(directory: Path, document_id: str, lines: list[str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join(lines) + "\n"
    (directory / "text.txt").write_bytes(text.encode("utf-8"))
    segments, facts, offset = [], [], 0
    for number, line in enumerate(lines):
        start, end = offset, offset + len(line)
        offset = end + 2
        kind = "headline" if number == 0 else "body"
        segments.append({"id": f"s{number:02d}", "kind": kind, "start": start, "end": end,
                         "quote": line})
        if number == 0:
            continue
        words = line.rstrip(".").split()
        facts.append({
            "id": f"f{number:03d}",
            "statement": line,
            "subject": " ".join(words[:2]),
            "predicate": words[2],
            "object": " ".join(words[3:]),
            "modality": "asserted",
            "evidence": [{"start": start, "end": end, "quote": line}],
            "category": "background",
            "required": True,
        })
    _write(directory / "document.json", {
        "schema_version": "1.0",
        "id": document_id,
        "title": lines[0],
        "source": {"publisher": "fixture"},
        "language": "en",
        "publication_date": "2020-01-01",
        "date_reasoning": ["fixture"],
        "text_file": "text.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "segments": segments,
    })
    _write(directory / "gold.json", {
        "schema_version": "1.0", "document_id": document_id, "entities": [], "facts": facts,
    })


def many_documents(count: int) -> dict[str, list[str]]:
    return {
        f"doc-{n:03d}": [f"Story {n}", f"The team number{n} won game{n}."] for n in range(count)
    }


def copy_shipped_annotations(destination: Path) -> Path:
    shutil.copytree(REPOSITORY / "annotations", destination)
    return destination

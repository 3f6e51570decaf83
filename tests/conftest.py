"""Shared fixtures: a tiny, valid annotations directory built from scratch in a temp dir."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

MINI_ID = "mini-doc"
MINI_TEXT = (
    "Troops kill ‘dozens’ in Gao\n"
    "\n"
    "Read this story in Arabic.\n"
    "\n"
    "French troops killed “dozens” of fighters in Gao on Tuesday, the minister said. "
    "Between 1,500 and 2,500.5 soldiers will stay in Gao.\n"
)


def quote_span(text: str, quote: str, nth: int = 0) -> dict[str, Any]:
    """The span of the ``nth`` occurrence of ``quote`` in ``text`` (code-point offsets)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return {"start": start, "end": start + len(quote), "quote": quote}


def segment(text: str, segment_id: str, kind: str, quote: str) -> dict[str, Any]:
    return {"id": segment_id, "kind": kind, **quote_span(text, quote)}


def mini_document() -> dict[str, Any]:
    t = MINI_TEXT
    return {
        "schema_version": "1.0",
        "id": MINI_ID,
        "title": "Troops kill ‘dozens’ in Gao",
        "source": {"publisher": "Test Wire", "url": "https://example.org/gao"},
        "language": "en",
        "publication_date": "2013-02-06",
        "date_reasoning": ["'on Tuesday' is 2013-02-05"],
        "text_file": "text.txt",
        "sha256": hashlib.sha256(t.encode("utf-8")).hexdigest(),
        "segments": [
            segment(t, "hl01", "headline", "Troops kill ‘dozens’ in Gao"),
            segment(t, "bp01", "boilerplate", "Read this story in Arabic."),
            segment(t, "b01", "body", "French troops killed “dozens” of fighters in Gao on "
                                       "Tuesday, the minister said."),
            segment(t, "b02", "body", "Between 1,500 and 2,500.5 soldiers will stay in Gao."),
        ],
    }


def mini_gold() -> dict[str, Any]:
    t = MINI_TEXT
    return {
        "schema_version": "1.0",
        "document_id": MINI_ID,
        "entities": [
            {"id": "french-troops", "name": "French troops", "type": "group",
             "description": "The French forces.",
             "mentions": [quote_span(t, "Troops"), quote_span(t, "French troops"),
                          quote_span(t, "soldiers")]},
            {"id": "gao", "name": "Gao", "type": "place", "aliases": ["Gao city"],
             "mentions": [quote_span(t, "Gao"), quote_span(t, "Gao", 1),
                          quote_span(t, "Gao", 2)]},
        ],
        "facts": [
            {"id": "f001", "statement": "French troops killed dozens of fighters in Gao.",
             "subject": "French troops", "predicate": "killed", "object": "dozens of fighters",
             "alternatives": {"subject": ["troops"], "predicate": ["kill"]},
             "qualifiers": {"time": {"raw": "on Tuesday", "value": "2013-02-05"},
                            "location": "Gao",
                            "quantity": {"range": [24, 99], "unit": "fighters", "vague": True}},
             "modality": "reported", "attribution": "the minister",
             "evidence": [quote_span(t, "Troops kill ‘dozens’ in Gao"),
                          quote_span(t, "French troops killed “dozens” of fighters in Gao")],
             "entities": ["french-troops", "gao"], "category": "casualties", "required": True},
            {"id": "f002", "statement": "Between 1,500 and 2,500.5 soldiers will stay in Gao.",
             "subject": "soldiers", "predicate": "will stay in", "object": "Gao",
             "qualifiers": {"quantity": {"range": [1500, 2500.5], "unit": "soldiers",
                                         "approximate": True}},
             "modality": "expected",
             "evidence": [quote_span(t, "Between 1,500 and 2,500.5 soldiers will stay in Gao")],
             "entities": ["french-troops"], "category": "plan", "required": False,
             "note": "The half soldier makes the range a float."},
            {"id": "f003", "statement": "The minister spoke about Gao.",
             "subject": "the minister", "predicate": "spoke about", "object": "Gao",
             "modality": "asserted", "evidence": [quote_span(t, "the minister said")],
             "category": "statement", "required": True},
        ],
    }


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_mini_annotations(root: Path) -> Path:
    """A valid annotations directory with one document at ``root``; returns ``root``."""
    folder = root / "documents" / MINI_ID
    folder.mkdir(parents=True)
    (folder / "text.txt").write_bytes(MINI_TEXT.encode("utf-8"))
    write_json(folder / "document.json", mini_document())
    write_json(folder / "gold.json", mini_gold())
    write_json(root / "dataset.json", {
        "schema_version": "1.0", "name": "mini", "version": "0.1.0",
        "documents": [{"id": MINI_ID, "path": f"documents/{MINI_ID}"}],
    })
    return root


@pytest.fixture
def mini_annotations(tmp_path: Path) -> Path:
    return write_mini_annotations(tmp_path / "annotations")

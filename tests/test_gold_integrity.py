"""The shipped dataset itself: valid, text unchanged from the seed article, lossless export."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from benchmark.data.export import load_export, write_export
from benchmark.data.loading import load_dataset
from benchmark.paths import annotations_dir
from benchmark.validation.files import validate_paths

REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLE = REPO.parent / "shared" / "seed" / "article.txt"
DOCUMENT_ID = "cnn-2013-02-mali-offensive"
DOCUMENT_DIR = REPO / "annotations" / "documents" / DOCUMENT_ID


def test_shipped_annotations_validate_without_issues() -> None:
    report = validate_paths([annotations_dir()])
    assert [str(issue) for issue in report.issues] == []
    assert report.documents == 1 and report.facts > 0 and report.entities > 0


def test_shipped_text_is_the_seed_article_byte_for_byte() -> None:
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"seed article not found at {SEED_ARTICLE} (only present in the project "
                    "workspace, not in a bare checkout)")
    assert (DOCUMENT_DIR / "text.txt").read_bytes() == SEED_ARTICLE.read_bytes()


def test_shipped_text_matches_its_recorded_sha256() -> None:
    recorded = json.loads((DOCUMENT_DIR / "document.json").read_text(encoding="utf-8"))["sha256"]
    assert hashlib.sha256((DOCUMENT_DIR / "text.txt").read_bytes()).hexdigest() == recorded


def test_shipped_gold_belongs_to_its_document_and_has_required_facts() -> None:
    dataset = load_dataset()
    assert dataset.document_ids == (DOCUMENT_ID,)
    gold = dataset.gold_for(DOCUMENT_ID)
    assert gold.document_id == DOCUMENT_ID
    assert any(fact.required for fact in gold.facts)


def test_shipped_gold_round_trips_through_datasets(tmp_path: Path) -> None:
    dataset = load_dataset()
    write_export(dataset, tmp_path / "export")
    imported = load_export(tmp_path / "export", cache_dir=tmp_path / "hf-cache")
    assert imported.documents == dataset.documents
    assert json.dumps([g.to_dict() for g in imported.gold], ensure_ascii=False) == json.dumps(
        [g.to_dict() for g in dataset.gold], ensure_ascii=False)

"""validate_paths dispatches on what each path is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import MINI_ID, mini_gold, write_json

from benchmark.paths import schemas_dir
from benchmark.validation.files import validate_paths


def _submission_example() -> dict[str, object]:
    schema = json.loads((schemas_dir() / "submission.schema.json").read_text(encoding="utf-8"))
    example: dict[str, object] = schema["examples"][0]
    return example


def test_document_folder_document_json_and_gold_json(mini_annotations: Path) -> None:
    folder = mini_annotations / "documents" / MINI_ID
    assert validate_paths([folder]).summary() == "1 document, 3 facts, 2 entities: valid"
    assert validate_paths([folder / "document.json"]).summary() == (
        "1 document, 0 facts, 0 entities: valid")
    assert validate_paths([folder / "gold.json"]).summary() == (
        "1 document, 3 facts, 2 entities: valid")
    assert validate_paths([mini_annotations / "dataset.json"]).ok


def test_a_gold_file_under_another_name_is_recognised_by_its_keys(mini_annotations: Path) -> None:
    folder = mini_annotations / "documents" / MINI_ID
    gold = mini_gold()
    gold["facts"][0]["evidence"][0]["end"] = 10_000
    write_json(folder / "first_pass.json", gold)
    report = validate_paths([folder / "first_pass.json"])
    assert [(Path(i.file).name, i.json_path) for i in report.issues] == [
        ("first_pass.json", "/facts/0/evidence/0/end")]


def test_several_paths_add_up_and_duplicates_merge(mini_annotations: Path) -> None:
    report = validate_paths([mini_annotations, mini_annotations])
    assert report.documents == 2 and report.ok


def test_submission_folder_and_metadata(tmp_path: Path, mini_annotations: Path) -> None:
    folder = tmp_path / "submissions" / "mine"
    write_json(folder / "metadata.json", _submission_example())
    (folder / "predictions.jsonl").write_text(
        json.dumps({"document_id": MINI_ID, "statement": "x"}) + "\n", encoding="utf-8")
    report = validate_paths([folder], dataset_root=mini_annotations)
    assert report.summary() == "1 prediction in 1 document; 1 other file: valid"
    bad = dict(_submission_example(), kind="oracle")
    write_json(folder / "metadata.json", bad)
    report = validate_paths([folder / "metadata.json"])
    assert [i.json_path for i in report.issues] == ["/kind"]


def test_unrecognised_inputs_are_issues_not_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    write_json(tmp_path / "other.json", {"hello": "world"})
    (tmp_path / "empty").mkdir()
    (tmp_path / "latin1.jsonl").write_bytes(b'{"document_id": "caf\xe9"}\n')
    report = validate_paths([tmp_path / n for n in ("notes.txt", "other.json", "empty",
                                                     "latin1.jsonl")])
    assert [(Path(i.file).name, i.message.split(" (")[0]) for i in report.issues] == [
        ("empty", "not a recognised directory"),
        ("latin1.jsonl", "not UTF-8 text"),
        ("notes.txt", "not a recognised file"),
        ("other.json", "not a recognised JSON file"),
    ]


def test_text_file_missing(mini_annotations: Path) -> None:
    folder = mini_annotations / "documents" / MINI_ID
    shutil.move(folder / "text.txt", folder / "article.txt")
    report = validate_paths([folder])
    assert [(Path(i.file).name, i.json_path) for i in report.issues] == [
        ("document.json", "/text_file")]


def test_results_file_is_recognised_by_its_keys(tmp_path: Path) -> None:
    path = schemas_dir() / "results.schema.json"
    example = json.loads(path.read_text(encoding="utf-8"))["examples"][0]
    write_json(tmp_path / "my-run.json", example)
    assert validate_paths([tmp_path / "my-run.json"]).summary() == "1 other file: valid"
    write_json(tmp_path / "my-run.json", dict(example, schema_version="9.9"))
    assert [i.json_path for i in validate_paths([tmp_path / "my-run.json"]).issues] == [
        "/schema_version"]

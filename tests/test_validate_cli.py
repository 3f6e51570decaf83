"""``bench validate``: exit codes and the ``file: json/path: message (fix)`` output format."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI_ID, write_json

from benchmark.cli.main import main
from benchmark.paths import annotations_dir

ISSUE_LINE = re.compile(r"^(?P<file>[^:]+): (?P<path>/\S*): (?P<message>.+) \((?P<fix>.+)\)$")


def _shipped_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the shipped annotations at tmp_path/annotations and its first document."""
    copy = tmp_path / "annotations"
    shutil.copytree(annotations_dir(), copy)
    index = json.loads((copy / "dataset.json").read_text(encoding="utf-8"))
    return copy, copy / index["documents"][0]["path"]


def _corrupt(document_dir: Path) -> None:
    document = json.loads((document_dir / "document.json").read_text(encoding="utf-8"))
    document["sha256"] = "f" * 64
    write_json(document_dir / "document.json", document)
    gold = json.loads((document_dir / "gold.json").read_text(encoding="utf-8"))
    gold["facts"][0]["evidence"][0]["quote"] = "not in the text at all"
    write_json(document_dir / "gold.json", gold)


def test_valid_annotations_exit_0_with_one_summary_line(
    mini_annotations: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(mini_annotations.parent)
    assert main(["validate", "annotations"]) == 0
    out, err = capsys.readouterr()
    assert out == "1 document, 3 facts, 2 entities: valid\n"
    assert err == ""


def test_corrupted_copy_of_the_shipped_annotations_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, document_dir = _shipped_copy(tmp_path)
    _corrupt(document_dir)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "annotations"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines and all(ISSUE_LINE.match(line) for line in lines), lines
    relative = document_dir.relative_to(tmp_path)
    located = {(m["file"], m["path"]) for m in map(ISSUE_LINE.match, lines) if m}
    assert (f"{relative}/document.json", "/sha256") in located
    assert (f"{relative}/gold.json", "/facts/0/evidence/0/quote") in located
    assert err.startswith("bench validate: ") and err.rstrip().endswith("issues")


def test_absolute_paths_below_the_working_directory_print_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy, document_dir = _shipped_copy(tmp_path)
    _corrupt(document_dir)
    monkeypatch.chdir(tmp_path)
    main(["validate", str(copy.resolve())])
    assert all(line.startswith("annotations/") for line in capsys.readouterr().out.splitlines())


def test_malformed_json_is_one_line_not_a_traceback(
    mini_annotations: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = mini_annotations / "documents" / MINI_ID / "gold.json"
    gold.write_text('{"schema_version": "1.0",\n  "document_id": }\n', encoding="utf-8")
    monkeypatch.chdir(mini_annotations)
    assert main(["validate", f"documents/{MINI_ID}/gold.json"]) == 1
    out, _ = capsys.readouterr()
    assert out == (f"documents/{MINI_ID}/gold.json: /: invalid JSON at line 2 column 18: "
                   "Expecting value (fix the JSON syntax)\n")


def test_predictions_summary_and_dataset_option(
    mini_annotations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    predictions = tmp_path / "run.jsonl"
    predictions.write_text(
        json.dumps({"document_id": MINI_ID, "statement": "Troops killed fighters."}) + "\n"
        + json.dumps({"document_id": MINI_ID, "subject": "a", "predicate": "b", "object": "c"})
        + "\n", encoding="utf-8")
    assert main(["validate", str(predictions), "--dataset", str(mini_annotations)]) == 0
    assert capsys.readouterr().out == "2 predictions in 1 document: valid\n"
    # Against the shipped dataset the document id is unknown.
    assert main(["validate", str(predictions)]) == 1
    out = capsys.readouterr().out
    assert f"{predictions}: /line/1/document_id: unknown document '{MINI_ID}'" in out


def test_missing_path_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert capsys.readouterr().out == (
        f"{tmp_path / 'nowhere'}: /: no such file or directory (check the path)\n")


@pytest.mark.slow
def test_bench_console_script_end_to_end(tmp_path: Path) -> None:
    _, document_dir = _shipped_copy(tmp_path)
    _corrupt(document_dir)
    bench = Path(sys.executable).with_name("bench")
    command = [str(bench)] if bench.exists() else [sys.executable, "-m", "benchmark"]
    result = subprocess.run([*command, "validate", "annotations"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert all(ISSUE_LINE.match(line) for line in result.stdout.splitlines())

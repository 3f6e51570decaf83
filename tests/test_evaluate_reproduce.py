"""A run folder is reproducible: ``bench score`` on its predictions gives its results, and
with SOURCE_DATE_EPOCH set two runs write byte-identical files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmark.cli.main import main

pytestmark = pytest.mark.slow


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("extractor", ["rules", "sentences", "oracle"])
def test_bench_score_on_the_predictions_reproduces_the_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1360152000")
    assert main(["evaluate", extractor, "--no-cache", "--output-dir", "run"]) == 0
    evaluated = _load(tmp_path / "run" / "results.json")
    version = evaluated["extractor"]["version"]
    assert main(["score", "run/predictions.jsonl", "--name", extractor, "--version", version,
                 "-o", "scored.json"]) == 0
    scored = _load(tmp_path / "scored.json")
    # what differs is only how the run happened: the source and the run block
    for block in ("run", "extractor"):
        evaluated.pop(block), scored.pop(block)
    assert evaluated == scored
    assert json.dumps(evaluated, sort_keys=True) == json.dumps(scored, sort_keys=True)


def test_two_runs_write_byte_identical_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1360152000")
    for folder, jobs in (("one", "1"), ("two", "2")):
        assert main(["evaluate", "rules", "--no-cache", "--output-dir", folder,
                     "--jobs", jobs]) == 0
    for name in ("results.json", "predictions.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    run = _load(tmp_path / "one" / "results.json")["run"]
    assert run["started_at"] == "2013-02-06T12:00:00Z"
    assert run["durations"] == {"extract": 0.0, "score": 0.0, "total": 0.0}

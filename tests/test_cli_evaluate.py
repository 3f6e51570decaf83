"""``bench evaluate`` end to end, in-process, on fixture annotations (and the shipped data)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest
from extractors.fixture_data import EXTRACTORS, make_annotations

from benchmark.cli.main import main
from benchmark.data.predictions import read_predictions
from benchmark.results.io import read_results

pytestmark = pytest.mark.slow


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_annotations(tmp_path / "annotations")
    return tmp_path


def _evaluate(*args: str) -> int:
    return main(["evaluate", *args, "--annotations", "annotations", "--no-cache"])


def _only_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_oracle_scores_one_and_writes_a_valid_run_folder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _evaluate("oracle") == 0
    results = read_results(workdir / "runs" / "oracle" / "results.json")
    m = results.metrics
    assert (m.precision, m.recall, m.f1, m.fn) == (1.0, 1.0, 1.0, 0)
    assert results.extractor is not None and results.extractor.name == "oracle"
    predictions = read_predictions(workdir / "runs" / "oracle" / "predictions.jsonl")
    assert len(predictions) == m.tp == 4
    out = capsys.readouterr().out
    assert "precision 1.000" in out and "wrote runs/oracle/predictions.jsonl" in out


def test_null_has_zero_recall_and_precision_with_a_warning(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _evaluate("null") == 0
    results = read_results(workdir / "runs" / "null" / "results.json")
    assert (results.metrics.recall, results.metrics.precision) == (0.0, 0.0)
    assert (workdir / "runs" / "null" / "predictions.jsonl").read_text(encoding="utf-8") == ""
    assert "warning:" in capsys.readouterr().out


def test_existing_results_are_never_overwritten_silently(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _evaluate("null") == 0
    results = workdir / "runs" / "null" / "results.json"
    before = results.read_bytes()
    capsys.readouterr()
    assert _evaluate("null") == 2
    assert "--overwrite" in _only_line(capsys.readouterr().err)
    assert results.read_bytes() == before
    assert _evaluate("oracle", "--output-dir", "runs/null", "--overwrite") == 0
    assert read_results(results).extractor.name == "oracle"  # type: ignore[union-attr]


def test_unknown_name_is_one_line_with_suggestions(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _evaluate("sentence") == 2
    line = _only_line(capsys.readouterr().err)
    assert "did you mean sentences" in line and "bench list" in line
    assert not (workdir / "runs").exists()


def test_missing_file_is_one_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _evaluate("no/such/extractor.py") == 2
    assert "file not found" in _only_line(capsys.readouterr().err)


def test_broken_module_shows_its_traceback_then_one_line(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _evaluate(str(EXTRACTORS / "broken_import.py")) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.rstrip().splitlines()[-1].startswith("bench evaluate: error: ")
    assert "broken on purpose" in err.rstrip().splitlines()[-1]


def test_failing_command_is_one_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    program = f"{shlex.quote(sys.executable)} {EXTRACTORS / 'command_extractor.py'} fail"
    assert _evaluate("--command", program) == 2
    line = capsys.readouterr().err.rstrip().splitlines()[-1]
    assert line.startswith("bench evaluate: error: ") and "exited with status 3" in line


def test_command_extractor_runs_end_to_end(workdir: Path) -> None:
    program = f"{shlex.quote(sys.executable)} {EXTRACTORS / 'command_extractor.py'}"
    assert _evaluate("--command", program, "--name", "first-word") == 0
    predictions = read_predictions(workdir / "runs" / "first-word" / "predictions.jsonl")
    assert [p.object for p in predictions] == ["doc-a", "doc-b"]


def test_crashing_and_hanging_documents_are_recorded_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    make_annotations(tmp_path / "annotations", {
        "doc-crash-hard": ["One", "The crew fixed the roof."],
        "doc-hang": ["Two", "The crew painted the wall."],
        "doc-ok": ["Three", "The crew cleaned the yard."],
    })
    hanging = str(EXTRACTORS / "hanging.py")
    assert _evaluate(hanging, "--timeout", "1", "--output-dir", "hang") == 0
    crashing = str(EXTRACTORS / "crashing.py")
    assert _evaluate(crashing, "--output-dir", "crash", "--jobs", "2") == 0
    hang_errors = read_results(tmp_path / "hang" / "results.json").run.errors
    crash_errors = read_results(tmp_path / "crash" / "results.json").run.errors
    assert [(e.document_id, e.kind) for e in hang_errors] == [("doc-hang", "timeout")]
    assert [(e.document_id, e.kind) for e in crash_errors] == [("doc-crash-hard", "crash")]
    out = capsys.readouterr().out
    assert "doc-hang: timeout" in out and "raise --timeout" in out


def test_fail_fast_exits_2(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_annotations(workdir / "annotations", {"doc-raise": ["T", "The cat sat down."]})
    assert _evaluate(str(EXTRACTORS / "crashing.py"), "--fail-fast") == 2
    assert "--fail-fast" in _only_line(capsys.readouterr().err.splitlines()[-1])


def test_limit_scores_only_the_documents_run(workdir: Path) -> None:
    assert _evaluate("oracle", "--limit", "1") == 0
    results = read_results(workdir / "runs" / "oracle" / "results.json")
    assert results.dataset.documents == 1
    assert {g.document_id for g in results.gold} == {"doc-a"}
    assert results.metrics.recall == 1.0


def test_resume_reads_the_cache(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["evaluate", "oracle", "--annotations", "annotations", "--cache-dir", "c"]
    assert main([*args, "--output-dir", "one"]) == 0
    assert main([*args, "--output-dir", "two", "--resume"]) == 0
    assert "2 from the cache" in capsys.readouterr().out
    one = json.loads((workdir / "one" / "results.json").read_text(encoding="utf-8"))
    two = json.loads((workdir / "two" / "results.json").read_text(encoding="utf-8"))
    assert one["metrics"] == two["metrics"] and one["predictions"] == two["predictions"]


@pytest.mark.parametrize(
    "args",
    [[], ["null", "--command", "x"], ["null", "--jobs", "0"], ["null", "--timeout", "0"],
     ["null", "--limit", "0"], ["null", "--threshold", "2"], ["null", "--resume", "--no-cache"]],
)
def test_bad_arguments_exit_2_with_one_line(
    workdir: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(["evaluate", *args]) == 2
    assert _only_line(capsys.readouterr().err).startswith("bench evaluate: error: ")


def test_shipped_dataset_oracle_is_perfect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", "oracle", "--no-cache"]) == 0
    m = read_results(tmp_path / "runs" / "oracle" / "results.json").metrics
    assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)
    assert m.tp > 0


def test_an_extractor_failing_on_every_document_exits_1_with_the_results_written(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _evaluate(str(EXTRACTORS / "always_raising.py"), "--output-dir", "all") == 1
    results = read_results(workdir / "all" / "results.json")
    assert {e.kind for e in results.run.errors} == {"exception"}
    assert len({e.document_id for e in results.run.errors}) == results.dataset.documents
    last = capsys.readouterr().err.strip().splitlines()[-1]  # after the progress lines
    assert last.startswith("bench evaluate: the extractor failed on all 2 document(s)")

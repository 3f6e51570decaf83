"""The results file (build, write, read, schema, determinism) and `bench score` / `compare`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from matcher_cases import DOCUMENT_ID, fixture_dataset, gold, gold_as_predictions

from benchmark.cli.main import main
from benchmark.data.predictions import dump_prediction_lines
from benchmark.model import Prediction
from benchmark.paths import annotations_dir
from benchmark.results import (
    ExtractorInfo,
    ResultsError,
    build_results,
    dumps_results,
    read_results,
    write_results,
)
from benchmark.results.compare import IncomparableResults, compare_results
from benchmark.scoring import score_predictions
from benchmark.validation.schema_store import schema_issues

EPOCH = "1360108800"  # 2013-02-06T00:00:00Z


def predictions() -> list[Prediction]:
    made = gold_as_predictions(gold())[::2]
    made.append(Prediction(document_id=DOCUMENT_ID, subject="France", predicate="has",
                           object="nearly 3,000 soldiers in Mali", confidence=0.4))
    return made


def results(monkeypatch: pytest.MonkeyPatch, preds: list[Prediction] | None = None):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    scoring = score_predictions(fixture_dataset(), predictions() if preds is None else preds,
                                bootstrap_samples=100)
    return build_results(scoring, fixture_dataset(), "lenient",
                         ExtractorInfo("test", "1", "memory"))


def test_results_validate_and_round_trip(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    built = results(monkeypatch)
    data = json.loads(dumps_results(built))
    assert list(schema_issues("results", data, "x")) == []
    assert data["run"]["started_at"] == "2013-02-06T00:00:00Z"
    assert data["run"]["durations"] == {"extract": None, "score": 0.0, "total": 0.0}
    assert {"precision", "recall", "f1"} <= data["metrics"].keys()
    assert all({"gold_id", "reason"} <= d.keys() for d in data["predictions"])
    path = write_results(tmp_path / "r.json", built)
    again = read_results(path)
    assert dumps_results(again) == path.read_text(encoding="utf-8")


def test_file_format_is_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = dumps_results(results(monkeypatch))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2,
                              ensure_ascii=False) + "\n"
    floats = [v for v in _leaves(json.loads(text)) if isinstance(v, float)]
    assert floats and all(round(v, 6) == v for v in floats)


def _leaves(node: object) -> list[object]:
    if isinstance(node, dict):
        return [x for v in node.values() for x in _leaves(v)]
    if isinstance(node, list):
        return [x for v in node for x in _leaves(v)]
    return [node]


def test_refuses_to_overwrite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("precious\n", encoding="utf-8")
    with pytest.raises(ResultsError) as error:
        write_results(path, results(monkeypatch))
    message = str(error.value)
    assert "\n" not in message and str(path) in message and "--overwrite" in message
    assert path.read_text(encoding="utf-8") == "precious\n"
    write_results(path, results(monkeypatch), overwrite=True)
    assert read_results(path).metrics.tp > 0
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary files left


def test_a_failed_write_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("old\n", encoding="utf-8")

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_results(path, results(monkeypatch), overwrite=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "invalid JSON at line 1"),
    ('{"schema_version": "1.0"}', ": /: "),
])
def test_read_errors_are_one_line(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError) as error:
        read_results(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)
    assert expected in str(error.value)
    with pytest.raises(ResultsError, match="file not found"):
        read_results(tmp_path / "missing.json")


def test_read_errors_name_the_json_path(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    data = json.loads(dumps_results(results(monkeypatch)))
    data["predictions"][0]["reason"] = "felt right"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResultsError, match=r"/predictions/0/reason: .*felt right"):
        read_results(path)


def test_compare_refuses_different_gold(monkeypatch: pytest.MonkeyPatch) -> None:
    a = results(monkeypatch)
    b = results(monkeypatch, gold_as_predictions(gold()))
    comparison = compare_results(a, b, samples=300)
    by_metric = {row.metric: row for row in comparison.differences}
    assert by_metric["recall"].difference > 0 and by_metric["recall"].p_value < 0.05
    from dataclasses import replace

    other = replace(b, dataset=replace(b.dataset, sha256="f" * 64))
    with pytest.raises(IncomparableResults, match="sha256"):
        compare_results(a, other)
    assert compare_results(a, other, samples=50, force=True).differences


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def annotations(tmp_path: Path) -> Path:
    """The shipped document with the table's gold (independent of the shipped gold)."""
    root = tmp_path / "annotations"
    folder = root / "documents" / DOCUMENT_ID
    folder.mkdir(parents=True)
    shipped = annotations_dir() / "documents" / DOCUMENT_ID
    for name in ("document.json", "text.txt"):
        shutil.copyfile(shipped / name, folder / name)
    (folder / "gold.json").write_text(json.dumps(gold().to_dict(), ensure_ascii=False),
                                      encoding="utf-8")
    (root / "dataset.json").write_text(json.dumps({
        "schema_version": "1.0", "name": "table", "version": "0.0.1",
        "documents": [{"id": DOCUMENT_ID, "path": f"documents/{DOCUMENT_ID}"}]}),
        encoding="utf-8")
    return root


def write_predictions(path: Path, made: list[Prediction]) -> Path:
    path.write_text(dump_prediction_lines(made), encoding="utf-8")
    return path


def test_bench_score_writes_results(annotations: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = write_predictions(tmp_path / "mine.jsonl", predictions())
    out = tmp_path / "results.json"
    assert main(["score", str(source), "--output", str(out), "--annotations",
                 str(annotations)]) == 0
    printed = capsys.readouterr().out
    assert "precision" in printed and "95% CI" in printed and "false positives" in printed
    assert "missed facts" in printed
    written = read_results(out)
    assert written.extractor is not None and written.extractor.name == "mine"
    assert written.run.errors == ()
    # A second run refuses to overwrite, then replaces with --overwrite.
    assert main(["score", str(source), "-o", str(out), "--annotations", str(annotations)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main(["score", str(source), "-o", str(out), "--overwrite", "--name", "n",
                 "--version", "2", "--annotations", str(annotations)]) == 0
    assert read_results(out).extractor == ExtractorInfo("n", "2", str(source))


def test_bench_score_rejects_bad_predictions(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document_id": "x", "subject": "a"}\n{oops\n', encoding="utf-8")
    assert main(["score", str(bad)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}: /line/1")
    assert lines[1].startswith(f"{bad}: /line/2: invalid JSON")
    assert all(line.endswith(")") for line in lines)  # every error says how to fix it


def test_bench_score_rejects_unknown_documents_and_spans_outside_the_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The checks `bench validate` makes, with file line numbers (blank lines counted)."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document_id": "nope", "statement": "x"}\n\n'
                   '{"document_id": "cnn-2013-02-mali-offensive", "statement": "x", '
                   '"evidence": [{"start": 0, "end": 99999}]}\n', encoding="utf-8")
    out = tmp_path / "results.json"
    assert main(["score", str(bad), "--output", str(out)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith(f"{bad}: /line/1/document_id: unknown document 'nope'")
    assert lines[1].startswith(f"{bad}: /line/3/evidence/0/end: ")
    assert not out.exists()


def test_bench_compare(annotations: Path, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    main(["score", str(write_predictions(tmp_path / "a.jsonl", predictions())), "-o", str(a),
          "--annotations", str(annotations)])
    main(["score", str(write_predictions(tmp_path / "b.jsonl", gold_as_predictions(gold()))),
          "-o", str(b), "--annotations", str(annotations)])
    capsys.readouterr()
    assert main(["compare", str(a), str(b), "--samples", "500"]) == 0
    out = capsys.readouterr().out
    assert "paired bootstrap" in out and "recall" in out
    exact = tmp_path / "exact.json"
    main(["score", str(tmp_path / "b.jsonl"), "-o", str(exact), "--matcher", "exact",
          "--annotations", str(annotations)])
    capsys.readouterr()
    assert main(["compare", str(a), str(exact)]) == 2
    err = capsys.readouterr().err
    assert "different matcher" in err and "--force" in err and err[-1] == "\n"
    assert main(["compare", str(a), str(exact), "--force", "--samples", "100"]) == 0


def test_byte_identical_across_processes(annotations: Path, tmp_path: Path) -> None:
    """Same inputs, SOURCE_DATE_EPOCH set, different hash seeds: the same bytes."""
    source = write_predictions(tmp_path / "p.jsonl", predictions())
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.json"
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "benchmark", "score", str(source), "-o", str(out),
                        "--annotations", str(annotations)], check=True, env=env,
                       capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_report_uses_rich_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from benchmark.results.report import print_report, report_lines

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    built = results(monkeypatch)
    plain, terminal = io.StringIO(), Terminal()
    print_report(built, fixture_dataset(), plain)
    print_report(built, fixture_dataset(), terminal)
    assert plain.getvalue().splitlines() == report_lines(built, fixture_dataset())
    assert "┃" in terminal.getvalue() and "precision" in terminal.getvalue()
    assert "┃" not in plain.getvalue()

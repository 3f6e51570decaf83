"""--command: a program speaking JSON lines, run inside the isolated workers."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest
from extractors.fixture_data import EXTRACTORS, make_annotations

from benchmark.data.loading import load_dataset
from benchmark.extractors.resolution import command_spec
from benchmark.model.dataset import Dataset
from benchmark.run.errors import FatalRunError
from benchmark.run.runner import RunOptions, run_extractor

pytestmark = pytest.mark.slow
PROGRAM = EXTRACTORS / "command_extractor.py"


def _command(mode: str = "") -> str:
    return " ".join(shlex.quote(p) for p in (sys.executable, str(PROGRAM), mode) if p)


def _dataset(tmp_path: Path, ids: list[str]) -> Dataset:
    documents = {i: [f"Heading {i}", "The judge dismissed the case."] for i in ids}
    return load_dataset(make_annotations(tmp_path / "a", documents))


@pytest.mark.parametrize("mode", ["", "wrapped"])
def test_one_json_line_per_document(tmp_path: Path, mode: str) -> None:
    dataset = _dataset(tmp_path, ["doc-a", "doc-b"])
    outcome = run_extractor(command_spec(_command(mode)), dataset.documents)
    assert outcome.errors == ()
    assert [(p.subject, p.object) for p in outcome.predictions] == [
        ("Heading", "doc-a"), ("Heading", "doc-b"),
    ]


def test_a_non_json_answer_is_an_error_for_that_document_only(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a", "doc-bad", "doc-c"])
    outcome = run_extractor(command_spec(_command("garbage")), dataset.documents)
    assert [(e.document_id, e.kind) for e in outcome.errors] == [("doc-bad", "invalid_output")]
    assert "this is not json" in outcome.errors[0].message
    assert [p.object for p in outcome.predictions] == ["doc-a", "doc-c"]


def test_a_program_exiting_non_zero_stops_the_run_with_its_status_and_stderr(
    tmp_path: Path,
) -> None:
    dataset = _dataset(tmp_path, ["doc-a"])
    with pytest.raises(FatalRunError) as caught:
        run_extractor(command_spec(_command("fail")), dataset.documents)
    message = str(caught.value)
    assert "exited with status 3" in message
    assert "cannot load the model" in message
    assert "\n" not in message


def test_a_missing_program_stops_the_run(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a"])
    with pytest.raises(FatalRunError, match="cannot start"):
        run_extractor(command_spec("/nonexistent/extractor-program"), dataset.documents)


def test_command_version_is_part_of_the_cache_key(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a"])
    cache = tmp_path / "cache"
    one = command_spec(_command(), version="1")
    two = command_spec(_command(), version="2")
    run_extractor(one, dataset.documents, RunOptions(cache_dir=cache))
    assert run_extractor(two, dataset.documents,
                         RunOptions(cache_dir=cache, resume=True)).cached_documents == 0
    assert run_extractor(one, dataset.documents,
                         RunOptions(cache_dir=cache, resume=True)).cached_documents == 1


def test_a_hanging_program_times_out_and_a_fresh_one_serves_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "hang.pid"
    monkeypatch.setenv("HANG_PID_FILE", str(pid_file))
    dataset = _dataset(tmp_path, ["doc-a", "doc-hang", "doc-c"])
    outcome = run_extractor(command_spec(_command("hang")), dataset.documents,
                            RunOptions(timeout=1.0))
    assert [(e.document_id, e.kind) for e in outcome.errors] == [("doc-hang", "timeout")]
    assert [p.object for p in outcome.predictions] == ["doc-a", "doc-c"]
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # the stuck program did not outlive its worker
        os.kill(pid, 0)

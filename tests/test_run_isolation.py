"""The runner isolates crashes, hangs and noisy extractors, and keeps document order."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from extractors.fixture_data import EXTRACTORS, make_annotations

from benchmark.data.loading import load_dataset
from benchmark.extractors.resolution import ExtractorSpec, resolve
from benchmark.model.dataset import Dataset
from benchmark.run.errors import FatalRunError
from benchmark.run.runner import RunOptions, run_extractor

pytestmark = pytest.mark.slow


def _dataset(tmp_path: Path, ids: list[str]) -> Dataset:
    documents = {
        i: [f"Title {i}", f"The clerk number{n} filed report{n}."] for n, i in enumerate(ids)
    }
    return load_dataset(make_annotations(tmp_path / "annotations", documents))


def _file(name: str) -> ExtractorSpec:
    return resolve(str(EXTRACTORS / f"{name}.py"))


def test_exception_and_hard_crash_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-raise", "doc-crash-hard", "doc-fine"])
    outcome = run_extractor(_file("crashing"), dataset.documents, RunOptions(timeout=30))
    kinds = {(e.document_id, e.kind) for e in outcome.errors}
    assert kinds == {("doc-raise", "exception"), ("doc-crash-hard", "crash")}
    raised = next(e for e in outcome.errors if e.kind == "exception")
    assert "ValueError: boom in the extractor" in raised.message
    assert "crashing.py" in raised.message
    assert [p.document_id for p in outcome.predictions] == ["doc-fine"]


def test_a_hanging_document_times_out_and_later_documents_still_run(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a", "doc-hang", "doc-b", "doc-c"])
    started = time.monotonic()
    outcome = run_extractor(_file("hanging"), dataset.documents, RunOptions(timeout=1.0))
    assert time.monotonic() - started < 20
    assert [(e.document_id, e.kind) for e in outcome.errors] == [("doc-hang", "timeout")]
    assert [p.document_id for p in outcome.predictions] == ["doc-a", "doc-b", "doc-c"]
    assert [p.index for p in outcome.predictions] == [0, 1, 2]


def test_fail_fast_stops_at_the_first_error(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-raise", "doc-fine"])
    with pytest.raises(FatalRunError, match="exception"):
        run_extractor(_file("crashing"), dataset.documents, RunOptions(fail_fast=True))


def test_stdout_noise_does_not_corrupt_the_protocol(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a", "doc-b"])
    outcome = run_extractor(_file("garbage_printing"), dataset.documents)
    assert outcome.errors == ()
    assert [p.object for p in outcome.predictions] == ["garbage", "garbage"]


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, [f"doc-{n}" for n in range(6)])
    one = run_extractor(_file("crashing"), dataset.documents, RunOptions(jobs=1))
    three = run_extractor(_file("crashing"), dataset.documents, RunOptions(jobs=3))
    assert one.predictions == three.predictions
    assert one.errors == three.errors
    assert len(one.predictions) == 6


def test_class_extractor_setup_name_version_and_generator(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a"])
    spec = resolve(f"{EXTRACTORS / 'class_based.py'}:CountingExtractor")
    outcome = run_extractor(spec, dataset.documents)
    assert (outcome.extractor_name, outcome.extractor_version) == ("counting", "2.1")
    text = dataset.documents[0].text
    assert [p.statement for p in outcome.predictions] == [
        f"Document doc-a has {len(text)} characters."
    ]


def test_cache_is_reused_only_with_resume(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a", "doc-b"])
    cache = tmp_path / "cache"
    spec = _file("garbage_printing")
    first = run_extractor(spec, dataset.documents, RunOptions(cache_dir=cache))
    assert first.cached_documents == 0
    files = sorted(cache.rglob("*.json"))
    assert [f.stem for f in files] == sorted(d.computed_sha256() for d in dataset.documents)
    for path in files:  # a resumed run must read the cache, not rerun the extractor
        path.write_text('[{"statement": "from the cache"}]', encoding="utf-8")
    resumed = run_extractor(spec, dataset.documents, RunOptions(cache_dir=cache, resume=True))
    assert resumed.cached_documents == 2
    assert [p.statement for p in resumed.predictions] == ["from the cache"] * 2
    fresh = run_extractor(spec, dataset.documents, RunOptions(cache_dir=cache))
    assert [p.object for p in fresh.predictions] == ["garbage", "garbage"]


def test_cache_key_changes_with_the_extractor_version(tmp_path: Path) -> None:
    from benchmark.run.cache import PredictionCache

    one = PredictionCache(tmp_path, "x", "1")
    two = PredictionCache(tmp_path, "x", "2")
    other = PredictionCache(tmp_path, "y", "1")
    assert len({one.directory, two.directory, other.directory}) == 3


def test_failures_are_not_cached_so_resume_retries_them(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-raise", "doc-fine"])
    cache = tmp_path / "cache"
    run_extractor(_file("crashing"), dataset.documents, RunOptions(cache_dir=cache))
    cached = list(cache.rglob("*.json"))
    assert [p.stem for p in cached] == [dataset.document("doc-fine").computed_sha256()]


def test_setup_failure_stops_the_run_with_its_message(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a"])
    spec = resolve(f"{EXTRACTORS / 'failing_setup.py'}:FailingSetup")
    with pytest.raises(FatalRunError, match="OSError: model weights not found"):
        run_extractor(spec, dataset.documents)


def test_ten_thousand_facts_cross_the_pipe_and_are_truncated(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-a"])
    outcome = run_extractor(_file("many_facts"), dataset.documents, RunOptions(max_facts=1000))
    assert len(outcome.predictions) == 1000
    assert [(e.kind, e.json_path) for e in outcome.errors] == [("truncated", "/facts/1000")]


def test_output_that_is_not_json_is_an_error_for_that_document(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path, ["doc-set", "doc-ok"])
    outcome = run_extractor(_file("wrong_types"), dataset.documents)
    assert [(e.document_id, e.kind) for e in outcome.errors] == [
        ("doc-set", "invalid_output"), ("doc-ok", "invalid_fact"),
    ]
    assert "not JSON" in outcome.errors[0].message
    assert [p.statement for p in outcome.predictions] == ["Also valid."]

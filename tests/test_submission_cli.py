"""``bench submit``: a submission folder from a run's results, checked like any other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_check_regression import GOOD, PARTIAL, add_submission, bench

from benchmark.leaderboard.submitting import slugify


def write_run(
    root: Path,
    name: str,
    predictions: list[dict[str, object]],
    matcher: str = "lenient",
    extractor: str | None = None,
) -> Path:
    """A run folder as bench evaluate leaves it: results.json beside predictions.jsonl."""
    from benchmark.data.loading import load_dataset
    from benchmark.model.prediction import Prediction
    from benchmark.results import ExtractorInfo, build_results, write_results
    from benchmark.scoring import score_predictions

    dataset = load_dataset(root / "annotations")
    parsed = [Prediction.from_dict(p, index=i) for i, p in enumerate(predictions)]
    scoring = score_predictions(dataset, parsed, matcher=matcher)
    info = None if extractor is None else ExtractorInfo(extractor, "0.3.1", "entry point")
    results = build_results(scoring, dataset, matcher, extractor=info)
    run = root / "runs" / name
    run.mkdir(parents=True)
    (run / "predictions.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8"
    )
    return write_results(run / "results.json", results)


@pytest.fixture
def root(mini_annotations: Path) -> Path:
    return mini_annotations.parent


def test_submit_writes_a_folder_that_bench_check_accepts(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = write_run(root, "mine", PARTIAL)
    code = bench(
        "submit",
        str(results),
        "--name",
        "My System",
        "--kind",
        "LLM",
        "--authors",
        "Ada",
        "Grace",
        "--url",
        "https://example.org/mine",
        "--date",
        "2026-01-02",
        "--root",
        str(root),
    )
    assert code == 0, capsys.readouterr()
    folder = root / "submissions" / "my-system"
    assert sorted(p.name for p in folder.iterdir()) == ["metadata.json", "predictions.jsonl"]
    assert (
        folder.joinpath("predictions.jsonl").read_bytes()
        == (results.parent / "predictions.jsonl").read_bytes()
    )
    metadata = json.loads(folder.joinpath("metadata.json").read_text(encoding="utf-8"))
    assert metadata["authors"] == ["Ada", "Grace"]
    assert metadata["kind"] == "LLM"
    assert metadata["dataset"]["version"] == "0.1.0"
    from benchmark.matching.registry import get_matcher

    assert metadata["matcher"] == {"name": "lenient", "version": get_matcher("lenient").version}
    assert metadata["scores"]["predicted"] == 2
    assert metadata["scores"]["true_positives"] == 1
    assert metadata["scores"]["recall"] == 0.5  # 1 of the 2 required mini facts
    assert bench("check", "--root", str(root), "--update") == 1  # page not generated yet
    assert bench("leaderboard", "--root", str(root)) == 0
    assert bench("check", "--root", str(root)) == 0


def test_submit_without_a_predictions_file_uses_the_recorded_predictions(root: Path) -> None:
    results = write_run(root, "scored", GOOD)
    (results.parent / "predictions.jsonl").unlink()
    assert (
        bench(
            "submit",
            str(results),
            "--name",
            "Scored",
            "--kind",
            "neural",
            "--authors",
            "A",
            "--root",
            str(root),
        )
        == 0
    )
    lines = (root / "submissions" / "scored" / "predictions.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["statement"] for line in lines.splitlines()] == [
        p["statement"] for p in GOOD
    ]


def test_a_shipped_baseline_defaults_its_kind_and_authors(root: Path) -> None:
    results = write_run(root, "rules", PARTIAL, extractor="rules")
    assert bench("submit", str(results), "--name", "Rules", "--root", str(root)) == 0
    metadata = json.loads(
        (root / "submissions" / "rules" / "metadata.json").read_text(encoding="utf-8")
    )
    assert (metadata["kind"], metadata["authors"], metadata["version"]) == (
        "baseline",
        ["extractbench contributors"],
        "0.3.1",
    )


def test_other_systems_must_say_their_kind(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = write_run(root, "x", PARTIAL)
    capsys.readouterr()
    assert bench("submit", str(results), "--name", "X", "--root", str(root)) == 1
    assert capsys.readouterr().err == (
        "bench submit: pass --kind (rule-based, neural, LLM, human or baseline)\n"
    )
    assert not (root / "submissions" / "x").exists()


def test_a_run_scored_with_another_matcher_is_refused(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = write_run(root, "exact", PARTIAL, matcher="exact")
    capsys.readouterr()
    assert (
        bench(
            "submit",
            str(results),
            "--name",
            "Exact",
            "--kind",
            "LLM",
            "--authors",
            "A",
            "--root",
            str(root),
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "/matcher/name: scored with 'exact', the leaderboard uses 'lenient'" in err
    assert not (root / "submissions").exists() or not any((root / "submissions").iterdir())


def test_an_existing_folder_is_kept_unless_replace_is_given(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_submission(root, "mine", "Mine", "LLM", GOOD)
    before = (root / "submissions" / "mine" / "metadata.json").read_bytes()
    results = write_run(root, "mine", PARTIAL)
    args = [
        "submit",
        str(results),
        "--name",
        "Mine",
        "--kind",
        "LLM",
        "--authors",
        "A",
        "--root",
        str(root),
    ]
    capsys.readouterr()
    assert bench(*args) == 1
    assert "already exists (pass --replace to overwrite it)" in capsys.readouterr().err
    assert (root / "submissions" / "mine" / "metadata.json").read_bytes() == before
    assert bench(*args, "--replace") == 0
    metadata = json.loads(
        (root / "submissions" / "mine" / "metadata.json").read_text(encoding="utf-8")
    )
    assert metadata["scores"]["predicted"] == 2 and metadata["scores"]["true_positives"] == 1
    assert sorted(p.name for p in (root / "submissions").iterdir()) == ["mine"]


def test_a_duplicate_name_is_refused_and_nothing_is_left_behind(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_submission(root, "first", "Same Name", "LLM", GOOD)
    results = write_run(root, "second", PARTIAL)
    capsys.readouterr()
    code = bench(
        "submit",
        str(results),
        "--name",
        "same name",
        "--slug",
        "second",
        "--kind",
        "LLM",
        "--authors",
        "A",
        "--root",
        str(root),
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "system name 'same name' is already used by submissions/first" in captured.out
    assert sorted(p.name for p in (root / "submissions").iterdir()) == ["first"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("GPT-4o (zero-shot)", "gpt-4o-zero-shot"),
        ("Ünïcode  Sÿstem", "unicode-system"),
        ("x" * 80, "x" * 60),
        ("日本語", ""),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_replacement_that_fails_its_check_restores_the_old_folder(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_submission(root, "first", "Taken Name", "LLM", GOOD)
    add_submission(root, "mine", "Mine", "LLM", GOOD)
    before = {p.name: p.read_bytes() for p in (root / "submissions" / "mine").iterdir()}
    results = write_run(root, "mine", PARTIAL)
    code = bench(
        "submit",
        str(results),
        "--name",
        "taken name",
        "--slug",
        "mine",
        "--kind",
        "LLM",
        "--authors",
        "A",
        "--root",
        str(root),
        "--replace",
    )
    assert code == 1
    assert {p.name: p.read_bytes() for p in (root / "submissions" / "mine").iterdir()} == before
    assert sorted(p.name for p in (root / "submissions").iterdir()) == ["first", "mine"]

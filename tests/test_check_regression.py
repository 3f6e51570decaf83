"""``bench check`` and ``bench leaderboard`` end to end, on a small repository built in a temp dir.

The repository has the mini annotations (tests/conftest.py), three submissions whose claims
come from the real scoring stack, a snapshot made by ``bench check --update`` and the pages made
by ``bench leaderboard``; each test then breaks one thing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_leaderboard_support import metadata_dict

from benchmark.cli.main import main
from benchmark.leaderboard.policy import SubmissionPolicy
from benchmark.leaderboard.scores import Scores

HOSTILE = "<img src=x onerror=alert(1)>|[x](javascript:y)"
MINI = "mini-doc"

GOOD = [
    {"document_id": MINI, "statement": "French troops killed dozens of fighters in Gao."},
    {"document_id": MINI, "statement": "The minister spoke about Gao."},
]
PARTIAL = [
    {"document_id": MINI, "statement": "French troops killed dozens of fighters in Gao."},
    {"document_id": MINI, "statement": "Gao is a city in Mali with a famous mosque."},
]
WRONG = [{"document_id": MINI, "statement": "Paris hosted the Olympic Games in 1924."}]


def _claimed(root: Path, predictions: list[dict[str, object]]) -> Scores:
    from benchmark.data.loading import load_dataset
    from benchmark.model.prediction import Prediction
    from benchmark.scoring import score_predictions

    parsed = [Prediction.from_dict(p, index=i) for i, p in enumerate(predictions)]
    metrics = score_predictions(load_dataset(root / "annotations"), parsed).metrics
    return Scores(
        metrics.precision,
        metrics.recall,
        metrics.f1,
        metrics.tp,
        metrics.fp,
        metrics.fn,
        len(parsed),
    )


def add_submission(
    root: Path, slug: str, name: str, kind: str, predictions: list[dict[str, object]]
) -> Path:
    folder = root / "submissions" / slug
    folder.mkdir(parents=True)
    lines = "".join(json.dumps(p, sort_keys=True) + "\n" for p in predictions)
    (folder / "predictions.jsonl").write_text(lines, encoding="utf-8")
    metadata = metadata_dict(
        name=name,
        kind=kind,
        dataset={"name": "mini", "version": "0.1.0"},
        scores=_claimed(root, predictions).to_dict(),
    )
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return folder


def bench(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def repo(tmp_path: Path, mini_annotations: Path) -> Path:
    root = mini_annotations.parent
    (root / "CHANGELOG.md").write_text("# Changelog\n", encoding="utf-8")
    add_submission(root, "human", "Second annotator", "human", GOOD)
    add_submission(root, "partial", "Partial system", "LLM", PARTIAL)
    add_submission(root, "wrong", "Wrong baseline", "baseline", WRONG)
    assert bench("check", "--root", str(root), "--update") == 1  # pages not generated yet
    assert bench("leaderboard", "--root", str(root)) == 0
    return root


def check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = bench("check", "--root", str(root), *extra)
    return code, capsys.readouterr().out.splitlines()


def problem_lines(lines: list[str]) -> list[str]:
    """The one-line problems, without notes and diff lines."""
    return [line for line in lines if ": /" in line and not line.startswith(("+", "-", " "))]


def test_a_consistent_repository_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(repo, capsys)
    assert code == 0, lines
    page = (repo / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert "| 1 | Partial system | 0.500" in page
    assert "Second annotator *(human, agreement ceiling)*" in page


def test_tampering_with_one_prediction_line_fails_and_names_the_submission(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "submissions" / "partial" / "predictions.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = json.dumps({"document_id": MINI, "statement": "Nothing happened in Gao."}) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    code, out = check(repo, capsys)
    assert code == 1
    problems = problem_lines(out)
    assert any(
        p.startswith(
            "submissions/partial/metadata.json: /scores: submissions/partial claims scores"
        )
        for p in problems
    ), problems
    assert any(
        p.startswith(
            "leaderboard/snapshot.json: /submissions/partial: submissions/"
            "partial re-scored differently"
        )
        for p in problems
    ), problems
    assert all("human" not in p and "wrong" not in p for p in problems)


def test_tampered_claims_alone_fail(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "submissions" / "wrong" / "metadata.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["scores"]["precision"] = 1.0
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out = check(repo, capsys)
    assert code == 1
    assert problem_lines(out) == [
        "submissions/wrong/metadata.json: /scores: submissions/wrong claims scores its "
        "predictions do not give (claimed -> recomputed: precision 1.0000 -> 0.0000) "
        "(regenerate the folder with `bench submit` from the run that made the predictions)"
    ]


def test_the_hostile_name_comes_out_inert(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / "submissions" / "partial" / "metadata.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["name"] = HOSTILE
    path.write_text(json.dumps(data), encoding="utf-8")
    assert bench("leaderboard", "--root", str(repo)) == 0
    page = (repo / "LEADERBOARD.md").read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "<img" not in page and "](javascript" not in page
    assert r"&lt;img src=x onerror=alert\(1\)&gt;\|\[x\]\(javascript:y\)" in page
    assert check(repo, capsys)[0] == 0  # a renamed system moves no score


@pytest.mark.parametrize("problem", ["symlink", "oversized", "dotdot", "duplicate"])
def test_each_bad_submission_is_rejected_with_one_line(
    repo: Path, capsys: pytest.CaptureFixture[str], problem: str
) -> None:
    submissions = repo / "submissions"
    if problem == "symlink":
        (repo / "secret.txt").write_text("not a prediction\n", encoding="utf-8")
        target = submissions / "partial" / "predictions.jsonl"
        target.unlink()
        target.symlink_to("../../secret.txt")
        expected = "submissions/partial/predictions.jsonl: /: symlinks are not allowed"
    elif problem == "oversized":
        target = submissions / "partial" / "predictions.jsonl"
        line = json.dumps(PARTIAL[0]) + "\n"
        limit = SubmissionPolicy().max_predictions_bytes
        target.write_text(line * (limit // len(line) + 1), encoding="utf-8")
        expected = "submissions/partial/predictions.jsonl: /: "
    elif problem == "dotdot":
        shutil.copytree(submissions / "partial", repo / "outside")
        (submissions / "escape").symlink_to("../outside", target_is_directory=True)
        expected = "submissions/escape: /: symlinks are not allowed"
    else:
        add_submission(repo, "partial-copy", "PARTIAL  system", "LLM", PARTIAL)
        expected = (
            "submissions/partial-copy/metadata.json: /name: system name 'PARTIAL  "
            "system' is already used by submissions/partial"
        )
    code, out = check(repo, capsys)
    assert code == 1
    submission_problems = [p for p in problem_lines(out) if p.startswith("submissions/")]
    assert len(submission_problems) == 1, out
    assert submission_problems[0].startswith(expected)


def test_submit_refuses_a_slug_that_escapes_the_folder(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = bench(
        "submit",
        str(repo / "no-results.json"),
        "--name",
        "X",
        "--slug",
        "../escape",
        "--root",
        str(repo),
    )
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "../escape" in err[0] and "slug" in err[0]
    assert not (repo / "escape").exists()


def test_regenerating_the_leaderboard_twice_gives_identical_bytes(repo: Path) -> None:
    files = ["LEADERBOARD.md", "leaderboard/pr_scatter.svg"]
    first = {f: (repo / f).read_bytes() for f in files}
    (repo / "LEADERBOARD.md").unlink()
    (repo / "leaderboard" / "pr_scatter.svg").unlink()
    assert bench("leaderboard", "--root", str(repo)) == 0
    assert {f: (repo / f).read_bytes() for f in files} == first
    assert bench("leaderboard", "--root", str(repo)) == 0
    assert {f: (repo / f).read_bytes() for f in files} == first


def test_a_hand_edited_leaderboard_fails_with_a_diff(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = repo / "LEADERBOARD.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Partial system", "Best system"), encoding="utf-8"
    )
    code, out = check(repo, capsys)
    assert code == 1
    assert (
        "LEADERBOARD.md: /: differs from what `bench leaderboard` writes (run `bench "
        "leaderboard` and commit the result)" in out
    )
    assert "--- LEADERBOARD.md (committed)" in out
    assert any(line.startswith("-") and "Best system" in line for line in out)
    assert any(line.startswith("+") and "Partial system" in line for line in out)


def test_update_moves_the_snapshot_and_records_old_and_new_scores(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = repo / "annotations"
    gold_path = annotations / "documents" / MINI / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for fact in gold["facts"]:
        if fact["id"] == "f003":
            fact["required"] = False  # one fewer required fact: every recall moves
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8")
    index = json.loads((annotations / "dataset.json").read_text(encoding="utf-8"))
    index["version"] = "0.2.0"
    (annotations / "dataset.json").write_text(json.dumps(index), encoding="utf-8")
    snapshot_before = (repo / "leaderboard" / "snapshot.json").read_text(encoding="utf-8")

    code, out = check(repo, capsys)
    assert code == 1
    assert any("/dataset/version: dataset mini 0.1.0 -> mini 0.2.0" in line for line in out)
    assert any(
        "/submissions/partial: submissions/partial re-scored differently" in line for line in out
    )

    code, out = check(repo, capsys, "--update")
    snapshot = json.loads((repo / "leaderboard" / "snapshot.json").read_text(encoding="utf-8"))
    assert snapshot["dataset"]["version"] == "0.2.0"
    assert snapshot["submissions"]["partial"]["recall"] == 1.0
    assert json.loads(snapshot_before)["submissions"]["partial"]["recall"] == 0.5
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "dataset mini 0.1.0 → mini 0.2.0" in changelog
    assert "| partial | 0.5000 | 0.5000 → 1.0000 | 0.5000 → 0.6667 | 2 | moved |" in changelog
    assert code == 1  # the page still shows the old numbers until it is regenerated
    assert problem_lines(out) == [
        "LEADERBOARD.md: /: differs from what `bench leaderboard` writes "
        "(run `bench leaderboard` and commit the result)",
        "leaderboard/pr_scatter.svg: /: differs from what `bench leaderboard` writes "
        "(run `bench leaderboard` and commit the result)",
    ]
    assert bench("leaderboard", "--root", str(repo)) == 0
    assert check(repo, capsys)[0] == 0
    entries_before = changelog.count("### Published scores")
    code, out = check(repo, capsys, "--update")
    assert code == 0
    assert "already up to date" in out[0]
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.count("### Published scores") == entries_before


def test_a_new_submission_must_be_published_with_update(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_submission(repo, "newcomer", "Newcomer", "neural", PARTIAL[:1])
    code, out = check(repo, capsys)
    assert code == 1
    assert (
        "leaderboard/snapshot.json: /submissions/newcomer: submissions/newcomer is not in "
        "the snapshot yet (run `bench check --update` to publish it)" in out
    )


def test_update_refuses_while_a_submission_is_broken(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "submissions" / "partial" / "notes.txt").write_text("hi", encoding="utf-8")
    before = (repo / "leaderboard" / "snapshot.json").read_bytes()
    code, out = check(repo, capsys, "--update")
    assert code == 1
    assert any("not updated while submissions have problems" in line for line in out)
    assert (repo / "leaderboard" / "snapshot.json").read_bytes() == before


def test_broken_annotations_are_reported_before_anything_else(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "annotations" / "documents" / MINI / "gold.json").write_text("{", encoding="utf-8")
    code, out = check(repo, capsys)
    assert code == 1
    assert len(out) == 1 and "gold.json" in out[0] and "invalid JSON" in out[0]


def test_a_plot_drawn_by_another_matplotlib_is_noted_not_failed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = repo / "leaderboard" / "pr_scatter.svg"
    data = svg.read_bytes()
    assert b"<!-- drawn with matplotlib " in data[:200]
    other = data.replace(b"<!-- drawn with matplotlib ", b"<!-- drawn with matplotlib 0.0.1-", 1)
    svg.write_bytes(other.replace(b"Precision", b"Precisian"))
    code, out = check(repo, capsys)
    assert code == 0
    assert any(
        line.startswith("leaderboard/pr_scatter.svg: not compared: drawn with matplotlib 0.0.1-")
        for line in out
    )


def test_a_plot_from_the_same_matplotlib_must_match_byte_for_byte(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = repo / "leaderboard" / "pr_scatter.svg"
    svg.write_bytes(svg.read_bytes().replace(b"#0072b2", b"#ff0000"))
    code, out = check(repo, capsys)
    assert code == 1
    assert problem_lines(out) == [
        "leaderboard/pr_scatter.svg: /: differs from what `bench leaderboard` writes "
        "(run `bench leaderboard` and commit the result)"
    ]
    assert "--- leaderboard/pr_scatter.svg (committed)" in out


def test_claims_under_another_matcher_version_are_history_guarded_by_the_snapshot(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / "submissions" / "wrong" / "metadata.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["matcher"]["version"] = "0.9.0"
    data["scores"]["precision"] = 1.0  # a claim made under the old matcher is not re-checked
    path.write_text(json.dumps(data), encoding="utf-8")
    assert check(repo, capsys)[0] == 0
    predictions = repo / "submissions" / "wrong" / "predictions.jsonl"
    predictions.write_text(json.dumps(GOOD[0]) + "\n", encoding="utf-8")
    code, out = check(repo, capsys)  # but its published score is still pinned
    assert code == 1
    assert any(
        p.startswith("leaderboard/snapshot.json: /submissions/wrong: ") for p in problem_lines(out)
    )


def test_leaderboard_stdout_prints_the_page_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = repo / "LEADERBOARD.md"
    expected = page.read_text(encoding="utf-8")
    page.unlink()
    capsys.readouterr()
    assert bench("leaderboard", "--root", str(repo), "--stdout") == 0
    assert capsys.readouterr().out == expected
    assert not page.exists()


def test_leaderboard_refuses_to_write_while_a_submission_is_broken(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "submissions" / "wrong" / "predictions.jsonl").write_text("{oops\n", encoding="utf-8")
    before = (repo / "LEADERBOARD.md").read_bytes()
    capsys.readouterr()
    assert bench("leaderboard", "--root", str(repo)) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("submissions/wrong/predictions.jsonl: /line/1: invalid JSON")
    assert "nothing written" in captured.err
    assert (repo / "LEADERBOARD.md").read_bytes() == before


def test_leaderboard_stdout_keeps_problem_lines_out_of_the_page(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_submission(repo, "copy", HOSTILE, "LLM", PARTIAL)
    add_submission(repo, "copy-2", HOSTILE, "LLM", PARTIAL)
    capsys.readouterr()
    assert bench("leaderboard", "--root", str(repo), "--stdout") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "is already used by submissions/copy" in captured.err

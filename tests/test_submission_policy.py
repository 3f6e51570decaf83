"""The submission folder policy: every problem is rejected with exactly one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_leaderboard_support import (
    DOCUMENT_ID,
    metadata_dict,
    prediction_line,
    write_submission,
)

from benchmark.leaderboard.policy import (
    SubmissionPolicy,
    inspect_submissions,
    relative_inside,
)

DOCS = frozenset({DOCUMENT_ID})


def _lines(submissions: Path, policy: SubmissionPolicy | None = None) -> list[str]:
    return [str(i) for i in inspect_submissions(submissions, DOCS, policy).issues]


def test_well_formed_submissions_pass_and_are_read(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    write_submission(submissions, "alpha")
    write_submission(submissions, "beta")
    inspection = inspect_submissions(submissions, DOCS)
    assert inspection.issues == ()
    assert [s.slug for s in inspection.submissions] == ["alpha", "beta"]
    assert inspection.submissions[0].metadata.name == "System alpha"
    assert inspection.submissions[0].metadata.claimed.predicted == 2


def test_a_symlink_is_rejected_with_one_line(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    folder = write_submission(submissions, "alpha")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "predictions.jsonl").unlink()
    (folder / "predictions.jsonl").symlink_to("../../secret.txt")
    lines = _lines(submissions)
    assert lines == [
        "submissions/alpha/predictions.jsonl: /: symlinks are not allowed "
        "(commit the file itself, not a link)"
    ]


def test_a_symlinked_submission_folder_is_rejected_with_one_line(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    write_submission(tmp_path / "elsewhere", "real")
    submissions.mkdir()
    (submissions / "linked").symlink_to(tmp_path / "elsewhere" / "real")
    lines = _lines(submissions)
    assert len(lines) == 1
    assert lines[0].startswith("submissions/linked: /: symlinks are not allowed")


def test_an_oversized_file_is_rejected_with_one_line(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    line = prediction_line()
    limit = SubmissionPolicy().max_predictions_bytes
    write_submission(submissions, "alpha", predictions=line * (limit // len(line) + 1))
    lines = _lines(submissions)
    assert len(lines) == 1
    assert lines[0].startswith("submissions/alpha/predictions.jsonl: /: ")
    assert f"over the {limit}-byte limit" in lines[0]


def test_the_size_limit_is_inclusive(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    content = prediction_line()
    write_submission(submissions, "alpha", predictions=content)
    size = len(content.encode("utf-8"))
    assert _lines(submissions, SubmissionPolicy(max_predictions_bytes=size)) == []
    assert len(_lines(submissions, SubmissionPolicy(max_predictions_bytes=size - 1))) == 1


@pytest.mark.parametrize("relative", ["../escape", "a/../../b", "/etc/passwd", ""])
def test_a_path_escaping_the_folder_is_refused(tmp_path: Path, relative: str) -> None:
    with pytest.raises(ValueError):
        relative_inside(tmp_path / "submissions", relative)


def test_a_plain_relative_path_is_accepted(tmp_path: Path) -> None:
    base = tmp_path / "submissions"
    assert relative_inside(base, "alpha") == base / "alpha"


def test_a_duplicate_system_name_is_rejected_with_one_line(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    write_submission(submissions, "alpha", metadata_dict(name="Fact Finder"))
    write_submission(submissions, "beta", metadata_dict(name="  fact   FINDER "))
    inspection = inspect_submissions(submissions, DOCS)
    assert [str(i) for i in inspection.issues] == [
        "submissions/beta/metadata.json: /name: system name '  fact   FINDER ' is already used "
        "by submissions/alpha (choose a distinct name, or update the existing submission instead)"
    ]
    assert [s.slug for s in inspection.submissions] == ["alpha"]


def test_extra_files_and_folders_are_rejected_one_line_each(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    folder = write_submission(submissions, "alpha")
    (folder / "run.py").write_text("print('hi')\n", encoding="utf-8")
    (folder / "extra").mkdir()
    lines = _lines(submissions)
    assert lines == [
        "submissions/alpha/extra: /: unexpected folder (a submission holds only metadata.json "
        "and predictions.jsonl; remove it)",
        "submissions/alpha/run.py: /: unexpected file (a submission holds only metadata.json "
        "and predictions.jsonl; remove it)",
    ]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    folder = write_submission(submissions, "alpha")
    (folder / "metadata.json").unlink()
    lines = _lines(submissions)
    assert len(lines) == 1
    assert lines[0].startswith("submissions/alpha/metadata.json: /: missing")


def test_loose_files_and_bad_slugs_in_submissions_are_rejected(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    write_submission(submissions, "Bad Slug")
    (submissions / "notes.txt").write_text("x", encoding="utf-8")
    (submissions / "README.md").write_text("# Submissions\n", encoding="utf-8")
    lines = _lines(submissions)
    assert len(lines) == 2
    assert lines[0].startswith("submissions/Bad Slug: /: folder name 'Bad Slug' is not a slug")
    assert lines[1].startswith("submissions/notes.txt: /: unexpected file in submissions/")


def test_predictions_for_unknown_documents_are_one_line_per_document(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    predictions = (
        prediction_line()
        + prediction_line("other-doc")
        + "\n"
        + prediction_line("other-doc")
        + prediction_line("third")
    )
    write_submission(submissions, "alpha", predictions=predictions)
    assert _lines(submissions) == [
        "submissions/alpha/predictions.jsonl: /line/2/document_id: 2 prediction(s) for unknown "
        "document 'other-doc' (use a document id listed in annotations/dataset.json)",
        "submissions/alpha/predictions.jsonl: /line/5/document_id: 1 prediction(s) for unknown "
        "document 'third' (use a document id listed in annotations/dataset.json)",
    ]


def test_malformed_metadata_and_predictions_name_the_file_and_place(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    folder = write_submission(submissions, "alpha", predictions="{not json\n")
    (folder / "metadata.json").write_text("{", encoding="utf-8")
    lines = _lines(submissions)
    assert len(lines) == 2
    assert lines[0].startswith("submissions/alpha/metadata.json: /: line 1 column 2: invalid JSON")
    assert lines[1].startswith("submissions/alpha/predictions.jsonl: /line/1: invalid JSON")


def test_schema_violations_in_metadata_are_reported(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    bad = metadata_dict(kind="magic", url="javascript:alert(1)")
    write_submission(submissions, "alpha", bad)
    lines = _lines(submissions)
    assert [line.split(": ")[1] for line in lines] == ["/kind", "/url"]


def test_a_flood_of_bad_lines_is_summarised(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    write_submission(submissions, "alpha", predictions="nope\n" * 20)
    lines = _lines(submissions)
    assert len(lines) == 6
    assert "15 more problem(s)" in lines[-1]


def test_a_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    submissions = tmp_path / "submissions"
    folder = write_submission(submissions, "alpha")
    (folder / "metadata.json").unlink()
    os.mkfifo(folder / "metadata.json")
    lines = _lines(submissions)
    assert lines == [
        "submissions/alpha/metadata.json: /: not a regular file (replace it with a plain file)"
    ]


def test_metadata_round_trips_through_the_model(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    data = metadata_dict()
    write_submission(submissions, "alpha", data)
    (submission,) = inspect_submissions(submissions, DOCS).submissions
    assert json.loads(submission.metadata.to_json()) == data


_FILE_NAMES = st.text(
    alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters="._-"),
    min_size=1,
    max_size=20,
).filter(lambda n: n not in {".", ".."} and n.lower() not in {"metadata.json", "predictions.jsonl"})


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(extra=st.sets(_FILE_NAMES, max_size=5))
def test_every_extra_file_is_exactly_one_issue_naming_it(tmp_path: Path, extra: set[str]) -> None:
    submissions = tmp_path / f"case-{len(list(tmp_path.iterdir()))}" / "submissions"
    folder = write_submission(submissions, "alpha")
    for name in extra:
        (folder / name).write_text("x", encoding="utf-8")
    inspection = inspect_submissions(submissions, DOCS)
    assert sorted(i.file for i in inspection.issues) == sorted(
        f"submissions/alpha/{name}" for name in extra
    )
    assert all(i.message == "unexpected file" for i in inspection.issues)
    assert [s.slug for s in inspection.submissions] == ([] if extra else ["alpha"])

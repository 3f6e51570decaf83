"""``bench list``: names from metadata, without importing any extractor or matcher."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from extractors.fixture_data import make_annotations

from benchmark.cli.main import main


def test_lists_baselines_matchers_and_the_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for name in ("null", "oracle", "sentences", "rules", "exact", "lenient"):
        assert f"  {name} " in out
    assert "extractbench" in out


def test_json_output_and_another_annotations_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_annotations(tmp_path / "a")
    assert main(["list", "--json", "--annotations", str(root)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {e["name"] for e in found["extractors"]} >= {"null", "oracle", "sentences", "rules"}
    assert found["datasets"] == [
        {"name": "fixture", "version": "0.0.1", "documents": ["doc-a", "doc-b"],
         "path": str(root)}
    ]


def test_unreadable_dataset_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--annotations", str(tmp_path)]) == 0
    assert "cannot read dataset.json" in capsys.readouterr().out


def test_listing_imports_no_extractor_and_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from benchmark.cli.main import main\n"
        "main(['list'])\n"
        "loaded = [m for m in sys.modules if m.startswith('benchmark.extractors.baselines') "
        "or m.split('.')[0] in ('numpy', 'scipy', 'sklearn', 'rich', 'jsonschema')]\n"
        "print('LOADED', loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "LOADED []"

"""``bench export``: JSONL files that `datasets` loads, and a lossless import back."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI_ID, mini_gold

from benchmark.cli.main import main
from benchmark.data.export import (
    EXPORT_FILES,
    ExportError,
    dump_rows,
    export_rows,
    import_rows,
    load_export,
    write_export,
)
from benchmark.data.loading import load_dataset


def test_round_trip_through_datasets_is_lossless(mini_annotations: Path, tmp_path: Path) -> None:
    dataset = load_dataset(mini_annotations)
    write_export(dataset, tmp_path / "out")
    imported = load_export(tmp_path / "out", cache_dir=tmp_path / "hf-cache")
    assert imported.documents == dataset.documents
    assert [g.to_dict() for g in imported.gold] == [g.to_dict() for g in dataset.gold]
    # Exactly, down to JSON types: Arrow's float widening and date inference are undone.
    assert json.dumps([g.to_dict() for g in imported.gold], sort_keys=True) == json.dumps(
        [g.to_dict() for g in dataset.gold], sort_keys=True)
    assert imported.gold[0].to_dict() == mini_gold()


def _arrowised(row: dict[str, Any], fill: dict[str, Any]) -> dict[str, Any]:
    """A row as Arrow may return it: missing keys present as None."""
    return {**fill, **row}


def test_import_undoes_arrow_filling_widening_and_date_inference(mini_annotations: Path) -> None:
    """What ``datasets`` versions do to columns (the installed one JSON-encodes mixed columns,
    older ones widen them to float; all fill missing keys with None and read dates as
    timestamps): import_rows must undo each."""
    dataset = load_dataset(mini_annotations)
    rows = {name: [json.loads(line) for line in dump_rows(r).splitlines()]
            for name, r in export_rows(dataset).items()}
    document = dict(rows["documents.jsonl"][0])
    document["publication_date"] = dt.datetime(2013, 2, 6)
    document["source"] = {**document["source"], "rights": None}
    facts = []
    for fact in rows["facts.jsonl"]:
        fact = _arrowised(fact, {"attribution": None, "note": None, "alternatives": None,
                                 "entities": None, "qualifiers": None})
        quantity = (fact["qualifiers"] or {}).get("quantity")
        if quantity:  # widened to float, with the keys other rows have
            quantity.update(range=[float(n) for n in quantity["range"]], value=None,
                            approximate=quantity.get("approximate"), vague=quantity.get("vague"))
        time = (fact["qualifiers"] or {}).get("time")
        if time:
            time["value"] = dt.datetime.fromisoformat(time["value"])
        facts.append(fact)
    entities = [_arrowised(e, {"aliases": None, "description": None})
                for e in rows["entities.jsonl"]]
    imported = import_rows([document], entities, facts)
    assert imported.documents == dataset.documents
    assert json.dumps(imported.gold[0].to_dict()) == json.dumps(dataset.gold[0].to_dict())


def test_rows_carry_every_field(mini_annotations: Path, tmp_path: Path) -> None:
    result = write_export(load_dataset(mini_annotations), tmp_path / "out")
    assert (result.documents, result.entities, result.facts) == (1, 2, 3)
    rows = {name: [json.loads(line) for line in
                   (tmp_path / "out" / name).read_text(encoding="utf-8").splitlines()]
            for name in EXPORT_FILES}
    document = rows["documents.jsonl"][0]
    assert document["id"] == MINI_ID and document["title"].startswith("Troops kill")
    assert set(document) >= {"text", "sha256", "segments", "source", "publication_date"}
    assert [r["id"] for r in rows["facts.jsonl"]] == ["f001", "f002", "f003"]
    assert all(r["document_id"] == MINI_ID for r in rows["facts.jsonl"] + rows["entities.jsonl"])
    assert {k: v for k, v in rows["facts.jsonl"][0].items() if k != "document_id"} == (
        mini_gold()["facts"][0])


def test_export_is_byte_identical_on_rerun(mini_annotations: Path, tmp_path: Path) -> None:
    dataset = load_dataset(mini_annotations)
    write_export(dataset, tmp_path / "a")
    write_export(dataset, tmp_path / "b")
    for name in EXPORT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "‘dozens’" in (tmp_path / "a" / "documents.jsonl").read_text(encoding="utf-8")


def test_refuses_to_overwrite_without_force(mini_annotations: Path, tmp_path: Path) -> None:
    dataset = load_dataset(mini_annotations)
    out = tmp_path / "out"
    out.mkdir()
    (out / "facts.jsonl").write_text("precious\n", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_export(dataset, out)
    assert sorted(p.name for p in out.iterdir()) == ["facts.jsonl"]  # nothing else written
    assert (out / "facts.jsonl").read_text(encoding="utf-8") == "precious\n"
    write_export(dataset, out, force=True)
    assert sorted(p.name for p in out.iterdir()) == sorted(EXPORT_FILES)


def test_writes_only_inside_the_directory(mini_annotations: Path, tmp_path: Path) -> None:
    before = {p for p in tmp_path.rglob("*")}
    write_export(load_dataset(mini_annotations), tmp_path / "new" / "nested")
    created = {p for p in tmp_path.rglob("*")} - before
    assert created == {tmp_path / "new", tmp_path / "new" / "nested",
                       *(tmp_path / "new" / "nested" / n for n in EXPORT_FILES)}


def test_import_rejects_rows_of_unknown_documents() -> None:
    with pytest.raises(ExportError, match="unknown document 'ghost'"):
        import_rows([], [], [{"document_id": "ghost", "id": "f1"}])


def test_cli_export_and_refusal(
    mini_annotations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(out), "--dataset", str(mini_annotations)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {out / 'documents.jsonl'} (1 rows)",
        f"wrote {out / 'entities.jsonl'} (2 rows)",
        f"wrote {out / 'facts.jsonl'} (3 rows)",
    ]
    assert main(["export", str(out), "--dataset", str(mini_annotations)]) == 1
    assert "already exists (pass --force to overwrite)" in capsys.readouterr().err
    assert main(["export", str(out), "--dataset", str(mini_annotations), "--force"]) == 0


def test_cli_refuses_to_export_invalid_annotations(
    mini_annotations: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = mini_annotations / "documents" / MINI_ID / "gold.json"
    gold.write_text(gold.read_text(encoding="utf-8").replace('"f002"', '"f001"'),
                    encoding="utf-8")
    assert main(["export", str(tmp_path / "out"), "--dataset", str(mini_annotations)]) == 1
    assert "/facts/1/id: fact id 'f001' repeats facts/0" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_heavy_libraries_are_not_imported_by_these_modules() -> None:
    code = (
        "import sys, benchmark.cli.main, benchmark.cli.validate, benchmark.cli.export, "
        "benchmark.data.export, benchmark.validation.files\n"
        "heavy = ('datasets', 'pyarrow', 'pandas', 'numpy', 'scipy', 'sklearn', 'rich', "
        "'matplotlib')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"

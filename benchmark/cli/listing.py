"""``bench list``: the extractors, matchers and datasets a command can name.

Reads entry-point metadata and the dataset index only: no plugin is imported, so a broken
or slow plugin cannot break or slow the listing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--annotations", type=Path, metavar="DIR", default=None,
                        help="annotations directory to describe (default: the shipped one)")


def listing(annotations: Path | None = None) -> dict[str, Any]:
    from benchmark.extractors.registry import BUILTIN_EXTRACTORS, available_extractors
    from benchmark.matching.registry import BUILTIN, ENTRY_POINT_GROUP

    return {
        "extractors": [
            {"name": name, "target": target, "builtin": BUILTIN_EXTRACTORS.get(name) == target}
            for name, target in available_extractors().items()
        ],
        "matchers": [
            {"name": name, "target": target, "builtin": BUILTIN.get(name) == target}
            for name, target in _matchers(ENTRY_POINT_GROUP, BUILTIN).items()
        ],
        "datasets": [_dataset(annotations)],
    }


def _matchers(group: str, builtin: dict[str, str]) -> dict[str, str]:
    from importlib.metadata import entry_points

    found = {**builtin, **{ep.name: ep.value for ep in entry_points(group=group)}}
    return dict(sorted(found.items()))


def _dataset(annotations: Path | None) -> dict[str, Any]:
    from benchmark.paths import annotations_dir

    root = annotations if annotations is not None else annotations_dir()
    try:
        index = json.loads((root / "dataset.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return {"path": str(root), "error": f"cannot read dataset.json: {exc}"}
    return {
        "name": index.get("name"),
        "version": index.get("version"),
        "documents": [entry.get("id") for entry in index.get("documents", [])],
        "path": str(root),
    }


def run(args: argparse.Namespace) -> int:
    found = listing(args.annotations)
    if args.json:
        print(json.dumps(found, indent=2, sort_keys=True))
        return 0
    print("extractors (bench evaluate NAME):")
    _print_table(found["extractors"])
    print("matchers (--matcher NAME):")
    _print_table(found["matchers"])
    print("datasets (--annotations DIR):")
    for dataset in found["datasets"]:
        if "error" in dataset:
            print(f"  {dataset['path']}: {dataset['error']}")
            continue
        count = len(dataset["documents"])
        print(f"  {dataset['name']} {dataset['version']}: {count} document"
              f"{'' if count == 1 else 's'} at {dataset['path']}")
    return 0


def _print_table(rows: list[dict[str, Any]]) -> None:
    width = max((len(row["name"]) for row in rows), default=0)
    for row in rows:
        origin = "built-in" if row["builtin"] else "plugin"
        print(f"  {row['name']:<{width}}  {row['target']}  ({origin})")

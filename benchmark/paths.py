"""Where the shipped schemas and annotations live.

An installed wheel carries them as ``benchmark/_data/{schemas,annotations}``; a source checkout
(editable install, tests) has them at the repository root. The packaged copy wins when present.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _data_dir(name: str) -> Path:
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    source = _PACKAGE_DIR.parent / name
    if source.is_dir():
        return source
    raise FileNotFoundError(
        f"cannot find the shipped {name}/ directory (looked in {packaged} and {source}); "
        "reinstall extractbench or run from a source checkout"
    )


def schemas_dir() -> Path:
    return _data_dir("schemas")


def annotations_dir() -> Path:
    return _data_dir("annotations")


def repository_root() -> Path | None:
    """The source checkout this package runs from, or None for an installed wheel."""
    root = _PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "annotations").is_dir() else None

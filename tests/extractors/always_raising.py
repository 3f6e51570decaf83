"""An extractor that raises on every document (bench evaluate must exit 1, results written)."""

from __future__ import annotations

from typing import Any


def extract(document: Any) -> list[dict[str, Any]]:
    raise RuntimeError("this extractor always fails")

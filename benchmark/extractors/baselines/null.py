"""The floor: predicts nothing, so recall is 0 and precision is undefined (reported as 0)."""

from __future__ import annotations

from typing import Any

from benchmark.model.document import Document


class NullExtractor:
    name = "null"
    version = "1.0"

    def extract(self, document: Document) -> list[dict[str, Any]]:
        return []

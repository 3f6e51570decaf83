"""extractbench: a hand-annotated fact-extraction benchmark and its evaluation harness.

The library API (what the ``bench`` CLI calls) is importable from here; heavy modules load
lazily, on first use of a name, so ``import benchmark`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "load_dataset": "benchmark.data.loading",
    "load_gold": "benchmark.data.loading",
    "Dataset": "benchmark.model.dataset",
    "Document": "benchmark.model.document",
    "Fact": "benchmark.model.gold",
    "Entity": "benchmark.model.gold",
    "GoldSet": "benchmark.model.gold",
    "Prediction": "benchmark.model.prediction",
    "Span": "benchmark.model.spans",
    "evaluate": "benchmark.api",
    "run_evaluation": "benchmark.api",
    "Evaluation": "benchmark.api",
    "score_predictions": "benchmark.api",
    "compare_results": "benchmark.api",
    "read_results": "benchmark.api",
    "write_results": "benchmark.api",
    "Extractor": "benchmark.extractors.protocol",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'benchmark' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value

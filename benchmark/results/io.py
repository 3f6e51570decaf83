"""Writing (atomic, never clobbering by accident, byte-deterministic) and reading results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmark.files import atomic_write_text
from benchmark.results.model import Results

DECIMALS = 6  # every float is rounded to this many decimals, so files compare byte for byte


class ResultsError(Exception):
    """One line: the file, the JSON path when there is one, the problem and the fix."""


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        rounded = round(value, DECIMALS)
        return 0.0 if rounded == 0 else rounded  # no "-0.0"
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def dumps_results(results: Results) -> str:
    return json.dumps(_rounded(results.to_dict()), sort_keys=True, indent=2,
                      ensure_ascii=False) + "\n"


def write_results(path: str | Path, results: Results, overwrite: bool = False) -> Path:
    """Write atomically (temp file in the same directory, then ``os.replace``)."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise ResultsError(f"{path}: already exists (pass --overwrite to replace it)")
    if not path.parent.is_dir():
        raise ResultsError(f"{path}: directory {path.parent} does not exist (create it first)")
    atomic_write_text(path, dumps_results(results))
    return path


def read_results(path: str | Path) -> Results:
    """A schema-validated results file, or ``ResultsError`` naming the first problem."""
    from benchmark.validation.schema_store import schema_issues

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResultsError(f"{path}: /: file not found (check the path)") from None
    except UnicodeDecodeError:
        raise ResultsError(f"{path}: /: not UTF-8 text (write results with bench)") from None
    except json.JSONDecodeError as exc:
        raise ResultsError(f"{path}: /: invalid JSON at line {exc.lineno} column {exc.colno}: "
                           f"{exc.msg} (regenerate the file with bench score)") from None
    issues = list(schema_issues("results", data, str(path)))
    if issues:
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        raise ResultsError(f"{issues[0]}{more}")
    return Results.from_dict(data)

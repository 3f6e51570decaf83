"""One validation problem, printed as ``file: json/path: message (fix)``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ValidationIssue:
    file: str
    json_path: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        fix = f" ({self.fix})" if self.fix else ""
        return f"{self.file}: {self.json_path}: {self.message}{fix}"


def json_path(parts: Iterable[object]) -> str:
    """``("facts", 3, "evidence")`` -> ``/facts/3/evidence`` (JSON Pointer; ``/`` is the root)."""
    rendered = "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return "/" + rendered


class ValidationFailed(Exception):
    """Raised by loaders when a file has issues; carries every issue, not just the first."""

    def __init__(self, issues: list[ValidationIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))

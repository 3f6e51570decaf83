"""A per-document problem recorded during a run (the run goes on unless --fail-fast)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ErrorKind = Literal[
    "exception",  # extract() raised
    "timeout",  # no answer within the per-document timeout; the worker was killed
    "crash",  # the worker process died (os._exit, segfault, ...)
    "invalid_output",  # not a list of facts / not JSON
    "invalid_fact",  # facts failing the prediction schema (dropped)
    "out_of_range",  # evidence offsets outside the text or quote mismatch (dropped)
    "truncated",  # more facts than the cap
]
ERROR_KINDS: tuple[str, ...] = (
    "exception",
    "timeout",
    "crash",
    "invalid_output",
    "invalid_fact",
    "out_of_range",
    "truncated",
)


@dataclass(frozen=True, order=True)
class DocumentError:
    document_id: str
    kind: str
    message: str
    json_path: str = "/"
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "kind": self.kind,
            "message": self.message,
            "json_path": self.json_path,
            "fix": self.fix,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentError:
        return cls(
            document_id=data["document_id"],
            kind=data["kind"],
            message=data["message"],
            json_path=data.get("json_path", "/"),
            fix=data.get("fix", ""),
        )

    def __str__(self) -> str:
        fix = f" ({self.fix})" if self.fix else ""
        return f"{self.document_id}: {self.kind}: {self.json_path}: {self.message}{fix}"


class FatalRunError(Exception):
    """Stops the whole run: --fail-fast, a failed set-up, or a --command program that exited.

    ``str()`` is one line; ``details`` holds a traceback worth showing above it, if any.
    """

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details

"""The prediction cache: an extractor's raw output per document, keyed by extractor name,
version and the document text's sha256, so an interrupted run can ``--resume``.

Only answers are cached (not exceptions or timeouts), so resuming retries the failures.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from benchmark.files import atomic_write_text

DEFAULT_CACHE_DIR = Path(".extractbench-cache")


@dataclass(frozen=True)
class PredictionCache:
    root: Path
    extractor_name: str
    extractor_version: str

    @property
    def directory(self) -> Path:
        key = json.dumps([self.extractor_name, self.extractor_version])
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        readable = re.sub(r"[^A-Za-z0-9._-]+", "_", self.extractor_name)[:40].strip("_") or "x"
        return self.root / f"{readable}-{digest}"

    def path_for(self, document_sha256: str) -> Path:
        return self.directory / f"{document_sha256}.json"

    def get(self, document_sha256: str) -> str | None:
        try:
            return self.path_for(document_sha256).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def put(self, document_sha256: str, output_json: str) -> None:
        atomic_write_text(self.path_for(document_sha256), output_json)

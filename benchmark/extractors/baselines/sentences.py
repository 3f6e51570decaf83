"""Every body sentence as a statement: tests how far copying the text goes."""

from __future__ import annotations

from typing import Any

from benchmark.model.document import Document


class SentenceExtractor:
    name = "sentences"
    version = "1.0"

    def extract(self, document: Document) -> list[dict[str, Any]]:
        return [
            {
                "statement": segment.span.text_in(document.text),
                "evidence": [{"start": segment.span.start, "end": segment.span.end}],
            }
            for segment in document.segments_of("body")
            if segment.span.text_in(document.text).strip()
        ]

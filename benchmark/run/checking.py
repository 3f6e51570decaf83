"""Turn one document's raw extractor output into predictions, recording what was dropped.

Each problem is recorded once per document (the first instance, with a count), so one bad
extractor cannot drown the report: the JSON path and fix point at the first bad fact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from benchmark.model.document import Document
from benchmark.model.prediction import Prediction
from benchmark.run.errors import DocumentError

DEFAULT_MAX_FACTS = 1000


@dataclass(frozen=True)
class CheckedOutput:
    predictions: tuple[Prediction, ...]
    errors: tuple[DocumentError, ...]


def facts_of(output: Any) -> list[Any] | None:
    """The fact list of an output: a list, or ``{"facts": [...]}``; None for anything else."""
    if isinstance(output, dict) and isinstance(output.get("facts"), list):
        return list(output["facts"])
    if isinstance(output, list):
        return output
    return None


def check_output_text(
    document: Document, text: str, max_facts: int = DEFAULT_MAX_FACTS
) -> CheckedOutput:
    """Check a JSON-encoded output (what workers and --command programs send back)."""
    try:
        output = json.loads(text)
    except json.JSONDecodeError as exc:
        shown = text.strip()[:80]
        return _failed(
            document,
            "invalid_output",
            f"not JSON ({exc.msg}): {shown!r}",
            "write exactly one JSON line per document: a list of facts or {\"facts\": [...]}",
        )
    return check_output(document, output, max_facts)


def check_output(
    document: Document, output: Any, max_facts: int = DEFAULT_MAX_FACTS
) -> CheckedOutput:
    facts = facts_of(output)
    if facts is None:
        return _failed(
            document,
            "invalid_output",
            f"output is a {_json_type(output)}, not a list of facts",
            "return a list of fact dicts (or {\"facts\": [...]})",
        )
    errors: list[DocumentError] = []
    if len(facts) > max_facts:
        errors.append(
            DocumentError(
                document.id,
                "truncated",
                f"{len(facts)} facts returned; only the first {max_facts} were kept",
                f"/facts/{max_facts}",
                "return fewer facts or raise the cap with --max-facts",
            )
        )
        facts = facts[:max_facts]
    predictions: list[Prediction] = []
    invalid: list[DocumentError] = []
    out_of_range: list[DocumentError] = []
    for position, fact in enumerate(facts):
        problem = _schema_problem(document, position, fact)
        if problem is not None:
            invalid.append(problem)
            continue
        prediction = Prediction.from_dict({**fact, "document_id": document.id})
        span_problem = _span_problem(document, position, prediction)
        if span_problem is not None:
            out_of_range.append(span_problem)
            continue
        predictions.append(prediction)
    errors.extend(_summarise(found, len(facts)) for found in (invalid, out_of_range) if found)
    return CheckedOutput(tuple(predictions), tuple(errors))


def _schema_problem(document: Document, position: int, fact: Any) -> DocumentError | None:
    from benchmark.validation.schema_store import schema_issues

    path = f"/facts/{position}"
    if not isinstance(fact, dict):
        return DocumentError(
            document.id, "invalid_fact", f"fact is a {_json_type(fact)}, not an object", path,
            "make each fact a dict with subject/predicate/object or statement",
        )
    if "document_id" in fact and fact["document_id"] != document.id:
        return DocumentError(
            document.id, "invalid_fact",
            f"document_id {fact['document_id']!r} is not this document", f"{path}/document_id",
            "leave document_id out; the harness adds it",
        )
    full = {**fact, "document_id": document.id}
    issues = list(schema_issues("prediction", full, "", ("facts", position)))
    if not issues:
        return None
    first = issues[0]
    return DocumentError(document.id, "invalid_fact", first.message, first.json_path, first.fix)


def _span_problem(
    document: Document, position: int, prediction: Prediction
) -> DocumentError | None:
    length = len(document.text)
    for number, span in enumerate(prediction.evidence):
        path = f"/facts/{position}/evidence/{number}"
        if not span.start < span.end <= length:
            return DocumentError(
                document.id, "out_of_range",
                f"span [{span.start}, {span.end}) is outside the text (length {length})", path,
                "use code-point offsets (Python str indices) with start < end <= len(text)",
            )
        if span.quote is not None and span.quote != span.text_in(document.text):
            return DocumentError(
                document.id, "out_of_range",
                f"quote {span.quote!r} is not text[{span.start}:{span.end}]", path,
                "use code-point offsets, not byte offsets, or drop the quote",
            )
    return None


def _summarise(found: list[DocumentError], total: int) -> DocumentError:
    first = found[0]
    return DocumentError(
        first.document_id,
        first.kind,
        f"{len(found)} of {total} facts dropped; first: {first.message}",
        first.json_path,
        first.fix,
    )


def _failed(document: Document, kind: str, message: str, fix: str) -> CheckedOutput:
    return CheckedOutput((), (DocumentError(document.id, kind, message, "/", fix),))


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

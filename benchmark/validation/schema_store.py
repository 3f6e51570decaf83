"""Load the shipped JSON Schemas into one registry and hand out validators.

Schemas reference each other by ``$id`` (``common.schema.json#/$defs/span``); the registry
resolves those locally, so validation never touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from benchmark.paths import schemas_dir
from benchmark.validation.issues import ValidationIssue, json_path

SCHEMA_FILES: dict[str, str] = {
    "common": "common.schema.json",
    "dataset": "dataset.schema.json",
    "document": "document.schema.json",
    "gold": "gold.schema.json",
    "prediction": "prediction.schema.json",
    "results": "results.schema.json",
    "submission": "submission.schema.json",
}


def load_schema(kind: str) -> dict[str, Any]:
    path = schemas_dir() / SCHEMA_FILES[kind]
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@cache
def _registry() -> Any:
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schemas_dir().glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(kind: str) -> Any:
    """A Draft 2020-12 validator for one schema kind, with format checking on."""
    from jsonschema import Draft202012Validator

    schema = load_schema(kind)
    return Draft202012Validator(
        schema,
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _fix_for(error: Any) -> str:
    keyword = error.validator
    if keyword == "required":
        return "add the missing field"
    if keyword == "additionalProperties":
        return "remove the field or check its spelling"
    if keyword in ("type", "enum", "const", "pattern", "format"):
        return "use a value of the documented type and form"
    if keyword in ("minimum", "maximum", "minLength", "minItems", "maxItems", "maxLength"):
        return "bring the value within the documented bounds"
    if keyword in ("anyOf", "oneOf"):
        return "follow one of the documented shapes"
    return "see the schema description for this field"


def schema_issues(
    kind: str, instance: Any, file: str, prefix: tuple[object, ...] = ()
) -> Iterator[ValidationIssue]:
    """Every schema violation of ``instance``, in a stable order (by JSON path, then message)."""
    errors = sorted(
        validator(kind).iter_errors(instance),
        key=lambda e: (list(map(str, e.absolute_path)), e.message),
    )
    for error in errors:
        message, fix = _for_alternatives(error) or (error.message, _fix_for(error))
        yield ValidationIssue(
            file=file,
            json_path=json_path((*prefix, *error.absolute_path)),
            message=_shorten(message),
            fix=fix,
        )


def _for_alternatives(error: Any) -> tuple[str, str] | None:
    """For anyOf/oneOf: what the closest accepted shape lacks ("a triple without its object"),
    instead of jsonschema's "is not valid under any of the given schemas"."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return None
    branches: dict[int, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    _, closest = min(branches.items(), key=lambda item: (len(item[1]), item[0]))
    if not all(sub.validator == "required" for sub in closest):
        return None
    instance = error.instance if isinstance(error.instance, dict) else {}
    missing = [name for sub in closest for name in sub.validator_value if name not in instance]
    shapes = " or ".join(
        " + ".join(branch["required"]) for branch in error.validator_value
        if isinstance(branch, dict) and "required" in branch)
    if not missing or not shapes:
        return None
    listed = ", ".join(repr(name) for name in missing)
    return (f"missing {listed}: a value here needs {shapes}",
            f"add {listed}, or give one of the other accepted shapes")


def _shorten(message: str, limit: int = 200) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."

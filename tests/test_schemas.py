"""The shipped JSON Schemas: well-formed, strict, documented, with valid examples; and
instances generated from them (hypothesis-jsonschema) validate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

from benchmark.paths import schemas_dir
from benchmark.validation.schema_store import _registry, validator

SCHEMA_PATHS = sorted(schemas_dir().glob("*.schema.json"))
SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_PATHS}


def test_the_schemas_are_there() -> None:
    assert {"common.schema.json", "dataset.schema.json", "document.schema.json",
            "gold.schema.json", "prediction.schema.json"} <= SCHEMAS.keys()


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(SCHEMAS[name])
    assert SCHEMAS[name]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_has_id_and_version(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema["$id"].endswith("/" + name)
    assert isinstance(schema.get("schema_version"), str) and schema["schema_version"]


def _subschemas(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (JSON pointer, subschema) below ``node``, the node included."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in ("examples", "enum", "const"):
                continue  # data, not schemas
            yield from _subschemas(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _subschemas(value, f"{pointer}/{index}")


def _resolve(schema_id: str, subschema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` (against the schema's own ``$id``) to the definition it names."""
    while "$ref" in subschema:
        resolved = _registry().resolver(base_uri=schema_id).lookup(subschema["$ref"])
        subschema = resolved.contents
        schema_id = resolved.resolver._base_uri
    return subschema


def _object_schemas(name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for pointer, node in _subschemas(SCHEMAS[name]):
        if node.get("type") == "object" or "properties" in node:
            yield pointer, node


def _is_map(node: dict[str, Any]) -> bool:
    """A keyed map (no named properties, every value checked by one schema), not a record."""
    return "properties" not in node and isinstance(node.get("additionalProperties"), dict)


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_object_forbids_unknown_properties(name: str) -> None:
    loose = [p or "/" for p, node in _object_schemas(name)
             if node.get("additionalProperties") is not False and not _is_map(node)]
    assert loose == []


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_property_has_a_description(name: str) -> None:
    schema_id = SCHEMAS[name]["$id"]
    undocumented = [
        f"{pointer}/properties/{prop}"
        for pointer, node in _object_schemas(name)
        for prop, subschema in node.get("properties", {}).items()
        if not (subschema.get("description") or _resolve(schema_id, subschema).get("description"))
    ]
    assert undocumented == []


def _examples() -> Iterator[tuple[str, str, Any]]:
    for name, schema in SCHEMAS.items():
        for pointer, node in _subschemas(schema):
            for example in node.get("examples", []):
                yield name, pointer, example


EXAMPLES = list(_examples())


def test_every_document_schema_has_examples() -> None:
    with_examples = {name for name, pointer, _ in EXAMPLES if pointer == ""}
    assert {n for n in SCHEMAS if n != "common.schema.json"} <= with_examples


@pytest.mark.parametrize(("name", "pointer", "example"), EXAMPLES,
                         ids=[f"{n}#{p}" for n, p, _ in EXAMPLES])
def test_every_example_validates(name: str, pointer: str, example: Any) -> None:
    # Validate against the subschema by reference, so its own $refs resolve as in the file.
    checker = Draft202012Validator({"$ref": f"{SCHEMAS[name]['$id']}#{pointer}"},
                                   registry=_registry(),
                                   format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [e.message for e in checker.iter_errors(example)]
    assert errors == []


# --- generated instances ---------------------------------------------------------------------


def bundle(node: Any, schema_id: str, names: bool = False) -> Any:
    """Inline every ``$ref`` (hypothesis-jsonschema resolves no remote refs) and spell 2020-12
    ``prefixItems`` as the draft-7 tuple form it understands. ``names`` marks a ``properties``
    mapping, whose keys are property names, not keywords."""
    if isinstance(node, list):
        return [bundle(value, schema_id) for value in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {k: bundle(v, schema_id) for k, v in node.items()}
    if "$ref" in node:
        resolved = _registry().resolver(base_uri=schema_id).lookup(node["$ref"])
        target = bundle(resolved.contents, resolved.resolver._base_uri)
        siblings = {k: bundle(v, schema_id) for k, v in node.items() if k != "$ref"}
        return {**target, **siblings}
    out = {k: bundle(v, schema_id, names=k == "properties") for k, v in node.items()
           if k not in ("$defs", "$id", "$schema", "schema_version", "examples")}
    if "prefixItems" in out:
        out["items"] = out.pop("prefixItems")
        out["additionalItems"] = False
    return out


class _LegacyMany:
    """hypothesis-jsonschema 0.23 drives ``cu.many`` with ``more()``; Hypothesis >= 6.1xx
    replaced that with a context manager and iterator. This adapter gives the old interface
    on top of the new one, so the installed pair works together."""

    def __init__(self, data: Any, **kwargs: Any) -> None:
        from hypothesis.internal.conjecture import utils

        self._many = utils.many(data, **kwargs)
        self._many.__enter__()
        self._elements = iter(self._many)

    def more(self) -> bool:
        if next(self._elements, StopIteration) is StopIteration:
            self._many.__exit__(None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


def _hypothesis_jsonschema_compatible() -> None:
    from hypothesis.internal.conjecture import utils
    from hypothesis_jsonschema import _from_schema

    if hasattr(utils.many, "more"):
        return  # the versions agree; nothing to adapt

    class _Utils:
        many = _LegacyMany

    _from_schema.cu = _Utils  # type: ignore[attr-defined]


_hypothesis_jsonschema_compatible()


def _bundled(name: str) -> dict[str, Any]:
    bundled: dict[str, Any] = bundle(SCHEMAS[name], SCHEMAS[name]["$id"])
    assert "$ref" not in json.dumps(bundled)
    return bundled


GENERATION = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@GENERATION
@given(from_schema(_bundled("prediction.schema.json")))
def test_generated_predictions_validate(instance: dict[str, Any]) -> None:
    assert [e.message for e in validator("prediction").iter_errors(instance)] == []


@GENERATION
@given(from_schema(_bundled("document.schema.json")))
def test_generated_documents_validate(instance: dict[str, Any]) -> None:
    assert [e.message for e in validator("document").iter_errors(instance)] == []


@GENERATION
@given(from_schema(_bundled("prediction.schema.json")), st.sampled_from(["document_id"]))
def test_a_generated_prediction_without_its_document_id_fails_at_the_root(
    instance: dict[str, Any], field: str
) -> None:
    del instance[field]
    errors = list(validator("prediction").iter_errors(instance))
    assert any(e.validator == "required" and list(e.absolute_path) == [] for e in errors)


@GENERATION
@given(from_schema(_bundled("document.schema.json")), st.data())
def test_a_generated_document_with_a_wrong_type_fails_at_that_field(
    instance: dict[str, Any], data: st.DataObject
) -> None:
    field = data.draw(st.sampled_from(sorted(instance)))
    instance[field] = [instance[field]] if field != "segments" else "not a list"
    errors = list(validator("document").iter_errors(instance))
    assert errors and all(list(e.absolute_path)[:1] == [field] for e in errors)


def test_bundling_keeps_the_tuple_form_of_quantity_ranges() -> None:
    common = bundle(SCHEMAS["common.schema.json"]["$defs"]["quantity"],
                    SCHEMAS["common.schema.json"]["$id"])
    assert common["properties"]["range"]["items"] == [{"type": "number"}, {"type": "number"}]
    assert Path(schemas_dir()).is_dir()


def test_a_half_triple_names_the_missing_slot() -> None:
    from benchmark.validation.schema_store import schema_issues

    (issue,) = schema_issues("prediction", {"document_id": "d", "subject": "France",
                                            "predicate": "launched"}, "p.jsonl", ("line", 1))
    assert issue.message.startswith("missing 'object'")
    assert "subject + predicate + object or statement" in issue.message
    assert issue.fix.startswith("add 'object'")

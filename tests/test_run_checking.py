"""Checking extractor output: invalid facts dropped and reported once per document."""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest
from extractors.fixture_data import EXTRACTORS
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmark.model.document import Document
from benchmark.run.checking import check_output, check_output_text

DOCUMENT = Document(id="doc-x", text="The “army” took the town.\n")


def _fixture(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"fixture_{name}", EXTRACTORS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_non_list_output_is_one_invalid_output_error() -> None:
    result = check_output(DOCUMENT, _fixture("non_dict").extract(Document("doc-string", "x")))
    assert result.predictions == ()
    [error] = result.errors
    assert (error.kind, error.json_path) == ("invalid_output", "/")
    assert "string" in error.message and error.fix


def test_non_dict_items_are_dropped_with_one_error_naming_the_first() -> None:
    result = check_output(DOCUMENT, _fixture("non_dict").extract(DOCUMENT))
    assert [p.statement for p in result.predictions] == ["The only valid fact."]
    [error] = result.errors
    assert error.kind == "invalid_fact"
    assert error.json_path == "/facts/0"
    assert error.message.startswith("2 of 3 facts dropped")


def test_wrong_types_are_dropped_and_valid_facts_kept() -> None:
    result = check_output(DOCUMENT, _fixture("wrong_types").extract(DOCUMENT))
    assert [p.statement for p in result.predictions] == ["Also valid."]
    [error] = result.errors
    assert error.message.startswith("4 of 5 facts dropped")
    assert error.json_path == "/facts/0/subject"
    assert error.fix == "use a value of the documented type and form"


def test_out_of_range_and_byte_offset_quotes_are_dropped() -> None:
    result = check_output(DOCUMENT, _fixture("out_of_range").extract(DOCUMENT))
    assert [p.statement for p in result.predictions] == ["Fine."]
    [error] = result.errors
    assert error.kind == "out_of_range"
    assert error.json_path == "/facts/0/evidence/0"
    assert error.message.startswith("3 of 4 facts dropped")


def test_more_facts_than_the_cap_are_truncated_with_one_error() -> None:
    facts = _fixture("many_facts").extract(DOCUMENT)
    result = check_output(DOCUMENT, facts)
    assert len(result.predictions) == 1000
    assert result.predictions[-1].statement == "Fact number 999."
    [error] = result.errors
    assert (error.kind, error.json_path) == ("truncated", "/facts/1000")
    assert len(check_output(DOCUMENT, facts, max_facts=20).predictions) == 20


def test_foreign_document_id_is_rejected() -> None:
    result = check_output(DOCUMENT, [{"document_id": "other", "statement": "x"}])
    assert result.predictions == ()
    assert result.errors[0].json_path == "/facts/0/document_id"


def test_wrapped_facts_and_bad_json_text() -> None:
    assert len(check_output_text(DOCUMENT, '{"facts": [{"statement": "x"}]}').predictions) == 1
    [error] = check_output_text(DOCUMENT, "not json").errors
    assert error.kind == "invalid_output"


def test_code_point_offsets_with_curly_quotes_are_accepted() -> None:
    start = DOCUMENT.text.index("army")
    fact = {"statement": "x", "evidence": [{"start": start, "end": start + 4, "quote": "army"}]}
    assert check_output(DOCUMENT, [fact]).errors == ()


text_values = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
valid_facts = st.one_of(
    st.fixed_dictionaries({"statement": text_values}),
    st.fixed_dictionaries(
        {"subject": text_values, "predicate": text_values, "object": text_values}
    ),
)
invalid_facts = st.one_of(
    st.integers(), st.fixed_dictionaries({"subject": text_values}), st.just({"statement": ""})
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), valid_facts, invalid_facts), max_size=12))
def test_valid_facts_survive_in_order_and_every_drop_is_counted(
    items: list[tuple[bool, dict[str, Any], Any]],
) -> None:
    facts = [valid if keep else invalid for keep, valid, invalid in items]
    kept = [valid for keep, valid, _ in items if keep]
    result = check_output(DOCUMENT, facts)
    assert [p.to_dict() for p in result.predictions] == [
        {**fact, "document_id": "doc-x"} for fact in kept
    ]
    dropped = len(facts) - len(kept)
    if dropped:
        [error] = result.errors
        assert error.message.startswith(f"{dropped} of {len(facts)} facts dropped")
    else:
        assert result.errors == ()


@pytest.mark.parametrize("output", [None, 3, {"facts": "no"}, {"other": []}])
def test_non_list_shapes(output: Any) -> None:
    assert [e.kind for e in check_output(DOCUMENT, output).errors] == ["invalid_output"]


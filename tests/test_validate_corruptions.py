"""Each kind of corruption of a valid annotations directory gives the right file and JSON path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI_ID, MINI_TEXT, write_json

from benchmark.validation.files import validate_paths

DOC = f"documents/{MINI_ID}"
Edit = Callable[[Any], None]


def _edit_json(path: Path, edit: Edit) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    write_json(path, data)


def _issues(root: Path) -> list[tuple[str, str, str]]:
    """(file relative to root, json path, message) of every issue."""
    report = validate_paths([root])
    return [(str(Path(i.file).relative_to(root)), i.json_path, i.message) for i in report.issues]


def test_the_fixture_is_valid(mini_annotations: Path) -> None:
    report = validate_paths([mini_annotations])
    assert report.issues == ()
    assert report.summary() == "1 document, 3 facts, 2 entities: valid"


def _set(*keys: Any, value: Any) -> Edit:
    def edit(data: Any) -> None:
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = value
    return edit


def _delete(*keys: Any) -> Edit:
    def edit(data: Any) -> None:
        for key in keys[:-1]:
            data = data[key]
        del data[keys[-1]]
    return edit


def _append(*keys: Any, value: Any) -> Edit:
    def edit(data: Any) -> None:
        for key in keys:
            data = data[key]
        data.append(value)
    return edit


END = len(MINI_TEXT)

# (file, edit, expected json path, a phrase of the message)
GOLD_CORRUPTIONS: list[tuple[str, Edit, str, str]] = [
    ("missing field", _delete("facts", 0, "statement"), "/facts/0", "'statement' is a required"),
    ("wrong type", _set("facts", 1, "required", value="yes"), "/facts/1/required",
     "is not of type 'boolean'"),
    ("unknown field", _set("entities", 0, "colour", value="red"), "/entities/0",
     "Additional properties"),
    ("span past the end", _set("facts", 2, "evidence", 0, "end", value=END + 3),
     "/facts/2/evidence/0/end", f"past the end of the text ({END} code points)"),
    ("start after end", _set("entities", 1, "mentions", 0, "start", value=40),
     "/entities/1/mentions/0/end", "is not after start 40"),
    ("quote mismatch", _set("facts", 0, "evidence", 1, "quote", value="French troops killed"),
     "/facts/0/evidence/1/quote", "quote differs from the text at character"),
    ("dangling entity id", _set("facts", 1, "entities", 0, value="mali"),
     "/facts/1/entities/0", "'mali' is not defined"),
    ("duplicate entity id", lambda gold: gold["entities"].append(gold["entities"][0]),
     "/entities/2/id", "repeats entities/0"),
    ("duplicate fact id", _set("facts", 2, "id", value="f001"), "/facts/2/id",
     "repeats facts/0"),
    ("month 13", _set("facts", 0, "qualifiers", "time", "value", value="2013-13"),
     "/facts/0/qualifiers/time/value", "month 13"),
    ("february 30", _set("facts", 0, "qualifiers", "time", "value", value="2013-02-30"),
     "/facts/0/qualifiers/time/value", "not a calendar date"),
    ("week 53 of 2013", _set("facts", 0, "qualifiers", "time", "value", value="2013-W53"),
     "/facts/0/qualifiers/time/value", "no ISO week 53"),
    ("backwards interval", _set("facts", 0, "qualifiers", "time", "value",
                                value="2013-02-05/2013-02-04"),
     "/facts/0/qualifiers/time/value", "ends before it starts"),
    ("alternative equal to canonical", _append("facts", 0, "alternatives", "subject",
                                               value="FRENCH TROOPS"),
     "/facts/0/alternatives/subject/1", "repeats the canonical value"),
    ("duplicate statement", _set("facts", 2, "statement",
                                 value="French troops killed dozens of fighters in Gao"),
     "/facts/2/statement", "same statement as fact 'f001'"),
    ("evidence in boilerplate", _append("facts", 2, "evidence",
                                        value={"start": MINI_TEXT.index("Arabic"),
                                               "end": MINI_TEXT.index("Arabic") + 6}),
     "/facts/2/evidence/1", "boilerplate segment 'bp01'"),
    ("range low above high", _set("facts", 1, "qualifiers", "quantity", "range",
                                  value=[3000, 1500]),
     "/facts/1/qualifiers/quantity/range", "low 3000 exceeds high 1500"),
    ("wrong document id", _set("document_id", value="other-doc"), "/document_id",
     "not the document's id"),
]


@pytest.mark.parametrize(("edit", "path", "phrase"),
                         [c[1:] for c in GOLD_CORRUPTIONS], ids=[c[0] for c in GOLD_CORRUPTIONS])
def test_gold_corruption_is_reported_at_its_path(
    mini_annotations: Path, edit: Edit, path: str, phrase: str
) -> None:
    _edit_json(mini_annotations / DOC / "gold.json", edit)
    issues = _issues(mini_annotations)
    assert [(f, p) for f, p, _ in issues] == [(f"{DOC}/gold.json", path)], issues
    assert phrase in issues[0][2]


def test_duplicate_fact_by_triple_modality_and_qualifiers(mini_annotations: Path) -> None:
    def duplicate(gold: Any) -> None:
        copy = dict(gold["facts"][0], id="f009", statement="Troops killed dozens in Gao.")
        gold["facts"].append(copy)

    _edit_json(mini_annotations / DOC / "gold.json", duplicate)
    assert _issues(mini_annotations) == [
        (f"{DOC}/gold.json", "/facts/3", "same triple, modality and qualifiers as fact 'f001'")
    ]


DOCUMENT_CORRUPTIONS: list[tuple[str, Edit, str, str]] = [
    ("bad sha256", _set("sha256", value="0" * 64), "/sha256", "differs from the text file's"),
    ("segment quote mismatch", _set("segments", 0, "quote", value="Troops kill"),
     "/segments/0/quote", "quote differs from the text at character"),
    ("overlapping segments", _set("segments", 3, "start", value=MINI_TEXT.index("the minister")),
     "/segments/3/quote", "differs"),
    ("duplicate segment id", _set("segments", 2, "id", value="hl01"), "/segments/2/id",
     "repeats segment 0"),
    ("impossible date", _set("publication_date", value="2013-02-30"), "/publication_date",
     "'2013-02-30'"),
]


@pytest.mark.parametrize(("edit", "path", "phrase"), [c[1:] for c in DOCUMENT_CORRUPTIONS],
                         ids=[c[0] for c in DOCUMENT_CORRUPTIONS])
def test_document_corruption_is_reported_at_its_path(
    mini_annotations: Path, edit: Edit, path: str, phrase: str
) -> None:
    _edit_json(mini_annotations / DOC / "document.json", edit)
    issues = [i for i in _issues(mini_annotations) if i[0] == f"{DOC}/document.json"]
    assert path in [p for _, p, _ in issues], issues
    assert any(phrase in m for _, p, m in issues if p == path)


def test_overlapping_segments_are_reported_even_when_quotes_match(mini_annotations: Path) -> None:
    start = MINI_TEXT.index("the minister said.")
    _edit_json(mini_annotations / DOC / "document.json",
               _set("segments", 3, value={"id": "b02", "kind": "body", "start": start,
                                          "end": start + 18}))
    assert _issues(mini_annotations) == [
        (f"{DOC}/document.json", "/segments/3/start",
         "segment 'b02' starts at " + str(start) + ", before segment 'b01' ends at "
         + str(MINI_TEXT.index("Between") - 1))
    ]


def test_a_changed_text_breaks_the_recorded_sha256(mini_annotations: Path) -> None:
    text_path = mini_annotations / DOC / "text.txt"
    text_path.write_bytes(text_path.read_bytes().replace(b"Gao\n", b"Gao \n", 1))
    issues = _issues(mini_annotations)
    assert (f"{DOC}/document.json", "/sha256") in [(f, p) for f, p, _ in issues]


@pytest.mark.parametrize("name", ["gold.json", "document.json", "../../dataset.json"])
def test_malformed_json_is_one_line_with_line_and_column(
    mini_annotations: Path, name: str
) -> None:
    path = mini_annotations / DOC / name
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rstrip(",")  # drop a comma: line 3 breaks, reported at line 4
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    issues = _issues(mini_annotations)
    relative = str((mini_annotations / DOC / name).resolve().relative_to(mini_annotations))
    assert len(issues) == 1, issues
    file, json_path, message = issues[0]
    assert (file, json_path) == (relative, "/")
    assert message.startswith("invalid JSON at line 4 column ")
    assert "\n" not in message


def test_index_corruptions(mini_annotations: Path) -> None:
    def corrupt(index: Any) -> None:
        index["documents"].append({"id": MINI_ID, "path": "documents/missing"})
        index["documents"].append({"id": "other", "path": f"documents/{MINI_ID}"})
        index["documents"].append({"id": "escape", "path": "../outside"})

    (mini_annotations.parent / "outside").mkdir()
    _edit_json(mini_annotations / "dataset.json", corrupt)
    index_issues = [(p, m) for f, p, m in _issues(mini_annotations) if f == "dataset.json"]
    assert index_issues == [
        ("/documents/1/id", f"document id '{MINI_ID}' repeats documents/0"),
        ("/documents/1/path", "folder 'documents/missing' does not exist"),
        ("/documents/2/id", f"documents/{MINI_ID}/document.json has id '{MINI_ID}', not 'other'"),
        ("/documents/3/path", "'../outside' points outside the dataset"),
    ]


def test_missing_gold_file(mini_annotations: Path) -> None:
    (mini_annotations / DOC / "gold.json").unlink()
    assert _issues(mini_annotations) == [(f"{DOC}/gold.json", "/", "file not found")]


def test_issues_are_sorted_with_numeric_path_order(mini_annotations: Path) -> None:
    body_start = MINI_TEXT.index("Between")

    def many(gold: Any) -> None:
        base = gold["facts"][2]
        for n in range(3, 12):  # eleven facts, each with a span past the end
            gold["facts"].append(dict(base, id=f"g{n:03d}", statement=f"Statement {n}.",
                                      object=f"object {n}",
                                      evidence=[{"start": body_start, "end": END + n}]))

    _edit_json(mini_annotations / DOC / "gold.json", many)
    paths = [p for _, p, _ in _issues(mini_annotations)]
    assert paths == [f"/facts/{n}/evidence/0/end" for n in range(3, 12)]
    assert validate_paths([mini_annotations]) == validate_paths([mini_annotations])


def test_a_fact_failing_its_schema_does_not_hide_other_facts_issues(
    mini_annotations: Path,
) -> None:
    def corrupt(gold: Any) -> None:
        del gold["facts"][0]["category"]
        gold["facts"][2]["evidence"][0]["end"] = END + 1
        gold["facts"][1]["id"] = "f003"

    _edit_json(mini_annotations / DOC / "gold.json", corrupt)
    assert [(p, m) for _, p, m in _issues(mini_annotations)] == [
        ("/facts/0", "'category' is a required property"),
        ("/facts/2/evidence/0/end",
         f"end {END + 1} is past the end of the text ({END} code points)"),
        ("/facts/2/id", "fact id 'f003' repeats facts/1"),
    ]


def test_an_entity_failing_its_schema_stops_the_semantic_checks(mini_annotations: Path) -> None:
    def corrupt(gold: Any) -> None:
        gold["entities"][0]["type"] = "robot"
        gold["facts"][2]["evidence"][0]["end"] = END + 1

    _edit_json(mini_annotations / DOC / "gold.json", corrupt)
    assert [p for _, p, _ in _issues(mini_annotations)] == ["/entities/0/type"]

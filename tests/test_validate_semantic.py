"""Property tests of the semantic checks: spans, ISO 8601 time values, predictions."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import MINI_ID, MINI_TEXT, mini_document, mini_gold
from hypothesis import given
from hypothesis import strategies as st

from benchmark.model import Document, GoldSet, Segment, Span
from benchmark.validation.files import validate_paths
from benchmark.validation.semantic import gold_issues, span_issues
from benchmark.validation.time_values import TimeValueError, parse_time_value

TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(text=TEXTS, start=st.integers(-3, 50), end=st.integers(-3, 50), quoted=st.booleans())
def test_a_span_is_valid_exactly_when_inside_the_text(
    text: str, start: int, end: int, quoted: bool
) -> None:
    quote = text[max(start, 0) : max(end, 0)] if quoted else None
    issues = list(span_issues(Span(start, end, quote or None), text, "f", ("s",)))
    assert (issues == []) == (0 <= start < end <= len(text))


@given(text=TEXTS.filter(bool), data=st.data())
def test_a_wrong_quote_is_reported_at_its_quote(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = data.draw(st.text(min_size=1, max_size=5).filter(lambda q: q != text[start:end]))
    issues = list(span_issues(Span(start, end, quote), text, "f", ("facts", 0, "evidence", 0)))
    assert [i.json_path for i in issues] == ["/facts/0/evidence/0/quote"]


def _mini() -> tuple[GoldSet, Document]:
    document = mini_document()
    return GoldSet.from_dict(mini_gold()), Document(
        id=MINI_ID, text=MINI_TEXT, segments=tuple(Segment.from_dict(s)
                                                   for s in document["segments"]))


@given(data=st.data(), overshoot=st.integers(1, 10_000))
def test_any_evidence_end_past_the_text_names_its_fact_and_span(
    data: st.DataObject, overshoot: int
) -> None:
    gold, document = _mini()
    i = data.draw(st.integers(0, len(gold.facts) - 1))
    j = data.draw(st.integers(0, len(gold.facts[i].evidence) - 1))
    fact = gold.facts[i]
    span = replace(fact.evidence[j], end=len(MINI_TEXT) + overshoot, quote=None)
    evidence = (*fact.evidence[:j], span, *fact.evidence[j + 1 :])
    facts = (*gold.facts[:i], replace(fact, evidence=evidence), *gold.facts[i + 1 :])
    issues = list(gold_issues(replace(gold, facts=facts), document, "gold.json"))
    assert [x.json_path for x in issues] == [f"/facts/{i}/evidence/{j}/end"]


@given(data=st.data())
def test_any_dangling_entity_reference_is_reported(data: st.DataObject) -> None:
    gold, document = _mini()
    i = data.draw(st.integers(0, len(gold.facts) - 1))
    missing = data.draw(st.from_regex(r"[a-z]{3,8}", fullmatch=True)
                        .filter(lambda e: e not in {x.id for x in gold.entities}))
    fact = gold.facts[i]
    facts = (*gold.facts[:i], replace(fact, entities=(*fact.entities, missing)),
             *gold.facts[i + 1 :])
    issues = list(gold_issues(replace(gold, facts=facts), document, "gold.json"))
    assert [x.json_path for x in issues] == [f"/facts/{i}/entities/{len(fact.entities)}"]


# --- ISO 8601 time values --------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(DATES)
def test_every_calendar_date_month_year_and_week_parses(day: dt.date) -> None:
    assert parse_time_value(day.isoformat()) == "date"
    assert parse_time_value(day.isoformat()[:7]) == "month"
    assert parse_time_value(day.isoformat()[:4]) == "year"
    year, week, _ = day.isocalendar()
    if 1 <= year <= 9999:
        assert parse_time_value(f"{year:04d}-W{week:02d}") == "week"


@given(DATES, DATES)
def test_an_interval_parses_exactly_when_ordered(a: dt.date, b: dt.date) -> None:
    value = f"{a.isoformat()}/{b.isoformat()}"
    if a <= b:
        assert parse_time_value(value) == "interval"
    else:
        with pytest.raises(TimeValueError, match="ends before it starts"):
            parse_time_value(value)


@given(st.integers(2000, 2030), st.integers(13, 99))
def test_months_past_twelve_fail(year: int, month: int) -> None:
    with pytest.raises(TimeValueError, match=f"month {month}"):
        parse_time_value(f"{year}-{month:02d}")


@pytest.mark.parametrize(("value", "form"), [
    ("2013-02-05", "date"), ("2013-01", "month"), ("2012", "year"), ("2013-W05", "week"),
    ("2015-W53", "week"), ("2013-02-04/2013-02-05", "interval"), ("P1Y", "duration"),
    ("P2W", "duration"), ("P1Y2M3D", "duration"),
])
def test_documented_forms(value: str, form: str) -> None:
    assert parse_time_value(value) == form


@pytest.mark.parametrize("value", [
    "2013-00", "2013-02-29", "2013-W00", "2013-W53", "0000", "P", "PT1H", "2013/02",
    "2013-02-05/2013-02", "13-02-05", "2013-2-5", "yesterday", "",
])
def test_invalid_forms(value: str) -> None:
    with pytest.raises(TimeValueError):
        parse_time_value(value)


# --- predictions -----------------------------------------------------------------------------


def _write_predictions(path: Path, rows: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_valid_predictions_summary(mini_annotations: Path, tmp_path: Path) -> None:
    path = _write_predictions(tmp_path / "p.jsonl", [
        {"document_id": MINI_ID, "statement": "Troops killed fighters."},
        "",
        {"document_id": MINI_ID, "subject": "a", "predicate": "b", "object": "c",
         "evidence": [{"start": 0, "end": 6, "quote": "Troops"}]},
    ])
    report = validate_paths([path], dataset_root=mini_annotations)
    assert report.issues == ()
    assert report.summary() == "2 predictions in 1 document: valid"


def test_prediction_issues_point_at_their_lines(mini_annotations: Path, tmp_path: Path) -> None:
    path = _write_predictions(tmp_path / "p.jsonl", [
        {"document_id": MINI_ID, "statement": "fine"},
        "",
        {"document_id": "unknown-doc", "statement": "x"},
        '{"document_id": "mini-doc", "statement": ',
        {"document_id": MINI_ID, "statement": "x", "evidence": [{"start": 5, "end": 9999}]},
        {"document_id": MINI_ID},
        {"document_id": MINI_ID, "statement": "x",
         "evidence": [{"start": 0, "end": 6, "quote": "Troopz"}]},
    ])
    report = validate_paths([path], dataset_root=mini_annotations)
    assert [i.json_path for i in report.issues] == [
        "/line/3/document_id", "/line/4", "/line/5/evidence/0/end", "/line/6",
        "/line/7/evidence/0/quote",
    ]
    assert "unknown document 'unknown-doc'" in report.issues[0].message
    assert "column" in report.issues[1].message
    assert report.predictions == 4

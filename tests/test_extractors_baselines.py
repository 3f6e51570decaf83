"""The baselines: null predicts nothing, oracle mirrors the gold, sentences copies body
segments, and the rule extractor handles generic English patterns (made-up sentences here,
never the shipped article)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from extractors.fixture_data import make_annotations

from benchmark.data.loading import load_dataset
from benchmark.extractors.baselines.null import NullExtractor
from benchmark.extractors.baselines.oracle import OracleExtractor
from benchmark.extractors.baselines.rules import RuleExtractor
from benchmark.extractors.baselines.sentences import SentenceExtractor
from benchmark.model.document import Document, Segment
from benchmark.model.spans import Span
from benchmark.run.checking import check_output


def _document(text: str) -> Document:
    return Document(id="doc-r", text=text)


def _facts(text: str) -> list[dict[str, Any]]:
    facts = RuleExtractor().extract(_document(text))
    assert check_output(_document(text), facts).errors == ()  # always schema-valid
    return facts


def _triples(text: str) -> list[tuple[str, str, str]]:
    return [(f["subject"], f["predicate"], f["object"]) for f in _facts(text)]


def test_null_predicts_nothing() -> None:
    assert NullExtractor().extract(_document("Anything at all.")) == []


def test_oracle_mirrors_every_gold_fact(tmp_path: Path) -> None:
    root = make_annotations(tmp_path / "a")
    dataset = load_dataset(root)
    oracle = OracleExtractor()
    oracle.bind_annotations(root)
    for document, gold in zip(dataset.documents, dataset.gold, strict=True):
        predictions = oracle.extract(document)
        assert check_output(document, predictions).errors == ()
        slots = ("subject", "predicate", "object", "statement")
        assert [tuple(p[s] for s in slots) for p in predictions] == [
            tuple(f.to_dict()[s] for s in slots) for f in gold.facts
        ]
        assert [p["evidence"] for p in predictions] == [
            [s.to_dict() for s in f.evidence] for f in gold.facts
        ]


def test_oracle_version_follows_the_gold(tmp_path: Path) -> None:
    first, second = make_annotations(tmp_path / "a"), make_annotations(tmp_path / "b")
    gold = second / "documents" / "doc-a" / "gold.json"
    gold.write_text(gold.read_text(encoding="utf-8").replace("budget", "plan"), encoding="utf-8")
    one, two = OracleExtractor(), OracleExtractor()
    one.bind_annotations(first)
    two.bind_annotations(second)
    assert one.version != two.version


def test_oracle_unknown_document_is_an_error(tmp_path: Path) -> None:
    oracle = OracleExtractor(make_annotations(tmp_path / "a"))
    with pytest.raises(KeyError, match="no gold"):
        oracle.extract(_document("x"))


def test_sentences_returns_body_segments_with_evidence() -> None:
    text = "Head\n\nOne sentence.\n\nTwo sentence."
    segments = (
        Segment("h", "headline", Span(0, 4)),
        Segment("b1", "body", Span(6, 19)),
        Segment("b2", "body", Span(21, 34)),
    )
    document = Document("doc-s", text, segments=segments)
    facts = SentenceExtractor().extract(document)
    assert facts == [
        {"statement": "One sentence.", "evidence": [{"start": 6, "end": 19}]},
        {"statement": "Two sentence.", "evidence": [{"start": 21, "end": 34}]},
    ]


def test_rules_simple_triple_with_evidence_and_asserted_modality() -> None:
    text = "The council approved the new budget."
    [fact] = _facts(text)
    assert (fact["subject"], fact["predicate"], fact["object"]) == (
        "The council", "approved", "the new budget",
    )
    assert fact["modality"] == "asserted"
    assert fact["evidence"] == [{"start": 0, "end": len(text)}]


def test_rules_strip_a_trailing_attribution() -> None:
    [fact] = _facts("The company closed three factories, the union leader said.")
    assert fact["attribution"] == "the union leader"
    assert fact["modality"] == "reported"
    assert fact["object"] == "three factories"
    assert fact["qualifiers"]["quantity"] == {"value": 3, "unit": "factories"}


def test_rules_strip_a_leading_attribution() -> None:
    [fact] = _facts("Police Chief Ana Ruiz said officers arrested two suspects.")
    assert fact["attribution"] == "Police Chief Ana Ruiz"
    assert (fact["subject"], fact["predicate"]) == ("officers", "arrested")


def test_rules_negation_and_future_modality() -> None:
    assert _facts("The minister did not sign the treaty.")[0]["modality"] == "negated"
    assert _facts("The ferry will resume service in June.")[0]["modality"] == "expected"


def test_rules_split_coordinated_objects() -> None:
    assert _triples("The city banned fireworks, kites and drones.") == [
        ("The city", "banned", "fireworks"),
        ("The city", "banned", "kites"),
        ("The city", "banned", "drones"),
    ]


def test_rules_quantities_approximate_and_vague() -> None:
    [approximate] = _facts("The storm destroyed nearly 1,200 homes.")
    assert approximate["qualifiers"]["quantity"] == {
        "value": 1200, "unit": "homes", "approximate": True,
    }
    [vague] = _facts("The floods displaced thousands of residents.")
    assert vague["qualifiers"]["quantity"] == {
        "range": [2000, 9999], "unit": "residents", "vague": True,
    }


def test_rules_ignore_text_without_a_clause() -> None:
    assert _facts("Breaking news") == []


def test_rules_split_a_pair_of_short_noun_phrases_but_not_clauses() -> None:
    assert _triples("Rebels seized the port and the old airport.") == [
        ("Rebels", "seized", "the port"),
        ("Rebels", "seized", "the old airport"),
    ]
    [whole] = _triples("Rebels seized the port and then they left quickly.")
    assert whole[2] == "the port and then they left quickly"

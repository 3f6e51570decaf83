"""A triple that comes with its own statement is also judged by the statement (lenient 1.1).

Extractors cut facts into slots at other boundaries than the gold ("France has" / "2,150
soldiers" / "in Mali"); when they also give the sentence, the right fact must still be credited,
and the guards must still reject a wrong one.
"""

from __future__ import annotations

from typing import Any

from benchmark.matching.protocol import MatchContext
from benchmark.matching.registry import get_matcher
from benchmark.model import Fact, GoldSet, Prediction

SOLDIERS = Fact.from_dict({
    "id": "f041", "statement": "France has 2,150 soldiers in Mali.", "subject": "France",
    "predicate": "has", "object": "2,150 soldiers in Mali", "modality": "asserted",
    "evidence": [{"start": 0, "end": 1}], "category": "troop_deployment",
    "qualifiers": {"quantity": {"value": 2150, "unit": "soldiers"}},
})
CONTEXT = MatchContext(document=None, gold=GoldSet("doc", (), (SOLDIERS,)))
SHIFTED = {"subject": "France has", "predicate": "2,150 soldiers", "object": "in Mali"}


def _judge(**prediction: Any) -> tuple[str, float]:
    result = get_matcher("lenient").score(Prediction(document_id="doc", **prediction),
                                          SOLDIERS, CONTEXT)
    return result.reason, result.score


def test_shifted_slots_alone_fall_below_the_threshold() -> None:
    reason, score = _judge(**SHIFTED)
    assert reason == "below_threshold"
    assert score < 0.65


def test_shifted_slots_with_the_statement_are_credited() -> None:
    assert _judge(**SHIFTED, statement="France has 2,150 soldiers in Mali.") == ("matched", 1.0)


def test_statement_path_keeps_the_number_guard() -> None:
    reason, score = _judge(subject="France has", predicate="4,000 soldiers", object="in Mali",
                           statement="France has 4,000 soldiers in Mali.")
    assert (reason, score) == ("number_mismatch", 0.0)


def test_statement_path_does_not_credit_swapped_roles() -> None:
    reason, _ = _judge(subject="Mali", predicate="has", object="2,150 French soldiers",
                       statement="Mali has 2,150 French soldiers.")
    assert reason != "matched"

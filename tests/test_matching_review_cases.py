"""Pairs an independent review found decided wrongly by lenient 1.2, on the shipped gold.

Each is a prediction a careful reader decides at a glance; the comment says why.
"""

from __future__ import annotations

from typing import Any

import pytest

from benchmark.data.loading import load_dataset
from benchmark.matching.protocol import MatchContext
from benchmark.matching.registry import get_matcher
from benchmark.model import Prediction
from benchmark.scoring import score_predictions

DATASET = load_dataset()
DOCUMENT = DATASET.documents[0]
GOLD = DATASET.gold_for(DOCUMENT.id)
CONTEXT = MatchContext(document=DOCUMENT, gold=GOLD)


def _decide(fact_id: str, prediction: dict[str, Any]) -> tuple[str, str]:
    result = get_matcher("lenient").score(
        Prediction(document_id=DOCUMENT.id, **prediction), GOLD.fact(fact_id), CONTEXT)
    return result.reason, result.detail


@pytest.mark.parametrize(
    ("fact_id", "prediction", "reason"),
    [
        # places the article never names
        ("f001", {"statement": "Le Drian said the offensive killed hundreds of Islamist "
                               "fighters in Niger."}, "entity_mismatch"),
        ("f013", {"statement": "France launched an offensive against militants in Senegal "
                               "last month."}, "entity_mismatch"),
        ("f021", {"statement": "French and Malian troops freed Timbuktu."}, "entity_mismatch"),
        # the gold's participants in another relation
        ("f018", {"statement": "Al Qaeda-linked militants turned northern Mali into a "
                               "terrorist haven."}, "below_threshold"),
        # an attempt is not its outcome
        ("f027", {"statement": "Troops have secured Kindal."}, "modality_mismatch"),
        ("f027", {"subject": "French troops", "predicate": "secured", "object": "Kidal"},
         "modality_mismatch"),
        # "more than 3,800" contradicts "nearly 3,800", whatever the looser alternative says
        ("f044", {"statement": "French troops are fighting alongside more than 3,800 African "
                               "soldiers."}, "number_mismatch"),
        # the fabled city is Timbuktu, but controlling it is not being fabled
        ("f022", {"statement": "Islamist militants now control Timbuktu and Gao."},
         "below_threshold"),
        # a different count than "hundreds" is a number mismatch, whatever else is close
        ("f001", {"statement": "French troops kill thousands of Islamist fighters in Mali."},
         "number_mismatch"),
        # drops the cause: f016 is that the campaign sent them fleeing (see METRIC_CARD.md)
        ("f016", {"statement": "Islamist fighters fled into the desert."}, "below_threshold"),
    ],
)
def test_wrong_facts_are_rejected_for_the_right_reason(
        fact_id: str, prediction: dict[str, Any], reason: str) -> None:
    assert _decide(fact_id, prediction)[0] == reason


@pytest.mark.parametrize(
    ("fact_id", "prediction"),
    [
        # the article's own words; "from Mali" is not in the sentence either
        ("f003", {"statement": "his troops prepare to start withdrawing next month."}),
        # an OpenIE-style reporting triple: the clause is the fact
        ("f001", {"subject": "Le Drian", "predicate": "said",
                  "object": "the offensive killed hundreds of Islamist fighters"}),
        # British spelling, a possessive for the adjective
        ("f005", {"statement": "Le Drian is France's defence minister."}),
        # added context in a place the fact holds in
        ("f021", {"statement": "French forces freed Timbuktu from Islamist militants in Mali."}),
        ("f044", {"statement": "French troops fight alongside about 3,800 African soldiers."}),
    ],
)
def test_right_paraphrases_match(fact_id: str, prediction: dict[str, Any]) -> None:
    assert _decide(fact_id, prediction)[0] == "matched"


def test_reasons_name_the_number_and_the_date() -> None:
    reason, detail = _decide("f013", {"statement": "France launched an offensive against "
                                                   "militants in Mali in April 2013."})
    assert reason == "number_mismatch"
    assert "date 2013-04" in detail and "gold dates: 2013-01" in detail


def test_an_optional_fact_does_not_absorb_a_false_prediction() -> None:
    false_fact = Prediction(document_id=DOCUMENT.id,
                            statement="Islamist militants now control Timbuktu and Gao.")
    (decision,) = score_predictions(DATASET, [false_fact]).predictions
    assert decision.outcome == "fp"
